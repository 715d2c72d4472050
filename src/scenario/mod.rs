//! Scenarios: the raw file model, its validation, and the checked model the engine plays.
//! A [`Scenario`] cannot be invalid: every reference is resolved to an index, every time is
//! inside the clock, every scoring effect names a rule of the playbook.

pub(crate) mod cache;
pub mod file;
pub mod time;
mod validate;

pub use file::{
    Audience, Channel, Department, Difficulty, Element, FactStatus, Readers, Sensitivity, Stage,
};
pub use time::SimTime;
pub use validate::{Loaded, validate};

use crate::playbook::Playbook;
use crate::source::diagnostic::Diagnostic;
use crate::text::{Lang, Text};
use chrono::{DateTime, FixedOffset};
use std::path::Path;

/// The scenario format this Pressroom writes. Format 2 adds people-backed review and
/// approval, milestones, per-stage facts, fact values over time, promises, role constraints,
/// the organisation's departments, points per timing rule, scenario wording, bilingual and
/// internal drafts, timed replies and addressed injects; a format 1 file reads as before and
/// `pressroom upgrade` rewrites its version line.
pub const FORMAT: u32 = 2;

/// The scenario formats this Pressroom reads.
pub const VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "scenario",
    current: FORMAT,
    oldest: 1,
};

/// A cast member, by index into `Scenario::cast`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonRef(pub usize);
/// A fact, by index into `Scenario::facts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactRef(pub usize);
/// An inject, by index into `Scenario::injects`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InjectRef(pub usize);
/// A decision, by index into `Scenario::decisions`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DecisionRef(pub usize);
/// A deadline, by index into `Scenario::deadlines`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeadlineRef(pub usize);
/// A milestone, by index into `Scenario::milestones`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MilestoneRef(pub usize);
/// A role: the roles decision that holds it and its index there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RoleRef {
    /// The roles decision.
    pub decision: DecisionRef,
    /// The role's index in it.
    pub role: usize,
}

/// A checked scenario: every reference resolved, every time inside the clock, every rule in the playbook. It never changes while a drill is played.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Its stable ID.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// What the drill is about.
    pub summary: Text,
    /// The languages it is written in; the first is the default.
    pub languages: Vec<Lang>,
    /// How hard it is.
    pub difficulty: Difficulty,
    /// Minutes the drill takes in the room.
    pub minutes: u32,
    /// Free tags.
    pub tags: Vec<String>,
    /// The organisation.
    pub organisation: Organisation,
    /// What the team is told first.
    pub briefing: Briefing,
    /// The people in the story.
    pub cast: Vec<Person>,
    /// When the scenario clock starts, with its offset.
    pub start: DateTime<FixedOffset>,
    /// Minutes the scenario clock runs.
    pub duration: u32,
    /// Deadlines.
    pub deadlines: Vec<Deadline>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Messages that arrive.
    pub injects: Vec<Inject>,
    /// Decisions.
    pub decisions: Vec<Decision>,
    /// Variations a seed draws from.
    pub variations: Vec<Variation>,
    /// Named moments (meetings, calls, sign-offs).
    pub milestones: Vec<Milestone>,
    /// The organisation's own departments: ID and name.
    pub departments: Vec<(String, Text)>,
    /// The incident's own wording, added to the playbook's lists.
    pub wording: ScenarioWording,
    /// The format the file was written in (1 reads as before; `upgrade` rewrites it).
    pub format: u32,
    /// The file's text, so a record can name the exact version it was played on.
    pub source: std::sync::Arc<str>,
    /// What the layers above work out from this scenario once for all its drills (the
    /// engine's starting state, what each choice scores), each at its first use.
    pub(crate) derived: cache::Derived,
}

/// The organisation the team works for.
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Its name.
    pub name: Text,
    /// Its industry.
    pub industry: Text,
    /// A line about it.
    pub about: Text,
}

/// A named moment of the drill.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// Its ID.
    pub id: String,
    /// What it is called.
    pub label: Text,
    /// When it happens.
    pub when: Trigger,
}

/// A term of this incident, with what to say instead and the readers who know it.
#[derive(Debug, Clone)]
pub struct JargonTerm {
    /// The term as a notice might write it.
    pub term: String,
    /// The plain alternative.
    pub plain: Text,
    /// Readers for whom it is not jargon.
    pub known_to: Vec<Readers>,
}

/// The incident's own words.
#[derive(Debug, Clone, Default)]
pub struct ScenarioWording {
    /// Jargon and its plain alternative, with the readers who know it.
    pub jargon: Vec<JargonTerm>,
    /// Terms never to appear in public text.
    pub never_public: Vec<String>,
    /// Phrases added to the playbook's lists for this scenario.
    pub phrases: crate::playbook::file::PhraseBook,
    /// Who reads its public notices, unless a draft says otherwise.
    pub readers: Readers,
}

/// What the team reads before the clock starts.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// What has happened so far.
    pub situation: Text,
    /// Who the team is in the story.
    pub role: Text,
    /// What the drill asks of them.
    pub objectives: Vec<Text>,
}

/// A span of scenario time, `from` included, `to` not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Window {
    /// Its start.
    pub from: SimTime,
    /// Its end.
    pub to: SimTime,
}

impl Window {
    /// Whether `t` falls inside it.
    pub fn contains(&self, t: SimTime) -> bool {
        self.from <= t && t < self.to
    }
}

/// A person in the story.
#[derive(Debug, Clone)]
pub struct Person {
    /// Their ID.
    pub id: String,
    /// Their name.
    pub name: Text,
    /// Their department.
    pub department: Department,
    /// Their department's name (a declared department's own label).
    pub department_label: Text,
    /// Their job title.
    pub title: Text,
    /// Whether they may give final approval.
    pub can_approve: bool,
    /// When they cannot be reached, by the scenario's own timetable.
    pub unavailable: Vec<Window>,
    /// The facilitator's note on how they behave (never shown to trainees).
    pub note: Text,
}

impl Person {
    /// Whether they can be reached at `t` by the scenario's timetable.
    pub fn available_at(&self, t: SimTime) -> bool {
        !self.unavailable.iter().any(|w| w.contains(t))
    }
}

/// A deadline the team answers to.
#[derive(Debug, Clone)]
pub struct Deadline {
    /// Its ID.
    pub id: String,
    /// When it falls.
    pub at: SimTime,
    /// What it is called.
    pub label: Text,
    /// The rule publishing late costs.
    pub rule: String,
    /// The stage it asks for, if one.
    pub stage: Option<Stage>,
    /// Minutes after the deadline over which its points fall to nothing.
    pub grace: u32,
    /// Where it comes from (a law, a contract, trust).
    pub basis: Text,
}

/// A fact of the incident.
#[derive(Debug, Clone)]
pub struct Fact {
    /// Its ID.
    pub id: String,
    /// The fact in a few words.
    pub text: Text,
    /// How sensitive it is.
    pub sensitivity: Sensitivity,
    /// Its status at the start.
    pub initially: FactStatus,
    /// How its status changes.
    pub timeline: Vec<FactChange>,
    /// A count it carries (records, customers), for checking numbers in drafts.
    pub count: Option<u64>,
    /// A date it carries (when it began), for checking dates in drafts.
    pub date: Option<chrono::NaiveDate>,
    /// Whether every publication must wait until it is settled.
    pub core: bool,
    /// Words from it that must never appear in public text.
    pub never_public: Vec<String>,
    /// Words that show a draft speaks of it.
    pub keywords: Vec<String>,
}

impl Fact {
    /// A value of the fact at `t` (its count or its date: `start` and `of` pick which), and
    /// the values it had that a later one replaced by then. `when` says when change `j` of
    /// the timeline came about, if it has: in a drill, or on the clock alone.
    pub fn value_at<V: Copy + Ord>(
        &self,
        t: SimTime,
        start: Option<V>,
        of: impl Fn(&FactChange) -> Option<V>,
        when: impl Fn(usize) -> Option<SimTime>,
    ) -> (Option<V>, Vec<V>) {
        let mut seen: Vec<(SimTime, usize, V)> = self
            .timeline
            .iter()
            .enumerate()
            .filter_map(|(j, c)| {
                let at = when(j)?;
                (at <= t).then_some((at, j, of(c)?))
            })
            .collect();
        seen.sort_by_key(|(at, j, _)| (*at, *j));
        let now = seen.last().map(|(_, _, v)| *v).or(start);
        let mut earlier: Vec<V> = start
            .into_iter()
            .chain(seen.iter().map(|(_, _, v)| *v))
            .filter(|v| Some(*v) != now)
            .collect();
        earlier.sort_unstable();
        earlier.dedup();
        (now, earlier)
    }
}

/// One change of a fact's status.
#[derive(Debug, Clone)]
pub struct FactChange {
    /// When.
    pub when: Trigger,
    /// To what.
    pub status: FactStatus,
    /// The count from then on, where it changes.
    pub count: Option<u64>,
    /// The date from then on, where it changes.
    pub date: Option<chrono::NaiveDate>,
}

/// When something happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    /// At the start.
    Start,
    /// At a moment.
    At(SimTime),
    /// When an inject has arrived.
    AfterInject(InjectRef),
    /// When a decision has been answered.
    AfterDecision(DecisionRef),
    /// When a decision has been answered with this option.
    AfterOption(DecisionRef, usize),
    /// When a stage has been published.
    AfterPublish(Stage),
    /// When a milestone has been reached.
    AfterMilestone(MilestoneRef),
}

/// Who a message is from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    /// A cast member.
    Person(PersonRef),
    /// Someone outside the organisation.
    Outside(Text),
}

/// A message that arrives during the drill.
#[derive(Debug, Clone)]
pub struct Inject {
    /// Its ID.
    pub id: String,
    /// When it arrives.
    pub when: Trigger,
    /// Who sends it.
    pub from: Sender,
    /// How.
    pub channel: Channel,
    /// Its subject line.
    pub subject: Text,
    /// What it says.
    pub body: Text,
    /// The decisions it opens.
    pub opens: Vec<DecisionRef>,
    /// Whether only the facilitator fires it.
    pub optional: bool,
    /// The function it goes to in a team drill, if one.
    pub to: Option<Department>,
}

/// Something the team must decide.
#[derive(Debug, Clone)]
pub struct Decision {
    /// Its ID.
    pub id: String,
    /// Its short title.
    pub title: Text,
    /// The question put to the team.
    pub prompt: Text,
    /// What opens it, besides an inject that names it.
    pub opens: Option<Trigger>,
    /// When it closes unanswered, if ever.
    pub due: Option<SimTime>,
    /// The function that owns it in a team drill.
    pub owner: Option<Department>,
    /// What kind of decision it is.
    pub kind: DecisionKind,
}

/// The kinds of decision.
#[derive(Debug, Clone)]
pub enum DecisionKind {
    /// Pick one of several options.
    Choice {
        /// The options, two or more.
        options: Vec<ChoiceOption>,
    },
    /// When to publish a stage.
    Timing(Timing),
    /// Who holds which role.
    Roles(Roles),
    /// Write an announcement.
    Draft(Draft),
    /// Answer someone who asks.
    Inquiry(Inquiry),
}

impl DecisionKind {
    /// The kind's key in files and JSON.
    pub fn key(&self) -> &'static str {
        match self {
            DecisionKind::Choice { .. } => "choice",
            DecisionKind::Timing(_) => "timing",
            DecisionKind::Roles(_) => "roles",
            DecisionKind::Draft(_) => "draft",
            DecisionKind::Inquiry(_) => "inquiry",
        }
    }
}

/// An option of a choice or a prepared answer.
#[derive(Debug, Clone)]
pub struct ChoiceOption {
    /// Its ID.
    pub id: String,
    /// What the team sees.
    pub label: Text,
    /// What the debrief says of it.
    pub feedback: Text,
    /// What choosing it earns.
    pub effects: Vec<Effect>,
}

/// Points an option earns for a rule.
#[derive(Debug, Clone)]
pub struct Effect {
    /// The rule.
    pub rule: String,
    /// The points.
    pub points: u32,
}

/// When to publish a stage.
#[derive(Debug, Clone)]
pub struct Timing {
    /// The stage.
    pub stage: Stage,
    /// The playbook's window for it.
    pub window: Window,
    /// The deadline it answers to.
    pub deadline: Option<DeadlineRef>,
    /// What must be done before it.
    pub needs: Vec<Need>,
    /// Points at stake for each timing rule.
    pub points: u32,
    /// Points for a rule where the scenario sets them apart from `points`.
    pub rule_points: std::collections::BTreeMap<String, u32>,
    /// The facts that must be settled before this stage (the core facts by default).
    pub prerequisites: Vec<FactRef>,
    /// Whether the scenario named `prerequisites` for this stage itself.
    pub own_prerequisites: bool,
    /// Who must have read the text before it goes out.
    pub reviews: Vec<Review>,
    /// Who must approve it when it goes out.
    pub approval: Option<Approval>,
    /// Minutes after publication by which the next stage is owed, whatever the text says.
    pub follow_up: Option<u32>,
}

impl Timing {
    /// The points at stake for one of this decision's rules.
    pub fn points_for(&self, rule: &str) -> u32 {
        self.rule_points.get(rule).copied().unwrap_or(self.points)
    }
}

/// A review a stage needs.
#[derive(Debug, Clone)]
pub struct Review {
    /// The role whose holder reviews.
    pub role: RoleRef,
    /// Minutes the review takes, with the holder reachable.
    pub lead: u32,
    /// The rule it scores under.
    pub rule: String,
}

/// The approval a stage needs at publication.
#[derive(Debug, Clone)]
pub struct Approval {
    /// The role whose holder approves.
    pub role: RoleRef,
    /// The rule it scores under.
    pub rule: String,
}

/// Something to be done before publishing.
#[derive(Debug, Clone)]
pub struct Need {
    /// The rule that scores it.
    pub rule: String,
    /// What must have happened.
    pub target: NeedTarget,
}

/// What a need waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedTarget {
    /// A decision answered, with this option if one.
    Decision(DecisionRef, Option<usize>),
    /// A milestone reached.
    Milestone(MilestoneRef),
    /// An inject arrived.
    Inject(InjectRef),
}

/// Who holds which role.
#[derive(Debug, Clone)]
pub struct Roles {
    /// The roles.
    pub roles: Vec<Role>,
    /// Whether one person may hold several.
    pub allow_doubling: bool,
    /// The most roles one person may hold: 1 unless doubling is allowed.
    pub max_per_person: Option<u32>,
    /// Pairs of roles (by index) one person may not hold together.
    pub not_together: Vec<(usize, usize)>,
    /// Points for `roles.clear_assignment`, where the scenario sets them.
    pub clear_points: Option<u32>,
}

/// A role to fill.
#[derive(Debug, Clone)]
pub struct Role {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// The rule it is scored under.
    pub rule: String,
    /// The departments its holder may come from (any when empty).
    pub departments: Vec<Department>,
    /// Their names, in the same order.
    pub department_labels: Vec<Text>,
    /// What the debrief says when the role is not well held.
    pub feedback: Text,
    /// Whether its holder must be able to approve.
    pub must_approve: bool,
    /// Whether its holder must be reachable when the roles are set.
    pub must_be_available: bool,
    /// Points for the right holder.
    pub points: u32,
}

impl Role {
    /// Why `person` cannot hold this role at `t` by the scenario's own timetable, in both
    /// languages; `None` when they can. A drill's drawn absences are counted by
    /// `Session::role_unmet`.
    pub fn unmet_by(&self, person: &Person, t: SimTime) -> Option<Text> {
        self.unmet_by_reachable(person, person.available_at(t))
    }

    /// Why `person` cannot hold this role, given whether they can be reached.
    pub fn unmet_by_reachable(&self, person: &Person, reachable: bool) -> Option<Text> {
        self.unmet_reason(person, reachable)
            .map(|why| self.explain(person, why))
    }

    /// Which need of the role `person` misses, if any (`reachable`: whether they can be
    /// reached at the moment that matters): the one test behind every explanation.
    pub fn unmet_reason(&self, person: &Person, reachable: bool) -> Option<Unmet> {
        if !self.departments.is_empty() && !self.departments.contains(&person.department) {
            Some(Unmet::Department)
        } else if self.must_approve && !person.can_approve {
            Some(Unmet::Authority)
        } else if self.must_be_available && !reachable {
            Some(Unmet::Unreachable)
        } else {
            None
        }
    }

    /// Why `person` does not meet the role, in both languages.
    fn explain(&self, person: &Person, why: Unmet) -> Text {
        let (ja, en) = (person.name.get(Lang::Ja), person.name.get(Lang::En));
        let (dja, den) = (
            person.department_label.get(Lang::Ja).to_string(),
            person.department_label.get(Lang::En).to_string(),
        );
        match why {
            Unmet::Department => {
                let wanted_ja: Vec<String> = self
                    .department_labels
                    .iter()
                    .map(|d| d.get(Lang::Ja).to_string())
                    .collect();
                let wanted_en: Vec<String> = self
                    .department_labels
                    .iter()
                    .map(|d| d.get(Lang::En).to_string())
                    .collect();
                Text::new(
                    format!(
                        "{ja} ({dja}) は{}の担当者ではありません(必要: {})",
                        self.name.get(Lang::Ja),
                        wanted_ja.join("・")
                    ),
                    format!(
                        "{en} ({den}) is not from a department that holds {} (needs: {})",
                        self.name.get(Lang::En),
                        wanted_en.join(", ")
                    ),
                )
            }
            Unmet::Authority => Text::new(
                format!("{ja} ({dja}) には承認の権限がありません"),
                format!("{en} ({den}) has no authority to approve"),
            ),
            Unmet::Unreachable => Text::new(
                format!("{ja} ({dja}) はこの時間に連絡が取れません"),
                format!("{en} ({den}) cannot be reached at this time"),
            ),
        }
    }
}

/// The need of a role a person misses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unmet {
    /// Not from a department the role lists.
    Department,
    /// Cannot approve, where the role approves.
    Authority,
    /// Out of reach, where the role must be reachable.
    Unreachable,
}

/// Write an announcement.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The stage.
    pub stage: Stage,
    /// The elements it must contain.
    pub required: Vec<Element>,
    /// Prepared texts to start from.
    pub candidates: Vec<Candidate>,
    /// Points shared among the rules the text is judged on.
    pub points: u32,
    /// Who reads it: the public, or an internal audience.
    pub audience: Audience,
    /// Whether it is published in Japanese and English both.
    pub bilingual: bool,
    /// Who reads it: the draft's own readers, else the scenario's.
    pub readers: Readers,
}

impl Draft {
    /// Whether the text goes out to the public (and so counts as published).
    pub fn is_public(&self) -> bool {
        self.audience == Audience::Public
    }
}

/// A prepared text.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Its ID.
    pub id: String,
    /// Its button label.
    pub label: Text,
    /// The text.
    pub text: Text,
}

/// Someone asks the team a question.
#[derive(Debug, Clone)]
pub struct Inquiry {
    /// Who asks.
    pub from: Sender,
    /// How it arrives.
    pub channel: Channel,
    /// The question.
    pub question: Text,
    /// The facts it is about.
    pub about: Vec<FactRef>,
    /// Prepared answers to choose from.
    pub answers: Vec<ChoiceOption>,
    /// Whether the team may write its own answer.
    pub free_text: bool,
    /// Points for a written answer.
    pub points: u32,
    /// How soon it should be answered.
    pub reply: Option<Reply>,
}

/// How soon an inquiry should be answered.
#[derive(Debug, Clone)]
pub struct Reply {
    /// Minutes from the question opening within which an answer earns everything.
    pub within: u32,
    /// Minutes after that over which the points fall to nothing.
    pub grace: u32,
    /// The rule it scores under.
    pub rule: String,
    /// Points at stake.
    pub points: u32,
}

/// A way a seed varies the drill.
#[derive(Debug, Clone)]
pub struct Variation {
    /// Its ID.
    pub id: String,
    /// What it does, for the facilitator.
    pub note: Text,
    /// What it varies.
    pub kind: VariationKind,
}

/// What a variation varies.
#[derive(Debug, Clone)]
pub enum VariationKind {
    /// An inject comes later by a random amount.
    Delay {
        /// The inject.
        inject: InjectRef,
        /// The shortest delay in minutes.
        min: u32,
        /// The longest.
        max: u32,
    },
    /// One of these injects fires, the others never.
    OneOf {
        /// The injects.
        injects: Vec<InjectRef>,
    },
    /// An inject fires only by chance.
    Chance {
        /// The inject.
        inject: InjectRef,
        /// Its chance, 0–100.
        percent: u8,
    },
    /// A person may be out of reach.
    Unavailable {
        /// Who.
        person: PersonRef,
        /// When.
        window: Window,
        /// The chance, 0–100.
        percent: u8,
    },
}

impl Scenario {
    /// SHA-256 of the file's text: records carry it to tell when a scenario has changed.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        Sha256::digest(self.source.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Reads and checks a scenario file against a playbook.
    pub fn load(path: &Path, playbook: &Playbook) -> Result<Loaded, Vec<Diagnostic>> {
        let src = crate::source::load::read_text(path).map_err(|d| vec![d])?;
        validate(&src, playbook)
    }

    /// A cast member by reference.
    pub fn person(&self, r: PersonRef) -> &Person {
        &self.cast[r.0]
    }

    /// A fact by reference.
    pub fn fact(&self, r: FactRef) -> &Fact {
        &self.facts[r.0]
    }

    /// An inject by reference.
    pub fn inject(&self, r: InjectRef) -> &Inject {
        &self.injects[r.0]
    }

    /// A decision by reference.
    pub fn decision(&self, r: DecisionRef) -> &Decision {
        &self.decisions[r.0]
    }

    /// A decision by ID.
    pub fn find_decision(&self, id: &str) -> Option<DecisionRef> {
        self.decisions
            .iter()
            .position(|d| d.id == id)
            .map(DecisionRef)
    }

    /// A fact by ID.
    pub fn find_fact(&self, id: &str) -> Option<FactRef> {
        self.facts.iter().position(|f| f.id == id).map(FactRef)
    }

    /// A milestone by reference.
    pub fn milestone(&self, r: MilestoneRef) -> &Milestone {
        &self.milestones[r.0]
    }

    /// A role by reference.
    pub fn role(&self, r: RoleRef) -> &Role {
        match &self.decisions[r.decision.0].kind {
            DecisionKind::Roles(roles) => &roles.roles[r.role],
            _ => unreachable!("a RoleRef points into a roles decision"),
        }
    }

    /// A department's name: a declared department's label, or the built-in one.
    pub fn department_label(&self, d: &Department) -> Text {
        match d {
            Department::Dept(id) => self
                .departments
                .iter()
                .find(|(x, _)| x == id)
                .map_or_else(|| d.label(), |(_, l)| l.clone()),
            other => other.label(),
        }
    }

    /// Every department this scenario knows: the built-in ones, then its own.
    pub fn all_departments(&self) -> Vec<Department> {
        Department::ALL
            .iter()
            .cloned()
            .chain(
                self.departments
                    .iter()
                    .map(|(id, _)| Department::Dept(id.clone())),
            )
            .collect()
    }
}

impl Scenario {
    /// When each inject arrives if nothing but the clock moves: `Start`, `At`, and chains of
    /// `AfterInject` have a time; injects waiting on a decision or a publication do not.
    pub fn clock_only_arrivals(&self) -> Vec<Option<SimTime>> {
        self.arrivals_without(|_| false)
    }

    /// [`Scenario::clock_only_arrivals`] for injects every seed lets through on time: one a
    /// variation may hold back or delay (and all that wait on it) has none.
    pub fn certain_arrivals(&self) -> Vec<Option<SimTime>> {
        let varied: Vec<usize> = self
            .variations
            .iter()
            .flat_map(|v| match &v.kind {
                VariationKind::Delay { inject, .. } | VariationKind::Chance { inject, .. } => {
                    vec![inject.0]
                }
                VariationKind::OneOf { injects } => injects.iter().map(|i| i.0).collect(),
                VariationKind::Unavailable { .. } => Vec::new(),
            })
            .collect();
        self.arrivals_without(|i| varied.contains(&i))
    }

    /// Clock-only arrivals, leaving out optional injects and those `skip` names.
    fn arrivals_without(&self, skip: impl Fn(usize) -> bool) -> Vec<Option<SimTime>> {
        let mut times: Vec<Option<SimTime>> = vec![None; self.injects.len()];
        loop {
            let mut changed = false;
            for (i, inj) in self.injects.iter().enumerate() {
                if times[i].is_some() || inj.optional || skip(i) {
                    continue;
                }
                let t = match inj.when {
                    Trigger::Start => Some(SimTime::START),
                    Trigger::At(t) => Some(t),
                    Trigger::AfterInject(r) => times[r.0],
                    _ => None,
                };
                if t.is_some() {
                    times[i] = t;
                    changed = true;
                }
            }
            if !changed {
                return times;
            }
        }
    }

    /// When a decision opens if nothing but the clock moves.
    pub fn clock_only_opening(&self, d: DecisionRef) -> Option<SimTime> {
        let arrivals = self.clock_only_arrivals();
        let by_trigger = match self.decisions[d.0].opens {
            Some(Trigger::Start) => Some(SimTime::START),
            Some(Trigger::At(t)) => Some(t),
            Some(Trigger::AfterInject(r)) => arrivals[r.0],
            _ => None,
        };
        let by_inject = self
            .injects
            .iter()
            .zip(&arrivals)
            .filter(|(inj, _)| inj.opens.contains(&d))
            .filter_map(|(_, t)| *t)
            .min();
        match (by_trigger, by_inject) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// When a trigger fires if nothing but the clock moves, given the clock-only arrivals
    /// (`clock_only_arrivals`); `None` for what waits on a decision or a publication.
    pub fn clock_only_time(when: &Trigger, arrivals: &[Option<SimTime>]) -> Option<SimTime> {
        match *when {
            Trigger::Start => Some(SimTime::START),
            Trigger::At(t) => Some(t),
            Trigger::AfterInject(r) => arrivals[r.0],
            _ => None,
        }
    }

    /// The fact ledger at `t` if nothing but the clock moves (no decision taken, nothing
    /// published): what `pressroom lint --scenario --at` compares a draft with.
    pub fn clock_only_ledger(&self, t: SimTime) -> Vec<FactStatus> {
        let arrivals = self.clock_only_arrivals();
        self.facts
            .iter()
            .map(|f| {
                let mut changes: Vec<(SimTime, FactStatus)> = f
                    .timeline
                    .iter()
                    .filter_map(|c| {
                        let at = Scenario::clock_only_time(&c.when, &arrivals)?;
                        (at <= t).then_some((at, c.status))
                    })
                    .collect();
                changes.sort_by_key(|(at, _)| *at);
                changes.last().map_or(f.initially, |(_, s)| *s)
            })
            .collect()
    }
}
