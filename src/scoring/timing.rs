//! Timing: when each stage was published against the facts, the playbook's window, the
//! deadline and what had to be done first; and whether a first notice was followed by an update.

use super::{EARLY_TOLERANCE, Scorer, smoothstep};
use crate::playbook::rule;
use crate::scenario::{
    Deadline, DecisionKind, FactRef, FactStatus, Need, Scenario, SimTime, Stage, Timing,
};
use crate::session::DecisionState;
use crate::text::{Lang, Text};

/// One rule a timing decision scores.
pub(super) enum Check<'a> {
    /// `timing.facts_confirmed`: the core facts settled before publishing.
    FactsConfirmed,
    /// `timing.severity_weighed`: a first notice within the playbook's window.
    SeverityWindow,
    /// The deadline's own rule: published before it.
    Deadline(&'a Deadline),
    /// The need's own rule: a decision answered before publishing.
    Need(&'a Need),
}

impl<'a> Check<'a> {
    /// The rule this check scores.
    pub(super) fn rule(&self) -> &'a str {
        match self {
            Check::FactsConfirmed => rule::TIMING_FACTS_CONFIRMED,
            Check::SeverityWindow => rule::TIMING_SEVERITY_WEIGHED,
            Check::Deadline(d) => &d.rule,
            Check::Need(n) => &n.rule,
        }
    }
}

/// What a timing decision scores, in the order the debrief lists it: the one list both the
/// scorer and coverage read.
pub(super) fn checks<'a>(scenario: &'a Scenario, t: &'a Timing) -> Vec<Check<'a>> {
    let mut out = Vec::new();
    if scenario.facts.iter().any(|f| f.core) {
        out.push(Check::FactsConfirmed);
    }
    if t.stage == Stage::FirstNotice {
        out.push(Check::SeverityWindow);
    }
    if let Some(dl) = t.deadline {
        out.push(Check::Deadline(&scenario.deadlines[dl.0]));
    }
    out.extend(t.needs.iter().map(Check::Need));
    out
}

/// Scores one publication decision: each of its [`checks`].
pub(super) fn score(s: &mut Scorer<'_>, t: &Timing, at: Option<SimTime>, id: Option<&str>) {
    let session = s.session;
    let scenario = &*session.scenario;
    let p = t.points as f64;
    let stage = t.stage.label();
    let evidence = match at {
        Some(tp) => Text::new(
            format!("{}を{}に公表", stage.get(Lang::Ja), tp),
            format!("{} published at {tp}", stage.get(Lang::En)),
        ),
        None => Text::new(
            format!("{}を公表せず", stage.get(Lang::Ja)),
            format!("{} never published", stage.get(Lang::En)),
        ),
    };
    let where_ = (id, at);
    for check in checks(scenario, t) {
        match check {
            Check::FactsConfirmed => {
                let core: Vec<usize> = scenario
                    .facts
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.core)
                    .map(|(i, _)| i)
                    .collect();
                let (fraction, message) = match at {
                    None => (
                        0.0,
                        Text::new(
                            "公表していないため評価できません。",
                            "Nothing was published.",
                        ),
                    ),
                    Some(tp) => {
                        let mut worst: Option<(u32, &str, &str)> = None;
                        for &f in &core {
                            let fact = &scenario.facts[f];
                            let settled = matches!(
                                session.status_at(FactRef(f), tp),
                                FactStatus::Confirmed | FactStatus::Refuted
                            );
                            if settled {
                                continue;
                            }
                            let early = session
                                .settled_at(FactRef(f))
                                .map_or(u32::MAX, |ts| ts.0.saturating_sub(tp.0));
                            if worst.is_none_or(|(w, _, _)| early > w) {
                                worst =
                                    Some((early, fact.text.get(Lang::Ja), fact.text.get(Lang::En)));
                            }
                        }
                        match worst {
                            None => (
                                1.0,
                                Text::new(
                                    "中核の事実がすべて確認されてから公表しました。",
                                    "All core facts were confirmed before publishing.",
                                ),
                            ),
                            Some((u32::MAX, ja, en)) => (
                                0.0,
                                Text::new(
                                    format!("「{ja}」が確認されないまま公表しました。"),
                                    format!("Published while \"{en}\" was never confirmed."),
                                ),
                            ),
                            Some((early, ja, en)) => (
                                1.0 - smoothstep(early as f64 / EARLY_TOLERANCE),
                                Text::new(
                                    format!("「{ja}」の確認より{early}分早く公表しました。"),
                                    format!("Published {early} min before \"{en}\" was confirmed."),
                                ),
                            ),
                        }
                    }
                };
                s.push(
                    rule::TIMING_FACTS_CONFIRMED,
                    fraction,
                    p,
                    where_,
                    evidence.clone(),
                    message,
                );
            }
            Check::SeverityWindow => {
                let span = (t.window.to.0 - t.window.from.0).max(60) as f64;
                let (fraction, message) = match at {
                    None => (
                        0.0,
                        Text::new("第一報を出していません。", "No first notice was published."),
                    ),
                    Some(tp) if tp <= t.window.to => (
                        1.0,
                        Text::new(
                            format!(
                                "目安の時間帯({}〜{})に間に合いました。",
                                t.window.from, t.window.to
                            ),
                            format!(
                                "Within the playbook's window ({}–{}).",
                                t.window.from, t.window.to
                            ),
                        ),
                    ),
                    Some(tp) => {
                        let late = tp.0 - t.window.to.0;
                        (
                            1.0 - smoothstep(late as f64 / span),
                            Text::new(
                                format!(
                                    "目安の時間帯の終わり({})より{late}分遅れました。",
                                    t.window.to
                                ),
                                format!(
                                    "{late} min after the playbook's window closed ({}).",
                                    t.window.to
                                ),
                            ),
                        )
                    }
                };
                s.push(
                    rule::TIMING_SEVERITY_WEIGHED,
                    fraction,
                    p,
                    where_,
                    evidence.clone(),
                    message,
                );
            }
            Check::Deadline(deadline) => {
                let (fraction, message) = match at {
                    None => (
                        0.0,
                        Text::new(
                            format!(
                                "期限「{}」までに公表しませんでした。",
                                deadline.label.get(Lang::Ja)
                            ),
                            format!(
                                "Nothing was published by the deadline \"{}\".",
                                deadline.label.get(Lang::En)
                            ),
                        ),
                    ),
                    Some(tp) if tp <= deadline.at => (
                        1.0,
                        Text::new(
                            format!(
                                "期限「{}」({})に間に合いました。",
                                deadline.label.get(Lang::Ja),
                                deadline.at
                            ),
                            format!(
                                "Before the deadline \"{}\" ({}).",
                                deadline.label.get(Lang::En),
                                deadline.at
                            ),
                        ),
                    ),
                    Some(tp) => {
                        let late = tp.0 - deadline.at.0;
                        (
                            1.0 - smoothstep(late as f64 / deadline.grace.max(1) as f64),
                            Text::new(
                                format!(
                                    "期限「{}」より{late}分遅れました。",
                                    deadline.label.get(Lang::Ja)
                                ),
                                format!(
                                    "{late} min after the deadline \"{}\".",
                                    deadline.label.get(Lang::En)
                                ),
                            ),
                        )
                    }
                };
                s.push(
                    &deadline.rule,
                    fraction,
                    p,
                    where_,
                    evidence.clone(),
                    message,
                );
            }
            Check::Need(need) => {
                let d = scenario.decision(need.decision);
                let done = match (session.decision(need.decision), at) {
                    (
                        DecisionState::Answered {
                            answer, at: when, ..
                        },
                        Some(tp),
                    ) => {
                        *when <= tp
                            && need
                                .option
                                .is_none_or(|o| answer.option_index(d) == Some(o))
                    }
                    _ => false,
                };
                let what = match need.option {
                    Some(o) => match &d.kind {
                        DecisionKind::Choice { options } => options[o].label.clone(),
                        DecisionKind::Inquiry(q) => q.answers[o].label.clone(),
                        _ => d.title.clone(),
                    },
                    None => d.title.clone(),
                };
                let message = if done {
                    Text::new(
                        format!("公表前に「{}」を済ませました。", what.get(Lang::Ja)),
                        format!("\"{}\" was done before publishing.", what.get(Lang::En)),
                    )
                } else {
                    Text::new(
                        format!("公表前に「{}」が済んでいませんでした。", what.get(Lang::Ja)),
                        format!("\"{}\" was not done before publishing.", what.get(Lang::En)),
                    )
                };
                s.push(
                    &need.rule,
                    if done { 1.0 } else { 0.0 },
                    p,
                    where_,
                    evidence.clone(),
                    message,
                );
            }
        }
    }
}

/// The first notice that `timing.staged_updates` is scored on, where the scenario also has a
/// later stage to follow it: the decision's index and its timing.
pub(super) fn staged_decision(scenario: &Scenario) -> Option<(usize, &Timing)> {
    let timings: Vec<(usize, &Timing)> = scenario
        .decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.kind {
            DecisionKind::Timing(t) => Some((i, t)),
            _ => None,
        })
        .collect();
    let first = timings
        .iter()
        .find(|(_, t)| t.stage == Stage::FirstNotice)
        .copied()?;
    timings
        .iter()
        .any(|(_, t)| t.stage != Stage::FirstNotice)
        .then_some(first)
}

/// A first notice followed by a later stage, where the scenario has both.
pub(super) fn staged(s: &mut Scorer<'_>) {
    let scenario = &*s.session.scenario;
    let Some((first_i, first)) = staged_decision(scenario) else {
        return;
    };
    let published = s.session.published();
    let first_at = published
        .iter()
        .find(|(st, _)| *st == Stage::FirstNotice)
        .map(|(_, t)| *t);
    let later = first_at.and_then(|f| {
        published
            .iter()
            .find(|(st, t)| *st != Stage::FirstNotice && *t >= f)
            .map(|(_, t)| *t)
    });
    let (fraction, message) = match (first_at, later) {
        (Some(f), Some(l)) => (
            1.0,
            Text::new(
                format!("第一報({f})のあと続報({l})を出しました。"),
                format!("A first notice ({f}) followed by an update ({l})."),
            ),
        ),
        (Some(f), None) => (
            0.5,
            Text::new(
                format!("第一報({f})のあと、続報を出していません。"),
                format!("A first notice ({f}) but no update after it."),
            ),
        ),
        _ => (
            0.0,
            Text::new(
                "第一報も続報も出していません。",
                "Neither a first notice nor an update was published.",
            ),
        ),
    };
    let id = scenario.decisions[first_i].id.as_str();
    s.push(
        rule::TIMING_STAGED_UPDATES,
        fraction,
        first.points as f64,
        (Some(id), first_at),
        Text::new(
            format!("公表: {}回", published.len()),
            format!("Publications: {}", published.len()),
        ),
        message,
    );
}
