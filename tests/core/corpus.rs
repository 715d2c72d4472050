//! The wording checker on a labelled corpus of notices and excerpts in both languages
//! (tests/fixtures/wording/corpus-*.ron): recall and false alarms per rule and language,
//! against the goals of recall ≥ 0.9 and false alarms ≤ 0.05 wherever a rule has at least
//! five cases. The table is printed with `--nocapture`.

use crate::fixture;
use pressroom::Playbook;
use pressroom::playbook::rule;
use pressroom::scenario::{Element, Fact, FactStatus, Readers, Sensitivity};
use pressroom::text::Text;
use pressroom::wording::{Checker, Context, Value};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    organisation: String,
    required: Vec<Element>,
    #[serde(default)]
    readers: Option<Readers>,
    #[serde(default)]
    facts: Vec<FactItem>,
    #[serde(default)]
    published: Vec<String>,
    must: Vec<String>,
    #[serde(default)]
    unsure: Vec<String>,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactItem {
    text: String,
    keywords: Vec<String>,
    status: FactStatus,
    #[serde(default)]
    count: Option<u64>,
    #[serde(default)]
    superseded: Vec<u64>,
}

/// The rules that judge text present in it, whatever the context.
const SPAN_RULES: [&str; 7] = [
    rule::WORDING_SPECULATION,
    rule::WORDING_JARGON,
    rule::WORDING_PERSONAL_DATA,
    rule::WORDING_INTERNAL_DETAIL,
    rule::WORDING_BLAME,
    rule::WORDING_OVERPROMISE,
    rule::WORDING_VAGUE,
];

fn load(lang: &str) -> Vec<Item> {
    let path = fixture(&format!("wording/corpus-{lang}.ron"));
    let src = std::fs::read_to_string(&path).unwrap();
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(&src)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Where a rule can fire on this item: the span rules always, the elements it requires,
/// and the ledger rules where it has facts or earlier notices.
fn applicable(item: &Item) -> BTreeSet<String> {
    let mut out: BTreeSet<String> = SPAN_RULES.iter().map(|r| r.to_string()).collect();
    out.extend(item.required.iter().map(|e| e.rule().to_string()));
    if !item.facts.is_empty() || !item.published.is_empty() {
        out.insert(rule::WORDING_UNCONFIRMED_CLAIM.into());
        out.insert(rule::WORDING_INCONSISTENT.into());
    }
    out
}

#[derive(Default)]
struct Tally {
    positives: usize,
    found: usize,
    negatives: usize,
    false_alarms: usize,
    misses: Vec<String>,
    alarms: Vec<String>,
}

#[test]
fn the_checker_meets_its_recall_and_false_alarm_goals_on_the_labelled_corpus() {
    let checker = Checker::new(&Playbook::default_playbook());
    let mut table: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut items = 0;
    for lang in ["ja", "en"] {
        for item in load(lang) {
            items += 1;
            let facts: Vec<Fact> = item
                .facts
                .iter()
                .enumerate()
                .map(|(i, f)| Fact {
                    id: format!("f{i}"),
                    text: Text::new(f.text.as_str(), f.text.as_str()),
                    sensitivity: Sensitivity::Public,
                    initially: f.status,
                    timeline: Vec::new(),
                    count: f.count,
                    date: None,
                    core: false,
                    never_public: Vec::new(),
                    keywords: f.keywords.clone(),
                })
                .collect();
            let organisation = Text::new(item.organisation.as_str(), item.organisation.as_str());
            let ctx = Context {
                required: item.required.clone(),
                organisation: Some(&organisation),
                ledger: facts
                    .iter()
                    .zip(&item.facts)
                    .map(|(f, i)| (f, i.status))
                    .collect(),
                values: item
                    .facts
                    .iter()
                    .map(|f| Value {
                        count: f.count,
                        superseded: f.superseded.clone(),
                        ..Value::default()
                    })
                    .collect(),
                published: item.published.iter().map(String::as_str).collect(),
                readers: item.readers.unwrap_or_default(),
                ..Context::default()
            };
            let findings = checker.check(&item.text, &ctx);
            let fired: BTreeSet<&str> = findings.iter().map(|f| f.rule.as_str()).collect();
            for r in &item.must {
                assert!(
                    applicable(&item).contains(r),
                    "{}: `{r}` cannot fire here",
                    item.id
                );
            }
            for r in applicable(&item) {
                if item.unsure.contains(&r) {
                    continue;
                }
                let t = table.entry((r.clone(), lang.to_string())).or_default();
                let hit = fired.contains(r.as_str());
                if item.must.contains(&r) {
                    t.positives += 1;
                    if hit {
                        t.found += 1;
                    } else {
                        t.misses.push(item.id.clone());
                    }
                } else {
                    t.negatives += 1;
                    if hit {
                        t.false_alarms += 1;
                        let why = findings
                            .iter()
                            .filter(|f| f.rule == r)
                            .map(|f| format!("「{}」", f.excerpt))
                            .collect::<Vec<_>>()
                            .join(" ");
                        t.alarms.push(format!("{} {why}", item.id));
                    }
                }
            }
        }
    }
    assert!(
        items >= 60,
        "the corpus has {items} items; it needs at least 60"
    );
    let mut failures = Vec::new();
    let mut totals: BTreeMap<String, Tally> = BTreeMap::new();
    println!("| rule | lang | recall | false alarms |\n|---|---|---|---|");
    for ((r, lang), t) in &table {
        let all = totals.entry(lang.clone()).or_default();
        all.positives += t.positives;
        all.found += t.found;
        all.negatives += t.negatives;
        all.false_alarms += t.false_alarms;
        println!(
            "| `{r}` | {lang} | {}/{} | {}/{} |",
            t.found, t.positives, t.false_alarms, t.negatives
        );
        if t.positives >= 5 && (t.found as f64) < 0.9 * t.positives as f64 {
            failures.push(format!(
                "{r} {lang}: recall {}/{}, missed {:?}",
                t.found, t.positives, t.misses
            ));
        }
        if t.negatives >= 5 && t.false_alarms as f64 > 0.05 * t.negatives as f64 {
            failures.push(format!(
                "{r} {lang}: false alarms {}/{}: {:?}",
                t.false_alarms, t.negatives, t.alarms
            ));
        }
    }
    for (lang, t) in &totals {
        println!(
            "| all | {lang} | {}/{} | {}/{} |",
            t.found, t.positives, t.false_alarms, t.negatives
        );
        if (t.found as f64) < 0.9 * t.positives as f64 {
            failures.push(format!("all {lang}: recall {}/{}", t.found, t.positives));
        }
        if t.false_alarms as f64 > 0.05 * t.negatives as f64 {
            failures.push(format!(
                "all {lang}: false alarms {}/{}",
                t.false_alarms, t.negatives
            ));
        }
    }
    // Every miss and alarm, also below the gate, so none hides behind a small count.
    for ((r, lang), t) in &table {
        for m in &t.misses {
            println!("miss  {r} {lang}: {m}");
        }
        for a in &t.alarms {
            println!("alarm {r} {lang}: {a}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
