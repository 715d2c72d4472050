//! One home per rule: `tests/fixtures/rules/RULE.ron` holds the cases of one rule, texts for
//! the wording checker (input → the exact rules it raises) and drills on `drill.ron` (answers
//! → the share of the rule's points earned), so each rule is tested on its own and a failure
//! names the rule and the case.

use crate::fixture;
use pressroom::prelude::*;
use pressroom::scenario::Element;
use pressroom::wording::Context;
use serde::Deserialize;
use std::collections::BTreeSet;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleCases {
    /// The rule the file is the home of; `None` for cases no single rule owns.
    #[serde(default)]
    rule: Option<String>,
    #[serde(default)]
    texts: Vec<TextCase>,
    #[serde(default)]
    drills: Vec<DrillCase>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextCase {
    #[serde(default)]
    text: Option<String>,
    /// A text file under `tests/fixtures/` instead of `text`.
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    required: Vec<Element>,
    raises: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
enum Earns {
    Full,
    Part,
    Nothing,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DrillCase {
    name: String,
    earns: Earns,
    /// Actions that replace the baseline's for the same decisions.
    #[serde(default)]
    change: Vec<Action>,
    /// Decisions left unanswered.
    #[serde(default)]
    drop: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Action {
    at: String,
    decision: String,
    answer: Answer,
}

/// RON as Pressroom reads it: `rule: "x"` for an optional field.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

fn all_cases() -> Vec<(String, RuleCases)> {
    let dir = fixture("rules");
    let mut out: Vec<(String, RuleCases)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".ron") && name != "drill.ron" && name != "baseline.ron"
        })
        .map(|p| {
            let src = std::fs::read_to_string(&p).unwrap();
            let cases: RuleCases = ron_options()
                .from_str(&src)
                .unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.file_name().unwrap().to_string_lossy().to_string(), cases)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_contract_rule_has_a_home_with_a_case_that_earns_and_one_that_loses_it() {
    let cases = all_cases();
    for (file, c) in &cases {
        if let Some(rule) = &c.rule {
            assert_eq!(
                file,
                &format!("{rule}.ron"),
                "a rule's cases live in a file named after it"
            );
        }
    }
    for rule in pressroom::playbook::RULES {
        let Some((_, c)) = cases.iter().find(|(_, c)| c.rule.as_deref() == Some(rule)) else {
            panic!("{rule} has no file of cases in tests/fixtures/rules/");
        };
        let fires = c.texts.iter().any(|t| t.raises.iter().any(|r| r == rule))
            || c.drills.iter().any(|d| d.earns != Earns::Full);
        let silent = c.texts.iter().any(|t| !t.raises.iter().any(|r| r == rule))
            || c.drills.iter().any(|d| d.earns == Earns::Full);
        assert!(
            fires && silent,
            "{rule}: needs a case that loses it and one that earns it"
        );
    }
}

#[test]
fn every_text_case_raises_exactly_its_rules() {
    let playbook = Playbook::default_playbook();
    let checker = Checker::new(&playbook);
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, c) in all_cases() {
        for case in &c.texts {
            count += 1;
            let text = match (&case.text, &case.file) {
                (Some(t), _) => t.clone(),
                (None, Some(f)) => std::fs::read_to_string(fixture(f)).unwrap(),
                (None, None) => panic!("{file}: a case needs `text` or `file`"),
            };
            let ctx = Context {
                required: case.required.clone(),
                ..Context::default()
            };
            let got = checker.check(&text, &ctx);
            let rules: BTreeSet<String> = got.iter().map(|f| f.rule.clone()).collect();
            let want: BTreeSet<String> = case.raises.iter().cloned().collect();
            if rules != want {
                let shown: Vec<String> = got
                    .iter()
                    .map(|f| format!("{} 「{}」", f.rule, f.excerpt))
                    .collect();
                failures.push(format!(
                    "{file}: {}\n    want {want:?}\n    got  {shown:?}",
                    text.lines().next().unwrap_or("")
                ));
            }
            for f in &got {
                assert!(!f.sections.is_empty(), "{file}: a finding cites no section");
                assert!(f.message.has(Lang::Ja) && f.message.has(Lang::En));
                let Some(span) = f.span else { continue };
                let excerpt: String = text
                    .chars()
                    .skip(span.start)
                    .take(span.end - span.start)
                    .collect();
                assert_eq!(excerpt, f.excerpt, "{file}: the span points at its words");
            }
        }
    }
    assert!(count >= 100, "only {count} text cases");
    assert!(
        failures.is_empty(),
        "{} of {count} text cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_drill_case_earns_what_it_says() {
    let playbook = Playbook::default_playbook();
    let checker = Checker::new(&playbook);
    let scenario = Scenario::load(&fixture("rules/drill.ron"), &playbook)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .scenario;
    let baseline: Vec<Action> = {
        #[derive(Deserialize)]
        #[serde(rename = "Answers")]
        struct File {
            actions: Vec<Action>,
        }
        let src = std::fs::read_to_string(fixture("rules/baseline.ron")).unwrap();
        let file: File = ron_options().from_str(&src).unwrap();
        file.actions
    };
    let mut failures = Vec::new();
    for (file, c) in all_cases() {
        let Some(rule) = &c.rule else { continue };
        for case in &c.drills {
            let mut actions: Vec<Action> = baseline
                .iter()
                .filter(|a| {
                    !case.drop.contains(&a.decision)
                        && !case.change.iter().any(|x| x.decision == a.decision)
                })
                .cloned()
                .collect();
            actions.extend(case.change.iter().cloned());
            let minutes = |a: &Action| {
                pressroom::scenario::time::parse_moment(&a.at, scenario.start).unwrap()
            };
            actions.sort_by_key(minutes);
            let text = format!(
                "Answers(format: 1, scenario: \"rules\", actions: [{}])",
                actions
                    .iter()
                    .map(|a| format!(
                        "(at: \"{}\", decision: \"{}\", answer: {})",
                        a.at,
                        a.decision,
                        ron::to_string(&a.answer).unwrap()
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            let answers = answers::parse(&text, &scenario)
                .unwrap_or_else(|d| panic!("{file} / {}: {d:?}", case.name));
            let out = replay::play(&scenario, &playbook, &checker, &answers, 1)
                .unwrap_or_else(|d| panic!("{file} / {}: {d:?}", case.name));
            let (points, max) = out
                .score
                .findings
                .iter()
                .filter(|f| &f.rule == rule)
                .fold((0.0, 0.0), |(p, m), f| (p + f.points, m + f.max));
            let got = match (max > 0.0).then(|| points / max) {
                None => None,
                Some(s) if s >= 0.999 => Some(Earns::Full),
                Some(s) if s <= 0.001 => Some(Earns::Nothing),
                Some(_) => Some(Earns::Part),
            };
            if got != Some(case.earns) {
                failures.push(format!(
                    "{file} / {}: want {:?}, got {got:?} ({points:.1} of {max:.1})",
                    case.name, case.earns
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
