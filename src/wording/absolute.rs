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

/// Outcomes nobody can promise.
static OUTCOME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?x)
        再発|起き|起こ|発生|事態|影響|被害|安全|リスク|補償|損失|保護|守|問題|心配|体制|防|漏え|漏洩|流出|不正
      | (?-u:\b)(?:happen|happens|recur|recurs|again|safe|secure|risk|protected|loss|losses|outage|outages|breach|attack|incident|harm|problem|compromised|leak|leaks)(?-u:\b)
    ")
});

/// Byte spans of absolute promises in the sentences `[s, e)` of normalised `text`: the
/// absolute word. `quiet(s, e)` says a sentence only reports what is not known.
pub(super) fn find(
    text: &str,
    sentences: &[(usize, usize)],
    quiet: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut judged: Option<(usize, usize)> = None;
    // One pass for the absolute words; only their sentences are read further, each once: the
    // first absolute word of a sentence stands for it.
    for m in ABSOLUTE.find_iter(text) {
        let (s, e) = super::sentence_at(sentences, m.start());
        if s == e || judged == Some((s, e)) {
            continue;
        }
        judged = Some((s, e));
        let words = &text[s..e];
        if OUTCOME.is_match(words) && !super::clause::advises(words) && !quiet(s, e) {
            out.push((m.start(), m.end()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn promises(text: &str) -> bool {
        let t = crate::wording::normalize::phrase(text);
        !find(&t, &[(0, t.len())], |_, _| false).is_empty()
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
