//! `analyze`'s exact claims: an upper bound on the total any answers file can reach (the
//! losses no path can avoid, from the choices every path must face), and a search from the
//! best known answers over options, prepared texts, role holders and publication moments at
//! the scenario's event boundaries that tries to reach it.

use crate::playbook::{Area, Playbook};
use crate::records::answers::{Action, Answers};
use crate::scenario::{DecisionKind, DecisionRef, Scenario, SimTime, Trigger};
use crate::scoring::totals;
use crate::session::Answer;
use crate::wording::Checker;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Which decisions open on every path: their own trigger, or an inject every seed lets
/// through, comes at a moment the clock alone sets inside the drill. Nothing the team does
/// can keep them shut.
pub fn always_open(scenario: &Scenario) -> Vec<bool> {
    let arrivals = scenario.certain_arrivals();
    let within = |t: Option<SimTime>| t.is_some_and(|t| t.0 < scenario.duration);
    (0..scenario.decisions.len())
        .map(|i| {
            let d = &scenario.decisions[i];
            d.opens
                .as_ref()
                .is_some_and(|t| within(Scenario::clock_only_time(t, &arrivals)))
                || scenario
                    .injects
                    .iter()
                    .zip(&arrivals)
                    .any(|(inj, at)| inj.opens.contains(&DecisionRef(i)) && within(*at))
        })
        .collect()
}

/// What every answers file loses at least, per area: a choice every path faces whose options
/// each give up something (the best option for one rule is not the best for another) loses
/// at least its cheapest option's loss. A finding's loss never exceeds what its rule costs
/// in its unit, so these are lower bounds on what each area loses.
pub fn unavoidable(scenario: &Scenario, playbook: &Playbook) -> BTreeMap<Area, f64> {
    let always = always_open(scenario);
    let mut out: BTreeMap<Area, f64> = BTreeMap::new();
    for (i, d) in scenario.decisions.iter().enumerate() {
        let DecisionKind::Choice { options } = &d.kind else {
            continue;
        };
        if !always[i] {
            continue;
        }
        let cheapest = crate::scoring::cheapest_loss(playbook, options);
        // One decision's unavoidable loss in an area bounds the area's loss from below;
        // of several decisions, the largest does (their rules may share units).
        for (area, l) in cheapest {
            let e = out.entry(area).or_default();
            *e = e.max(l);
        }
    }
    out
}

/// The most any answers file can score on `scenario`: 100 less the unavoidable losses, each
/// area at most its cap, rounded up to the 0.1 totals are rounded to.
pub fn upper_bound(scenario: &Scenario, playbook: &Playbook) -> f64 {
    let lost: f64 = unavoidable(scenario, playbook)
        .iter()
        .map(|(a, l)| l.min(totals::area_cap(*a)))
        .sum();
    ((100.0 - lost).max(0.0) * 10.0).ceil() / 10.0
}

/// The most moves [`search`] tries, so a large scenario still answers in well under a second.
pub const MAX_EVALUATIONS: usize = 2_000;

/// What the search found: the best total, the answers that reach it, and how many answers
/// files it played.
pub struct Found {
    /// The best total reached.
    pub total: f64,
    /// The answers that reach it.
    pub answers: Answers,
    /// Answers files played.
    pub evaluations: usize,
}

/// Improves `start` one move at a time (another option, prepared text or role holder, or a
/// publication moved to an event boundary), keeping each move that raises the total, until
/// no move does, the `target` is reached, or [`MAX_EVALUATIONS`] have been played.
pub fn search(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    checker: &Checker,
    start: Answers,
    seed: u64,
    target: f64,
) -> Found {
    let score = |a: &Answers| {
        crate::records::replay::play(scenario, playbook, checker, a, seed)
            .ok()
            .map(|o| o.score.total)
    };
    let mut best = start;
    let mut best_total = score(&best).unwrap_or(0.0);
    let mut evaluations = 1;
    let boundaries = boundaries(scenario);
    'passes: loop {
        let mut improved = false;
        for i in 0..best.actions.len() {
            for alt in moves(scenario, &best.actions[i], &boundaries) {
                if best_total + 0.05 >= target || evaluations >= MAX_EVALUATIONS {
                    break 'passes;
                }
                let mut next = best.clone();
                next.actions[i] = alt;
                next.actions.sort_by_key(|a| a.at);
                evaluations += 1;
                if let Some(t) = score(&next)
                    && t > best_total + 1e-9
                {
                    best = next;
                    best_total = t;
                    improved = true;
                    break;
                }
            }
        }
        if !improved {
            break;
        }
    }
    Found {
        total: best_total,
        answers: best,
        evaluations,
    }
}

/// The moments where publishing earlier or later can change a score: the playbook's windows,
/// the deadlines, the fixed moments of injects and decisions.
fn boundaries(scenario: &Scenario) -> Vec<SimTime> {
    let mut out: Vec<SimTime> = Vec::new();
    for d in &scenario.decisions {
        if let DecisionKind::Timing(t) = &d.kind {
            out.extend([t.window.from, t.window.to]);
        }
        if let Some(Trigger::At(at)) = d.opens {
            out.push(at);
        }
    }
    for dl in &scenario.deadlines {
        out.push(dl.at);
    }
    for inj in &scenario.injects {
        if let Trigger::At(at) = inj.when {
            out.push(at);
        }
    }
    out.retain(|t| t.0 < scenario.duration);
    out.sort();
    out.dedup();
    out
}

/// The moves from one action: each other option or prepared text, each other holder of each
/// role, and a publication at each boundary.
fn moves(scenario: &Scenario, a: &Action, boundaries: &[SimTime]) -> Vec<Action> {
    let with = |answer: Answer| Action {
        answer,
        ..a.clone()
    };
    // Every other of these answers.
    let others = |answers: Vec<Answer>| -> Vec<Action> {
        answers
            .into_iter()
            .filter(|x| *x != a.answer)
            .map(with)
            .collect()
    };
    let options = |options: &[crate::scenario::ChoiceOption]| {
        others(
            options
                .iter()
                .map(|o| Answer::Choice(o.id.clone()))
                .collect(),
        )
    };
    let d = scenario.decision(a.decision);
    match (&d.kind, &a.answer) {
        (DecisionKind::Choice { options: o }, _) => options(o),
        (DecisionKind::Inquiry(q), _) => options(&q.answers),
        (DecisionKind::Draft(x), _) => others(
            x.candidates
                .iter()
                .map(|c| Answer::Candidate(c.id.clone()))
                .collect(),
        ),
        (DecisionKind::Roles(r), Answer::Roles(held)) => {
            let mut out = Vec::new();
            for role in &r.roles {
                for p in scenario
                    .cast
                    .iter()
                    .map(|p| p.id.clone())
                    .chain([String::new()])
                {
                    if held.get(&role.id) == Some(&p) {
                        continue;
                    }
                    let mut next = held.clone();
                    next.insert(role.id.clone(), p);
                    out.push(with(Answer::Roles(next)));
                }
            }
            out
        }
        (DecisionKind::Timing(_), _) => boundaries
            .iter()
            .flat_map(|b| [*b, b.plus(1)])
            .filter(|b| *b != a.at)
            .map(|at| Action { at, ..a.clone() })
            .collect(),
        _ => Vec::new(),
    }
}

/// Answers from a played path's actions, for [`search`] to start from.
pub fn answers_from(actions: Vec<(SimTime, DecisionRef, Answer)>, seed: u64) -> Answers {
    Answers {
        seed: Some(seed),
        lang: None,
        breaks: Vec::new(),
        participants: Vec::new(),
        team: None,
        members: Vec::new(),
        actions: actions
            .into_iter()
            .enumerate()
            .map(|(i, (at, decision, answer))| Action {
                at,
                decision,
                answer,
                by: None,
                field: format!("actions[{i}]"),
            })
            .collect(),
        fired: Vec::new(),
        reviews: Vec::new(),
    }
}
