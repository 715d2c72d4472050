//! The drill being played in the app: the core session and what the trainee has answered.
//! Screens never change it directly: they send `DrillCommand`s as data, and one system,
//! `apply_commands`, applies them, the same way a test or a replay would.

use super::{ActivePlaybook, AppData};
use crate::playbook::Playbook;
use crate::records::answers::Fire;
use crate::records::answers::{Action, Answers};
use crate::records::log::Log;
use crate::records::record::{Improvement, Journal, Member, Note, Record};
use crate::records::replay::{Outcome, Player, drive};
use crate::scenario::{DecisionRef, InjectRef, Scenario, SimTime};
use crate::scoring::{Finding, Score};
use crate::session::{Answer, DecisionState, Event, Session};
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
    /// Send a stage's text to its reviewers now.
    AskReview {
        /// The stage's timing decision.
        decision: DecisionRef,
        /// One review of the stage; all of them when `None`.
        role: Option<crate::scenario::RoleRef>,
        /// When the reviewer finished, where a replayed file says so.
        done: Option<SimTime>,
    },
    /// The facilitator pins an observation to the scenario clock.
    Note(String),
    /// Team mode: the team, who takes which function, and which open corrective actions
    /// this drill closes.
    Team {
        /// The team's name.
        name: String,
        /// Who takes which function.
        members: Vec<Member>,
        /// Open corrective actions this drill closes.
        closes: Vec<String>,
    },
    /// The trainee opened an inject: it is no longer unread.
    Read(String),
    /// The text typed so far in a draft or free-text decision.
    Write(DecisionRef, String),
    /// The text typed so far in one language of a bilingual draft.
    WriteIn(DecisionRef, crate::text::Lang, String),
    /// Team mode: the facilitator shows or hides scores during play.
    ShowScores(bool),
    /// After the drill: one edit of the improvement plan.
    Plan(PlanEdit),
    /// End the drill, score it and save its record.
    Finish,
    /// Drop the drill without a record.
    Abandon,
}

impl DrillCommand {
    /// Whether the command changes what the journal keeps (time, answers, injects, notes,
    /// the team); reading an inject or typing in an editor does not.
    pub fn changes_log(&self) -> bool {
        !matches!(
            self,
            DrillCommand::Read(_)
                | DrillCommand::Write(..)
                | DrillCommand::WriteIn(..)
                | DrillCommand::ShowScores(_)
        )
    }
}

/// One edit of the improvement plan, after the drill.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanEdit {
    /// A new line; from a point to improve, it names the rule and starts with its title.
    Add {
        /// What went wrong.
        issue: String,
        /// The rule it comes from.
        rule: Option<String>,
    },
    /// A line's text, owner or due date changed.
    Set(usize, Improvement),
    /// A line removed.
    Remove(usize),
    /// Write the plan into the saved record.
    Save,
}

/// The drill in progress, if any. The scenario is kept for the life of the app (a drill
/// borrows it), so a drill can be a plain resource.
#[derive(Resource)]
pub struct Drill {
    /// Which drill of this run of the app this is: what the screens key their own state by
    /// (a pick not yet confirmed, a role chosen), so nothing of one drill shows in the next.
    id: u64,
    session: Session,
    checker: Checker,
    seed: u64,
    /// The file the scenario came from, written into the record for `rescore`.
    scenario_path: PathBuf,
    /// When the drill began in the room (RFC 3339), for the record.
    started: String,
    /// Every answer with its simulated time and who gave it, in order: what an answers file
    /// or record holds.
    actions: Vec<Action>,
    /// Optional injects the facilitator fired.
    fired: Vec<Fire>,
    /// The reviews the team asked for.
    reviews: Vec<crate::records::answers::Review>,
    /// The facilitator's notes.
    notes: Vec<Note>,
    /// Team mode: the team's name and members; `None` for a solo drill.
    team: Option<String>,
    members: Vec<Member>,
    /// Corrective actions from earlier drills this one closes.
    closes: Vec<String>,
    /// Injects the trainee has not looked at yet.
    unread: Vec<String>,
    /// Text typed in each draft or free-text decision, kept across frames.
    drafts: HashMap<usize, String>,
    /// Each language's text so far of a bilingual draft.
    versions: HashMap<(usize, crate::text::Lang), String>,
    /// What the last published notice owes (see [`crate::scoring::owed`]).
    owed: Option<crate::scoring::Owed>,
    /// The last refusal, shown until the next action, in both languages.
    refusal: Option<crate::text::Text>,
    /// Practice mode: how the last answered decision scored.
    feedback: Option<(DecisionRef, Vec<Finding>)>,
    score: Option<Score>,
    record: Option<Record>,
    /// Where the record was saved, or why it was not.
    saved: Option<Result<PathBuf, String>>,
    /// The scenario's exemplary answers played on the same seed, for the side-by-side debrief.
    exemplary: Option<Outcome>,
    /// Team mode: the facilitator shows scores during play (hidden by default).
    show_scores: bool,
}

impl Drill {
    /// Starts a drill on `scenario` at its start.
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
        static DRILLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut drill = Drill {
            id: DRILLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            session,
            checker: Checker::for_scenario(playbook, &scenario),
            seed,
            scenario_path: scenario_path.to_path_buf(),
            started,
            actions: Vec::new(),
            fired: Vec::new(),
            reviews: Vec::new(),
            notes: Vec::new(),
            team: None,
            members: Vec::new(),
            closes: Vec::new(),
            unread: Vec::new(),
            drafts: HashMap::new(),
            versions: HashMap::new(),
            owed: None,
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

    /// This drill's number in this run of the app: every drill started gets a new one.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The engine's drill: clock, ledger, decisions.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The wording checker this drill's drafts are read with.
    pub fn checker(&self) -> &Checker {
        &self.checker
    }

    /// The seed the variations were drawn from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The file the scenario came from.
    pub fn scenario_path(&self) -> &Path {
        &self.scenario_path
    }

    /// When the drill began in the room (RFC 3339).
    pub fn started(&self) -> &str {
        &self.started
    }

    /// Every answer so far, in order.
    pub fn actions(&self) -> &[Action] {
        &self.actions
    }

    /// The facilitator's notes.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    /// Team mode: the team's name; `None` for a solo drill.
    pub fn team(&self) -> Option<&str> {
        self.team.as_deref()
    }

    /// Team mode: who takes which function.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// Injects the trainee has not opened yet.
    pub fn unread(&self) -> &[String] {
        &self.unread
    }

    /// The text typed so far in a decision's editor.
    pub fn draft(&self, d: DecisionRef) -> Option<&str> {
        self.drafts.get(&d.0).map(String::as_str)
    }

    /// The text typed so far in one language of a bilingual draft.
    pub fn draft_in(&self, d: DecisionRef, lang: crate::text::Lang) -> Option<&str> {
        self.versions.get(&(d.0, lang)).map(String::as_str)
    }

    /// Why the last command was refused, until the next one succeeds.
    pub fn refusal(&self) -> Option<&str> {
        self.refusal.as_ref().map(|t| t.get(Lang::En))
    }

    /// The last refusal in `lang`, as the screen shows it.
    pub fn refusal_in(&self, lang: Lang) -> Option<&str> {
        self.refusal.as_ref().map(|t| t.get(lang))
    }

    /// Practice mode: how the last answered decision scored.
    pub fn feedback(&self) -> Option<&(DecisionRef, Vec<Finding>)> {
        self.feedback.as_ref()
    }

    /// The score, once the drill is over.
    pub fn score(&self) -> Option<&Score> {
        self.score.as_ref()
    }

    /// The record, once the drill is over.
    pub fn record(&self) -> Option<&Record> {
        self.record.as_ref()
    }

    /// Where the record was saved, or why it was not.
    pub fn saved(&self) -> Option<&Result<PathBuf, String>> {
        self.saved.as_ref()
    }

    /// The exemplary answers played on the same seed, for the debrief.
    pub fn exemplary(&self) -> Option<&Outcome> {
        self.exemplary.as_ref()
    }

    /// Team mode: whether the facilitator shows scores during play.
    pub fn show_scores(&self) -> bool {
        self.show_scores
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
            if let DrillCommand::Plan(edit) = command {
                self.edit_plan(edit);
            }
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
            DrillCommand::Read(inject) => self.unread.retain(|u| u != inject),
            DrillCommand::Write(d, text) => {
                self.drafts.insert(d.0, text.clone());
            }
            DrillCommand::WriteIn(d, lang, text) => {
                self.versions.insert((d.0, *lang), text.clone());
            }
            DrillCommand::ShowScores(on) => self.show_scores = *on,
            DrillCommand::Plan(_) => {}
            DrillCommand::Answer(decision, answer) => {
                let at = self.session.now();
                // The text a reopened draft had goes back into its editor, to be revised.
                let taken_back: Vec<(crate::Lang, String)> =
                    match (answer, self.session.decision(*decision)) {
                        (Answer::Reopen, DecisionState::Answered { answer: given, .. }) => {
                            let d = self.session.scenario.decision(*decision);
                            given
                                .texts(d, self.session.lang)
                                .into_iter()
                                .map(|(l, t)| (l, t.to_string()))
                                .collect()
                        }
                        _ => Vec::new(),
                    };
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
                        self.versions.retain(|(d, _), _| *d != decision.0);
                        if matches!(answer, Answer::Reopen) {
                            let bilingual = matches!(
                                &self.session.scenario.decision(*decision).kind,
                                crate::scenario::DecisionKind::Draft(x) if x.bilingual
                            );
                            for (l, text) in taken_back {
                                if bilingual {
                                    self.versions.insert((decision.0, l), text);
                                } else {
                                    self.drafts.insert(decision.0, text);
                                }
                            }
                            self.feedback = None;
                        } else {
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
                    }
                    Err(e) => self.refusal = Some(e.text()),
                }
            }
            DrillCommand::AskReview {
                decision,
                role,
                done,
            } => {
                let _ = self.ask_review(*decision, *role, *done);
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
        // When the scenario's clock has run out, the drill is over: score it.
        // What the last notice promised changes only with the drill: read once here, not
        // on every frame the clock bar is drawn.
        self.owed = crate::scoring::owed(&self.session);
        if self.score.is_none() && self.session.is_over() {
            self.finish(playbook);
        }
    }

    /// The next stage the last published notice owes, and by when.
    pub fn owed(&self) -> Option<&crate::scoring::Owed> {
        self.owed.as_ref()
    }

    /// One edit of the improvement plan; new lines get the next free ID of the drill's day.
    fn edit_plan(&mut self, edit: &PlanEdit) {
        let day: String = self.started.chars().take(10).collect();
        let Some(record) = self.record.as_mut() else {
            return;
        };
        match edit {
            PlanEdit::Add { issue, rule } => {
                let id = (1..)
                    .map(|n| format!("{day}-{n}"))
                    .find(|id| !record.plan.iter().any(|p| &p.id == id))
                    .expect("a free number");
                record.plan.push(Improvement {
                    id,
                    issue: issue.clone(),
                    rule: rule.clone(),
                    ..Default::default()
                });
            }
            PlanEdit::Set(i, line) => {
                if let Some(p) = record.plan.get_mut(*i) {
                    // The ID and the rule stay what they were; the rest is the team's.
                    p.issue = line.issue.clone();
                    p.action = line.action.clone();
                    p.owner = line.owner.clone();
                    p.due = line.due.clone();
                }
            }
            PlanEdit::Remove(i) => {
                if *i < record.plan.len() {
                    record.plan.remove(*i);
                }
            }
            PlanEdit::Save => {}
        }
    }

    /// The plan's due dates that are not dates (YYYY-MM-DD); saving waits until none is.
    pub fn bad_due_dates(&self) -> Vec<&str> {
        self.record
            .iter()
            .flat_map(|r| &r.plan)
            .filter(|p| {
                !p.due.is_empty() && chrono::NaiveDate::parse_from_str(&p.due, "%Y-%m-%d").is_err()
            })
            .map(|p| p.due.as_str())
            .collect()
    }

    /// In a team drill, the member who holds the decision's function answers for it.
    fn owner_of(&self, d: DecisionRef) -> Option<String> {
        let function = self.session.scenario.decision(d).owner.clone()?;
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
            reviews: crate::records::log::log_reviews(scenario, &self.reviews),
            notes: self.notes.clone(),
        }
    }

    /// Asks now for a stage's text to be reviewed, and keeps the request for the record.
    fn ask_review(
        &mut self,
        decision: DecisionRef,
        role: Option<crate::scenario::RoleRef>,
        done: Option<SimTime>,
    ) -> Result<(), String> {
        let at = self.session.now();
        match self.session.ask_review(decision, role, done) {
            Ok(events) => {
                self.reviews.push(crate::records::answers::Review {
                    at,
                    decision,
                    role,
                    done,
                    after: self.actions.len(),
                });
                self.note(&events);
                self.refusal = None;
                Ok(())
            }
            Err(e) => {
                self.refusal = Some(e.text());
                Err(e.to_string())
            }
        }
    }

    /// When the team asked for a review of this stage, if it has.
    pub fn review_asked(&self, decision: DecisionRef) -> Option<SimTime> {
        self.reviews
            .iter()
            .filter(|r| r.decision == decision)
            .map(|r| r.at)
            .min()
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
        let refused = drive(
            answers.steps(),
            &mut Resuming {
                drill: &mut drill,
                playbook,
            },
        );
        if let Some((_, why)) = refused.first() {
            return Err(format!(
                "the journal no longer plays on this scenario: {why}"
            ));
        }
        drill.advance_to(journal.now);
        drill.owed = crate::scoring::owed(&drill.session);
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
            reviews: self.reviews.clone(),
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
    lang: Res<super::UiLang>,
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
        if *command == DrillCommand::Plan(PlanEdit::Save) {
            data.notice = Some(save_plan(&drill, &data, lang.0));
            continue;
        }
        changed |= command.changes_log();
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

/// Writes the improvement plan into the drill's saved record; what happened, for the status
/// line.
fn save_plan(drill: &Drill, data: &AppData, lang: Lang) -> String {
    if !drill.bad_due_dates().is_empty() {
        return "the plan has a due date that is not YYYY-MM-DD".to_string();
    }
    match (&data.dir, &drill.saved, &drill.record) {
        (Some(dir), Some(Ok(path)), Some(record)) => match dir.update_record(path, record) {
            Ok(()) => format!("→ {}", path.display()),
            Err(e) => format!("{}: {e}", path.display()),
        },
        _ => crate::app::screens::t(
            lang,
            "記録が保存されていないため、計画を保存できません",
            "The record was not saved, so the plan cannot be",
        )
        .to_string(),
    }
}

/// A drill being rebuilt from its journal, as the one replay drives it: the same commands a
/// trainee gives, with each answer kept as the member's who gave it.
struct Resuming<'a> {
    drill: &'a mut Drill,
    playbook: &'a Playbook,
}

impl Player for Resuming<'_> {
    fn advance_to(&mut self, t: SimTime) {
        self.drill.advance_to(t);
    }

    fn fire(&mut self, inject: InjectRef) {
        self.drill
            .apply(&DrillCommand::Fire(inject), self.playbook, false);
    }

    fn ask_review(&mut self, r: &crate::records::answers::Review) -> Result<(), String> {
        self.drill.ask_review(r.decision, r.role, r.done)
    }

    fn answer(&mut self, a: &Action) -> Result<(), String> {
        self.drill.apply(
            &DrillCommand::Answer(a.decision, a.answer.clone()),
            self.playbook,
            false,
        );
        if let Some(refused) = self.drill.refusal.take() {
            return Err(refused.get(Lang::En).to_string());
        }
        if let Some(last) = self.drill.actions.last_mut() {
            last.by = a.by.clone();
        }
        Ok(())
    }
}
