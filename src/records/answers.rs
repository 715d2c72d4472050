//! Answers files: a drill's actions written down (what `pressroom run` plays and the app
//! exports), checked against the scenario with `path:line:col` diagnostics like scenarios.

use super::log::Log;
use crate::scenario::{Scenario, SimTime, time};
use crate::session::Answer;
use crate::source::diagnostic::Diagnostic;
use crate::text::Lang;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// The answers-file format this Pressroom writes. Format 2 adds `Texts(ja: …, en: …)` for
/// a bilingual notice and `""` for a role the team leaves empty.
pub const FORMAT: u32 = 2;

/// The answers-file formats this Pressroom reads.
pub const VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "answers file",
    current: FORMAT,
    oldest: 1,
};

/// An answers file as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Answers")]
pub struct AnswersFile {
    /// The answers-file format version.
    pub format: u32,
    /// The scenario ID these answers are for.
    pub scenario: String,
    /// The seed to play with when the command line gives none.
    #[serde(default)]
    pub seed: Option<u64>,
    /// The language the drill is played in (prepared drafts are read in it).
    #[serde(default)]
    pub lang: Option<String>,
    /// For flawed answer sets: the rules the flaw is built to break.
    #[serde(default)]
    pub breaks: Vec<String>,
    /// Who took part.
    #[serde(default)]
    pub participants: Vec<String>,
    /// A team drill: the team's name (`run --team` overrides it) and who took which function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Who took which function, in a team drill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<crate::records::record::Member>,
    /// The decisions taken, in order.
    pub actions: Vec<ActionFile>,
    /// Optional injects the facilitator fires; at the same minute, before that minute's actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fire: Vec<FireFile>,
    /// When the team asked for a stage's text to be reviewed, and when the reviewer was done
    /// (format 2); at the same minute, before that minute's actions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<ReviewFile>,
}

/// A review asked for, as written: `(at: "+40m", decision: "first_timing", done: "+1h15m")`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Review")]
pub struct ReviewFile {
    /// When it was asked for.
    pub at: String,
    /// The timing decision of the stage whose text is reviewed.
    pub decision: String,
    /// The role whose review is asked for; every review the stage needs when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When the reviewer finished, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<String>,
}

/// A review asked for: when, for which stage and role, when done, and after how many
/// actions (so a replay asks at the same point).
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    /// When it was asked for.
    pub at: SimTime,
    /// The stage's timing decision.
    pub decision: crate::scenario::DecisionRef,
    /// The review asked for; all of the stage's when `None`.
    pub role: Option<crate::scenario::RoleRef>,
    /// When the reviewer finished, if known.
    pub done: Option<SimTime>,
    /// How many actions came before it.
    pub after: usize,
}

/// An optional inject fired, as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Fire")]
pub struct FireFile {
    /// When, as a moment.
    pub at: String,
    /// The inject's ID.
    pub inject: String,
}

/// An optional inject fired by the facilitator: when, which, and after how many actions.
#[derive(Debug, Clone, PartialEq)]
pub struct Fire {
    /// When.
    pub at: SimTime,
    /// The inject.
    pub inject: crate::scenario::InjectRef,
    /// How many actions came before it.
    pub after: usize,
}

/// A decision taken, as written.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename = "Action")]
pub struct ActionFile {
    /// When, on the scenario clock: `"+1h30m"`.
    pub at: String,
    /// The decision's ID.
    pub decision: String,
    /// The answer.
    pub answer: Answer,
    /// Who answered, in a team drill.
    #[serde(default)]
    pub by: Option<String>,
}

/// A checked action: its time parsed, its decision known.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    /// When.
    pub at: SimTime,
    /// The decision.
    pub decision: crate::scenario::DecisionRef,
    /// The answer.
    pub answer: Answer,
    /// Who answered, in a team drill.
    pub by: Option<String>,
    /// Where the action is in the file, for later diagnostics.
    pub field: String,
}

/// An answers file checked against its scenario: every time parsed, every decision and inject resolved.
#[derive(Debug, Clone)]
pub struct Answers {
    /// The seed to play with when none is given.
    pub seed: Option<u64>,
    /// The language to play in.
    pub lang: Option<Lang>,
    /// The rules a flawed set is built to break.
    pub breaks: Vec<String>,
    /// Who took part.
    pub participants: Vec<String>,
    /// The team, in a team drill.
    pub team: Option<String>,
    /// Who took which function.
    pub members: Vec<crate::records::record::Member>,
    /// The decisions taken, in order.
    pub actions: Vec<Action>,
    /// The optional injects fired.
    pub fired: Vec<Fire>,
    /// The reviews asked for.
    pub reviews: Vec<Review>,
}

/// Parses and checks an answers file against a scenario.
pub fn parse(src: &str, scenario: &Scenario) -> Result<Answers, Vec<Diagnostic>> {
    crate::source::version::check(src, VERSIONS).map_err(|d| vec![d])?;
    let file: AnswersFile = crate::source::load::parse_all(src)?;
    let mut diags = Vec::new();
    if file.scenario != scenario.id {
        diags.push(
            Diagnostic::error(
                "wrong-scenario",
                format!(
                    "these answers are for `{}`, not `{}`",
                    file.scenario, scenario.id
                ),
            )
            .ja(format!(
                "この回答は「{}」のもので、「{}」のものではありません",
                file.scenario, scenario.id
            ))
            .field("scenario")
            .hint_in(Text::new(
                "書かれたときのシナリオで再生してください",
                "play them with the scenario they were written for",
            )),
        );
    }
    let lang = match file.lang.as_deref() {
        None => None,
        Some(code) => match Lang::from_code(code).filter(|l| scenario.languages.contains(l)) {
            Some(l) => Some(l),
            None => {
                diags.push(
                    Diagnostic::error(
                        "unknown-language",
                        format!("the scenario is not written in `{code}`"),
                    )
                    .ja(format!("このシナリオは `{code}` で書かれていません"))
                    .field("lang")
                    .hint_in({
                        let codes = scenario
                            .languages
                            .iter()
                            .map(|l| l.code())
                            .collect::<Vec<_>>()
                            .join(", ");
                        Text::new(
                            format!("次のどれかにしてください: {codes}"),
                            format!("use one of: {codes}"),
                        )
                    }),
                );
                None
            }
        },
    };
    for (i, m) in file.members.iter().enumerate() {
        if let crate::scenario::Department::Dept(id) = &m.function
            && !scenario.departments.iter().any(|(d, _)| d == id)
        {
            diags.push(
                Diagnostic::error(
                    "unknown-department",
                    format!("the scenario's organisation declares no department `{id}`"),
                )
                .ja(format!("このシナリオの組織には部門 `{id}` がありません"))
                .field(format!("members[{i}].function"))
                .maybe_hint_in(crate::source::diagnostic::suggestion_in(
                    id,
                    scenario.departments.iter().map(|(d, _)| d.as_str()),
                )),
            );
        }
    }
    let mut actions = Vec::new();
    let mut last = SimTime::START;
    for (i, a) in file.actions.iter().enumerate() {
        let field = format!("actions[{i}]");
        let at = match time::parse_moment(&a.at, scenario.start) {
            Ok(t) => match super::log::within_clock(scenario, i, t) {
                Ok(()) => t,
                Err(d) => {
                    diags.push(d);
                    continue;
                }
            },
            Err(why) => {
                diags.push(time::bad_time(&a.at, &why).field(format!("{field}.at")));
                continue;
            }
        };
        diags.extend(super::log::in_order(i, at, last));
        last = last.max(at);
        match super::log::resolve_action(scenario, i, at, &a.decision, &a.answer, a.by.as_ref()) {
            Ok(action) => actions.push(action),
            Err(d) => diags.push(d),
        }
    }
    let mut fired = Vec::new();
    for (i, f) in file.fire.iter().enumerate() {
        let field = format!("fire[{i}]");
        let at = match time::parse_moment(&f.at, scenario.start) {
            Ok(t) => t,
            Err(why) => {
                diags.push(time::bad_time(&f.at, &why).field(format!("{field}.at")));
                continue;
            }
        };
        match super::log::resolve_inject(scenario, i, &f.inject) {
            Ok(inject) => fired.push(Fire {
                at,
                inject,
                after: actions.iter().filter(|a| a.at < at).count(),
            }),
            Err(d) => diags.push(d),
        }
    }
    fired.sort_by_key(|f| (f.after, f.at));
    let mut reviews = Vec::new();
    for (i, r) in file.reviews.iter().enumerate() {
        let field = format!("reviews[{i}]");
        let moment = |text: &str, path: &str, diags: &mut Vec<Diagnostic>| match time::parse_moment(
            text,
            scenario.start,
        ) {
            Ok(t) => Some(t),
            Err(why) => {
                diags.push(time::bad_time(text, &why).field(path.to_string()));
                None
            }
        };
        let Some(at) = moment(&r.at, &format!("{field}.at"), &mut diags) else {
            continue;
        };
        let done = match &r.done {
            Some(d) => match moment(d, &format!("{field}.done"), &mut diags) {
                Some(t) if t < at => {
                    diags.push(
                        Diagnostic::error(
                            "bad-time",
                            format!("the review is done at {t}, before it was asked for at {at}"),
                        )
                        .ja(format!("確認の終わり({t})が、依頼した時刻({at})より前です"))
                        .field(format!("{field}.done"))
                        .hint_in(Text::new(
                            "`done` を `at` より後にしてください",
                            "make `done` later than `at`",
                        )),
                    );
                    continue;
                }
                Some(t) => Some(t),
                None => continue,
            },
            None => None,
        };
        match super::log::resolve_review(scenario, i, &r.decision, r.role.as_deref()) {
            Ok((decision, role)) => reviews.push(Review {
                at,
                decision,
                role,
                done,
                after: actions.iter().filter(|a| a.at < at).count(),
            }),
            Err(d) => diags.push(d),
        }
    }
    reviews.sort_by_key(|r| (r.after, r.at));
    if diags.is_empty() {
        Ok(Answers {
            seed: file.seed,
            lang,
            breaks: file.breaks,
            participants: file.participants,
            team: file.team,
            members: file.members,
            actions,
            fired,
            reviews,
        })
    } else {
        Err(crate::source::diagnostic::capped(locate(diags, src)))
    }
}

/// Gives diagnostics that name a field the line and column of that field.
pub fn locate(mut diags: Vec<Diagnostic>, src: &str) -> Vec<Diagnostic> {
    crate::source::locate::place(&mut diags, src);
    diags
}

/// One thing a replay does: fire an optional inject, ask for a review, or answer a decision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Step<'a> {
    /// Fire an optional inject.
    Fire(&'a Fire),
    /// Ask for a stage's text to be reviewed.
    Review(&'a Review),
    /// Answer a decision.
    Answer(&'a Action),
}

impl Step<'_> {
    /// When it happens on the scenario clock.
    pub fn at(&self) -> SimTime {
        match self {
            Step::Fire(f) => f.at,
            Step::Review(r) => r.at,
            Step::Answer(a) => a.at,
        }
    }
}

impl Answers {
    /// The fired injects and the answers in the order the drill took them: each fired inject
    /// just before the action it came before (`after` counts the actions ahead of it).
    pub fn steps(&self) -> Vec<Step<'_>> {
        let mut steps =
            Vec::with_capacity(self.actions.len() + self.fired.len() + self.reviews.len());
        let mut fires = self.fired.iter().peekable();
        let mut reviews = self.reviews.iter().peekable();
        for (i, a) in self.actions.iter().enumerate() {
            while let Some(f) = fires.next_if(|f| f.after <= i) {
                steps.push(Step::Fire(f));
            }
            while let Some(r) = reviews.next_if(|r| r.after <= i) {
                steps.push(Step::Review(r));
            }
            steps.push(Step::Answer(a));
        }
        steps.extend(fires.map(Step::Fire));
        steps.extend(reviews.map(Step::Review));
        steps
    }

    /// The answers as an answers file `pressroom run` plays back.
    pub fn to_ron(&self, scenario: &Scenario) -> String {
        let log = Log::from_played(scenario, &self.actions, &self.fired, &[]);
        let file = AnswersFile {
            format: FORMAT,
            scenario: scenario.id.clone(),
            seed: self.seed,
            lang: self.lang.map(|l| l.code().to_string()),
            breaks: self.breaks.clone(),
            participants: self.participants.clone(),
            team: self.team.clone(),
            members: self.members.clone(),
            actions: log
                .actions
                .into_iter()
                .map(|a| ActionFile {
                    at: a.at.to_string(),
                    decision: a.decision,
                    answer: a.answer,
                    by: a.by,
                })
                .collect(),
            fire: log
                .fired
                .into_iter()
                .map(|f| FireFile {
                    at: f.at.to_string(),
                    inject: f.inject,
                })
                .collect(),
            reviews: super::log::log_reviews(scenario, &self.reviews)
                .into_iter()
                .map(|r| ReviewFile {
                    at: r.at.to_string(),
                    decision: r.decision,
                    role: r.role,
                    done: r.done.map(|d| d.to_string()),
                })
                .collect(),
        };
        let config = ron::ser::PrettyConfig::new().struct_names(true);
        ron::ser::to_string_pretty(&file, config).expect("answers serialise") + "\n"
    }
}
