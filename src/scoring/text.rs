//! Texts: a draft announcement or a free-text inquiry answer, scored through the wording
//! checker, one finding per wording rule the text is judged on.

use super::{Scorer, not_answered};
use crate::playbook::{Severity, WORDING_PRESENT_RULES, rule};
use crate::scenario::{Draft, Element, SimTime};
use crate::text::{Lang, Text};
use crate::wording::Checker;

/// The rules a free-text inquiry answer is judged on.
pub(super) const FREE_TEXT_RULES: [&str; 3] = [
    rule::WORDING_SPECULATION,
    rule::WORDING_UNCONFIRMED_CLAIM,
    rule::WORDING_INCONSISTENT,
];

/// The rules a draft is judged on: the elements its stage requires, then every
/// present-but-wrong rule.
pub(super) fn draft_rules(x: &Draft) -> Vec<&'static str> {
    let mut rules: Vec<&str> = x.required.iter().map(|e| e.rule()).collect();
    rules.extend(WORDING_PRESENT_RULES);
    rules
}

/// Scores a text (draft or free-text answer) through the wording checker, one finding per rule.
pub(super) fn score(
    s: &mut Scorer<'_>,
    checker: &Checker,
    text: Option<&str>,
    required: &[Element],
    points: f64,
    rules: &[&str],
    at: (Option<&str>, Option<SimTime>),
) {
    let session = s.session;
    let per_rule = points / rules.len().max(1) as f64;
    let Some(text) = text else {
        for rule in rules {
            s.push(
                rule,
                0.0,
                per_rule,
                at,
                not_answered(),
                Text::new(
                    "文面がないため、この点は得られません。",
                    "No text was given, so this cannot be earned.",
                ),
            );
        }
        return;
    };
    let t = at.1.unwrap_or(session.now());
    let ctx = session.wording_context(required, t, text);
    let found = checker.check(text, &ctx);
    for rule in rules {
        let mine: Vec<_> = found.iter().filter(|f| f.rule == *rule).collect();
        let Some(first) = mine.first() else {
            s.push(
                rule,
                1.0,
                per_rule,
                at,
                Text::new("問題なし", "No problem found"),
                Text::new(
                    "この点で問題は見つかりませんでした。",
                    "No problem of this kind was found.",
                ),
            );
            continue;
        };
        let worst = mine.iter().map(|f| f.severity).max().expect("non-empty");
        let fraction = match worst {
            Severity::Error => 0.0,
            Severity::Warning => 0.5,
            Severity::Info => 0.8,
        };
        let more = if mine.len() > 1 {
            format!(" (+{})", mine.len() - 1)
        } else {
            String::new()
        };
        let evidence = if first.excerpt.is_empty() {
            Text::new("該当箇所なし(要素の欠落)", "Missing from the text")
        } else {
            Text::new(
                format!("「{}」{more}", first.excerpt),
                format!("\"{}\"{more}", first.excerpt),
            )
        };
        let message = match &first.suggestion {
            Some(sg) => Text::new(
                format!("{} {}", first.message.get(Lang::Ja), sg.get(Lang::Ja)),
                format!("{} {}", first.message.get(Lang::En), sg.get(Lang::En)),
            ),
            None => first.message.clone(),
        };
        s.push_span(rule, fraction, per_rule, at, evidence, first.span, message);
    }
}
