//! Bilingual notices: the Japanese and English versions of one notice compared for the same
//! facts (the counts, the dates, and whether something is said to be under investigation),
//! each difference a `wording.inconsistent` finding that names what differs.

use super::normalize::Normalized;
use super::{Checker, DATE, Finding, List, group, numbers};
use crate::playbook::rule;
use crate::text::Text;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// A run of digits, compiled once: the app compares a bilingual draft on every frame.
static DIGITS: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"[0-9]+").expect("digits"));

/// The dates a text gives, as (year, month, day).
fn dates(text: &str) -> BTreeSet<(u32, u32, u32)> {
    DATE.find_iter(text)
        .filter_map(|m| {
            let s = m.as_str();
            let nums: Vec<u32> = DIGITS
                .find_iter(s)
                .filter_map(|d| d.as_str().parse().ok())
                .collect();
            let month = super::promise::MONTHS
                .iter()
                .position(|x| s.contains(x))
                .map(|i| i as u32 + 1);
            match (month, nums.as_slice()) {
                (Some(mo), [d, y]) if *y > 31 => Some((*y, mo, *d)),
                (Some(mo), [y, d]) if *y > 31 => Some((*y, mo, *d)),
                (None, [y, mo, d]) => Some((*y, *mo, *d)),
                _ => None,
            }
        })
        .collect()
}

impl Checker {
    /// What differs between the two versions of a bilingual notice.
    pub fn compare_versions(&self, ja: &str, en: &str) -> Vec<Finding> {
        let (nja, nen) = (Normalized::new(ja), Normalized::new(en));
        let (severity, sections) = self.rule(rule::WORDING_INCONSISTENT);
        let finding = |excerpt: String, message: Text, suggestion: Text| Finding {
            rule: rule::WORDING_INCONSISTENT.to_string(),
            severity,
            span: None,
            excerpt,
            message,
            suggestion: Some(suggestion),
            sections: sections.clone(),
        };
        let mut out = Vec::new();
        let counts = |n: &Normalized| -> BTreeSet<u64> {
            numbers::counts(&n.text)
                .into_iter()
                .map(|c| c.value)
                .collect()
        };
        let (cja, cen) = (counts(&nja), counts(&nen));
        for (only, in_ja) in cja
            .difference(&cen)
            .map(|v| (*v, true))
            .chain(cen.difference(&cja).map(|v| (*v, false)))
        {
            let (ja_side, en_side) = if in_ja {
                ("日本語版", "Japanese")
            } else {
                ("英語版", "English")
            };
            out.push(finding(
                group(only),
                Text::new(
                    format!("{} は{ja_side}にだけある数字です。", group(only)),
                    format!("{} appears only in the {en_side} version.", group(only)),
                ),
                Text::new(
                    "両方の版に同じ数字を書きましょう。",
                    "Give the same numbers in both versions.",
                ),
            ));
        }
        let (dja, den) = (dates(&nja.text), dates(&nen.text));
        if dja != den && !(dja.is_empty() || den.is_empty()) {
            let show = |d: &BTreeSet<(u32, u32, u32)>| {
                d.iter()
                    .map(|(y, m, dd)| format!("{y}-{m:02}-{dd:02}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push(finding(
                format!("{} / {}", show(&dja), show(&den)),
                Text::new(
                    format!(
                        "日付が版によって違います(日本語版 {}、英語版 {})。",
                        show(&dja),
                        show(&den)
                    ),
                    format!(
                        "The dates differ between the versions (Japanese {}, English {}).",
                        show(&dja),
                        show(&den)
                    ),
                ),
                Text::new(
                    "両方の版で同じ日付にしましょう。",
                    "Use the same dates in both versions.",
                ),
            ));
        }
        let investigating = |n: &Normalized| {
            self.phrase_hits(&n.text)
                .0
                .iter()
                .any(|h| self.patterns[h.pattern].list == List::Investigating)
        };
        let (ija, ien) = (investigating(&nja), investigating(&nen));
        if ija != ien {
            let (said, not) = if ija {
                (("日本語版", "Japanese"), ("英語版", "English"))
            } else {
                (("英語版", "English"), ("日本語版", "Japanese"))
            };
            out.push(finding(
                String::new(),
                Text::new(
                    format!("{}は「調査中」と伝えていますが、{}にはその旨がありません。", said.0, not.0),
                    format!(
                        "The {} version says the matter is under investigation; the {} version does not.",
                        said.1, not.1
                    ),
                ),
                Text::new(
                    "確認済みのことと調査中のことを、両方の版で同じように書き分けましょう。",
                    "Say what is confirmed and what is under investigation alike in both versions.",
                ),
            ));
        }
        out
    }
}
