//! `analyze`'s exact claims: an upper bound on the total any answers file can reach (the
//! losses no path can avoid, from the choices every path must face), and a search from the
//! best known answers over options, prepared texts, role holders and publication moments at
//! the scenario's event boundaries that tries to reach it.

use crate::playbook::{Area, Playbook};
use crate::records::answers::{Action, Answers};
use crate::scenario::{DecisionKind, DecisionRef, Scenario, SimTime, Trigger, VariationKind};
use crate::scoring::totals;
use crate::session::Answer;
use crate::wording::Checker;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// Which decisions open on every path: their own trigger, or an inject that always comes,
/// fires at a fixed moment inside the drill. Nothing the team does can keep them shut.
pub fn always_open(scenario: &Scenario) -> Vec<bool> {
    let varied: BTreeSet<usize> = scenario
        .variations
        .iter()
        .flat_map(|v| match &v.kind {
            VariationKind::Delay { inject, .. } | VariationKind::Chance { inject, .. } => {
                vec![inject.0]
            }
            VariationKind::OneOf { injects } => injects.iter().map(|i| i.0).collect(),
            VariationKind::Unavailable { .. } => Vec::new(),
        })
        .collect();
    let fixed = |t: &Trigger| match t {
        Trigger::Start => true,
        Trigger::At(at) => at.0 < scenario.duration,
        _ => false,
    };
    let mut out: Vec<bool> = scenario
        .decisions
        .iter()
        .map(|d| d.opens.as_ref().is_some_and(fixed))
        .collect();
    for (i, inj) in scenario.injects.iter().enumerate() {
        if !inj.optional && !varied.contains(&i) && fixed(&inj.when) {
            for d in &inj.opens {
                out[d.0] = true;
            }
        }
    }
    out
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
        // The rules the choice scores, with the best points any option earns for each.
        let mut best: BTreeMap<&str, u32> = BTreeMap::new();
        for o in options {
            for e in &o.effects {
                let b = best.entry(e.rule.as_str()).or_default();
                *b = (*b).max(e.points);
            }
        }
        let mut cheapest: BTreeMap<Area, f64> = BTreeMap::new();
        for (k, o) in options.iter().enumerate() {
            let mut loss: BTreeMap<Area, f64> = BTreeMap::new();
            for (rule, top) in &best {
                let Some((_, r)) = crate::scoring::at_stake(playbook, rule, f64::from(*top)) else {
                    continue;
                };
                let got = o
                    .effects
                    .iter()
                    .filter(|e| e.rule == *rule)
                    .map(|e| e.points)
                    .max()
                    .unwrap_or(0);
                *loss.entry(r.area).or_default() +=
                    totals::stake(r) * (1.0 - f64::from(got) / f64::from(*top));
            }
            for area in Area::ALL {
                let l = loss.get(&area).copied().unwrap_or(0.0);
                let c = cheapest.entry(area).or_insert(l);
                if k == 0 || l < *c {
                    *c = l;
                }
            }
        }
        // One decision's unavoidable loss in an area bounds the area's loss from below;
        // of several decisions, the largest does (their rules may share units).
        for (area, l) in cheapest {
            let e = out.entry(area).or_default();
            *e = e.max(l);
        }
    }
    out.retain(|_, l| *l > 0.0);
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
    let d = scenario.decision(a.decision);
    match (&d.kind, &a.answer) {
        (DecisionKind::Choice { options }, _) => options
            .iter()
            .map(|o| with(Answer::Choice(o.id.clone())))
            .filter(|m| m.answer != a.answer)
            .collect(),
        (DecisionKind::Inquiry(q), _) => q
            .answers
            .iter()
            .map(|o| with(Answer::Choice(o.id.clone())))
            .filter(|m| m.answer != a.answer)
            .collect(),
        (DecisionKind::Draft(x), _) => x
            .candidates
            .iter()
            .map(|c| with(Answer::Candidate(c.id.clone())))
            .filter(|m| m.answer != a.answer)
            .collect(),
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
