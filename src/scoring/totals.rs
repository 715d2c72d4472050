//! Totals: area scores, the overall score, the grade and the rules that earned or lost most.

use super::{AreaScore, Finding, Rating, Score, grade, round1};
use crate::playbook::{Area, Severity};
use std::collections::BTreeMap;

/// Rounds the findings and adds them up per area, per rule and overall.
pub(super) fn finish(mut findings: Vec<Finding>) -> Score {
    for f in &mut findings {
        f.points = round1(f.points);
        f.max = round1(f.max);
    }
    let sum = |it: &mut dyn Iterator<Item = &Finding>| {
        it.fold((0.0, 0.0), |(p, m), f| (p + f.points, m + f.max))
    };
    let mut areas = BTreeMap::new();
    let mut area_scores = Vec::new();
    for area in Area::ALL {
        let (ap, am) = sum(&mut findings.iter().filter(|f| f.area == area));
        if am > 0.0 {
            area_scores.push(100.0 * ap / am);
            let (rating, rating_rules) = rate(&findings, area, 100.0 * ap / am);
            areas.insert(
                area.key(),
                AreaScore {
                    points: round1(ap),
                    max: round1(am),
                    score: round1(100.0 * ap / am),
                    rating,
                    rating_rules,
                },
            );
        }
    }
    let total = if area_scores.is_empty() {
        0.0
    } else {
        round1(area_scores.iter().sum::<f64>() / area_scores.len() as f64)
    };
    // Per rule: points and maximum over all its findings.
    let mut by_rule: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for f in &findings {
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
        .filter(|f| f.severity == Severity::Error && f.points == 0.0)
        .map(|f| f.rule.clone())
        .collect();
    broken.sort();
    broken.dedup();
    Score {
        total,
        grade: grade(total, !broken.is_empty()),
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

/// An area's HSEEP-style rating and the rules behind it, from its findings: what was lost
/// and how grave the rule is, with the area's share earned as a floor.
fn rate(findings: &[Finding], area: Area, score: f64) -> (Rating, Vec<String>) {
    let mut lost: Vec<(&Finding, f64)> = findings
        .iter()
        .filter(|f| f.area == area && f.points < f.max)
        .map(|f| (f, f.max - f.points))
        .collect();
    // The gravest first: errors before warnings, then by points lost.
    lost.sort_by(|a, b| {
        b.0.severity
            .cmp(&a.0.severity)
            .then(b.1.total_cmp(&a.1))
            .then(a.0.rule.cmp(&b.0.rule))
    });
    let mut rules: Vec<String> = Vec::new();
    for (f, _) in &lost {
        if !rules.contains(&f.rule) {
            rules.push(f.rule.clone());
        }
    }
    let error_lost = lost.iter().any(|(f, _)| f.severity == Severity::Error);
    let error_nothing = lost
        .iter()
        .any(|(f, _)| f.severity == Severity::Error && f.points == 0.0);
    let rating = if lost.is_empty() {
        Rating::P
    } else if score < 40.0 || (error_nothing && score < 50.0) {
        Rating::U
    } else if error_lost || score < 75.0 {
        Rating::M
    } else {
        Rating::S
    };
    (rating, rules)
}
