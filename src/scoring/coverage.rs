//! Coverage: which rules a scenario can score, read from the same per-family lists the scorer
//! walks, so `check`'s table, `analyze`'s unexercised rules and the scorer cannot disagree.

use super::{at_stake, choice, roles, text, timing};
use crate::playbook::{Playbook, rule};
use crate::scenario::{Decision, DecisionKind, Scenario};
use std::collections::BTreeSet;

/// The rules one decision can score, each with its points before the playbook's weight.
pub fn decision_rules<'a>(scenario: &'a Scenario, d: &'a Decision) -> Vec<(&'a str, f64)> {
    match &d.kind {
        DecisionKind::Choice { options } => choice::rules(options)
            .into_iter()
            .map(|(r, _, best)| (r, f64::from(best)))
            .collect(),
        DecisionKind::Inquiry(q) => {
            let mut out: Vec<(&str, f64)> = choice::rules(&q.answers)
                .into_iter()
                .map(|(r, _, best)| (r, f64::from(best)))
                .collect();
            if q.free_text {
                let each = f64::from(q.points) / text::FREE_TEXT_RULES.len() as f64;
                out.extend(text::FREE_TEXT_RULES.iter().map(|r| (*r, each)));
            }
            if let Some(reply) = &q.reply {
                out.push((reply.rule.as_str(), f64::from(reply.points)));
            }
            out
        }
        DecisionKind::Timing(t) => timing::checks(scenario, t)
            .iter()
            .map(|c| (c.rule(), f64::from(t.points_for(c.rule()))))
            .collect(),
        DecisionKind::Roles(r) => roles::rules(r)
            .into_iter()
            .map(|(r, p)| (r, f64::from(p)))
            .collect(),
        DecisionKind::Draft(x) => {
            let rules = text::draft_rules(x);
            let each = f64::from(x.points) / rules.len().max(1) as f64;
            rules.into_iter().map(|r| (r, each)).collect()
        }
    }
}

/// Every rule the scenario can score under `playbook` on some path through it.
pub fn rules(scenario: &Scenario, playbook: &Playbook) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for d in &scenario.decisions {
        for (r, max) in decision_rules(scenario, d) {
            if at_stake(playbook, r, max).is_some() {
                out.insert(r.to_string());
            }
        }
    }
    if let Some((_, first)) = timing::staged_decision(scenario)
        && at_stake(
            playbook,
            rule::TIMING_STAGED_UPDATES,
            f64::from(first.points_for(rule::TIMING_STAGED_UPDATES)),
        )
        .is_some()
    {
        out.insert(rule::TIMING_STAGED_UPDATES.to_string());
    }
    out
}
