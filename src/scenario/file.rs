//! The scenario file as written: mirrors the RON text field for field, before any check.
//! `validate` turns it into a [`super::Scenario`] or into every diagnostic at once.

use crate::playbook::rule;
use crate::text::Text;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct ScenarioFile {
    pub format: u32,
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// Language codes every text is written in: `["ja"]`, `["en"]` or `["ja", "en"]`.
    pub languages: Vec<String>,
    pub difficulty: Difficulty,
    /// How long a drill takes in the room, in minutes.
    pub minutes: u32,
    #[serde(default)]
    pub tags: Vec<String>,
    pub organisation: OrganisationFile,
    pub briefing: BriefingFile,
    pub cast: Vec<PersonFile>,
    pub clock: ClockFile,
    #[serde(default)]
    pub deadlines: Vec<DeadlineFile>,
    pub facts: Vec<FactFile>,
    pub injects: Vec<InjectFile>,
    pub decisions: Vec<DecisionFile>,
    #[serde(default)]
    pub variations: Vec<VariationFile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Difficulty {
    Introductory,
    Intermediate,
    Advanced,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Organisation")]
pub struct OrganisationFile {
    pub name: Text,
    #[serde(default)]
    pub industry: Text,
    #[serde(default)]
    pub about: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Briefing")]
pub struct BriefingFile {
    /// The situation as the trainee finds it when the drill starts.
    pub situation: Text,
    /// Who the trainee plays.
    pub role: Text,
    #[serde(default)]
    pub objectives: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Department {
    Pr,
    Legal,
    ItSecurity,
    Executive,
    Support,
    Operations,
    Specialist,
}

impl Department {
    pub const ALL: [Department; 7] = [
        Department::Pr,
        Department::Legal,
        Department::ItSecurity,
        Department::Executive,
        Department::Support,
        Department::Operations,
        Department::Specialist,
    ];

    pub fn label(self) -> Text {
        match self {
            Department::Pr => Text::new("広報", "PR"),
            Department::Legal => Text::new("法務", "Legal"),
            Department::ItSecurity => Text::new("情報システム・セキュリティ", "IT / security"),
            Department::Executive => Text::new("経営層", "Executive"),
            Department::Support => Text::new("顧客対応", "Customer support"),
            Department::Operations => Text::new("事業部門", "Operations"),
            Department::Specialist => Text::new("外部専門家", "Outside specialist"),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Person")]
pub struct PersonFile {
    pub id: String,
    pub name: Text,
    pub department: Department,
    pub title: Text,
    #[serde(default)]
    pub can_approve: bool,
    /// Times the person cannot be reached (on a plane, off shift).
    #[serde(default)]
    pub unavailable: Vec<WindowFile>,
    /// A line for the facilitator about how this person behaves.
    #[serde(default)]
    pub note: Text,
}

/// A span of simulated time: `(from: "+0m", to: "+2h")`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Window")]
pub struct WindowFile {
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Clock")]
pub struct ClockFile {
    /// Date and time the drill starts, with its offset: `"2026-03-12T08:30:00+09:00"`.
    pub start: String,
    /// How much simulated time the scenario covers: `"6h"`, `"3d"`.
    pub duration: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Stage {
    FirstNotice,
    Update,
    FinalReport,
}

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::FirstNotice, Stage::Update, Stage::FinalReport];

    pub fn key(self) -> &'static str {
        match self {
            Stage::FirstNotice => "first",
            Stage::Update => "update",
            Stage::FinalReport => "final",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Stage::FirstNotice => Text::new("第一報", "First notice"),
            Stage::Update => Text::new("続報", "Update"),
            Stage::FinalReport => Text::new("最終報告", "Final report"),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Deadline")]
pub struct DeadlineFile {
    pub id: String,
    pub at: String,
    pub label: Text,
    /// The rule that loses points when the deadline is missed, normally `timing.not_too_late`.
    pub rule: String,
    /// The stage that must be out by then.
    #[serde(default)]
    pub stage: Option<Stage>,
    /// How long after the deadline the points fall to nothing: `"2h"`.
    #[serde(default)]
    pub grace: Option<String>,
    /// Where the deadline comes from: a law, an exchange rule, a rumour's pace.
    #[serde(default)]
    pub basis: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Sensitivity {
    Public,
    Internal,
    Personal,
    Confidential,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum FactStatus {
    Unknown,
    Suspected,
    Confirmed,
    Refuted,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct FactFile {
    pub id: String,
    pub text: Text,
    pub sensitivity: Sensitivity,
    #[serde(default = "unknown")]
    pub initially: FactStatus,
    /// How the fact's status changes: `[(when: AfterInject("logs"), status: Confirmed)]`.
    #[serde(default)]
    pub timeline: Vec<FactChangeFile>,
    /// A number that matters, such as people affected; the wording checker compares it.
    #[serde(default)]
    pub count: Option<u64>,
    /// Whether this fact is core: no publication before it is confirmed or refuted.
    #[serde(default)]
    pub core: bool,
    /// Terms that must never appear in public text: addresses, host names, staff names.
    #[serde(default)]
    pub never_public: Vec<String>,
    /// Words public text uses for this fact (`["カード情報", "card data"]`), so the wording
    /// checker can tell when a sentence claims or denies it.
    #[serde(default)]
    pub keywords: Vec<String>,
}

fn unknown() -> FactStatus {
    FactStatus::Unknown
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Change")]
pub struct FactChangeFile {
    pub when: TriggerFile,
    pub status: FactStatus,
}

/// What makes something happen.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum TriggerFile {
    /// At the start of the drill.
    Start,
    /// At a time: `At("+45m")`.
    At(String),
    /// When an inject has arrived.
    AfterInject(String),
    /// When a decision has been answered.
    AfterDecision(String),
    /// When a particular option of a choice or inquiry has been chosen.
    AfterOption { decision: String, option: String },
    /// When a stage has been published.
    AfterPublish(Stage),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Channel {
    Phone,
    Mail,
    Chat,
    Meeting,
    Social,
    Press,
    Regulator,
    Customer,
}

impl Channel {
    pub fn label(self) -> Text {
        match self {
            Channel::Phone => Text::new("電話", "Phone"),
            Channel::Mail => Text::new("メール", "Mail"),
            Channel::Chat => Text::new("チャット", "Chat"),
            Channel::Meeting => Text::new("会議", "Meeting"),
            Channel::Social => Text::new("SNS", "Social media"),
            Channel::Press => Text::new("報道", "Press"),
            Channel::Regulator => Text::new("監督官庁", "Regulator"),
            Channel::Customer => Text::new("顧客", "Customer"),
        }
    }
}

/// Who a message is from: a cast member, or someone outside the organisation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub enum SenderFile {
    Person(String),
    Outside(Text),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Inject")]
pub struct InjectFile {
    pub id: String,
    pub when: TriggerFile,
    pub from: SenderFile,
    pub channel: Channel,
    #[serde(default)]
    pub subject: Text,
    pub body: Text,
    /// Decisions this message puts in front of the team.
    #[serde(default)]
    pub opens: Vec<String>,
    /// Fired by the facilitator only, never by the clock.
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Decision")]
pub struct DecisionFile {
    pub id: String,
    pub title: Text,
    pub prompt: Text,
    /// When the decision opens, if no inject opens it.
    #[serde(default)]
    pub opens: Option<TriggerFile>,
    /// When it closes unanswered: `"+2h"`.
    #[serde(default)]
    pub due: Option<String>,
    /// The department that owns the decision in a team drill.
    #[serde(default)]
    pub owner: Option<Department>,
    pub kind: DecisionKindFile,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum DecisionKindFile {
    Choice(ChoiceFile),
    Timing(TimingFile),
    Roles(RolesFile),
    Draft(DraftFile),
    Inquiry(InquiryFile),
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    pub options: Vec<OptionFile>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Option")]
pub struct OptionFile {
    pub id: String,
    pub label: Text,
    /// What the debrief says about choosing this option.
    #[serde(default)]
    pub feedback: Text,
    #[serde(default)]
    pub effects: Vec<EffectFile>,
}

/// Points an option earns for a rule: an effect naming the external-experts rule with 10 points.
/// The best option for a rule sets the maximum; others earn less or nothing.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Effect")]
pub struct EffectFile {
    pub rule: String,
    pub points: u32,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimingFile {
    pub stage: Stage,
    /// The span in which the playbook would publish this stage.
    pub window: WindowFile,
    /// The deadline this stage answers to, if any.
    #[serde(default)]
    pub deadline: Option<String>,
    /// Decisions that must be answered first, each for a rule:
    /// a need naming the risk-review rule, the decision `legal_check` and its option `approve`.
    #[serde(default)]
    pub needs: Vec<NeedFile>,
    /// Points at stake for each timing rule this decision scores.
    #[serde(default = "ten")]
    pub points: u32,
}

fn ten() -> u32 {
    10
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Need")]
pub struct NeedFile {
    pub rule: String,
    pub decision: String,
    #[serde(default)]
    pub option: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RolesFile {
    pub roles: Vec<RoleFile>,
    /// Whether one person may hold several of these roles.
    #[serde(default)]
    pub allow_doubling: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Role")]
pub struct RoleFile {
    pub id: String,
    pub name: Text,
    /// The rule this role is scored against, e.g. `roles.final_approver`.
    pub rule: String,
    /// Departments a holder may come from; empty means any.
    #[serde(default)]
    pub departments: Vec<Department>,
    /// Whether the holder must have the authority to approve.
    #[serde(default)]
    pub must_approve: bool,
    /// Whether the holder must be reachable when the decision opens.
    #[serde(default = "yes")]
    pub must_be_available: bool,
    #[serde(default = "ten")]
    pub points: u32,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Element {
    Header,
    Overview,
    Impact,
    Cause,
    Countermeasures,
    Apology,
    Contact,
    NextUpdate,
}

impl Element {
    pub const ALL: [Element; 8] = [
        Element::Header,
        Element::Overview,
        Element::Impact,
        Element::Cause,
        Element::Countermeasures,
        Element::Apology,
        Element::Contact,
        Element::NextUpdate,
    ];

    /// The wording rule that reports this element missing.
    pub fn rule(self) -> &'static str {
        match self {
            Element::Header => rule::WORDING_HEADER,
            Element::Overview => rule::WORDING_OVERVIEW,
            Element::Impact => rule::WORDING_IMPACT,
            Element::Cause => rule::WORDING_CAUSE,
            Element::Countermeasures => rule::WORDING_COUNTERMEASURES,
            Element::Apology => rule::WORDING_APOLOGY,
            Element::Contact => rule::WORDING_CONTACT,
            Element::NextUpdate => rule::WORDING_NEXT_UPDATE,
        }
    }

    /// Elements a stage needs when the scenario does not say.
    pub fn defaults_for(stage: Stage) -> &'static [Element] {
        match stage {
            Stage::FirstNotice => &[
                Element::Header,
                Element::Overview,
                Element::Impact,
                Element::Cause,
                Element::Countermeasures,
                Element::Apology,
                Element::Contact,
                Element::NextUpdate,
            ],
            Stage::Update => &[
                Element::Header,
                Element::Overview,
                Element::Impact,
                Element::Cause,
                Element::Countermeasures,
                Element::Contact,
                Element::NextUpdate,
            ],
            Stage::FinalReport => &[
                Element::Header,
                Element::Overview,
                Element::Impact,
                Element::Cause,
                Element::Countermeasures,
                Element::Apology,
                Element::Contact,
            ],
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DraftFile {
    pub stage: Stage,
    /// Elements this stage's text must contain; the stage's usual set when left out.
    #[serde(default)]
    pub required: Option<Vec<Element>>,
    /// Prepared texts the trainee may pick from instead of writing.
    #[serde(default)]
    pub candidates: Vec<CandidateFile>,
    #[serde(default = "twenty")]
    pub points: u32,
}

fn twenty() -> u32 {
    20
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Candidate")]
pub struct CandidateFile {
    pub id: String,
    pub label: Text,
    pub text: Text,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InquiryFile {
    pub from: SenderFile,
    pub channel: Channel,
    pub question: Text,
    /// Facts the question touches; the answer is compared with their status at that moment.
    #[serde(default)]
    pub about: Vec<String>,
    /// Prepared answers to pick from, each with effects like a choice.
    #[serde(default)]
    pub answers: Vec<OptionFile>,
    /// Whether the trainee may also write their own answer.
    #[serde(default = "yes")]
    pub free_text: bool,
    #[serde(default = "ten")]
    pub points: u32,
}

/// A seeded variation: drawn once per drill from the seed, so a seed replays exactly.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Variation")]
pub struct VariationFile {
    pub id: String,
    #[serde(default)]
    pub note: Text,
    pub kind: VariationKindFile,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum VariationKindFile {
    /// The inject arrives later by a random amount: `Delay(inject: "ceo_call", min: "0m", max: "40m")`.
    Delay {
        inject: String,
        min: String,
        max: String,
    },
    /// Exactly one of these injects fires; the others never do.
    OneOf { injects: Vec<String> },
    /// The inject fires with this chance in percent.
    Chance { inject: String, percent: u8 },
    /// With this chance in percent, the person is unreachable over the window.
    Unavailable {
        person: String,
        window: WindowFile,
        percent: u8,
    },
}
