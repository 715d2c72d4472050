//! Roles: each role's holder meets its needs (department, authority, reachability), and every
//! required role has exactly one owner.

use super::{Scorer, not_answered};
use crate::playbook::rule;
use crate::scenario::{PersonRef, Roles, SimTime};
use crate::session::Answer;
use crate::text::{Lang, Text};
use std::collections::BTreeMap;

pub(super) fn person_label(s: &Scorer<'_>, p: PersonRef) -> Text {
    let person = s.session.scenario.person(p);
    Text::new(
        format!(
            "{} ({})",
            person.name.get(Lang::Ja),
            person.department.label().get(Lang::Ja)
        ),
        format!(
            "{} ({})",
            person.name.get(Lang::En),
            person.department.label().get(Lang::En)
        ),
    )
}

/// The rules a roles decision scores: each role's own rule, then one clear owner per role,
/// with the points at stake before weighting.
pub(super) fn rules(r: &Roles) -> Vec<(&str, u32)> {
    let mut out: Vec<(&str, u32)> = r
        .roles
        .iter()
        .map(|role| (role.rule.as_str(), role.points))
        .collect();
    out.push((rule::ROLES_CLEAR_ASSIGNMENT, clear_points(r)));
    out
}

/// Points for `roles.clear_assignment`: the weightiest role's.
fn clear_points(r: &Roles) -> u32 {
    r.roles.iter().map(|x| x.points).max().unwrap_or(10)
}

/// Scores who holds which role, and whether each required role has one owner.
pub(super) fn score(
    s: &mut Scorer<'_>,
    r: &Roles,
    answer: Option<&Answer>,
    at: Option<SimTime>,
    id: Option<&str>,
) {
    let scenario = &*s.session.scenario;
    let assigned: BTreeMap<&str, PersonRef> = match answer {
        Some(Answer::Roles(map)) => map
            .iter()
            .filter_map(|(role, person)| {
                scenario
                    .cast
                    .iter()
                    .position(|p| &p.id == person)
                    .map(|i| (role.as_str(), PersonRef(i)))
            })
            .collect(),
        _ => BTreeMap::new(),
    };
    let t = at.unwrap_or(SimTime::START);
    let mut problems: Vec<Text> = Vec::new();
    for role in &r.roles {
        let (fraction, evidence, message) = match assigned.get(role.id.as_str()) {
            None => {
                problems.push(Text::new(
                    format!("「{}」が空いています", role.name.get(Lang::Ja)),
                    format!("nobody holds \"{}\"", role.name.get(Lang::En)),
                ));
                (
                    0.0,
                    Text::new(
                        format!("{}: 担当者なし", role.name.get(Lang::Ja)),
                        format!("{}: nobody", role.name.get(Lang::En)),
                    ),
                    Text::new(
                        "この役割に担当者がいません。",
                        "Nobody was given this role.",
                    ),
                )
            }
            Some(&p) => {
                let who = person_label(s, p);
                let evidence = Text::new(
                    format!("{}: {}", role.name.get(Lang::Ja), who.get(Lang::Ja)),
                    format!("{}: {}", role.name.get(Lang::En), who.get(Lang::En)),
                );
                match s.session.role_unmet(role, p, t) {
                    Some(why) => (0.0, evidence, why),
                    None => (
                        1.0,
                        evidence,
                        Text::new("条件を満たしています。", "Meets the role's requirements."),
                    ),
                }
            }
        };
        s.push(
            &role.rule,
            fraction,
            role.points as f64,
            (id, at),
            evidence,
            message,
        );
    }
    if !r.allow_doubling {
        let mut holders: BTreeMap<PersonRef, Vec<&str>> = BTreeMap::new();
        for (role, p) in &assigned {
            holders.entry(*p).or_default().push(role);
        }
        for (p, roles) in holders.iter().filter(|(_, v)| v.len() > 1) {
            let who = person_label(s, *p);
            problems.push(Text::new(
                format!(
                    "{} が{}つの役割を兼ねています",
                    who.get(Lang::Ja),
                    roles.len()
                ),
                format!("{} holds {} roles", who.get(Lang::En), roles.len()),
            ));
        }
    }
    let points = clear_points(r) as f64;
    let (fraction, message) = if answer.is_none() {
        (
            0.0,
            Text::new("役割を決めていません。", "No roles were assigned."),
        )
    } else if problems.is_empty() {
        (
            1.0,
            Text::new(
                "必要な役割にそれぞれ一人の担当者がいます。",
                "Every required role has exactly one owner.",
            ),
        )
    } else {
        (
            0.0,
            Text::new(
                problems
                    .iter()
                    .map(|p| p.get(Lang::Ja).to_string())
                    .collect::<Vec<_>>()
                    .join("、"),
                problems
                    .iter()
                    .map(|p| p.get(Lang::En).to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        )
    };
    let evidence = if answer.is_some() {
        Text::new(
            format!("{}役割を割り当て", assigned.len()),
            format!("{} roles assigned", assigned.len()),
        )
    } else {
        not_answered()
    };
    s.push(
        rule::ROLES_CLEAR_ASSIGNMENT,
        fraction,
        points,
        (id, at),
        evidence,
        message,
    );
}
