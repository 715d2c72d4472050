//! Scenarios: the raw file model, its validation, and the checked model the engine plays.
//! A [`Scenario`] cannot be invalid: every reference is resolved to an index, every time is
//! inside the clock, every scoring effect names a rule of the playbook.

pub mod file;
pub mod time;
mod validate;

pub use file::{Channel, Department, Difficulty, Element, FactStatus, Sensitivity, Stage};
pub use time::SimTime;
pub use validate::{Loaded, validate};

use crate::playbook::Playbook;
use crate::source::diagnostic::Diagnostic;
use crate::text::{Lang, Text};
use chrono::{DateTime, FixedOffset};
use std::path::Path;

pub const FORMAT: u32 = 1;

/// The scenario formats this Pressroom reads.
pub const VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "scenario",
    current: FORMAT,
    oldest: 1,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PersonRef(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FactRef(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InjectRef(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DecisionRef(pub usize);
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeadlineRef(pub usize);

#[derive(Debug, Clone)]
pub struct Scenario {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    pub languages: Vec<Lang>,
    pub difficulty: Difficulty,
    pub minutes: u32,
    pub tags: Vec<String>,
    pub organisation: Organisation,
    pub briefing: Briefing,
    pub cast: Vec<Person>,
    pub start: DateTime<FixedOffset>,
    pub duration: u32,
    pub deadlines: Vec<Deadline>,
    pub facts: Vec<Fact>,
    pub injects: Vec<Inject>,
    pub decisions: Vec<Decision>,
    pub variations: Vec<Variation>,
    /// The file's text, so a record can name the exact version it was played on.
    pub source: std::sync::Arc<str>,
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub name: Text,
    pub industry: Text,
    pub about: Text,
}

#[derive(Debug, Clone)]
pub struct Briefing {
    pub situation: Text,
    pub role: Text,
    pub objectives: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Window {
    pub from: SimTime,
    pub to: SimTime,
}

impl Window {
    pub fn contains(&self, t: SimTime) -> bool {
        self.from <= t && t < self.to
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    pub name: Text,
    pub department: Department,
    pub title: Text,
    pub can_approve: bool,
    pub unavailable: Vec<Window>,
    pub note: Text,
}

impl Person {
    pub fn available_at(&self, t: SimTime) -> bool {
        !self.unavailable.iter().any(|w| w.contains(t))
    }
}

#[derive(Debug, Clone)]
pub struct Deadline {
    pub id: String,
    pub at: SimTime,
    pub label: Text,
    pub rule: String,
    pub stage: Option<Stage>,
    /// Minutes after the deadline over which its points fall to nothing.
    pub grace: u32,
    pub basis: Text,
}

#[derive(Debug, Clone)]
pub struct Fact {
    pub id: String,
    pub text: Text,
    pub sensitivity: Sensitivity,
    pub initially: FactStatus,
    pub timeline: Vec<FactChange>,
    pub count: Option<u64>,
    pub core: bool,
    pub never_public: Vec<String>,
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct FactChange {
    pub when: Trigger,
    pub status: FactStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trigger {
    Start,
    At(SimTime),
    AfterInject(InjectRef),
    AfterDecision(DecisionRef),
    AfterOption(DecisionRef, usize),
    AfterPublish(Stage),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sender {
    Person(PersonRef),
    Outside(Text),
}

#[derive(Debug, Clone)]
pub struct Inject {
    pub id: String,
    pub when: Trigger,
    pub from: Sender,
    pub channel: Channel,
    pub subject: Text,
    pub body: Text,
    pub opens: Vec<DecisionRef>,
    pub optional: bool,
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub id: String,
    pub title: Text,
    pub prompt: Text,
    pub opens: Option<Trigger>,
    pub due: Option<SimTime>,
    pub owner: Option<Department>,
    pub kind: DecisionKind,
}

#[derive(Debug, Clone)]
pub enum DecisionKind {
    Choice { options: Vec<ChoiceOption> },
    Timing(Timing),
    Roles(Roles),
    Draft(Draft),
    Inquiry(Inquiry),
}

impl DecisionKind {
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

#[derive(Debug, Clone)]
pub struct ChoiceOption {
    pub id: String,
    pub label: Text,
    pub feedback: Text,
    pub effects: Vec<Effect>,
}

#[derive(Debug, Clone)]
pub struct Effect {
    pub rule: String,
    pub points: u32,
}

#[derive(Debug, Clone)]
pub struct Timing {
    pub stage: Stage,
    pub window: Window,
    pub deadline: Option<DeadlineRef>,
    pub needs: Vec<Need>,
    pub points: u32,
}

#[derive(Debug, Clone)]
pub struct Need {
    pub rule: String,
    pub decision: DecisionRef,
    pub option: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Roles {
    pub roles: Vec<Role>,
    pub allow_doubling: bool,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub id: String,
    pub name: Text,
    pub rule: String,
    pub departments: Vec<Department>,
    pub must_approve: bool,
    pub must_be_available: bool,
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
        let (ja, en) = (person.name.get(Lang::Ja), person.name.get(Lang::En));
        let (dja, den) = (
            person.department.label().get(Lang::Ja).to_string(),
            person.department.label().get(Lang::En).to_string(),
        );
        if !self.departments.is_empty() && !self.departments.contains(&person.department) {
            let wanted_ja: Vec<String> = self
                .departments
                .iter()
                .map(|d| d.label().get(Lang::Ja).to_string())
                .collect();
            let wanted_en: Vec<String> = self
                .departments
                .iter()
                .map(|d| d.label().get(Lang::En).to_string())
                .collect();
            return Some(Text::new(
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
            ));
        }
        if self.must_approve && !person.can_approve {
            return Some(Text::new(
                format!("{ja} ({dja}) には承認の権限がありません"),
                format!("{en} ({den}) has no authority to approve"),
            ));
        }
        if self.must_be_available && !reachable {
            return Some(Text::new(
                format!("{ja} ({dja}) はこの時間に連絡が取れません"),
                format!("{en} ({den}) cannot be reached at this time"),
            ));
        }
        None
    }
}

#[derive(Debug, Clone)]
pub struct Draft {
    pub stage: Stage,
    pub required: Vec<Element>,
    pub candidates: Vec<Candidate>,
    pub points: u32,
}

#[derive(Debug, Clone)]
pub struct Candidate {
    pub id: String,
    pub label: Text,
    pub text: Text,
}

#[derive(Debug, Clone)]
pub struct Inquiry {
    pub from: Sender,
    pub channel: Channel,
    pub question: Text,
    pub about: Vec<FactRef>,
    pub answers: Vec<ChoiceOption>,
    pub free_text: bool,
    pub points: u32,
}

#[derive(Debug, Clone)]
pub struct Variation {
    pub id: String,
    pub note: Text,
    pub kind: VariationKind,
}

#[derive(Debug, Clone)]
pub enum VariationKind {
    Delay {
        inject: InjectRef,
        min: u32,
        max: u32,
    },
    OneOf {
        injects: Vec<InjectRef>,
    },
    Chance {
        inject: InjectRef,
        percent: u8,
    },
    Unavailable {
        person: PersonRef,
        window: Window,
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

    pub fn person(&self, r: PersonRef) -> &Person {
        &self.cast[r.0]
    }

    pub fn fact(&self, r: FactRef) -> &Fact {
        &self.facts[r.0]
    }

    pub fn inject(&self, r: InjectRef) -> &Inject {
        &self.injects[r.0]
    }

    pub fn decision(&self, r: DecisionRef) -> &Decision {
        &self.decisions[r.0]
    }

    pub fn find_decision(&self, id: &str) -> Option<DecisionRef> {
        self.decisions
            .iter()
            .position(|d| d.id == id)
            .map(DecisionRef)
    }

    pub fn find_fact(&self, id: &str) -> Option<FactRef> {
        self.facts.iter().position(|f| f.id == id).map(FactRef)
    }
}

impl Scenario {
    /// When each inject arrives if nothing but the clock moves: `Start`, `At`, and chains of
    /// `AfterInject` have a time; injects waiting on a decision or a publication do not.
    pub fn clock_only_arrivals(&self) -> Vec<Option<SimTime>> {
        let mut times: Vec<Option<SimTime>> = vec![None; self.injects.len()];
        loop {
            let mut changed = false;
            for (i, inj) in self.injects.iter().enumerate() {
                if times[i].is_some() || inj.optional {
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
                        let at = match c.when {
                            Trigger::Start => Some(SimTime::START),
                            Trigger::At(t) => Some(t),
                            Trigger::AfterInject(r) => arrivals[r.0],
                            _ => None,
                        }?;
                        (at <= t).then_some((at, c.status))
                    })
                    .collect();
                changes.sort_by_key(|(at, _)| *at);
                changes.last().map_or(f.initially, |(_, s)| *s)
            })
            .collect()
    }
}
