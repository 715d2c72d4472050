//! The drill being played in the app: the core session and what the trainee has answered.
//! Screens never change it directly: they send `DrillCommand`s as data, and one system,
//! `apply_commands`, applies them, the same way a test or a replay would.

use super::{ActivePlaybook, AppData};
use crate::answers::Answers;
use crate::playbook::Playbook;
use crate::record::Record;
use crate::run::Outcome;
use crate::scenario::{DecisionRef, Scenario, SimTime};
use crate::scoring::{Finding, Score};
use crate::session::{Answer, Event, Session};
use crate::text::Lang;
use crate::wording::Checker;
use bevy::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What a trainee (or a test, or a replay) does to the running drill.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum DrillCommand {
    /// Let this many minutes of scenario time pass.
    Advance(u32),
    /// Let time pass until the next inject, deadline or fact change.
    ToNextEvent,
    /// Answer an open decision now.
    Answer(DecisionRef, Answer),
    /// End the drill, score it and save its record.
    Finish,
    /// Drop the drill without a record.
    Abandon,
}

/// The drill in progress, if any. The scenario is kept for the life of the app (a drill
/// borrows it), so a drill can be a plain resource.
#[derive(Resource)]
pub struct Drill {
    pub session: Session<'static>,
    pub checker: Checker,
    pub seed: u64,
    /// The file the scenario came from, written into the record for `rescore`.
    pub scenario_path: PathBuf,
    /// When the drill began in the room (RFC 3339), for the record.
    pub started: String,
    /// Every answer with its simulated time, in order: what an answers file or record holds.
    pub actions: Vec<(SimTime, DecisionRef, Answer)>,
    /// Injects the trainee has not looked at yet.
    pub unread: Vec<String>,
    /// Text typed in each draft or free-text decision, kept across frames.
    pub drafts: HashMap<usize, String>,
    /// The last refusal, shown until the next action.
    pub refusal: Option<String>,
    /// Practice mode: how the last answered decision scored.
    pub feedback: Option<(DecisionRef, Vec<Finding>)>,
    pub score: Option<Score>,
    pub record: Option<Record>,
    /// Where the record was saved, or why it was not.
    pub saved: Option<Result<PathBuf, String>>,
    /// The scenario's exemplary answers played on the same seed, for the side-by-side debrief.
    pub exemplary: Option<Outcome<'static>>,
}

impl Drill {
    pub fn start(
        scenario: Scenario,
        scenario_path: &Path,
        playbook: &Playbook,
        seed: u64,
        lang: Lang,
        started: String,
    ) -> Drill {
        let scenario: &'static Scenario = Box::leak(Box::new(scenario));
        let (mut session, events) = Session::new(scenario, seed);
        if scenario.languages.contains(&lang) {
            session.lang = lang;
        }
        let mut drill = Drill {
            session,
            checker: Checker::new(playbook),
            seed,
            scenario_path: scenario_path.to_path_buf(),
            started,
            actions: Vec::new(),
            unread: Vec::new(),
            drafts: HashMap::new(),
            refusal: None,
            feedback: None,
            score: None,
            record: None,
            saved: None,
            exemplary: None,
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

    /// Applies one command; `Finish` scores the drill and builds its record.
    pub fn apply(&mut self, command: &DrillCommand, playbook: &Playbook, practice: bool) {
        if self.score.is_some() {
            return;
        }
        match command {
            DrillCommand::Advance(minutes) => {
                let events = self.session.advance_by(*minutes);
                self.note(&events);
            }
            DrillCommand::ToNextEvent => {
                let events = self.session.advance_to_next_event();
                self.note(&events);
            }
            DrillCommand::Answer(decision, answer) => {
                let at = self.session.now();
                match self.session.answer(*decision, answer.clone()) {
                    Ok(events) => {
                        self.actions.push((at, *decision, answer.clone()));
                        self.note(&events);
                        self.refusal = None;
                        self.drafts.remove(&decision.0);
                        self.feedback = practice.then(|| {
                            let id = &self.session.scenario.decision(*decision).id;
                            let score =
                                crate::scoring::score(&self.session, playbook, &self.checker);
                            let findings = score
                                .findings
                                .into_iter()
                                .filter(|f| f.decision.as_deref() == Some(id.as_str()))
                                .collect();
                            (*decision, findings)
                        });
                    }
                    Err(e) => self.refusal = Some(e.to_string()),
                }
            }
            DrillCommand::Finish => self.finish(playbook),
            DrillCommand::Abandon => {}
        }
    }

    /// The answers given so far, as `pressroom run` would read them from a file.
    pub fn answers(&self) -> Answers {
        Answers::from_played(
            self.seed,
            self.session.lang,
            Vec::new(),
            Vec::new(),
            self.actions
                .iter()
                .map(|(at, d, a)| (*at, *d, a.clone(), None)),
        )
    }

    fn finish(&mut self, playbook: &Playbook) {
        self.session.finish();
        let score = crate::scoring::score(&self.session, playbook, &self.checker);
        let answers = self.answers();
        let wall: Vec<Option<String>> = vec![None; answers.actions.len()];
        let mut record = Record::new(
            self.session.scenario,
            Some(
                std::path::absolute(&self.scenario_path)
                    .unwrap_or_else(|_| self.scenario_path.clone())
                    .display()
                    .to_string(),
            ),
            playbook,
            self.seed,
            self.session.lang,
            &answers,
            &wall,
            &score,
        );
        record.started = Some(self.started.clone());
        self.record = Some(record);
        self.exemplary = exemplary(
            self.session.scenario,
            &self.scenario_path,
            playbook,
            &self.checker,
            self.seed,
        );
        self.score = Some(score);
    }
}

/// The exemplary answers bundled beside the scenario (`answers/NAME.exemplary.ron`), played
/// on the same seed; `None` when there are none or they no longer play.
fn exemplary(
    scenario: &'static Scenario,
    path: &Path,
    playbook: &Playbook,
    checker: &Checker,
    seed: u64,
) -> Option<Outcome<'static>> {
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    let file = path
        .parent()?
        .join("answers")
        .join(format!("{stem}.exemplary.ron"));
    let src = std::fs::read_to_string(file).ok()?;
    let answers = crate::answers::parse(&src, scenario).ok()?;
    crate::run::play(scenario, playbook, checker, &answers, seed).ok()
}

/// The one system that changes the drill: applies this frame's commands in order, saves the
/// record when the drill ends, and removes an abandoned drill.
pub fn apply_commands(
    mut commands: Commands,
    mut incoming: MessageReader<DrillCommand>,
    drill: Option<ResMut<Drill>>,
    playbook: Res<ActivePlaybook>,
    mut data: ResMut<AppData>,
) {
    let Some(mut drill) = drill else {
        incoming.clear();
        return;
    };
    let practice = data.settings.practice_feedback;
    for command in incoming.read() {
        if *command == DrillCommand::Abandon {
            commands.remove_resource::<Drill>();
            return;
        }
        let was_over = drill.score.is_some();
        drill.apply(command, &playbook.0, practice);
        if !was_over && let Some(record) = &drill.record {
            let saved = match &data.dir {
                Some(dir) => dir
                    .save_record(record)
                    .map_err(|e| format!("{}: {e}", dir.records().display())),
                None => Err("no data folder on this system".to_string()),
            };
            if let Err(why) = &saved {
                data.notice = Some(why.clone());
            }
            drill.saved = Some(saved);
        }
    }
}
