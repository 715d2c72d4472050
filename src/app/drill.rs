//! The drill being played in the app: the core session and what the trainee has answered.
//! Screens never change it directly: they send `DrillCommand`s as data, and one system,
//! `apply_commands`, applies them, the same way a test or a replay would.

use super::{ActivePlaybook, AppData};
use crate::playbook::Playbook;
use crate::records::answers::Fire;
use crate::records::answers::{Action, Answers, Step};
use crate::records::log::Log;
use crate::records::record::{Journal, Member, Note, Record};
use crate::records::replay::Outcome;
use crate::scenario::{DecisionRef, InjectRef, Scenario, SimTime};
use crate::scoring::{Finding, Score};
use crate::session::{Answer, Event, Session};
use crate::text::Lang;
use crate::wording::Checker;
use bevy::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a trainee (or a test, or a replay) does to the running drill.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum DrillCommand {
    /// Let this many minutes of scenario time pass.
    Advance(u32),
    /// Let time pass until the next inject, deadline or fact change.
    ToNextEvent,
    /// Answer an open decision now.
    Answer(DecisionRef, Answer),
    /// The facilitator fires one of the scenario's optional injects now.
    Fire(InjectRef),
    /// The facilitator pins an observation to the scenario clock.
    Note(String),
    /// Team mode: the team, who takes which function, and which open corrective actions
    /// this drill closes.
    Team {
        name: String,
        members: Vec<Member>,
        closes: Vec<String>,
    },
    /// End the drill, score it and save its record.
    Finish,
    /// Drop the drill without a record.
    Abandon,
}

/// The drill in progress, if any. The scenario is kept for the life of the app (a drill
/// borrows it), so a drill can be a plain resource.
#[derive(Resource)]
pub struct Drill {
    pub session: Session,
    pub checker: Checker,
    pub seed: u64,
    /// The file the scenario came from, written into the record for `rescore`.
    pub scenario_path: PathBuf,
    /// When the drill began in the room (RFC 3339), for the record.
    pub started: String,
    /// Every answer with its simulated time and who gave it, in order: what an answers file
    /// or record holds.
    pub actions: Vec<Action>,
    /// Optional injects the facilitator fired.
    pub fired: Vec<Fire>,
    /// The facilitator's notes.
    pub notes: Vec<Note>,
    /// Team mode: the team's name and members; `None` for a solo drill.
    pub team: Option<String>,
    pub members: Vec<Member>,
    /// Corrective actions from earlier drills this one closes.
    pub closes: Vec<String>,
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
    pub exemplary: Option<Outcome>,
    /// Team mode: the facilitator shows scores during play (hidden by default).
    pub show_scores: bool,
}

impl Drill {
    pub fn start(
        scenario: Arc<Scenario>,
        scenario_path: &Path,
        playbook: &Playbook,
        seed: u64,
        lang: Lang,
        started: String,
    ) -> Drill {
        let (mut session, events) = Session::new(&scenario, seed);
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
            fired: Vec::new(),
            notes: Vec::new(),
            team: None,
            members: Vec::new(),
            closes: Vec::new(),
            unread: Vec::new(),
            drafts: HashMap::new(),
            refusal: None,
            feedback: None,
            score: None,
            record: None,
            saved: None,
            exemplary: None,
            show_scores: false,
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
                        let by = self.owner_of(*decision);
                        self.actions.push(Action {
                            at,
                            decision: *decision,
                            answer: answer.clone(),
                            by,
                            field: format!("actions[{}]", self.actions.len()),
                        });
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
            DrillCommand::Fire(inject) => {
                let at = self.session.now();
                let events = self.session.fire(*inject);
                if !events.is_empty() {
                    self.fired.push(Fire {
                        at,
                        inject: *inject,
                        after: self.actions.len(),
                    });
                    self.note(&events);
                }
            }
            DrillCommand::Note(text) => {
                let text = text.trim();
                if !text.is_empty() {
                    self.notes.push(Note {
                        at: self.session.now(),
                        text: text.to_string(),
                    });
                }
            }
            DrillCommand::Team {
                name,
                members,
                closes,
            } => {
                let name = name.trim();
                self.team = (!name.is_empty()).then(|| name.to_string());
                self.members = members
                    .iter()
                    .filter(|m| !m.name.trim().is_empty())
                    .cloned()
                    .collect();
                self.closes = closes.clone();
            }
            DrillCommand::Finish => self.finish(playbook),
            DrillCommand::Abandon => {}
        }
    }

    /// In a team drill, the member who holds the decision's function answers for it.
    fn owner_of(&self, d: DecisionRef) -> Option<String> {
        let function = self.session.scenario.decision(d).owner?;
        self.members
            .iter()
            .find(|m| m.function == function)
            .map(|m| m.name.clone())
    }

    /// The drill so far, as the journal a crash leaves behind.
    pub fn journal(&self) -> Journal {
        let scenario = &*self.session.scenario;
        let log = Log::from_played(scenario, &self.actions, &self.fired, &[]);
        Journal {
            format: crate::records::record::FORMAT,
            scenario: scenario.id.clone(),
            scenario_hash: scenario.content_hash(),
            scenario_path: Some(self.scenario_path.display().to_string()),
            seed: self.seed,
            lang: self.session.lang,
            started: Some(self.started.clone()),
            team: self.team.clone(),
            members: self.members.clone(),
            now: self.session.now(),
            actions: log.actions,
            fired: log.fired,
            notes: self.notes.clone(),
        }
    }

    /// Rebuilds a drill from its journal: the same start, every action, fired inject and note
    /// replayed in order, the clock where it stood.
    pub fn resume(
        journal: &Journal,
        scenario: Arc<Scenario>,
        scenario_path: &Path,
        playbook: &Playbook,
    ) -> Result<Drill, String> {
        let answers = journal.answers(&scenario)?;
        let mut drill = Drill::start(
            scenario,
            scenario_path,
            playbook,
            journal.seed,
            journal.lang,
            journal.started.clone().unwrap_or_default(),
        );
        drill.team = journal.team.clone();
        drill.members = journal.members.clone();
        for step in answers.steps() {
            drill.advance_to(step.at());
            let a = match step {
                Step::Fire(f) => {
                    drill.apply(&DrillCommand::Fire(f.inject), playbook, false);
                    continue;
                }
                Step::Answer(a) => a,
            };
            drill.apply(
                &DrillCommand::Answer(a.decision, a.answer.clone()),
                playbook,
                false,
            );
            if let Some(refused) = drill.refusal.take() {
                return Err(format!(
                    "the journal no longer plays on this scenario: {refused}"
                ));
            }
            if let Some(last) = drill.actions.last_mut() {
                last.by = a.by.clone();
            }
        }
        drill.advance_to(journal.now);
        drill.notes = journal.notes.clone();
        drill.feedback = None;
        Ok(drill)
    }

    fn advance_to(&mut self, at: SimTime) {
        let events = self.session.advance_to(at);
        self.note(&events);
    }

    /// Team mode hides scores during play unless the facilitator shows them.
    pub fn scores_hidden(&self) -> bool {
        self.team.is_some() && !self.show_scores
    }

    /// The answers given so far, as `pressroom run` would read them from a file.
    pub fn answers(&self) -> Answers {
        Answers {
            seed: Some(self.seed),
            lang: Some(self.session.lang),
            breaks: Vec::new(),
            participants: self.members.iter().map(|m| m.name.clone()).collect(),
            team: self.team.clone(),
            members: self.members.clone(),
            actions: self.actions.clone(),
            fired: self.fired.clone(),
        }
    }

    fn finish(&mut self, playbook: &Playbook) {
        self.session.finish();
        let score = crate::scoring::score(&self.session, playbook, &self.checker);
        let answers = self.answers();
        let wall: Vec<Option<String>> = vec![None; answers.actions.len()];
        let mut record = Record::new(
            &self.session.scenario,
            Some(crate::records::record::scenario_path(&self.scenario_path)),
            playbook,
            self.seed,
            self.session.lang,
            &answers,
            &wall,
            &score,
        );
        record.started = Some(self.started.clone());
        record.notes = self.notes.clone();
        record.closed = self.closes.clone();
        self.record = Some(record);
        self.exemplary = exemplary(
            &self.session.scenario,
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
    scenario: &Arc<Scenario>,
    path: &Path,
    playbook: &Playbook,
    checker: &Checker,
    seed: u64,
) -> Option<Outcome> {
    let answers = crate::store::library::exemplary_answers(path, scenario)?;
    crate::records::replay::play(scenario, playbook, checker, &answers, seed).ok()
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
    let practice = data.settings.practice_feedback && !drill.scores_hidden();
    let mut changed = false;
    for command in incoming.read() {
        if *command == DrillCommand::Abandon {
            if let Some(dir) = &data.dir {
                dir.clear_journal();
            }
            commands.remove_resource::<Drill>();
            return;
        }
        changed = true;
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
    // Journal after every action, so a crash or power cut loses nothing; a saved drill
    // needs none.
    if changed && let Some(dir) = &data.dir {
        if drill.score.is_some() {
            dir.clear_journal();
        } else if let Err(e) = dir.write_journal(&drill.journal()) {
            data.notice = Some(format!("{}: {e}", dir.journal_file().display()));
        }
    }
}
