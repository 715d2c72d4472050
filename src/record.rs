//! Drill records: a versioned RON file with everything needed to reproduce a score (scenario
//! ID and content hash, playbook hash, seed, every action with simulated and wall time) and
//! the result. `pressroom rescore` replays one and says when the scenario or playbook changed.

use crate::answers::{Action, Answers};
use crate::scenario::{Scenario, SimTime};
use crate::scoring::Score;
use crate::session::Answer;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The record format this Pressroom writes; it reads this one and every older one listed.
pub const FORMAT: u32 = 1;
pub const READS: &[u32] = &[1];

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Record")]
pub struct Record {
    pub format: u32,
    pub pressroom: String,
    pub scenario: String,
    /// The scenario's title when the drill was played, for lists and reports.
    #[serde(default)]
    pub title: crate::text::Text,
    pub scenario_hash: String,
    /// Where the scenario was read from, for `rescore`.
    #[serde(default)]
    pub scenario_path: Option<String>,
    pub playbook: String,
    pub playbook_hash: String,
    pub seed: u64,
    pub lang: Lang,
    /// When the drill began in the room (RFC 3339); history sorts by it.
    #[serde(default)]
    pub started: Option<String>,
    /// The team that ran the drill, for its history.
    #[serde(default)]
    pub team: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub actions: Vec<RecordedAction>,
    pub result: RecordedResult,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Action")]
pub struct RecordedAction {
    pub at: SimTime,
    /// When it was taken in the room (RFC 3339), if a person took it.
    #[serde(default)]
    pub wall: Option<String>,
    pub decision: String,
    pub answer: Answer,
    #[serde(default)]
    pub by: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Result")]
pub struct RecordedResult {
    pub total: f64,
    pub areas: BTreeMap<String, f64>,
}

impl Record {
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
        Record {
            format: FORMAT,
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
            team: None,
            participants: answers.participants.clone(),
            actions: answers
                .actions
                .iter()
                .enumerate()
                .map(|(i, a)| RecordedAction {
                    at: a.at,
                    wall: wall.get(i).cloned().flatten(),
                    decision: scenario.decision(a.decision).id.clone(),
                    answer: a.answer.clone(),
                    by: a.by.clone(),
                })
                .collect(),
            result: RecordedResult {
                total: score.total,
                areas: score
                    .areas
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.score))
                    .collect(),
            },
        }
    }

    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        ron::ser::to_string_pretty(self, config).expect("a record serialises") + "\n"
    }

    pub fn parse(src: &str) -> Result<Record, String> {
        // Read the version first, so a newer file says so instead of failing on a field.
        let version = regex::Regex::new(r"format:\s*([0-9]+)")
            .expect("pattern compiles")
            .captures(src)
            .and_then(|c| c[1].parse::<u32>().ok());
        if let Some(v) = version
            && !READS.contains(&v)
        {
            return Err(format!(
                "this record has format {v}; this Pressroom reads format {}; open it with a newer Pressroom",
                READS
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        crate::load::parse::<Record>(src).map_err(|d| d.render("record"))
    }

    /// The record's actions as answers to replay.
    pub fn answers(&self, scenario: &Scenario) -> Result<Answers, String> {
        let actions = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let decision = scenario.find_decision(&a.decision).ok_or_else(|| {
                    format!("the scenario no longer has decision `{}`", a.decision)
                })?;
                Ok(Action {
                    at: a.at,
                    decision,
                    answer: a.answer.clone(),
                    by: a.by.clone(),
                    field: format!("actions[{i}]"),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Answers {
            seed: Some(self.seed),
            lang: Some(self.lang),
            breaks: Vec::new(),
            participants: self.participants.clone(),
            actions,
        })
    }
}
