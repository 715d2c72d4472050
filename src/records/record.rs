//! Drill records: a versioned RON file with everything needed to reproduce a score (scenario
//! ID and content hash, playbook hash, seed, every action with simulated and wall time) and
//! the result. `pressroom rescore` replays one and says when the scenario or playbook changed.

use super::answers::{Action, Answers, Fire};
use super::log::Log;
pub use super::log::{LogAction, LogFire};
use crate::scenario::{Scenario, SimTime};
use crate::scoring::Score;
use crate::source::diagnostic::Diagnostic;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The record format this Pressroom writes; it reads this one and every older one listed.
/// Format 2 may keep the reviews a team asked for, and answers in two languages.
pub const FORMAT: u32 = 2;

/// The record (and journal) formats this Pressroom reads: this one and every older one.
pub const VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "record",
    current: FORMAT,
    oldest: 1,
};

/// The journal's formats: it is written with the record's version.
const JOURNAL_VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "journal",
    ..VERSIONS
};

/// A finished drill, as saved: enough to replay it and check its score.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Record")]
pub struct Record {
    /// The record format version.
    pub format: u32,
    /// The record's own identity, given when it is first saved in a data folder and kept
    /// across export and import: two drills are the same record only if their IDs are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The Pressroom version that wrote it.
    pub pressroom: String,
    /// The scenario's ID.
    pub scenario: String,
    /// The scenario's title when the drill was played, for lists and reports.
    #[serde(default)]
    pub title: crate::text::Text,
    /// SHA-256 of the scenario file it was played on.
    pub scenario_hash: String,
    /// Where the scenario was read from, for `rescore`.
    #[serde(default)]
    pub scenario_path: Option<String>,
    /// The playbook's ID.
    pub playbook: String,
    /// SHA-256 of the playbook it was scored against.
    pub playbook_hash: String,
    /// The seed.
    pub seed: u64,
    /// The language it was played in.
    pub lang: Lang,
    /// When the drill began in the room (RFC 3339); history sorts by it.
    #[serde(default)]
    pub started: Option<String>,
    /// The team that ran the drill, for its history.
    #[serde(default)]
    pub team: Option<String>,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// In a team drill: who took which function (PR, legal, IT...), so each decision has an
    /// owner.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
    /// The decisions taken, in order (the drill log).
    pub actions: Vec<LogAction>,
    /// Optional injects the facilitator fired, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fired: Vec<LogFire>,
    /// The reviews the team asked for, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<super::log::LogReview>,
    /// The facilitator's observations, pinned to the scenario clock.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// What the team will fix, filled in after the drill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Improvement>,
    /// IDs of earlier corrective actions this drill closed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed: Vec<String>,
    /// The score it got.
    pub result: RecordedResult,
}

/// A team member and the function they took.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Member")]
pub struct Member {
    /// Their name.
    pub name: String,
    /// Their function.
    pub function: crate::scenario::Department,
}

/// A facilitator's note.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Note")]
pub struct Note {
    /// When, on the scenario clock.
    pub at: SimTime,
    /// What was observed.
    pub text: String,
}

/// One line of the improvement plan: what went wrong, what the team will do, who, by when.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields, rename = "Improvement")]
pub struct Improvement {
    /// Stable across drills, so a later drill can close it.
    pub id: String,
    /// What went wrong.
    pub issue: String,
    /// What the team will do about it.
    pub action: String,
    /// Who will do it.
    pub owner: String,
    /// A calendar date (YYYY-MM-DD).
    pub due: String,
    /// The rule it comes from, if any.
    #[serde(default)]
    pub rule: Option<String>,
}

/// A drill's score as the record keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Result")]
pub struct RecordedResult {
    /// The scoring model the result was computed under ([`crate::scoring::MODEL`]); 1 for
    /// records written before model 2, whose totals are not comparable with today's.
    #[serde(default = "model_1")]
    pub model: u32,
    /// The total, 0–100.
    pub total: f64,
    /// Each area's score, 0–100.
    pub areas: BTreeMap<String, f64>,
    /// Each rule's share of its points earned (0–1), for progress by rule.
    #[serde(default)]
    pub rules: BTreeMap<String, f64>,
    /// Each area's rating (P, S, M or U).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, String>,
}

fn model_1() -> u32 {
    1
}

impl Record {
    /// The record of a drill just played.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        scenario: &Scenario,
        scenario_path: Option<String>,
        playbook: &crate::Playbook,
        seed: u64,
        lang: Lang,
        answers: &Answers,
        wall: &[Option<String>],
        score: &Score,
    ) -> Record {
        let log = Log::from_played(scenario, &answers.actions, &answers.fired, wall);
        Record {
            format: FORMAT,
            id: None,
            pressroom: env!("CARGO_PKG_VERSION").to_string(),
            scenario: scenario.id.clone(),
            title: scenario.title.clone(),
            scenario_hash: scenario.content_hash(),
            scenario_path,
            playbook: playbook.id.clone(),
            playbook_hash: playbook.hash.clone(),
            seed,
            lang,
            started: None,
            participants: answers.participants.clone(),
            team: answers.team.clone(),
            members: answers.members.clone(),
            notes: Vec::new(),
            plan: Vec::new(),
            closed: Vec::new(),
            actions: log.actions,
            fired: log.fired,
            reviews: super::log::log_reviews(scenario, &answers.reviews),
            result: RecordedResult {
                model: crate::scoring::MODEL,
                total: score.total,
                areas: score
                    .areas
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.score))
                    .collect(),
                rules: rule_shares(score),
                ratings: score
                    .areas
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.rating.letter().to_string()))
                    .collect(),
            },
        }
    }

    /// The record as RON.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        ron::ser::to_string_pretty(self, config).expect("a record serialises") + "\n"
    }

    /// Reads a record, its format version first; what is wrong, in a line.
    pub fn parse(src: &str) -> Result<Record, String> {
        Record::read(src).map_err(|diags| {
            diags
                .iter()
                .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    /// Reads a record with the diagnostics an answers file gets: the format version first,
    /// then the typed parse, then its values (a score that is not a number between 0 and
    /// 100, actions out of order), each at its line and column.
    pub fn read(src: &str) -> Result<Record, Vec<Diagnostic>> {
        // Read the version first, so a newer file says so instead of failing on a field.
        crate::source::version::check(src, VERSIONS).map_err(|d| vec![d])?;
        let record = crate::source::load::parse_all::<Record>(src)?;
        let mut diags = record.problems();
        if diags.is_empty() {
            Ok(record)
        } else {
            crate::source::locate::place(&mut diags, src);
            Err(crate::source::diagnostic::capped(diags))
        }
    }

    /// What a parsed record holds that no drill could have produced.
    fn problems(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let score = |v: f64, field: String, out: &mut Vec<Diagnostic>| {
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                out.push(
                    Diagnostic::error("invalid-value", format!("a score of {v} is not 0–100"))
                        .field(field)
                        .hint("a record's scores are written by Pressroom; this file was changed by hand or damaged"),
                );
            }
        };
        score(self.result.total, "result.total".into(), &mut out);
        for (area, v) in &self.result.areas {
            score(*v, format!("result.areas.{area}"), &mut out);
        }
        for (rule, v) in &self.result.rules {
            if !(v.is_finite() && (0.0..=1.0).contains(v)) {
                out.push(
                    Diagnostic::error("invalid-value", format!("a share of {v} is not 0–1"))
                        .field(format!("result.rules.{rule}")),
                );
            }
        }
        let mut last = SimTime::START;
        for (i, a) in self.actions.iter().enumerate() {
            out.extend(super::log::in_order(i, a.at, last));
            last = last.max(a.at);
        }
        out
    }

    /// The record's actions as answers to replay.
    pub fn answers(&self, scenario: &Scenario) -> Result<Answers, String> {
        let (actions, fired) = replayable(scenario, &self.actions, &self.fired)?;
        Ok(Answers {
            seed: Some(self.seed),
            lang: Some(self.lang),
            breaks: Vec::new(),
            participants: self.participants.clone(),
            team: self.team.clone(),
            members: self.members.clone(),
            actions,
            fired,
            reviews: reviews_of(scenario, &self.reviews)?,
        })
    }
}

/// A log's actions and fired injects as references into `scenario`, through the log's one
/// conversion; what the scenario no longer has (or no longer accepts) is said in one line.
fn replayable(
    scenario: &Scenario,
    actions: &[LogAction],
    fired: &[LogFire],
) -> Result<(Vec<Action>, Vec<Fire>), String> {
    super::log::resolve(scenario, actions, fired).map_err(|diags| {
        diags
            .iter()
            .map(|d| format!("{}: {}", d.field, d.message))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Logged reviews as references, said in one line when the scenario lacks what they name.
fn reviews_of(
    scenario: &Scenario,
    logged: &[super::log::LogReview],
) -> Result<Vec<super::answers::Review>, String> {
    super::log::resolve_reviews(scenario, logged).map_err(|diags| {
        diags
            .iter()
            .map(|d| format!("{}: {}", d.field, d.message))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Each rule's earned share of its stake over the drill (its counted findings), rounded to
/// 0.001.
pub fn rule_shares(score: &Score) -> BTreeMap<String, f64> {
    let mut sums: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for f in score.findings.iter().filter(|f| f.counted) {
        let e = sums.entry(f.rule.clone()).or_default();
        e.0 += f.points;
        e.1 += f.max;
    }
    sums.into_iter()
        .filter(|(_, (_, max))| *max > 0.0)
        .map(|(rule, (p, m))| (rule, (p / m * 1000.0).round() / 1000.0))
        .collect()
}

/// A drill in progress, rewritten after every action so that a crash or power cut loses
/// nothing: everything a record holds except the result.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Journal")]
pub struct Journal {
    /// The journal format version (the record's).
    pub format: u32,
    /// The scenario's ID.
    pub scenario: String,
    /// SHA-256 of the scenario file.
    pub scenario_hash: String,
    /// Where the scenario was read from.
    pub scenario_path: Option<String>,
    /// The seed.
    pub seed: u64,
    /// The language.
    pub lang: Lang,
    /// When the drill began in the room.
    pub started: Option<String>,
    /// The team, in a team drill.
    #[serde(default)]
    pub team: Option<String>,
    /// Who took which function.
    #[serde(default)]
    pub members: Vec<Member>,
    /// Where the scenario clock stood at the last write.
    pub now: SimTime,
    /// The decisions taken so far.
    pub actions: Vec<LogAction>,
    /// The optional injects fired so far.
    #[serde(default)]
    pub fired: Vec<LogFire>,
    /// The reviews asked for so far.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<super::log::LogReview>,
    /// The facilitator's notes so far.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Journal {
    /// The journal as RON.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        ron::ser::to_string_pretty(self, config).expect("a journal serialises") + "\n"
    }

    /// Reads a journal, its format version first.
    pub fn parse(src: &str) -> Result<Journal, String> {
        crate::source::version::check(src, JOURNAL_VERSIONS).map_err(|d| d.render("journal"))?;
        crate::source::load::parse::<Journal>(src).map_err(|d| d.render("journal"))
    }

    /// The journal's actions as answers to replay on `scenario`.
    pub fn answers(&self, scenario: &Scenario) -> Result<Answers, String> {
        let (actions, fired) = replayable(scenario, &self.actions, &self.fired)?;
        Ok(Answers {
            seed: Some(self.seed),
            lang: Some(self.lang),
            breaks: Vec::new(),
            participants: Vec::new(),
            team: self.team.clone(),
            members: self.members.clone(),
            actions,
            fired,
            reviews: reviews_of(scenario, &self.reviews)?,
        })
    }
}

/// How a record names its scenario file: absolute where the path can be made so, so that
/// `rescore` and `report` find it from any folder.
pub fn scenario_path(path: &std::path::Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}
