//! Absolute promises found by the shape of a sentence, beyond the playbook's `overpromise`
//! phrases: a word that admits no exception (決して, 必ず, 完璧, ゼロ, "guarantee", "totally",
//! "impossible") in the same sentence as an outcome nobody controls (recurrence, safety, risk,
//! damage). Advice to readers ("必ず公式サイトから…してください", "we will never ask you
//! for…") and statements of what is not confirmed promise nothing.

use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("promise pattern compiles")
}

/// Words that admit no exception.
static ABSOLUTE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        決して|必ず|絶対|一切|完璧|完全な|完全に|ゼロ|100\s?%|二度と|いかなる|全く
      | (?-u:\b)(?:guarantee[sd]?|promise[sd]?|impossible|totally|absolutely|rest\sassured|at\sall\stimes|zero|100\s?%)(?-u:\b)
      | (?-u:\b)(?:will|would|can|could)\snever(?-u:\b)
      | (?-u:\b)never\s(?:again|happen|recur|be)(?-u:\b)
      | (?-u:\b)(?:ever|never)\sagain(?-u:\b)
      | (?-u:\b)no\s(?:risk|chance|possibility)(?-u:\b)
      | (?-u:\b)nothing\slike\sthis(?-u:\b)
    ")
});

/// Words every match of [`ABSOLUTE`] contains: a sentence with none of them holds no
/// absolute word, so it is not read.
pub(super) const ANCHORS: &[&str] = &[
    "決して",
    "必ず",
    "絶対",
    "一切",
    "完璧",
    "完全な",
    "完全に",
    "ゼロ",
    "100",
    "二度と",
    "いかなる",
    "全く",
    "guarantee",
    "promise",
    "impossible",
    "totally",
    "absolutely",
    "assured",
    "times",
    "zero",
    "never",
    "again",
    "risk",
    "chance",
    "possibility",
    "nothing",
];

/// Outcomes nobody can promise.
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        再発|起き|起こ|発生|事態|影響|被害|安全|リスク|補償|損失|保護|守|問題|心配|体制|防|漏え|漏洩|流出|不正
      | (?-u:\b)(?:happen|happens|recur|recurs|again|safe|secure|risk|protected|loss|losses|outage|outages|breach|attack|incident|harm|problem|compromised|leak|leaks)(?-u:\b)
    ")
});

/// Byte spans of absolute promises in the sentences `[s, e)` of normalised `text`: the
/// absolute word. Only the sentences holding byte offsets `at` (of its [`ANCHORS`], in
/// increasing order) are read. `quiet(s, e)` says a
/// sentence only reports what is not known.
pub(super) fn find(
    text: &str,
    sentences: &[(usize, usize)],
    at: impl Iterator<Item = usize>,
    quiet: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut judged: Option<(usize, usize)> = None;
    // Each sentence with an anchor word is read once: its first absolute word stands for it.
    for at in at {
        let (s, e) = super::sentence_at(sentences, at);
        if s == e || judged.is_some_and(|(_, j)| s < j) {
            continue;
        }
        judged = Some((s, e));
        let words = &text[s..e];
        let Some(m) = ABSOLUTE.find(words) else {
            continue;
        };
        if OUTCOME.is_match(words) && !super::clause::advises(words) && !quiet(s, e) {
            out.push((s + m.start(), s + m.end()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn promises(text: &str) -> bool {
        let t = crate::wording::normalize::phrase(text);
        let anchors = crate::wording::anchors::Anchors::of(&t);
        let at = anchors.starts(crate::wording::anchors::Shape::Absolute);
        !find(&t, &[(0, t.len())], at, |_, _| false).is_empty()
    }

    #[test]
    fn an_absolute_word_about_an_outcome_is_a_promise() {
        assert!(promises("このような事態が起きることは決してございません。"));
        assert!(promises("不正利用のリスクはゼロになりました。"));
        assert!(promises("Your account is now totally secure."));
        assert!(promises("Nothing like this will ever happen again."));
    }

    #[test]
    fn advice_and_plain_statements_are_not() {
        assert!(!promises(
            "当社からパスワードをお尋ねすることは決してありません。必ず公式サイトからログインしてください。"
        ));
        assert!(!promises("We will never ask you for your password."));
        assert!(!promises("再発防止に全力で取り組みます。"));
        assert!(!promises(
            "This should not have happened, and we are sorry."
        ));
    }
}
