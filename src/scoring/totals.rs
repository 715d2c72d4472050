//! Totals: what each rule costs, once per unit (the drill, or a stage), the area scores and
//! caps, the overall score, the grade, the ratings and the rules that earned or lost most.
//!
//! The model: a drill starts at 100. Each rule is judged once per unit by its worst finding;
//! what that finding lost (a share of 0–1) times the rule's stake (its severity's cost times
//! its weight) comes off. An area takes off at most its cap. Nothing is averaged, so one
//! leaked name costs the same however many other rules were checked.

use super::{AreaScore, Finding, Rating, Score, grade, round1};
use crate::playbook::{Area, Rule, Severity};
use crate::scenario::{Audience, Decision, DecisionKind, Stage};
use std::collections::BTreeMap;

/// What a rule of each severity puts at stake at weight 1.0. An error is what the
/// procedure forbids outright and costs more than 20, so one puts a drill in C; a warning
/// is what it asks for, and a few of them still leave an A or a B.
pub fn severity_cost(severity: Severity) -> f64 {
    match severity {
        Severity::Error => 24.0,
        Severity::Warning => 4.0,
        Severity::Info => 1.5,
    }
}

/// What a rule puts at stake: its severity's cost times its weight.
pub fn stake(rule: &Rule) -> f64 {
    severity_cost(rule.severity) * rule.weight
}

/// The most an area can take off the total: how the procedure weighs the areas. When to
/// publish (S11, S1.1) and what the text says (S4–S8) weigh most and can each take half the
/// 100; who does what (S1.3, S9) next; the working habits around them (S1.2, S3, S10)
/// least. A cap bounds one area's failure without flattening it: two errors in one area
/// still cost more than one, since every area with an error rule can take more than 24.
pub fn area_cap(area: Area) -> f64 {
    match area {
        Area::Timing => 50.0,
        Area::Wording => 50.0,
        Area::Roles => 35.0,
        Area::Process => 25.0,
    }
}

/// Points an area may lose and still rate S: about two warnings.
pub const MAJOR_LOSS: f64 = 12.0;

/// Where a rule counts once: the drill, or one stage of disclosure (its publication and its
/// public notice), or one internal document of a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Choices, roles, inquiries and the drill-wide rules.
    Drill,
    /// A stage: its timing decision and public notice.
    Stage(Stage),
    /// An internal document of a stage (brief, Q&A, talking points).
    Internal(Stage, Audience),
}

impl Unit {
    /// The unit as one small number, for [`Loss`] keys: 0 the drill, 1–3 a stage, 4–15 an
    /// internal text of a stage.
    fn code(self) -> u64 {
        match self {
            Unit::Drill => 0,
            Unit::Stage(s) => 1 + s as u64,
            Unit::Internal(s, a) => 4 + 4 * s as u64 + a as u64,
        }
    }

    /// The unit a decision's findings count in.
    pub fn of(d: &Decision) -> Unit {
        match &d.kind {
            DecisionKind::Timing(t) => Unit::Stage(t.stage),
            DecisionKind::Draft(x) if x.audience == Audience::Public => Unit::Stage(x.stage),
            DecisionKind::Draft(x) => Unit::Internal(x.stage, x.audience),
            _ => Unit::Drill,
        }
    }
}

/// Rounds the findings and marks the one each rule counts by per unit: its worst (the first
/// of equals).
pub(super) fn mark_counted(findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        f.points = round1(f.points);
        f.max = round1(f.max);
    }
    let key = |f: &Finding| (f.rule_index, f.unit);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| (key(&findings[i]), i));
    let mut k = 0;
    while k < order.len() {
        let group = key(&findings[order[k]]);
        let mut worst = order[k];
        let mut j = k + 1;
        while j < order.len() && key(&findings[order[j]]) == group {
            if findings[order[j]].lost() > findings[worst].lost() {
                worst = order[j];
            }
            j += 1;
        }
        findings[worst].counted = true;
        k = j;
    }
}

/// What one finding lost, for the total: its rule (by place) and unit, its area, and the
/// points it lost after rounding. A quiet run keeps only these.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Loss {
    /// The area's place (top bits), the rule's place and the unit's code: sorted, the
    /// losses of an area come together, by rule and unit as before.
    key: u64,
    lost: f64,
}

impl Loss {
    /// What a finding of the rule at `rule_index`, in `unit` and `area`, lost.
    pub(crate) fn new(rule_index: usize, unit: Unit, area: Area, lost: f64) -> Loss {
        let area = Area::ALL
            .iter()
            .position(|x| *x == area)
            .unwrap_or_default() as u64;
        Loss {
            key: area << 56 | ((rule_index as u64) & 0xff_ffff_ffff) << 8 | unit.code(),
            lost,
        }
    }

    /// The area's place in [`Area::ALL`].
    fn area(self) -> usize {
        (self.key >> 56) as usize
    }
}

/// The total from what each finding lost: per rule and unit the worst counts; each area
/// takes off at most its cap; never below 0. The one sum [`total_of`] and the quiet total
/// both make, in the same order, so they cannot differ.
///
/// `scored` says whether any rule was scored: a drill that scored nothing has no total to
/// give (0), and a quiet run keeps only the losses that are not 0.
pub(super) fn total_of_losses(mut losses: Vec<Loss>, scored: bool) -> f64 {
    if !scored {
        return 0.0;
    }
    // Equal keys are one group whose worst counts, in any order.
    losses.sort_unstable_by_key(|l| l.key);
    let mut lost = [0.0f64; Area::ALL.len()];
    let mut k = 0;
    while k < losses.len() {
        let key = losses[k].key;
        let mut worst = losses[k];
        k += 1;
        while k < losses.len() && losses[k].key == key {
            if losses[k].lost > worst.lost {
                worst = losses[k];
            }
            k += 1;
        }
        lost[worst.area()] += worst.lost;
    }
    let deducted: f64 = Area::ALL
        .iter()
        .zip(lost)
        .map(|(a, l)| l.min(area_cap(*a)))
        .sum();
    round1((100.0 - deducted).max(0.0))
}

/// What one area lost over its counted findings, if the drill scored it at all.
fn area_lost(findings: &[Finding], area: Area) -> Option<f64> {
    let mut any = false;
    let mut lost = 0.0;
    for f in findings.iter().filter(|f| f.area == area) {
        any = true;
        if f.counted {
            lost += f.lost();
        }
    }
    any.then_some(lost)
}

/// The total: 100 less what each area lost, each at most its cap, never below 0.
pub(super) fn total_of(findings: &[Finding]) -> f64 {
    total_of_losses(
        findings
            .iter()
            .map(|f| Loss::new(f.rule_index, f.unit, f.area, f.lost()))
            .collect(),
        !findings.is_empty(),
    )
}

/// Rounds the findings, marks the one each rule counts by per unit, and adds up what each
/// area lost, the total, the grade and the ratings.
pub(super) fn finish(mut findings: Vec<Finding>) -> Score {
    mark_counted(&mut findings);
    let mut areas = BTreeMap::new();
    for area in Area::ALL {
        let Some(lost) = area_lost(&findings, area) else {
            continue;
        };
        let cap = area_cap(area);
        let deducted = lost.min(cap);
        let (rating, rating_rules) = rate(&findings, area, lost, cap);
        areas.insert(
            area.key(),
            AreaScore {
                lost: round1(lost),
                cap,
                deducted: round1(deducted),
                score: round1((100.0 - lost).max(0.0)),
                rating,
                rating_rules,
            },
        );
    }
    let total = total_of(&findings);
    // Per rule: points and maximum over its counted findings.
    let mut by_rule: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for f in findings.iter().filter(|f| f.counted) {
        let e = by_rule.entry(&f.rule).or_default();
        e.0 += f.points;
        e.1 += f.max;
    }
    let mut strengths: Vec<(&str, f64)> = by_rule
        .iter()
        .filter(|(_, (p, m))| p >= m)
        .map(|(r, (_, m))| (*r, *m))
        .collect();
    strengths.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let mut improvements: Vec<(&str, f64)> = by_rule
        .iter()
        .filter(|(_, (p, m))| p < m)
        .map(|(r, (p, m))| (*r, m - p))
        .collect();
    improvements.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let mut broken: Vec<String> = findings
        .iter()
        .filter(|f| f.counted && f.severity == Severity::Error && f.points < f.max)
        .map(|f| f.rule.clone())
        .collect();
    broken.sort();
    broken.dedup();
    Score {
        total,
        grade: grade(total),
        broken,
        areas,
        strengths: strengths
            .into_iter()
            .take(3)
            .map(|(r, _)| r.to_string())
            .collect(),
        improvements: improvements
            .into_iter()
            .take(3)
            .map(|(r, _)| r.to_string())
            .collect(),
        findings,
    }
}

/// An area's HSEEP-style rating and the rules behind it (the gravest first), from its
/// counted findings: which severities lost, and how much.
fn rate(findings: &[Finding], area: Area, lost_total: f64, cap: f64) -> (Rating, Vec<String>) {
    let mut lost: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.area == area && f.counted && f.points < f.max)
        .collect();
    lost.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(b.lost().total_cmp(&a.lost()))
            .then(a.rule.cmp(&b.rule))
    });
    let mut rules: Vec<String> = Vec::new();
    for f in &lost {
        if !rules.contains(&f.rule) {
            rules.push(f.rule.clone());
        }
    }
    let errors = lost.iter().filter(|f| f.severity == Severity::Error);
    let error_lost = errors.clone().next().is_some();
    let errors_broken = errors.filter(|f| f.points <= f.max / 2.0).count();
    let rating = if lost.is_empty() {
        Rating::P
    } else if errors_broken >= 2
        || (error_lost && lost_total >= cap && rules.len() >= 2)
        || lost_total >= 1.5 * cap
    {
        Rating::U
    } else if error_lost || lost_total >= MAJOR_LOSS {
        Rating::M
    } else {
        Rating::S
    };
    (rating, rules)
}
