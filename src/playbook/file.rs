//! The playbook file as written: mirrors the RON text, before any check.

use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A playbook file as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Playbook")]
pub struct PlaybookFile {
    /// The playbook format version.
    pub format: u32,
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// `Some("default")`: start from the bundled playbook and add, reweight or extend.
    #[serde(default)]
    pub extends: Option<String>,
    /// The procedure's sections it cites.
    #[serde(default)]
    pub sections: Vec<SectionFile>,
    /// Its rules (added to the bundled ones when it extends them).
    #[serde(default)]
    pub rules: Vec<RuleFile>,
    /// Changes to the weight or severity of rules it extends.
    #[serde(default)]
    pub reweight: Vec<ReweightFile>,
    /// Phrase lists for the wording checker.
    #[serde(default)]
    pub phrases: PhraseBook,
}

/// A section of the procedure.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Section")]
pub struct SectionFile {
    /// Its ID (`S1`, `S1.2`).
    pub id: String,
    /// Its heading.
    pub heading: Text,
}

/// The part of the score a rule counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Area {
    /// When to publish.
    Timing,
    /// Who does what.
    Roles,
    /// How the team works.
    Process,
    /// What the announcement says.
    Wording,
}

impl Area {
    /// Every area, in display order.
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

    /// The area's name in both languages.
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
    /// Advice: costs a little.
    Info,
    /// What the procedure asks for: costs half.
    Warning,
    /// What the procedure forbids outright: costs everything.
    Error,
}

impl Severity {
    /// The severity's key in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Rule")]
pub struct RuleFile {
    /// Its ID (`area.name`).
    pub id: String,
    /// Its area.
    pub area: Area,
    /// Its title.
    pub title: Text,
    /// What it asks, in a few sentences.
    pub explanation: Text,
    /// The sections it cites.
    pub sections: Vec<String>,
    /// How much its points count (1.0 normally).
    #[serde(default = "one")]
    pub weight: f64,
    /// How much a finding of it matters.
    pub severity: Severity,
}

fn one() -> f64 {
    1.0
}

/// A change to a rule this playbook extends.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Reweight")]
pub struct ReweightFile {
    /// The rule.
    pub rule: String,
    /// Its new weight.
    #[serde(default)]
    pub weight: Option<f64>,
    /// Its new severity.
    #[serde(default)]
    pub severity: Option<Severity>,
}

/// Phrase lists for the wording checker, one set per language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseBook {
    /// Japanese phrases.
    #[serde(default)]
    pub ja: Phrases,
    /// English phrases.
    #[serde(default)]
    pub en: Phrases,
}

/// The phrase lists of one language.
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

/// A technical term with a plain alternative.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Jargon")]
pub struct Jargon {
    /// The term.
    pub term: String,
    /// What to write instead.
    pub plain: String,
    /// Readers who know the term, for whom it is not jargon: `[Developers]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_to: Vec<Readers>,
}

/// Who reads a public notice, which decides what is jargon: a term developers use every
/// day ("API token") is one a customer may not follow.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize,
)]
pub enum Readers {
    /// The company's customers: plain words.
    #[default]
    Customers,
    /// Everyone, through the press: plain words.
    Public,
    /// Developers who use the company's services: their own technical terms are plain.
    Developers,
}

impl Readers {
    /// Its key in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Readers::Customers => "customers",
            Readers::Public => "public",
            Readers::Developers => "developers",
        }
    }
}

/// Phrases that show an element is present.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// The subject (`header`).
    #[serde(default)]
    pub subject: Vec<String>,
    /// What happened (`overview`).
    #[serde(default)]
    pub overview: Vec<String>,
    /// Who is affected (`impact`).
    #[serde(default)]
    pub impact: Vec<String>,
    /// The cause.
    #[serde(default)]
    pub cause: Vec<String>,
    /// What is being done.
    #[serde(default)]
    pub countermeasures: Vec<String>,
    /// An apology.
    #[serde(default)]
    pub apology: Vec<String>,
    /// Where to ask.
    #[serde(default)]
    pub contact: Vec<String>,
    /// When the next update comes.
    #[serde(default)]
    pub next_update: Vec<String>,
}

/// Whether a phrase book lists nothing at all.
pub fn phrase_book_is_empty(b: &PhraseBook) -> bool {
    [&b.ja, &b.en].iter().all(|p| {
        p.hedges.is_empty()
            && p.investigating.is_empty()
            && p.jargon.is_empty()
            && p.blame.is_empty()
            && p.overpromise.is_empty()
            && p.vague.is_empty()
            && p.denials.is_empty()
            && p.assertions.is_empty()
            && [
                &p.cues.subject,
                &p.cues.overview,
                &p.cues.impact,
                &p.cues.cause,
                &p.cues.countermeasures,
                &p.cues.apology,
                &p.cues.contact,
                &p.cues.next_update,
            ]
            .iter()
            .all(|c| c.is_empty())
    })
}
