//! The playbook file as written: mirrors the RON text, before any check.

use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Playbook")]
pub struct PlaybookFile {
    pub format: u32,
    pub id: String,
    pub name: Text,
    /// `Some("default")`: start from the bundled playbook and add, reweight or extend.
    #[serde(default)]
    pub extends: Option<String>,
    #[serde(default)]
    pub sections: Vec<SectionFile>,
    #[serde(default)]
    pub rules: Vec<RuleFile>,
    #[serde(default)]
    pub reweight: Vec<ReweightFile>,
    #[serde(default)]
    pub phrases: PhraseBook,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Section")]
pub struct SectionFile {
    pub id: String,
    pub heading: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Area {
    Timing,
    Roles,
    Process,
    Wording,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Timing, Area::Roles, Area::Process, Area::Wording];

    /// The rule ID prefix of this area, e.g. `timing`.
    pub fn key(self) -> &'static str {
        match self {
            Area::Timing => "timing",
            Area::Roles => "roles",
            Area::Process => "process",
            Area::Wording => "wording",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Area::Timing => Text::new("タイミング", "Timing"),
            Area::Roles => Text::new("役割分担", "Roles"),
            Area::Process => Text::new("進め方", "Process"),
            Area::Wording => Text::new("文面", "Wording"),
        }
    }
}

/// How much a finding of a rule matters when it goes wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Rule")]
pub struct RuleFile {
    pub id: String,
    pub area: Area,
    pub title: Text,
    pub explanation: Text,
    pub sections: Vec<String>,
    #[serde(default = "one")]
    pub weight: f64,
    pub severity: Severity,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Reweight")]
pub struct ReweightFile {
    pub rule: String,
    #[serde(default)]
    pub weight: Option<f64>,
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// Phrase lists for the wording checker, one set per language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseBook {
    #[serde(default)]
    pub ja: Phrases,
    #[serde(default)]
    pub en: Phrases,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phrases {
    /// Guesses and hedges about what is not confirmed (`wording.speculation`).
    #[serde(default)]
    pub hedges: Vec<String>,
    /// Honest statements that something is still being investigated: never a hedge.
    #[serde(default)]
    pub investigating: Vec<String>,
    /// Technical terms a lay reader would not follow, each with a plain alternative.
    #[serde(default)]
    pub jargon: Vec<Jargon>,
    /// Blame-shifting or defensive phrasing (`wording.blame`).
    #[serde(default)]
    pub blame: Vec<String>,
    /// Absolute promises (`wording.overpromise`).
    #[serde(default)]
    pub overpromise: Vec<String>,
    /// Vague quantities that hide a known number (`wording.vague`).
    #[serde(default)]
    pub vague: Vec<String>,
    /// Sentence endings that deny something happened ("ございません", "was not").
    #[serde(default)]
    pub denials: Vec<String>,
    /// Sentence endings that state something as settled ("判明しました", "has been").
    #[serde(default)]
    pub assertions: Vec<String>,
    /// Phrases that show each element of an announcement is present.
    #[serde(default)]
    pub cues: Cues,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Jargon")]
pub struct Jargon {
    pub term: String,
    pub plain: String,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    #[serde(default)]
    pub subject: Vec<String>,
    #[serde(default)]
    pub overview: Vec<String>,
    #[serde(default)]
    pub impact: Vec<String>,
    #[serde(default)]
    pub cause: Vec<String>,
    #[serde(default)]
    pub countermeasures: Vec<String>,
    #[serde(default)]
    pub apology: Vec<String>,
    #[serde(default)]
    pub contact: Vec<String>,
    #[serde(default)]
    pub next_update: Vec<String>,
}
