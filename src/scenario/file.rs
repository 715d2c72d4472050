//! The scenario file as written: mirrors the RON text field for field, before any check.
//! `validate` turns it into a [`super::Scenario`] or into every diagnostic at once.

pub use crate::playbook::file::Readers;
use crate::playbook::rule;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// A scenario file as written: the raw model serde reads, checked by `validate`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Scenario")]
pub struct ScenarioFile {
    /// The scenario format version (see `VERSIONS`).
    pub format: u32,
    /// A stable ID: lowercase letters, digits, `-` and `_`.
    pub id: String,
    /// The title shown in the library.
    pub title: Text,
    /// A sentence or two on what the drill is about.
    pub summary: Text,
    /// Language codes every text is written in: `["ja"]`, `["en"]` or `["ja", "en"]`.
    pub languages: Vec<String>,
    /// How hard the drill is.
    pub difficulty: Difficulty,
    /// How long a drill takes in the room, in minutes.
    pub minutes: u32,
    /// Free tags for the library (`ransomware`, `gdpr`).
    #[serde(default)]
    pub tags: Vec<String>,
    /// The organisation the team works for.
    pub organisation: OrganisationFile,
    /// What the team is told before the clock starts.
    pub briefing: BriefingFile,
    /// The people in the story.
    pub cast: Vec<PersonFile>,
    /// When the scenario starts and how long it runs.
    pub clock: ClockFile,
    /// Deadlines the team answers to (regulators, trust).
    #[serde(default)]
    pub deadlines: Vec<DeadlineFile>,
    /// The facts of the incident and how their status changes.
    pub facts: Vec<FactFile>,
    /// Messages that arrive during the drill.
    pub injects: Vec<InjectFile>,
    /// What the team must decide.
    pub decisions: Vec<DecisionFile>,
    /// How a seed varies the drill.
    #[serde(default)]
    pub variations: Vec<VariationFile>,
    /// Named moments (format 2): a meeting, a call, a sign-off, reached by time, inject,
    /// decision or option; a stage's `needs` may name one.
    #[serde(default)]
    pub milestones: Vec<MilestoneFile>,
    /// The incident's own words (format 2), merged into the playbook's lists for this scenario.
    #[serde(default)]
    pub wording: WordingFile,
}

/// A named moment of the drill: the alignment meeting, the board call.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Milestone")]
pub struct MilestoneFile {
    /// Its ID, for `needs` and triggers.
    pub id: String,
    /// What it is called.
    pub label: Text,
    /// When it happens.
    pub when: TriggerFile,
}

/// The incident's own wording, added to the playbook's lists for this scenario only.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Wording")]
pub struct WordingFile {
    /// Jargon of this incident, each with a plain alternative.
    #[serde(default)]
    pub jargon: Vec<JargonFile>,
    /// Terms that must never appear in public text (a system's name, a partner's code name).
    #[serde(default)]
    pub never_public: Vec<String>,
    /// Phrases for this incident, in the playbook's lists and per language:
    /// `(ja: (blame: ["委託先の責任"]), en: (hedges: ["we suspect"]))`.
    #[serde(default)]
    pub phrases: crate::playbook::file::PhraseBook,
    /// Who reads this incident's public notices (format 2): customers when left out. A
    /// draft may name its own.
    #[serde(default)]
    pub readers: Option<Readers>,
}

/// A jargon term and what to say instead.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Jargon")]
pub struct JargonFile {
    /// The term as a notice might write it.
    pub term: String,
    /// The plain alternative.
    pub plain: Text,
    /// Readers who know the term, for whom it is not jargon: `[Developers]`.
    #[serde(default)]
    pub known_to: Vec<Readers>,
}

/// How hard a drill is, for the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub enum Difficulty {
    /// For a first drill.
    Introductory,
    /// For a team that has drilled before.
    Intermediate,
    /// For an experienced team.
    Advanced,
}

/// The organisation the team works for.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Organisation")]
pub struct OrganisationFile {
    /// Its name, as a notice would give it.
    pub name: Text,
    /// Its industry.
    #[serde(default)]
    pub industry: Text,
    /// A line about it for the briefing.
    #[serde(default)]
    pub about: Text,
    /// The organisation's own departments (format 2), used as `Dept("sales")`.
    #[serde(default)]
    pub departments: Vec<DepartmentFile>,
}

/// A department the organisation declares for itself: Sales, Finance, HR.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Department")]
pub struct DepartmentFile {
    /// Its ID, written as `Dept("sales")` elsewhere.
    pub id: String,
    /// Its name in the scenario's languages.
    pub label: Text,
}

/// What the team reads before the clock starts.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Briefing")]
pub struct BriefingFile {
    /// The situation as the trainee finds it when the drill starts.
    pub situation: Text,
    /// Who the trainee plays.
    pub role: Text,
    /// What the drill asks of the team, one line each.
    #[serde(default)]
    pub objectives: Vec<Text>,
}

/// A department: what a person belongs to and what a role may require.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Department {
    /// Public relations.
    Pr,
    /// Legal.
    Legal,
    /// IT and security.
    ItSecurity,
    /// The executives.
    Executive,
    /// Customer support.
    Support,
    /// Operations.
    Operations,
    /// An outside specialist (forensics, counsel).
    Specialist,
    /// A department the organisation declares itself, by its ID (format 2).
    Dept(String),
}

impl Department {
    /// Every department, in display order.
    pub const ALL: [Department; 7] = [
        Department::Pr,
        Department::Legal,
        Department::ItSecurity,
        Department::Executive,
        Department::Support,
        Department::Operations,
        Department::Specialist,
    ];

    /// The department's name in both languages; a declared department's ID stands in for
    /// its name (the checked scenario holds the name: `Scenario::department_label`).
    pub fn label(&self) -> Text {
        match self {
            Department::Pr => Text::new("広報", "PR"),
            Department::Legal => Text::new("法務", "Legal"),
            Department::ItSecurity => Text::new("情報システム・セキュリティ", "IT / security"),
            Department::Executive => Text::new("経営層", "Executive"),
            Department::Support => Text::new("顧客対応", "Customer support"),
            Department::Operations => Text::new("事業部門", "Operations"),
            Department::Specialist => Text::new("外部専門家", "Outside specialist"),
            Department::Dept(id) => Text::new(id.clone(), id.clone()),
        }
    }
}

/// A person in the story.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Person")]
pub struct PersonFile {
    /// Their ID, for references.
    pub id: String,
    /// Their name.
    pub name: Text,
    /// Their department.
    pub department: Department,
    /// Their job title.
    pub title: Text,
    /// Whether they may give final approval.
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
    /// The start, as a moment (`"+0m"`).
    pub from: String,
    /// The end.
    pub to: String,
}

/// The scenario clock: its start and how long it runs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Clock")]
pub struct ClockFile {
    /// Date and time the drill starts, with its offset: `"2026-03-12T08:30:00+09:00"`.
    pub start: String,
    /// How much simulated time the scenario covers: `"6h"`, `"3d"`.
    pub duration: String,
}

/// A stage of disclosure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Stage {
    /// The first notice, while the facts are still being found.
    FirstNotice,
    /// An update with what has been learned.
    Update,
    /// The final report: cause, impact and prevention.
    FinalReport,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 3] = [Stage::FirstNotice, Stage::Update, Stage::FinalReport];

    /// The stage's key in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Stage::FirstNotice => "first",
            Stage::Update => "update",
            Stage::FinalReport => "final",
        }
    }

    /// The stage's name in both languages.
    pub fn label(self) -> Text {
        match self {
            Stage::FirstNotice => Text::new("第一報", "First notice"),
            Stage::Update => Text::new("続報", "Update"),
            Stage::FinalReport => Text::new("最終報告", "Final report"),
        }
    }
}

/// A deadline the team answers to.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Deadline")]
pub struct DeadlineFile {
    /// Its ID, for timing decisions.
    pub id: String,
    /// When it falls.
    pub at: String,
    /// What it is called.
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

/// How sensitive a fact is: what may appear in public text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Sensitivity {
    /// May be published.
    Public,
    /// For staff only.
    Internal,
    /// Personal data: never in public text.
    Personal,
    /// Confidential to the company: never in public text.
    Confidential,
}

/// What the team knows about a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum FactStatus {
    /// Nobody has looked yet.
    Unknown,
    /// Suspected, not confirmed.
    Suspected,
    /// Confirmed.
    Confirmed,
    /// Checked and found not to be so.
    Refuted,
}

/// A fact of the incident.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Fact")]
pub struct FactFile {
    /// Its ID, for references.
    pub id: String,
    /// The fact in a few words.
    pub text: Text,
    /// How sensitive it is.
    pub sensitivity: Sensitivity,
    /// Its status when the drill starts.
    #[serde(default = "unknown")]
    pub initially: FactStatus,
    /// How the fact's status changes: `[(when: AfterInject("logs"), status: Confirmed)]`.
    #[serde(default)]
    pub timeline: Vec<FactChangeFile>,
    /// A number that matters, such as people affected; the wording checker compares it.
    #[serde(default)]
    pub count: Option<u64>,
    /// A date that matters, such as when the access began: `"2026-06-12"` (format 2).
    #[serde(default)]
    pub date: Option<String>,
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

/// One change of a fact's status.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Change")]
pub struct FactChangeFile {
    /// When it changes.
    pub when: TriggerFile,
    /// What it becomes.
    pub status: FactStatus,
    /// The fact's count from this moment (format 2): an estimate, then a raw count, then
    /// the confirmed number, each with its status.
    #[serde(default)]
    pub count: Option<u64>,
    /// The fact's date from this moment (format 2): a date narrows as the logs are read.
    #[serde(default)]
    pub date: Option<String>,
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
    AfterOption {
        /// The choice or inquiry decision.
        decision: String,
        /// The option's ID.
        option: String,
    },
    /// When a stage has been published.
    AfterPublish(Stage),
    /// When a milestone has been reached (format 2).
    AfterMilestone(String),
}

/// How a message arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Channel {
    /// A phone call.
    Phone,
    /// An e-mail.
    Mail,
    /// A chat message.
    Chat,
    /// In a meeting.
    Meeting,
    /// On social media.
    Social,
    /// From the press.
    Press,
    /// From a regulator.
    Regulator,
    /// From a customer.
    Customer,
}

impl Channel {
    /// The channel's name in both languages.
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
    /// A cast member, by ID.
    Person(String),
    /// Someone outside the organisation, by name (a reporter, a regulator).
    Outside(Text),
}

/// A message that arrives during the drill.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Inject")]
pub struct InjectFile {
    /// Its ID, for references.
    pub id: String,
    /// When it arrives.
    pub when: TriggerFile,
    /// Who sends it.
    pub from: SenderFile,
    /// How it arrives.
    pub channel: Channel,
    /// Its subject line, if any.
    #[serde(default)]
    pub subject: Text,
    /// What it says.
    pub body: Text,
    /// Decisions this message puts in front of the team.
    #[serde(default)]
    pub opens: Vec<String>,
    /// Fired by the facilitator only, never by the clock.
    #[serde(default)]
    pub optional: bool,
    /// The function it goes to in a team drill (format 2); everyone when left out.
    #[serde(default)]
    pub to: Option<Department>,
}

/// Something the team must decide.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Decision")]
pub struct DecisionFile {
    /// Its ID, for answers files and references.
    pub id: String,
    /// Its short title.
    pub title: Text,
    /// The question put to the team.
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
    /// What kind of decision it is.
    pub kind: DecisionKindFile,
}

/// The kinds of decision.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum DecisionKindFile {
    /// Pick one of several options.
    Choice(ChoiceFile),
    /// When to publish a stage.
    Timing(TimingFile),
    /// Who holds which role.
    Roles(RolesFile),
    /// Write an announcement.
    Draft(DraftFile),
    /// Answer someone who asks.
    Inquiry(InquiryFile),
}

/// A choice between options.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    /// The options, two or more.
    pub options: Vec<OptionFile>,
}

/// One option of a choice.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Option")]
pub struct OptionFile {
    /// Its ID, for answers files.
    pub id: String,
    /// What the team sees.
    pub label: Text,
    /// What the debrief says about choosing this option.
    #[serde(default)]
    pub feedback: Text,
    /// What choosing it earns, per rule.
    #[serde(default)]
    pub effects: Vec<EffectFile>,
}

/// Points an option earns for a rule: an effect naming the external-experts rule with 10 points.
/// The best option for a rule sets the maximum; others earn less or nothing.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Effect")]
pub struct EffectFile {
    /// The rule it earns points for.
    pub rule: String,
    /// The points.
    pub points: u32,
}

/// When to publish a stage.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TimingFile {
    /// The stage published.
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
    /// Points for one rule where it weighs more or less than `points` (format 2):
    /// `{"timing.facts_confirmed": 20}`.
    #[serde(default)]
    pub rule_points: std::collections::BTreeMap<String, u32>,
    /// The facts that must be settled before this stage goes out (format 2); the `core`
    /// facts when left out.
    #[serde(default)]
    pub facts: Option<Vec<String>>,
    /// Who must have read this stage's text before it goes out, and for how long (format 2).
    #[serde(default)]
    pub reviews: Vec<ReviewFile>,
    /// Who must approve this stage when it goes out (format 2).
    #[serde(default)]
    pub approval: Option<ApprovalFile>,
    /// When the next stage is owed after this one goes out (format 2), whatever the text says.
    #[serde(default)]
    pub follow_up: Option<FollowUpFile>,
}

fn ten() -> u32 {
    10
}

/// A review a stage's text needs: the holder of a role reads it for a lead time.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Review")]
pub struct ReviewFile {
    /// The role whose holder reviews (from a roles decision).
    pub role: String,
    /// How long the review takes; the holder must be reachable that long before publication.
    #[serde(default = "thirty_minutes")]
    pub lead: String,
    /// The rule a missing review costs, normally `timing.risk_reviewed`.
    #[serde(default = "risk_reviewed")]
    pub rule: String,
}

fn thirty_minutes() -> String {
    "30m".into()
}

fn risk_reviewed() -> String {
    rule::TIMING_RISK_REVIEWED.into()
}

/// The approval a stage needs at the moment it is published.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Approval")]
pub struct ApprovalFile {
    /// The role whose holder approves (from a roles decision).
    pub role: String,
    /// The rule a missing approval costs, normally `roles.final_approver`.
    #[serde(default = "final_approver")]
    pub rule: String,
}

fn final_approver() -> String {
    rule::ROLES_FINAL_APPROVER.into()
}

/// The next stage owed after this one.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "FollowUp")]
pub struct FollowUpFile {
    /// How soon after this stage the next must be out: `"24h"`.
    pub within: String,
}

/// Something to be done before publishing, for a rule: a decision answered, a milestone
/// reached or an inject arrived (name exactly one).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Need")]
pub struct NeedFile {
    /// The rule that scores it.
    pub rule: String,
    /// The decision that must be answered first.
    #[serde(default)]
    pub decision: Option<String>,
    /// The milestone that must be reached first (format 2).
    #[serde(default)]
    pub milestone: Option<String>,
    /// The inject that must have arrived first (format 2).
    #[serde(default)]
    pub inject: Option<String>,
    /// The option it must be answered with, if one.
    #[serde(default)]
    pub option: Option<String>,
}

/// Who holds which role.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RolesFile {
    /// The roles to fill.
    pub roles: Vec<RoleFile>,
    /// Whether one person may hold several of these roles.
    #[serde(default)]
    pub allow_doubling: bool,
    /// The most roles one person may hold (format 2); with it, `allow_doubling` is not needed.
    #[serde(default)]
    pub max_roles_per_person: Option<u32>,
    /// Pairs of roles one person may not hold together (format 2): `[("approver", "message")]`.
    #[serde(default)]
    pub not_together: Vec<(String, String)>,
    /// Points for `roles.clear_assignment` (format 2); the weightiest role's when left out.
    #[serde(default)]
    pub clear_points: Option<u32>,
}

/// A role to fill.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Role")]
pub struct RoleFile {
    /// Its ID, for answers files.
    pub id: String,
    /// What it is called.
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
    /// Points for the right holder.
    #[serde(default = "ten")]
    pub points: u32,
    /// What the debrief says when this role is not well held (format 2).
    #[serde(default)]
    pub feedback: Text,
}

fn yes() -> bool {
    true
}

/// An element an announcement may need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Element {
    /// Company, date and subject.
    Header,
    /// What happened, in brief.
    Overview,
    /// Who and what is affected.
    Impact,
    /// The cause, or that it is being investigated.
    Cause,
    /// What is being done now and to prevent recurrence.
    Countermeasures,
    /// An apology.
    Apology,
    /// Where to ask.
    Contact,
    /// When the next update comes.
    NextUpdate,
}

impl Element {
    /// Every element, in the order a notice gives them.
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

/// Write an announcement for a stage.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DraftFile {
    /// The stage it is for.
    pub stage: Stage,
    /// Elements this stage's text must contain; the stage's usual set when left out.
    #[serde(default)]
    pub required: Option<Vec<Element>>,
    /// Prepared texts the trainee may pick from instead of writing.
    #[serde(default)]
    pub candidates: Vec<CandidateFile>,
    /// Points shared among the rules the text is judged on.
    #[serde(default = "twenty")]
    pub points: u32,
    /// Who reads it (format 2): the public by default, or an internal document.
    #[serde(default)]
    pub audience: Audience,
    /// Whether the stage is published in Japanese and English both (format 2).
    #[serde(default)]
    pub bilingual: bool,
    /// Who reads the public text (format 2): the scenario's readers when left out.
    #[serde(default)]
    pub readers: Option<Readers>,
}

/// Who a draft is written for.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize,
)]
pub enum Audience {
    /// A public announcement.
    #[default]
    Public,
    /// A brief for the executives: plain words, a few key points (S3).
    Executive,
    /// The prepared questions and answers: consistent with the ledger (S10).
    QandA,
    /// Talking points for whoever answers the phone or the press.
    TalkingPoints,
}

impl Audience {
    /// The audience's key in files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Executive => "executive",
            Audience::QandA => "qanda",
            Audience::TalkingPoints => "talking_points",
        }
    }

    /// Its name in both languages.
    pub fn label(self) -> Text {
        match self {
            Audience::Public => Text::new("社外向け", "Public"),
            Audience::Executive => Text::new("経営層向け説明", "Executive brief"),
            Audience::QandA => Text::new("想定問答", "Prepared Q&A"),
            Audience::TalkingPoints => Text::new("応対要領", "Talking points"),
        }
    }
}

fn twenty() -> u32 {
    20
}

/// A prepared text the team may start from.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Candidate")]
pub struct CandidateFile {
    /// Its ID, for answers files.
    pub id: String,
    /// What the team sees on its button.
    pub label: Text,
    /// The text.
    pub text: Text,
}

/// Someone asks the team a question.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InquiryFile {
    /// Who asks.
    pub from: SenderFile,
    /// How the question arrives.
    pub channel: Channel,
    /// The question.
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
    /// Points for a written answer.
    #[serde(default = "ten")]
    pub points: u32,
    /// How soon the team should answer (format 2), scored on a curve.
    #[serde(default)]
    pub reply: Option<ReplyFile>,
}

/// How soon an inquiry should be answered, and the rule lateness costs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Reply")]
pub struct ReplyFile {
    /// Full points when answered within this span of the question opening: `"30m"`.
    pub within: String,
    /// How long after that the points fall to nothing; one hour when left out.
    #[serde(default)]
    pub grace: Option<String>,
    /// The rule lateness costs, e.g. `process.inquiry_record`.
    pub rule: String,
    /// Points at stake.
    #[serde(default = "ten")]
    pub points: u32,
}

/// A seeded variation: drawn once per drill from the seed, so a seed replays exactly.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Variation")]
pub struct VariationFile {
    /// Its ID.
    pub id: String,
    /// What the variation does, for the facilitator.
    #[serde(default)]
    pub note: Text,
    /// What it varies.
    pub kind: VariationKindFile,
}

/// The ways a seed varies a drill.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub enum VariationKindFile {
    /// The inject arrives later by a random amount: `Delay(inject: "ceo_call", min: "0m", max: "40m")`.
    Delay {
        /// The inject delayed.
        inject: String,
        /// The shortest delay, as a span (`"0m"`).
        min: String,
        /// The longest delay.
        max: String,
    },
    /// Exactly one of these injects fires; the others never do.
    OneOf {
        /// The injects of which one is drawn.
        injects: Vec<String>,
    },
    /// The inject fires with this chance in percent.
    Chance {
        /// The inject that may not come.
        inject: String,
        /// The chance that it comes, 0–100.
        percent: u8,
    },
    /// With this chance in percent, the person is unreachable over the window.
    Unavailable {
        /// The cast member.
        person: String,
        /// When they may be out of reach.
        window: WindowFile,
        /// The chance that they are, 0–100.
        percent: u8,
    },
}
