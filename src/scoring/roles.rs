//! Roles: each role's holder meets its needs (department, authority, reachability), and every
//! required role has exactly one owner.

use super::{Scorer, not_answered, say};
use crate::playbook::rule;
use crate::scenario::{PersonRef, Roles, SimTime};
use crate::session::Answer;
use crate::text::{Lang, Text};

/// "Name (department)" in both languages.
pub(super) fn person_label(session: &crate::session::Session, p: PersonRef) -> Text {
    let person = session.scenario.person(p);
    Text::new(
        format!(
            "{} ({})",
            person.name.get(Lang::Ja),
            person.department_label.get(Lang::Ja)
        ),
        format!(
            "{} ({})",
            person.name.get(Lang::En),
            person.department_label.get(Lang::En)
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

/// Points for `roles.clear_assignment`: the scenario's, or the weightiest role's.
fn clear_points(r: &Roles) -> u32 {
    r.clear_points
        .unwrap_or_else(|| r.roles.iter().map(|x| x.points).max().unwrap_or(10))
}

/// Scores who holds which role, and whether each required role has one owner.
pub(super) fn score(
    s: &mut Scorer<'_>,
    r: &Roles,
    answer: Option<&Answer>,
    at: Option<SimTime>,
    id: Option<&str>,
) {
    let q = s.quiet;
    let scenario = &*s.session.scenario;
    // Who holds each role named, in the order of the roles' IDs (the answer's order).
    let assigned: Vec<(&str, PersonRef)> = match answer {
        Some(Answer::Roles(map)) => map
            .iter()
            .filter_map(|(role, person)| {
                scenario
                    .cast
                    .iter()
                    .position(|p| crate::playbook::index::same(&p.id, person))
                    .map(|i| (role.as_str(), PersonRef(i)))
            })
            .collect(),
        _ => Vec::new(),
    };
    let holder = |role: &str| assigned.iter().find_map(|(r, p)| (*r == role).then_some(p));
    let nobody: Vec<&str> = match answer {
        Some(Answer::Roles(map)) => map
            .iter()
            .filter(|(_, p)| p.is_empty())
            .map(|(r, _)| r.as_str())
            .collect(),
        _ => Vec::new(),
    };
    let t = at.unwrap_or(SimTime::START);
    let mut problems: Vec<Text> = Vec::new();
    for role in &r.roles {
        let (fraction, evidence, message) = match holder(role.id.as_str()) {
            None if nobody.contains(&role.id.as_str()) => {
                problems.push(say(q, || {
                    Text::new(
                        format!("「{}」を空けました", role.name.get(Lang::Ja)),
                        format!("\"{}\" was left empty", role.name.get(Lang::En)),
                    )
                }));
                (
                    0.0,
                    say(q, || {
                        Text::new(
                            format!("{}: 担当者なし(明示)", role.name.get(Lang::Ja)),
                            format!(
                                "{}: nobody (left empty on purpose)",
                                role.name.get(Lang::En)
                            ),
                        )
                    }),
                    say(q, || {
                        Text::new(
                            "この役割を誰にも任せないと決めました。",
                            "The team chose to leave this role with nobody.",
                        )
                    }),
                )
            }
            None => {
                problems.push(say(q, || {
                    Text::new(
                        format!("「{}」が空いています", role.name.get(Lang::Ja)),
                        format!("nobody holds \"{}\"", role.name.get(Lang::En)),
                    )
                }));
                (
                    0.0,
                    say(q, || {
                        Text::new(
                            format!("{}: 担当者なし", role.name.get(Lang::Ja)),
                            format!("{}: nobody", role.name.get(Lang::En)),
                        )
                    }),
                    say(q, || {
                        Text::new(
                            "この役割に担当者がいません。",
                            "Nobody was given this role.",
                        )
                    }),
                )
            }
            Some(&p) if s.quiet => {
                let met = s.session.role_unmet_reason(role, p, t).is_none();
                (f64::from(u8::from(met)), Text::default(), Text::default())
            }
            Some(&p) => {
                let who = person_label(s.session, p);
                let evidence = say(q, || {
                    Text::new(
                        format!("{}: {}", role.name.get(Lang::Ja), who.get(Lang::Ja)),
                        format!("{}: {}", role.name.get(Lang::En), who.get(Lang::En)),
                    )
                });
                match s.session.role_unmet(role, p, t) {
                    Some(why) => (0.0, evidence, why),
                    None => (
                        1.0,
                        evidence,
                        say(q, || {
                            Text::new("条件を満たしています。", "Meets the role's requirements.")
                        }),
                    ),
                }
            }
        };
        let message = if fraction < 1.0 && !s.quiet && !role.feedback.is_empty() {
            say(q, || {
                Text::new(
                    format!("{} {}", message.get(Lang::Ja), role.feedback.get(Lang::Ja)),
                    format!("{} {}", message.get(Lang::En), role.feedback.get(Lang::En)),
                )
            })
        } else {
            message
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
    if let Some(max) = r.max_per_person {
        // How many roles each person holds, by person.
        let mut people: Vec<PersonRef> = assigned.iter().map(|(_, p)| *p).collect();
        people.sort_unstable();
        let mut holders: Vec<(PersonRef, usize)> = Vec::new();
        for p in people {
            match holders.last_mut() {
                Some((q, n)) if *q == p => *n += 1,
                _ => holders.push((p, 1)),
            }
        }
        for (p, held) in holders.iter().filter(|(_, n)| *n > max as usize) {
            let who = say(q, || person_label(s.session, *p));
            let (ja, en) = if q || max == 1 {
                (String::new(), String::new())
            } else {
                (
                    format!("(一人{max}つまで)"),
                    format!(" (at most {max} each)"),
                )
            };
            problems.push(say(q, || {
                Text::new(
                    format!("{} が{}つの役割を兼ねています{ja}", who.get(Lang::Ja), held),
                    format!("{} holds {held} roles{en}", who.get(Lang::En)),
                )
            }));
        }
    }
    for &(a, b) in &r.not_together {
        let (ra, rb) = (&r.roles[a], &r.roles[b]);
        if let (Some(pa), Some(pb)) = (holder(ra.id.as_str()), holder(rb.id.as_str()))
            && pa == pb
        {
            let who = say(q, || person_label(s.session, *pa));
            problems.push(say(q, || {
                Text::new(
                    format!(
                        "{} が「{}」と「{}」を兼ねています(同じ人が持てない組み合わせです)",
                        who.get(Lang::Ja),
                        ra.name.get(Lang::Ja),
                        rb.name.get(Lang::Ja)
                    ),
                    format!(
                        "{} holds both \"{}\" and \"{}\", which one person may not hold together",
                        who.get(Lang::En),
                        ra.name.get(Lang::En),
                        rb.name.get(Lang::En)
                    ),
                )
            }));
        }
    }
    let points = clear_points(r) as f64;
    let (fraction, message) = if answer.is_none() {
        (
            0.0,
            say(q, || {
                Text::new("役割を決めていません。", "No roles were assigned.")
            }),
        )
    } else if problems.is_empty() {
        (
            1.0,
            say(q, || {
                Text::new(
                    "必要な役割にそれぞれ一人の担当者がいます。",
                    "Every required role has exactly one owner.",
                )
            }),
        )
    } else {
        (
            0.0,
            say(q, || {
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
                )
            }),
        )
    };
    let evidence = if answer.is_some() {
        say(q, || {
            Text::new(
                format!("{}役割を割り当て", assigned.len()),
                format!("{} roles assigned", assigned.len()),
            )
        })
    } else {
        say(q, not_answered)
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
