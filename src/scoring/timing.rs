//! Timing: when each stage was published against the facts, the playbook's window, the
//! deadline and what had to be done first; and whether a first notice was followed by an update.

use super::{EARLY_TOLERANCE, Scorer, WINDOW_EARLY_TOLERANCE, not_answered, say, smoothstep};
use crate::playbook::rule;
use crate::scenario::{
    Approval, Deadline, DecisionKind, FactRef, FactStatus, Need, NeedTarget, PersonRef, Review,
    RoleRef, Scenario, SimTime, Stage, Timing,
};
use crate::session::{DecisionState, Session};
use crate::text::{Lang, Text};

/// One rule a timing decision scores.
pub(super) enum Check<'a> {
    /// `timing.facts_confirmed`: the stage's facts settled before publishing.
    FactsConfirmed,
    /// `timing.severity_weighed`: a first notice within the playbook's window.
    SeverityWindow,
    /// The deadline's own rule: published before it.
    Deadline(&'a Deadline),
    /// The need's own rule: a decision answered, a milestone reached or an inject arrived
    /// before publishing.
    Need(&'a Need),
    /// The review's rule: the holder of a role read the text, reachable, for its lead time.
    Review(&'a Review),
    /// The approval's rule: the holder of a role could approve at the moment of publication.
    Approval(&'a Approval),
    /// `process.follow_up`: the next stage came by the time this one promised.
    Promise(usize),
}

impl<'a> Check<'a> {
    /// The rule this check scores.
    pub(super) fn rule(&self) -> &'a str {
        match self {
            Check::FactsConfirmed => rule::TIMING_FACTS_CONFIRMED,
            Check::SeverityWindow => rule::TIMING_SEVERITY_WEIGHED,
            Check::Deadline(d) => &d.rule,
            Check::Need(n) => &n.rule,
            Check::Review(r) => &r.rule,
            Check::Approval(a) => &a.rule,
            Check::Promise(_) => rule::PROCESS_FOLLOW_UP,
        }
    }
}

/// The timing decision that comes after `t`'s: a later stage, or a second decision of the
/// same stage further down the file (a second update). What a promise is kept by.
pub(super) fn next_stage(scenario: &Scenario, t: &Timing) -> Option<usize> {
    let me = scenario
        .decisions
        .iter()
        .position(|d| matches!(&d.kind, DecisionKind::Timing(x) if std::ptr::eq(x, t)))?;
    scenario
        .decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.kind {
            DecisionKind::Timing(x) if x.stage > t.stage || (x.stage == t.stage && i > me) => {
                Some((x.stage, i))
            }
            _ => None,
        })
        .min()
        .map(|(_, i)| i)
}

/// Whether the scenario has a public draft for a stage: the text a promise is read from.
fn has_public_draft(scenario: &Scenario, stage: Stage) -> bool {
    scenario
        .decisions
        .iter()
        .any(|d| matches!(&d.kind, DecisionKind::Draft(x) if x.stage == stage && x.is_public()))
}

/// What a timing decision scores, in the order the debrief lists it: the one list both the
/// scorer and coverage read.
pub(super) fn checks<'a>(scenario: &'a Scenario, t: &'a Timing) -> Vec<Check<'a>> {
    // Sized once for every check the decision can have.
    let mut out =
        Vec::with_capacity(4 + t.needs.len() + t.reviews.len() + usize::from(t.approval.is_some()));
    if !t.prerequisites.is_empty() {
        out.push(Check::FactsConfirmed);
    }
    if t.stage == Stage::FirstNotice {
        out.push(Check::SeverityWindow);
    }
    if let Some(dl) = t.deadline {
        out.push(Check::Deadline(&scenario.deadlines[dl.0]));
    }
    out.extend(t.needs.iter().map(Check::Need));
    out.extend(t.reviews.iter().map(Check::Review));
    out.extend(t.approval.iter().map(Check::Approval));
    if let Some(next) = next_stage(scenario, t)
        && (t.follow_up.is_some() || has_public_draft(scenario, t.stage))
    {
        out.push(Check::Promise(next));
    }
    out
}

/// What a missed deadline still earns, at most: a quarter, falling to nothing by the end of
/// the deadline's grace.
pub(super) const MISSED_DEADLINE_KEEPS: f64 = 0.25;

/// Scores one publication decision: each of its [`checks`].
pub(super) fn score(
    s: &mut Scorer<'_>,
    (me, t): (crate::scenario::DecisionRef, &Timing),
    at: Option<SimTime>,
    id: Option<&str>,
) {
    let me = Some(me);
    let session = s.session;
    let q = s.quiet;
    let scenario = &*session.scenario;
    let stage = t.stage.label();
    let evidence = match at {
        Some(tp) => say(q, || {
            Text::new(
                format!("{}を{}に公表", stage.get(Lang::Ja), tp),
                format!("{} published at {tp}", stage.get(Lang::En)),
            )
        }),
        None => say(q, || {
            Text::new(
                format!("{}を公表せず", stage.get(Lang::Ja)),
                format!("{} never published", stage.get(Lang::En)),
            )
        }),
    };
    let where_ = (id, at);
    for check in checks(scenario, t) {
        // A stage never published is judged on its timing alone (the window, the deadline):
        // what had to be in place before it cannot have been missing from it.
        if at.is_none() && !matches!(check, Check::SeverityWindow | Check::Deadline(_)) {
            continue;
        }
        let p = f64::from(t.points_for(check.rule()));
        match check {
            Check::FactsConfirmed => {
                let core: Vec<usize> = t.prerequisites.iter().map(|f| f.0).collect();
                let (fraction, message) = match at {
                    None => (0.0, say(q, not_published)),
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
                            None if t.own_prerequisites => (
                                1.0,
                                say(q, || {
                                    Text::new(
                                        "この段階に必要な事実がすべて確認されてから公表しました。",
                                        "Every fact this stage needs was confirmed before publishing.",
                                    )
                                }),
                            ),
                            None => (
                                1.0,
                                say(q, || {
                                    Text::new(
                                        "中核の事実がすべて確認されてから公表しました。",
                                        "All core facts were confirmed before publishing.",
                                    )
                                }),
                            ),
                            // While the drill runs, a fact not settled yet is not named,
                            // nor when it will settle. (One settled since publication is
                            // known to the team and is named, with the minutes.)
                            Some((u32::MAX, _, _)) if !session.is_over() => (
                                0.0,
                                say(q, || {
                                    Text::new(
                                        "この段階に必要な事実が、まだ確認されていないうちに公表しました。",
                                        "Published while a fact this stage needs was not yet confirmed.",
                                    )
                                }),
                            ),
                            Some((u32::MAX, ja, en)) => (
                                0.0,
                                say(q, || {
                                    Text::new(
                                        format!("「{ja}」が確認されないまま公表しました。"),
                                        format!("Published while \"{en}\" was never confirmed."),
                                    )
                                }),
                            ),
                            Some((early, ja, en)) => (
                                1.0 - smoothstep(early as f64 / EARLY_TOLERANCE),
                                say(q, || {
                                    Text::new(
                                        format!("「{ja}」の確認より{early}分早く公表しました。"),
                                        format!(
                                            "Published {early} min before \"{en}\" was confirmed."
                                        ),
                                    )
                                }),
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
                        say(q, || {
                            Text::new("第一報を出していません。", "No first notice was published.")
                        }),
                    ),
                    // Before the window: right when what the stage needs is in place, a
                    // cost when it is not.
                    Some(tp) if tp < t.window.from => {
                        let missing = not_in_place(session, t, me, tp, q);
                        let early = t.window.from.0 - tp.0;
                        if missing.is_empty() {
                            (
                                1.0,
                                say(q, || {
                                    Text::new(
                                        format!(
                                            "目安の時間帯({}〜{})より{early}分早く公表しましたが、必要な事実と確認がそろっていたので適切です。",
                                            t.window.from, t.window.to
                                        ),
                                        format!(
                                            "{early} min before the playbook's window ({}–{}), with what the stage needs in place: early is right here.",
                                            t.window.from, t.window.to
                                        ),
                                    )
                                }),
                            )
                        } else {
                            (
                                1.0 - smoothstep(early as f64 / WINDOW_EARLY_TOLERANCE),
                                say(q, || {
                                    let ja: Vec<&str> =
                                        missing.iter().map(|m| m.get(Lang::Ja)).collect();
                                    let en: Vec<&str> =
                                        missing.iter().map(|m| m.get(Lang::En)).collect();
                                    Text::new(
                                        format!(
                                            "目安の時間帯が始まる{}より{early}分早く、{}がそろわないうちに公表しました。",
                                            t.window.from,
                                            ja.join("・")
                                        ),
                                        format!(
                                            "{early} min before the playbook's window opened ({}); not yet in place: {}.",
                                            t.window.from,
                                            en.join(", ")
                                        ),
                                    )
                                }),
                            )
                        }
                    }
                    Some(tp) if tp <= t.window.to => (
                        1.0,
                        say(q, || {
                            Text::new(
                                format!(
                                    "目安の時間帯({}〜{})に間に合いました。",
                                    t.window.from, t.window.to
                                ),
                                format!(
                                    "Within the playbook's window ({}–{}).",
                                    t.window.from, t.window.to
                                ),
                            )
                        }),
                    ),
                    Some(tp) => {
                        let late = tp.0 - t.window.to.0;
                        (
                            1.0 - smoothstep(late as f64 / span),
                            say(q, || {
                                Text::new(
                                    format!(
                                        "目安の時間帯の終わり({})より{late}分遅れました。",
                                        t.window.to
                                    ),
                                    format!(
                                        "{late} min after the playbook's window closed ({}).",
                                        t.window.to
                                    ),
                                )
                            }),
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
                        say(q, || {
                            Text::new(
                                format!(
                                    "期限「{}」までに公表しませんでした。",
                                    deadline.label.get(Lang::Ja)
                                ),
                                format!(
                                    "Nothing was published by the deadline \"{}\".",
                                    deadline.label.get(Lang::En)
                                ),
                            )
                        }),
                    ),
                    Some(tp) if tp <= deadline.at => (
                        1.0,
                        say(q, || {
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
                            )
                        }),
                    ),
                    Some(tp) => {
                        // A deadline missed is missed: most of its stake goes at once, the
                        // rest by the end of its grace.
                        let late = tp.0 - deadline.at.0;
                        (
                            MISSED_DEADLINE_KEEPS
                                * (1.0 - smoothstep(late as f64 / deadline.grace.max(1) as f64)),
                            say(q, || {
                                Text::new(
                                    format!(
                                        "期限「{}」より{late}分遅れました。",
                                        deadline.label.get(Lang::Ja)
                                    ),
                                    format!(
                                        "{late} min after the deadline \"{}\".",
                                        deadline.label.get(Lang::En)
                                    ),
                                )
                            }),
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
                let (fraction, message) = need_met(session, need, at, q);
                s.push(&need.rule, fraction, p, where_, evidence.clone(), message);
            }
            Check::Review(review) => {
                let (fraction, message) = reviewed(session, t, me, review, at, q);
                s.push(&review.rule, fraction, p, where_, evidence.clone(), message);
            }
            Check::Approval(approval) => {
                let (fraction, message) = approved(session, approval, at, q);
                s.push(
                    &approval.rule,
                    fraction,
                    p,
                    where_,
                    evidence.clone(),
                    message,
                );
            }
            Check::Promise(next) => {
                if let Some((fraction, message)) = promise_kept(session, t, next, at, q) {
                    s.push(
                        rule::PROCESS_FOLLOW_UP,
                        fraction,
                        p,
                        where_,
                        evidence.clone(),
                        message,
                    );
                }
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
    let q = s.quiet;
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
    // Mid-drill (practice feedback), a first notice not yet followed is not yet a fault.
    if first_at.is_some() && later.is_none() && !s.session.is_over() {
        return;
    }
    let (fraction, message) = match (first_at, later) {
        (Some(f), Some(l)) => (
            1.0,
            say(q, || {
                Text::new(
                    format!("第一報({f})のあと続報({l})を出しました。"),
                    format!("A first notice ({f}) followed by an update ({l})."),
                )
            }),
        ),
        (Some(f), None) => (
            0.5,
            say(q, || {
                Text::new(
                    format!("第一報({f})のあと、続報を出していません。"),
                    format!("A first notice ({f}) but no update after it."),
                )
            }),
        ),
        _ => (
            0.0,
            say(q, || {
                Text::new(
                    "第一報も続報も出していません。",
                    "Neither a first notice nor an update was published.",
                )
            }),
        ),
    };
    let id = scenario.decisions[first_i].id.as_str();
    s.push(
        rule::TIMING_STAGED_UPDATES,
        fraction,
        f64::from(first.points_for(rule::TIMING_STAGED_UPDATES)),
        (Some(id), first_at),
        say(q, || {
            Text::new(
                format!("公表: {}回", published.len()),
                format!("Publications: {}", published.len()),
            )
        }),
        message,
    );
}

/// Whether a need was met before publishing at `at`, and why.
fn need_met(session: &Session, need: &Need, at: Option<SimTime>, q: bool) -> (f64, Text) {
    let scenario = &*session.scenario;
    let (when, what): (Option<SimTime>, Text) = match need.target {
        NeedTarget::Decision(d, option) => {
            let dec = scenario.decision(d);
            let when = match session.decision(d) {
                DecisionState::Answered {
                    answer, at: when, ..
                } if option.is_none_or(|o| answer.option_index(dec) == Some(o)) => Some(*when),
                _ => None,
            };
            let what = match option {
                _ if q => Text::default(),
                Some(o) => match &dec.kind {
                    DecisionKind::Choice { options } => options[o].label.clone(),
                    DecisionKind::Inquiry(q) => q.answers[o].label.clone(),
                    _ => dec.title.clone(),
                },
                None => dec.title.clone(),
            };
            (when, what)
        }
        NeedTarget::Milestone(m) => (
            session.milestone_at(m),
            say(q, || scenario.milestone(m).label.clone()),
        ),
        NeedTarget::Inject(i) => {
            let inj = scenario.inject(i);
            let what = if inj.subject.is_empty() {
                say(q, || Text::new(inj.id.clone(), inj.id.clone()))
            } else {
                inj.subject.clone()
            };
            (session.arrived_at(i), what)
        }
    };
    let (ja, en) = (what.get(Lang::Ja), what.get(Lang::En));
    match (when, at) {
        (Some(w), Some(tp)) if w <= tp => (
            1.0,
            say(q, || {
                Text::new(
                    format!("公表前に「{ja}」を済ませました({w})。"),
                    format!("\"{en}\" was done before publishing ({w})."),
                )
            }),
        ),
        (Some(w), Some(_)) if !matches!(need.target, NeedTarget::Decision(..)) => (
            0.0,
            say(q, || {
                Text::new(
                    format!("「{ja}」は{w}で、公表の後でした。"),
                    format!("\"{en}\" came at {w}, after publishing."),
                )
            }),
        ),
        _ => (
            0.0,
            say(q, || {
                Text::new(
                    format!("公表前に「{ja}」が済んでいませんでした。"),
                    format!("\"{en}\" was not done before publishing."),
                )
            }),
        ),
    }
}

fn not_published() -> Text {
    Text::new(
        "公表していないため評価できません。",
        "Nothing was published.",
    )
}

/// The moment of publication and who held `role` then; otherwise the finding's points and
/// reason: nothing published, or nobody in the role (`what` says what that cost).
fn held_at_publication(
    session: &Session,
    role: RoleRef,
    at: Option<SimTime>,
    what: (&str, &str),
    q: bool,
) -> Result<(SimTime, PersonRef), (f64, Text)> {
    let name = &session.scenario.role(role).name;
    let tp = at.ok_or_else(|| (0.0, say(q, not_published)))?;
    match session.role_holder(role, tp) {
        Some(Some(p)) => Ok((tp, p)),
        _ => Err((
            0.0,
            say(q, || {
                Text::new(
                    format!(
                        "公表の時点で「{}」の担当者がいなかったため、{}。",
                        name.get(Lang::Ja),
                        what.0
                    ),
                    format!(
                        "Nobody held \"{}\" when the stage went out, so {}.",
                        name.get(Lang::En),
                        what.1
                    ),
                )
            }),
        )),
    }
}

fn who(session: &Session, p: PersonRef, q: bool) -> (String, String) {
    if q {
        return Default::default();
    }
    let t = super::roles::person_label(session, p);
    (t.get(Lang::Ja).to_string(), t.get(Lang::En).to_string())
}

/// When the public text of `stage` was written, by `by`: the last draft answered by then.
fn text_written(session: &Session, stage: Stage, by: SimTime) -> Option<Option<SimTime>> {
    let scenario = &*session.scenario;
    let mut any = false;
    let mut when = None;
    for (i, d) in scenario.decisions.iter().enumerate() {
        if let DecisionKind::Draft(x) = &d.kind
            && x.stage == stage
            && x.is_public()
        {
            any = true;
            if let DecisionState::Answered { at, .. } =
                session.decision(crate::scenario::DecisionRef(i))
                && *at <= by
            {
                when = when.max(Some(*at));
            }
        }
    }
    any.then_some(when)
}

/// Whether the review of a stage's text was done before publishing: the role's holder,
/// from the department the role requires, reachable for the review's whole lead time
/// after the text was written and they were named.
fn reviewed(
    session: &Session,
    t: &Timing,
    me: Option<crate::scenario::DecisionRef>,
    review: &Review,
    at: Option<SimTime>,
    q: bool,
) -> (f64, Text) {
    let scenario = &*session.scenario;
    let role = scenario.role(review.role);
    let (rja, ren) = (role.name.get(Lang::Ja), role.name.get(Lang::En));
    let (tp, p) = match held_at_publication(
        session,
        review.role,
        at,
        ("確認を受けていません", "nobody reviewed it"),
        q,
    ) {
        Ok(x) => x,
        Err(lost) => return lost,
    };
    let (wja, wen) = who(session, p, q);
    let person = scenario.person(p);
    if !role.departments.is_empty() && !role.departments.contains(&person.department) {
        let wanted: Vec<(String, String)> = role
            .department_labels
            .iter()
            .map(|l| (l.get(Lang::Ja).to_string(), l.get(Lang::En).to_string()))
            .collect();
        return (
            0.0,
            say(q, || {
                Text::new(
                    format!(
                        "確認した{wja}は「{rja}」に必要な部門({})の人ではありません。",
                        wanted
                            .iter()
                            .map(|w| w.0.as_str())
                            .collect::<Vec<_>>()
                            .join("・")
                    ),
                    format!(
                        "The reviewer {wen} is not from the department \"{ren}\" needs ({}).",
                        wanted
                            .iter()
                            .map(|w| w.1.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            }),
        );
    }
    let named = match session.decision(review.role.decision) {
        DecisionState::Answered { at, .. } => *at,
        _ => tp,
    };
    let written = match text_written(session, t.stage, tp) {
        Some(None) => {
            return (
                0.0,
                say(q, || {
                    Text::new(
                        format!(
                            "公表前に文面ができていなかったため、{wja}は確認できませんでした。"
                        ),
                        format!(
                            "No text was written before publishing, so {wen} had nothing to review."
                        ),
                    )
                }),
            );
        }
        Some(Some(w)) => w,
        None => named,
    };
    // The team's own request, where it made one: the first before publication that covers
    // this review. Without one, the text goes to the reviewer once it is written.
    let asked = session
        .review_asks()
        .iter()
        .filter(|a| Some(a.decision) == me && a.role.is_none_or(|r| r == review.role))
        .filter(|a| a.at <= tp)
        .min_by_key(|a| a.at);
    let start = written
        .max(named)
        .max(asked.map_or(SimTime::START, |a| a.at));
    let lead = review.lead;
    let asked_note = match asked {
        _ if q => Default::default(),
        Some(a) => (
            format!("({}に依頼)", a.at),
            format!(" (asked for at {})", a.at),
        ),
        None => (String::new(), String::new()),
    };
    // Where the answers file says when the reviewer finished, that is the end to check.
    let until = asked.and_then(|a| a.done).map_or(tp, |d| d.min(tp));
    if let Some(done) = asked.and_then(|a| a.done) {
        if done > tp {
            return (
                0.0,
                say(q, || {
                    Text::new(
                        format!(
                            "{wja}の確認{}は{done}に終わり、{tp}の公表に間に合いませんでした。",
                            asked_note.0
                        ),
                        format!(
                            "{wen}'s review{} ended at {done}, after the notice went out at {tp}.",
                            asked_note.1
                        ),
                    )
                }),
            );
        }
        if done.0 < start.0 + lead {
            return (
                0.0,
                say(q, || {
                    Text::new(
                        format!(
                            "{wja}の確認{}は{start}から{done}までの{}分で、必要な{lead}分に足りません。",
                            asked_note.0,
                            done.0.saturating_sub(start.0)
                        ),
                        format!(
                            "{wen}'s review{} took {} min, from {start} to {done}; it needs {lead}.",
                            asked_note.1,
                            done.0.saturating_sub(start.0)
                        ),
                    )
                }),
            );
        }
    }
    // The first stretch of `lead` reachable minutes from the start.
    let mut run = 0u32;
    let mut done = None;
    let mut reachable = 0u32;
    for m in start.0..until.0 {
        if session.available(p, SimTime(m)) {
            run += 1;
            reachable += 1;
            if run >= lead {
                done = Some(SimTime(m + 1));
                break;
            }
        } else {
            run = 0;
        }
    }
    match done {
        Some(end) => (
            1.0,
            say(q, || {
                Text::new(
                    format!(
                        "{wja}が{start}から{end}まで({lead}分)文面を確認し{}、{tp}の公表に間に合いました。",
                        asked_note.0
                    ),
                    format!(
                        "{wen} reviewed the text from {start} to {end} ({lead} min){}, before it went out at {tp}.",
                        asked_note.1
                    ),
                )
            }),
        ),
        None if reachable == 0 && start < tp => (
            0.0,
            say(q, || {
                Text::new(
                    format!(
                        "{wja}は{start}{}から公表({tp})まで連絡が取れず、確認を受けていません。",
                        asked_note.0
                    ),
                    format!(
                        "{wen} could not be reached between {start}{} and publication at {tp}, so the text was not reviewed.",
                        asked_note.1
                    ),
                )
            }),
        ),
        None => (
            0.0,
            say(q, || {
                Text::new(
                    format!(
                        "確認には{wja}が{lead}分続けて対応できる必要がありましたが、{start}{}から公表({tp})までに足りませんでした。",
                        asked_note.0
                    ),
                    format!(
                        "The review needs {wen} reachable for {lead} min in a row; between {start}{} and publication at {tp} there was not that long.",
                        asked_note.1
                    ),
                )
            }),
        ),
    }
}

/// Whether the holder of the approving role could approve at the moment of publication.
fn approved(session: &Session, approval: &Approval, at: Option<SimTime>, q: bool) -> (f64, Text) {
    let scenario = &*session.scenario;
    let (tp, p) = match held_at_publication(
        session,
        approval.role,
        at,
        ("承認を得ていません", "nobody approved it"),
        q,
    ) {
        Ok(x) => x,
        Err(lost) => return lost,
    };
    let (wja, wen) = who(session, p, q);
    if !scenario.person(p).can_approve {
        return (
            0.0,
            say(q, || {
                Text::new(
                    format!("{wja}には承認の権限がないため、{tp}の公表は承認を得ていません。"),
                    format!(
                        "{wen} has no authority to approve, so the notice at {tp} went out unapproved."
                    ),
                )
            }),
        );
    }
    if !session.available(p, tp) {
        return (
            0.0,
            say(q, || {
                Text::new(
                    format!("{tp}の公表時に{wja}と連絡が取れず、承認を得ていません。"),
                    format!(
                        "{wen} could not be reached at {tp}, when the notice went out, so it was not approved."
                    ),
                )
            }),
        );
    }
    (
        1.0,
        say(q, || {
            Text::new(
                format!("{wja}が{tp}の公表時に承認できました。"),
                format!("{wen} was reachable to approve it at {tp}."),
            )
        }),
    )
}

/// The moment the stage published at `tp` owed the next one by: the text's own promise or
/// the scenario's `follow_up`, whichever is sooner; with the words that promised it.
pub(super) fn promise(
    session: &Session,
    t: &Timing,
    tp: SimTime,
) -> Option<(SimTime, Option<String>)> {
    let scenario = &*session.scenario;
    let explicit = t.follow_up.map(|m| (tp.plus(m), None));
    let published = scenario.start + chrono::Duration::minutes(i64::from(tp.0));
    let mut from_text: Option<(SimTime, Option<String>)> = None;
    for (i, d) in scenario.decisions.iter().enumerate() {
        let DecisionKind::Draft(x) = &d.kind else {
            continue;
        };
        if x.stage != t.stage || !x.is_public() {
            continue;
        }
        if let DecisionState::Answered { answer, at, .. } =
            session.decision(crate::scenario::DecisionRef(i))
            && *at <= tp
        {
            for (_, text) in answer.texts(d, session.lang) {
                if let Some(p) = crate::wording::promise::find(text, published) {
                    let minutes = (p.at - scenario.start).num_minutes().max(0);
                    let when = SimTime(u32::try_from(minutes).unwrap_or(u32::MAX));
                    if from_text.as_ref().is_none_or(|(w, _)| when < *w) {
                        from_text = Some((when, Some(p.excerpt)));
                    }
                }
            }
        }
    }
    match (explicit, from_text) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Whether the next stage came by the time this one promised. `None` when nothing was
/// promised, or the promise falls after the drill ends with the next stage still to come.
fn promise_kept(
    session: &Session,
    t: &Timing,
    next: usize,
    at: Option<SimTime>,
    q: bool,
) -> Option<(f64, Text)> {
    let scenario = &*session.scenario;
    let tp = at?;
    let (due, words) = promise(session, t, tp)?;
    let said = match &words {
        _ if q => Default::default(),
        Some(w) => (format!("(「{w}」)"), format!(" (\"{w}\")")),
        None => (
            String::from("(シナリオの定め)"),
            String::from(" (the scenario's rule)"),
        ),
    };
    let next_d = &scenario.decisions[next];
    let next_label = match &next_d.kind {
        DecisionKind::Timing(x) => x.stage.label(),
        _ => next_d.title.clone(),
    };
    let nja = next_label.get(Lang::Ja);
    let nen = if q {
        String::new()
    } else {
        next_label.get(Lang::En).to_lowercase()
    };
    let came = match session.decision(crate::scenario::DecisionRef(next)) {
        DecisionState::Answered { at, .. } => Some(*at),
        _ => None,
    };
    Some(match came {
        Some(tn) if tn <= due => (
            1.0,
            say(q, || {
                Text::new(
                    format!(
                        "次の公表を{due}までと約束し{}、{nja}を{tn}に出しました。",
                        said.0
                    ),
                    format!(
                        "The next notice was promised by {due}{}; the {nen} came at {tn}.",
                        said.1
                    ),
                )
            }),
        ),
        Some(tn) => {
            let late = tn.0 - due.0;
            (
                1.0 - smoothstep(f64::from(late) / 60.0),
                say(q, || {
                    Text::new(
                        format!(
                            "次の公表を{due}までと約束し{}ましたが、{nja}は{late}分遅れの{tn}でした。",
                            said.0
                        ),
                        format!(
                            "The next notice was promised by {due}{}; the {nen} came {late} min late, at {tn}.",
                            said.1
                        ),
                    )
                }),
            )
        }
        // Not due yet (practice feedback mid-drill), or due only after the drill ends.
        None if due > session.now() || due.0 >= scenario.duration => return None,
        None => (
            0.0,
            say(q, || {
                Text::new(
                    format!(
                        "次の公表を{due}までと約束し{}ましたが、{nja}を出していません。",
                        said.0
                    ),
                    format!(
                        "The next notice was promised by {due}{}, but no {nen} came.",
                        said.1
                    ),
                )
            }),
        ),
    })
}

/// How soon an inquiry was answered, on a curve like a deadline's: full points within the
/// reply span of the question opening, falling to nothing over the grace after it.
pub(super) fn reply(
    s: &mut Scorer<'_>,
    reply: &crate::scenario::Reply,
    d: crate::scenario::DecisionRef,
    at: (Option<&str>, Option<SimTime>),
) {
    let q = s.quiet;
    let (opened, answered) = match s.session.decision(d) {
        DecisionState::Answered { opened, at, .. } => (Some(*opened), Some(*at)),
        DecisionState::Expired { opened, .. } => (Some(*opened), None),
        DecisionState::Open { since } => (Some(*since), None),
        DecisionState::Waiting => (None, None),
    };
    let due = opened.map(|o| o.plus(reply.within));
    let answered_after = |o: SimTime, a: SimTime| {
        say(q, || {
            Text::new(
                format!("{o}の問い合わせに{}分で回答", a.0 - o.0),
                format!("Asked at {o}, answered {} min later", a.0 - o.0),
            )
        })
    };
    let (fraction, evidence, message) = match (opened, answered, due) {
        (Some(o), Some(a), Some(due)) if a <= due => (
            1.0,
            answered_after(o, a),
            say(q, || {
                Text::new(
                    format!("目安の{}分以内に回答しました。", reply.within),
                    format!("Answered within the {} min it should take.", reply.within),
                )
            }),
        ),
        (Some(o), Some(a), Some(due)) => {
            let late = a.0 - due.0;
            (
                1.0 - smoothstep(f64::from(late) / f64::from(reply.grace.max(1))),
                answered_after(o, a),
                say(q, || {
                    Text::new(
                        format!("回答は目安({}分以内)より{late}分遅れました。", reply.within),
                        format!(
                            "The answer came {late} min after the {} min it should take.",
                            reply.within
                        ),
                    )
                }),
            )
        }
        _ => (
            0.0,
            say(q, not_answered),
            say(q, || {
                Text::new("回答していません。", "The question was never answered.")
            }),
        ),
    };
    s.push(
        &reply.rule,
        fraction,
        f64::from(reply.points),
        at,
        evidence,
        message,
    );
}

/// What a stage needed and did not have when it went out at `tp`: its facts, its reviews,
/// its approval and its needs, in words for a message. Empty when all was in place.
fn not_in_place(
    session: &Session,
    t: &Timing,
    me: Option<crate::scenario::DecisionRef>,
    tp: SimTime,
    q: bool,
) -> Vec<Text> {
    let mut out = Vec::new();
    let unsettled = t.prerequisites.iter().any(|f| {
        !matches!(
            session.status_at(*f, tp),
            FactStatus::Confirmed | FactStatus::Refuted
        )
    });
    if unsettled {
        out.push(say(q, || Text::new("事実の確認", "the facts")));
    }
    if t.reviews
        .iter()
        .any(|r| reviewed(session, t, me, r, Some(tp), q).0 < 1.0)
    {
        out.push(say(q, || Text::new("文面の確認", "the review")));
    }
    if t.approval
        .as_ref()
        .is_some_and(|a| approved(session, a, Some(tp), q).0 < 1.0)
    {
        out.push(say(q, || Text::new("承認", "the approval")));
    }
    if t.needs
        .iter()
        .any(|n| need_met(session, n, Some(tp), q).0 < 1.0)
    {
        out.push(say(q, || {
            Text::new("事前の手順", "what had to be done first")
        }));
    }
    out
}
