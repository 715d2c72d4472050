//! Choices and prepared inquiry answers: each rule an option's effects name, scored by how
//! the chosen option compares with the best one for that rule.

use super::{Scorer, not_answered};
use crate::scenario::{ChoiceOption, SimTime};
use crate::text::{Lang, Text};

/// The rules a set of options scores: each rule an effect names with points, with the
/// best option for it (its index and points). The scorer and coverage both read this.
pub(super) fn rules(options: &[ChoiceOption]) -> Vec<(&str, usize, u32)> {
    each_rule(options).collect()
}

/// [`rules`], one at a time without collecting them: each rule at its first mention.
fn each_rule(options: &[ChoiceOption]) -> impl Iterator<Item = (&str, usize, u32)> {
    first_mentions(options)
        .map(move |(oi, ei, best_i, best)| (options[oi].effects[ei].rule.as_str(), best_i, best))
}

/// Each rule a set of options scores, at its first mention (option and effect), with the
/// best option for it and that option's points.
fn first_mentions(
    options: &[ChoiceOption],
) -> impl Iterator<Item = (usize, usize, usize, u32)> + '_ {
    options
        .iter()
        .enumerate()
        .flat_map(|(oi, o)| o.effects.iter().enumerate().map(move |(ei, e)| (oi, ei, e)))
        .filter(move |&(oi, ei, e)| {
            // The first mention: no earlier option, nor earlier effect of this one, names it.
            !options[..oi]
                .iter()
                .any(|o| o.effects.iter().any(|x| x.rule == e.rule))
                && !options[oi].effects[..ei].iter().any(|x| x.rule == e.rule)
        })
        .filter_map(move |(oi, ei, e)| {
            let rule = e.rule.as_str();
            let (best_i, best) = options
                .iter()
                .enumerate()
                .map(|(i, o)| (i, points(o, rule)))
                .max_by_key(|(i, p)| (*p, usize::MAX - i))
                .unwrap_or((0, 0));
            (best > 0).then_some((oi, ei, best_i, best))
        })
}

/// Every choice of a scenario (and every inquiry's prepared answers) as its score reads it,
/// worked out once per scenario from [`first_mentions`]: per decision, each rule it scores
/// with the best option and what every option earns for it.
#[derive(Debug, Default)]
pub(crate) struct ChoicePlan {
    /// Per decision, its rules (empty for a decision of another kind).
    decisions: Vec<Vec<Planned>>,
}

/// One rule of one choice.
#[derive(Debug)]
struct Planned {
    /// The option and effect that first name the rule.
    option: usize,
    effect: usize,
    /// The best option for the rule, and its points.
    best_i: usize,
    best: u32,
    /// What each option earns for the rule.
    points: Vec<u32>,
}

impl ChoicePlan {
    pub(crate) fn of(scenario: &crate::scenario::Scenario) -> ChoicePlan {
        use crate::scenario::DecisionKind;
        let decisions = scenario
            .decisions
            .iter()
            .map(|d| {
                let options = match &d.kind {
                    DecisionKind::Choice { options } => options.as_slice(),
                    DecisionKind::Inquiry(q) => q.answers.as_slice(),
                    _ => &[],
                };
                first_mentions(options)
                    .map(|(option, effect, best_i, best)| {
                        let rule = options[option].effects[effect].rule.as_str();
                        Planned {
                            option,
                            effect,
                            best_i,
                            best,
                            points: options.iter().map(|o| points(o, rule)).collect(),
                        }
                    })
                    .collect()
            })
            .collect();
        ChoicePlan { decisions }
    }
}

/// What an option earns for a rule: its best effect naming it.
fn points(o: &ChoiceOption, rule: &str) -> u32 {
    o.effects
        .iter()
        .filter(|e| e.rule == rule)
        .map(|e| e.points)
        .max()
        .unwrap_or(0)
}

/// What answering with the cheapest option costs at least, per area: each option's loss (its
/// shortfall from the best option, rule by rule, times the rule's stake) and the least of
/// them. Positive where the options each give up a rule, so no answer escapes it;
/// `analyze`'s upper bound reads it.
pub(crate) fn cheapest_loss(
    playbook: &crate::playbook::Playbook,
    options: &[ChoiceOption],
) -> std::collections::BTreeMap<crate::playbook::Area, f64> {
    use crate::playbook::Area;
    let rules = rules(options);
    let mut out = std::collections::BTreeMap::new();
    for area in Area::ALL {
        let loss = |o: &ChoiceOption| -> f64 {
            rules
                .iter()
                .filter_map(|(rule, _, best)| {
                    let (_, r) = super::at_stake(playbook, rule, f64::from(*best))?;
                    (r.area == area).then(|| {
                        super::totals::stake(r)
                            * (1.0 - f64::from(points(o, rule)) / f64::from(*best))
                    })
                })
                .sum()
        };
        let least = options.iter().map(loss).fold(f64::INFINITY, f64::min);
        if least.is_finite() && least > 0.0 {
            out.insert(area, least);
        }
    }
    out
}

/// Scores a choice (or an inquiry answered with one of its prepared answers): decision `d`
/// of the scenario, whose options (or prepared answers) are `options`.
pub(super) fn score(
    s: &mut Scorer<'_>,
    (d, options): (usize, &[ChoiceOption]),
    chosen: Option<usize>,
    answered: bool,
    at: (Option<&str>, Option<SimTime>),
) {
    let plan = std::sync::Arc::clone(&s.choices);
    for p in &plan.decisions[d] {
        let (rule, best_i, best) = (
            options[p.option].effects[p.effect].rule.as_str(),
            p.best_i,
            p.best,
        );
        let got = chosen.map(|c| p.points[c]).unwrap_or(0);
        if s.quiet {
            let (e, m) = Default::default();
            s.push(rule, got as f64 / best as f64, best as f64, at, e, m);
            continue;
        }
        let evidence = match chosen {
            Some(c) => Text::new(
                format!("選択: {}", options[c].label.get(Lang::Ja)),
                format!("Chose: {}", options[c].label.get(Lang::En)),
            ),
            None if answered => Text::new("選択肢以外の回答", "Answered outside the options"),
            None => not_answered(),
        };
        let mut message = chosen
            .map(|c| options[c].feedback.clone())
            .filter(|f| !f.is_empty())
            .unwrap_or_default();
        if got < best {
            let b = &options[best_i];
            let add = |base: &str, extra: String| {
                if base.is_empty() {
                    extra
                } else {
                    format!("{base} {extra}")
                }
            };
            message = Text::new(
                add(
                    message.get(Lang::Ja),
                    format!("手順に沿った選択: {}", b.label.get(Lang::Ja)),
                ),
                add(
                    message.get(Lang::En),
                    format!("The procedure's choice: {}", b.label.get(Lang::En)),
                ),
            );
        }
        s.push(
            rule,
            got as f64 / best as f64,
            best as f64,
            at,
            evidence,
            message,
        );
    }
}
