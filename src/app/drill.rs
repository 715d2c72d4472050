//! The drill being played in the app: the core session and what the trainee has answered,
//! the one place the app changes the engine. Screens read it and send answers to it.

use crate::playbook::Playbook;
use crate::scenario::{DecisionRef, Scenario, SimTime};
use crate::scoring::Score;
use crate::session::{Answer, AnswerError, Event, Session};
use crate::wording::Checker;
use bevy::prelude::*;

/// The drill in progress, if any. The scenario is kept for the life of the app (a drill
/// borrows it), so a drill can be a plain resource.
#[derive(Resource)]
pub struct Drill {
    pub session: Session<'static>,
    pub checker: Checker,
    /// Every answer with its simulated time, in order: what an answers file or record holds.
    pub actions: Vec<(SimTime, DecisionRef, Answer)>,
    /// Events the trainee has not looked at yet (unread injects).
    pub unread: Vec<String>,
    pub score: Option<Score>,
    /// Text typed in each draft or free-text decision, kept across frames.
    pub drafts: std::collections::HashMap<usize, String>,
    /// The last refusal, shown until the next action.
    pub refusal: Option<String>,
}

impl Drill {
    pub fn start(
        scenario: Scenario,
        playbook: &Playbook,
        seed: u64,
        lang: crate::text::Lang,
    ) -> Drill {
        let scenario: &'static Scenario = Box::leak(Box::new(scenario));
        let (mut session, events) = Session::new(scenario, seed);
        if scenario.languages.contains(&lang) {
            session.lang = lang;
        }
        let mut drill = Drill {
            session,
            checker: Checker::new(playbook),
            actions: Vec::new(),
            unread: Vec::new(),
            score: None,
            drafts: Default::default(),
            refusal: None,
        };
        drill.note(&events);
        drill
    }

    fn note(&mut self, events: &[Event]) {
        for e in events {
            if let Event::InjectArrived { inject, .. } = e {
                self.unread.push(inject.clone());
            }
        }
    }

    pub fn advance_by(&mut self, minutes: u32) {
        let events = self.session.advance_by(minutes);
        self.note(&events);
    }

    pub fn advance_to_next_event(&mut self) {
        let events = self.session.advance_to_next_event();
        self.note(&events);
    }

    pub fn answer(&mut self, decision: DecisionRef, answer: Answer) -> Result<(), AnswerError> {
        let at = self.session.now();
        match self.session.answer(decision, answer.clone()) {
            Ok(events) => {
                self.actions.push((at, decision, answer));
                self.note(&events);
                self.refusal = None;
                Ok(())
            }
            Err(e) => {
                self.refusal = Some(e.to_string());
                Err(e)
            }
        }
    }

    pub fn finish(&mut self, playbook: &Playbook) {
        self.session.finish();
        self.score = Some(crate::scoring::score(
            &self.session,
            playbook,
            &self.checker,
        ));
    }
}
