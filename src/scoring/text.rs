//! Texts: a draft announcement or a free-text inquiry answer, scored through the wording
//! checker, one finding per wording rule the text is judged on.

use super::{Scorer, not_answered};
use crate::playbook::{WORDING_PRESENT_RULES, rule};
use crate::scenario::{Audience, Draft, Element, Readers, SimTime};
use crate::text::{Lang, Text};
use crate::wording::Checker;

/// The rules a written inquiry answer is judged on: every present-but-wrong rule, as a
/// public notice is (what a reporter is told is public).
pub(super) const FREE_TEXT_RULES: [&str; 9] = WORDING_PRESENT_RULES;

/// The rules an internal Q&A is judged on: consistency with the ledger (S10).
pub(super) const LEDGER_RULES: [&str; 3] = [
    rule::WORDING_SPECULATION,
    rule::WORDING_UNCONFIRMED_CLAIM,
    rule::WORDING_INCONSISTENT,
];

/// The rules a draft is judged on. A public notice: the elements its stage requires, then
/// every present-but-wrong rule. An executive brief: plain words and a few key points (S3).
/// Prepared Q&A: consistent with the ledger, nothing guessed (S10). Talking points: both.
pub(super) fn draft_rules(x: &Draft) -> Vec<&'static str> {
    // Sized once: the elements' rules and the longest list an audience adds.
    let most = WORDING_PRESENT_RULES.len().max(LEDGER_RULES.len() + 1);
    let mut rules: Vec<&str> = Vec::with_capacity(x.required.len() + most);
    rules.extend(x.required.iter().map(|e| e.rule()));
    match x.audience {
        Audience::Public => rules.extend(WORDING_PRESENT_RULES),
        Audience::Executive => rules.extend([rule::WORDING_JARGON, rule::PROCESS_EXEC_BRIEFING]),
        Audience::QandA => rules.extend(LEDGER_RULES),
        Audience::TalkingPoints => {
            rules.extend(LEDGER_RULES);
            rules.push(rule::WORDING_JARGON);
        }
    }
    rules
}

/// The most key points an executive brief should make.
pub(super) const MAX_KEY_POINTS: usize = 5;

/// The key points of a brief: its bulleted or numbered lines, or else its sentences.
pub(super) fn key_points(text: &str) -> usize {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let bullet = |l: &&&str| {
        l.starts_with(['・', '-', '*', '•', '●', '○', '■', '◆'])
            || l.chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || ('①'..='⑳').contains(&c))
    };
    let bullets = lines.iter().filter(bullet).count();
    if bullets > 0 {
        return bullets;
    }
    text.split(['。', '!', '?', '\n'])
        .flat_map(|s| s.split(". "))
        .filter(|s| s.trim().chars().count() > 1)
        .count()
}

/// `process.exec_briefing` for an executive brief: a few key points, not a report.
pub(super) fn brief(
    s: &mut Scorer<'_>,
    text: Option<&str>,
    per_rule: f64,
    at: (Option<&str>, Option<SimTime>),
) {
    let Some(text) = text else {
        s.push(
            rule::PROCESS_EXEC_BRIEFING,
            0.0,
            per_rule,
            at,
            not_answered(),
            Text::new("説明資料がありません。", "No brief was written."),
        );
        return;
    };
    let n = key_points(text);
    let (fraction, message) = if n <= MAX_KEY_POINTS {
        (
            1.0,
            Text::new(
                format!("要点は{n}つで、経営層が短時間で把握できる分量です。"),
                format!("{n} key points: short enough to take in at once."),
            ),
        )
    } else {
        (
            MAX_KEY_POINTS as f64 / n as f64,
            Text::new(
                format!(
                    "要点が{n}つあります。経営層向けには{MAX_KEY_POINTS}つ程度に絞りましょう。"
                ),
                format!("{n} key points; an executive brief keeps to about {MAX_KEY_POINTS}."),
            ),
        )
    };
    s.push(
        rule::PROCESS_EXEC_BRIEFING,
        fraction,
        per_rule,
        at,
        Text::new(format!("要点{n}つ"), format!("{n} key points")),
        message,
    );
}

/// Scores a text (draft or free-text answer) through the wording checker, one finding per rule.
pub(super) fn score(
    s: &mut Scorer<'_>,
    checker: &Checker,
    text: Option<&str>,
    required: (&[Element], Readers),
    points: f64,
    rules: &[&str],
    at: (Option<&str>, Option<SimTime>),
) {
    let versions: Vec<(Option<Lang>, &str)> = text.map(|t| (None, t)).into_iter().collect();
    let ledger_at = at.1.unwrap_or(s.session.now());
    score_versions(
        s,
        checker,
        &versions,
        Vec::new(),
        required,
        points,
        rules,
        at,
        ledger_at,
    );
}

/// Scores every version of a text (one, or a notice's Japanese and English), with findings
/// found across them (`extra`) counted with their rule: per rule, the worst finding decides.
#[allow(clippy::too_many_arguments)]
pub(super) fn score_versions(
    s: &mut Scorer<'_>,
    checker: &Checker,
    versions: &[(Option<Lang>, &str)],
    extra: Vec<crate::wording::Finding>,
    required: (&[Element], Readers),
    points: f64,
    rules: &[&str],
    at: (Option<&str>, Option<SimTime>),
    ledger_at: SimTime,
) {
    let session = s.session;
    let per_rule = points / rules.len().max(1) as f64;
    if versions.is_empty() {
        let (evidence, message) = if s.quiet {
            Default::default()
        } else {
            (
                not_answered(),
                Text::new(
                    "文面がないため、この点は得られません。",
                    "No text was given, so this cannot be earned.",
                ),
            )
        };
        for rule in rules {
            s.push(rule, 0.0, per_rule, at, evidence.clone(), message.clone());
        }
        return;
    };
    let t = ledger_at;
    let mut found: Vec<(Option<Lang>, crate::wording::Finding)> = Vec::new();
    for (lang, text) in versions {
        let ctx = session.wording_context(required, t, text);
        found.extend(checker.check(text, &ctx).into_iter().map(|f| (*lang, f)));
    }
    found.extend(extra.into_iter().map(|f| (None, f)));
    for rule in rules {
        let mine: Vec<_> = found.iter().filter(|(_, f)| f.rule == *rule).collect();
        let Some((lang, first)) = mine.first().map(|(l, f)| (*l, f)) else {
            let (evidence, message) = if s.quiet {
                Default::default()
            } else {
                (
                    Text::new("問題なし", "No problem found"),
                    Text::new(
                        "この点で問題は見つかりませんでした。",
                        "No problem of this kind was found.",
                    ),
                )
            };
            s.push(rule, 1.0, per_rule, at, evidence, message);
            continue;
        };
        // A rule the text breaks loses its stake: the stake already says how grave the
        // rule is (its severity and weight).
        let fraction = 0.0;
        let more = if mine.len() > 1 {
            format!(" (+{})", mine.len() - 1)
        } else {
            String::new()
        };
        let version = match lang {
            Some(Lang::Ja) => ("日本語版: ", "Japanese version: "),
            Some(Lang::En) => ("英語版: ", "English version: "),
            None => ("", ""),
        };
        let evidence = if first.excerpt.is_empty() {
            Text::new(
                format!("{}該当箇所なし(要素の欠落)", version.0),
                format!("{}Missing from the text", version.1),
            )
        } else {
            Text::new(
                format!("{}「{}」{more}", version.0, first.excerpt),
                format!("{}\"{}\"{more}", version.1, first.excerpt),
            )
        };
        let message = match &first.suggestion {
            Some(sg) => Text::new(
                format!("{} {}", first.message.get(Lang::Ja), sg.get(Lang::Ja)),
                format!("{} {}", first.message.get(Lang::En), sg.get(Lang::En)),
            ),
            None => first.message.clone(),
        };
        // A span points into one text; across two versions it would mislead.
        let span = if versions.len() > 1 { None } else { first.span };
        s.push_span(rule, fraction, per_rule, at, evidence, span, message);
    }
}
