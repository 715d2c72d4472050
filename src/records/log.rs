//! The drill log: the one shape, in ID form, that answers files, drill records and the
//! journal all hold, and the one conversion each way between it and the engine's references
//! ([`Action`], [`Fire`]). A scenario can change under a saved log, so IDs are what is kept;
//! references exist only while a drill is played on one scenario.

use super::answers::{Action, Fire};
use crate::scenario::{InjectRef, Scenario, SimTime};
use crate::session::Answer;
use crate::source::diagnostic::{Diagnostic, suggestion_in};
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// One decision taken, as the log keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename = "Action")]
pub struct LogAction {
    /// When, on the scenario clock.
    pub at: SimTime,
    /// When it was taken in the room (RFC 3339), if a person took it.
    #[serde(default)]
    pub wall: Option<String>,
    /// The decision's ID.
    pub decision: String,
    /// The answer given.
    pub answer: Answer,
    /// Who answered, in a team drill.
    #[serde(default)]
    pub by: Option<String>,
}

/// One optional inject the facilitator fired, as the log keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Fired")]
pub struct LogFire {
    /// When, on the scenario clock.
    pub at: SimTime,
    /// The inject's ID.
    pub inject: String,
    /// How many actions came before it, so a replay fires it at the same point.
    pub after: usize,
}

/// One review the team asked for, as the log keeps it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename = "Reviewed")]
pub struct LogReview {
    /// When it was asked for, on the scenario clock.
    pub at: SimTime,
    /// The stage's timing decision.
    pub decision: String,
    /// The role whose review was asked for; every review of the stage when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// When the reviewer finished, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<SimTime>,
    /// How many actions came before it.
    pub after: usize,
}

/// Reviews in ID form: the one conversion from a played drill's review requests.
pub fn log_reviews(scenario: &Scenario, reviews: &[super::answers::Review]) -> Vec<LogReview> {
    reviews
        .iter()
        .map(|r| LogReview {
            at: r.at,
            decision: scenario.decision(r.decision).id.clone(),
            role: r.role.map(|x| scenario.role(x).id.clone()),
            done: r.done,
            after: r.after,
        })
        .collect()
}

/// Logged reviews as references; what the scenario no longer has is a diagnostic.
pub fn resolve_reviews(
    scenario: &Scenario,
    logged: &[LogReview],
) -> Result<Vec<super::answers::Review>, Vec<Diagnostic>> {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for (i, r) in logged.iter().enumerate() {
        match resolve_review(scenario, i, &r.decision, r.role.as_deref()) {
            Ok((decision, role)) => out.push(super::answers::Review {
                at: r.at,
                decision,
                role,
                done: r.done,
                after: r.after,
            }),
            Err(d) => diags.push(d),
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// A review's stage and role found in the scenario: the stage's timing decision must
/// name `reviews`, and the role, if given, must be one of them.
pub(super) fn resolve_review(
    scenario: &Scenario,
    i: usize,
    decision: &str,
    role: Option<&str>,
) -> Result<
    (
        crate::scenario::DecisionRef,
        Option<crate::scenario::RoleRef>,
    ),
    Diagnostic,
> {
    let field = format!("reviews[{i}]");
    let d = find_decision(scenario, decision, &field)?;
    let reviews: &[crate::scenario::Review] = match &scenario.decision(d).kind {
        crate::scenario::DecisionKind::Timing(t) => &t.reviews,
        _ => &[],
    };
    if reviews.is_empty() {
        let with: Vec<&str> = scenario
            .decisions
            .iter()
            .filter(|x| matches!(&x.kind, crate::scenario::DecisionKind::Timing(t) if !t.reviews.is_empty()))
            .map(|x| x.id.as_str())
            .collect();
        return Err(Diagnostic::error(
            "bad-answer",
            format!("decision `{decision}` is not a stage that needs a review"),
        )
        .ja(format!(
            "判断 `{decision}` は、確認を要する公表の段階ではありません"
        ))
        .field(format!("{field}.decision"))
        .hint_in(if with.is_empty() {
            Text::new(
                "このシナリオには `reviews` がありません。この行を消してください",
                "the scenario names no `reviews`; drop this entry",
            )
        } else {
            Text::new(
                format!("確認を要する段階: {}", with.join(", ")),
                format!("stages with reviews: {}", with.join(", ")),
            )
        }));
    }
    let role = match role {
        None => None,
        Some(id) => match reviews.iter().find(|r| scenario.role(r.role).id == id) {
            Some(r) => Some(r.role),
            None => {
                return Err(Diagnostic::error(
                    "unknown-role",
                    format!("decision `{decision}` needs no review by `{id}`"),
                )
                .ja(format!(
                    "判断 `{decision}` に `{id}` による確認はありません"
                ))
                .field(format!("{field}.role"))
                .maybe_hint_in(suggestion_in(
                    id,
                    reviews.iter().map(|r| scenario.role(r.role).id.as_str()),
                )));
            }
        },
    };
    Ok((d, role))
}

/// A drill's actions and fired injects in ID form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Log {
    /// The decisions taken, in order.
    pub actions: Vec<LogAction>,
    /// The optional injects fired, in order.
    pub fired: Vec<LogFire>,
}

impl Log {
    /// References to IDs: the one conversion from a played drill to its log. `wall` gives
    /// each action's room time, where one was taken.
    pub fn from_played(
        scenario: &Scenario,
        actions: &[Action],
        fired: &[Fire],
        wall: &[Option<String>],
    ) -> Log {
        Log {
            actions: actions
                .iter()
                .enumerate()
                .map(|(i, a)| LogAction {
                    at: a.at,
                    wall: wall.get(i).cloned().flatten(),
                    decision: scenario.decision(a.decision).id.clone(),
                    answer: a.answer.clone(),
                    by: a.by.clone(),
                })
                .collect(),
            fired: fired
                .iter()
                .map(|f| LogFire {
                    at: f.at,
                    inject: scenario.inject(f.inject).id.clone(),
                    after: f.after,
                })
                .collect(),
        }
    }

    /// IDs to references: the one conversion from a log to what the engine plays. Every
    /// problem (a decision or inject the scenario lacks, an answer that does not fit) is a
    /// diagnostic at its field.
    pub fn resolve(
        &self,
        scenario: &Scenario,
    ) -> Result<(Vec<Action>, Vec<Fire>), Vec<Diagnostic>> {
        resolve(scenario, &self.actions, &self.fired)
    }
}

/// [`Log::resolve`] over a record's or journal's own fields.
pub fn resolve(
    scenario: &Scenario,
    logged: &[LogAction],
    logged_fired: &[LogFire],
) -> Result<(Vec<Action>, Vec<Fire>), Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let mut actions = Vec::new();
    for (i, a) in logged.iter().enumerate() {
        if let Err(d) = within_clock(scenario, i, a.at) {
            diags.push(d);
            continue;
        }
        match resolve_action(scenario, i, a.at, &a.decision, &a.answer, a.by.as_ref()) {
            Ok(x) => actions.push(x),
            Err(d) => diags.push(d),
        }
    }
    let mut fired = Vec::new();
    for (i, f) in logged_fired.iter().enumerate() {
        match resolve_inject(scenario, i, &f.inject) {
            Ok(inject) => fired.push(Fire {
                at: f.at,
                inject,
                after: f.after,
            }),
            Err(d) => diags.push(d),
        }
    }
    if diags.is_empty() {
        Ok((actions, fired))
    } else {
        Err(diags)
    }
}

/// An action's time must fall inside the scenario's clock: the one check answers files,
/// records and journals share.
pub(super) fn within_clock(scenario: &Scenario, i: usize, at: SimTime) -> Result<(), Diagnostic> {
    if at.0 > scenario.duration {
        return Err(Diagnostic::error(
            "time-outside-scenario",
            format!("{at} is after the scenario ends"),
        )
        .ja(format!("{at} はシナリオの終わりより後です"))
        .field(format!("actions[{i}].at")));
    }
    Ok(())
}

/// Actions are listed in the order they happened: the one check answers files and records
/// share. `last` is the latest time seen before action `i`.
pub(super) fn in_order(i: usize, at: SimTime, last: SimTime) -> Option<Diagnostic> {
    (at < last).then(|| {
        Diagnostic::error(
            "out-of-order",
            format!("this action at {at} comes after one at {last}"),
        )
        .ja(format!(
            "{at} の操作が、{last} の操作より後に書かれています"
        ))
        .field(format!("actions[{i}].at"))
        .hint_in(Text::new(
            "操作は起きた順に並べてください",
            "list actions in the order they happen",
        ))
    })
}

/// One logged action as a reference: its decision found and its answer checked against it.
pub(super) fn resolve_action(
    scenario: &Scenario,
    i: usize,
    at: SimTime,
    decision: &str,
    answer: &Answer,
    by: Option<&String>,
) -> Result<Action, Diagnostic> {
    let field = format!("actions[{i}]");
    let d = find_decision(scenario, decision, &field)?;
    if let Err(e) = answer.check(scenario, scenario.decision(d)) {
        return Err(Diagnostic::error("bad-answer", e.to_string())
            .ja(e.text().get(crate::text::Lang::Ja))
            .field(format!("{field}.answer")));
    }
    Ok(Action {
        at,
        decision: d,
        answer: answer.clone(),
        by: by.cloned(),
        field,
    })
}

/// One fired inject's ID as a reference: it must exist and be optional.
pub(super) fn resolve_inject(
    scenario: &Scenario,
    i: usize,
    id: &str,
) -> Result<InjectRef, Diagnostic> {
    let field = format!("fire[{i}]");
    match scenario.injects.iter().position(|x| x.id == id) {
        Some(inject) if scenario.injects[inject].optional => Ok(InjectRef(inject)),
        Some(_) => Err(Diagnostic::error(
            "bad-answer",
            format!("inject `{id}` is not optional; only optional injects are fired"),
        )
        .ja(format!(
            "インジェクト `{id}` は任意のものではありません。発動できるのは任意のインジェクトだけです"
        ))
        .field(format!("{field}.inject"))
        .hint_in(Text::new(
            "シナリオでそのインジェクトに `optional: true` を付けるか、この行を消してください",
            "mark the inject `optional: true` in the scenario, or remove this line",
        ))),
        None => Err(Diagnostic::error(
            "unknown-inject",
            format!("the scenario has no inject `{id}`"),
        )
        .ja(format!("シナリオにインジェクト `{id}` はありません"))
        .field(format!("{field}.inject"))
        .maybe_hint_in(suggestion_in(
            id,
            scenario.injects.iter().map(|x| x.id.as_str()),
        ))),
    }
}

/// A decision named in a log, or a diagnostic at `field` naming the nearest one.
fn find_decision(
    scenario: &Scenario,
    decision: &str,
    field: &str,
) -> Result<crate::scenario::DecisionRef, Diagnostic> {
    scenario.find_decision(decision).ok_or_else(|| {
        Diagnostic::error(
            "unknown-decision",
            format!("the scenario has no decision `{decision}`"),
        )
        .ja(format!("シナリオに判断 `{decision}` はありません"))
        .field(format!("{field}.decision"))
        .maybe_hint_in(suggestion_in(
            decision,
            scenario.decisions.iter().map(|d| d.id.as_str()),
        ))
    })
}
