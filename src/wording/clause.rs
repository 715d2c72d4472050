//! Clauses: where a claim's scope ends inside a sentence, and the clauses that claim nothing.
//!
//! A sentence states or denies a fact only in the clause that holds both the fact's words
//! and the predicate. A clause ends at a boundary (、, a conjunctive が, けれど, ものの, ", but",
//! ", and", "; ", "although"…); a piece with no predicate of its own (a list item, an opening
//! phrase) belongs to the clause after it. Some clauses claim nothing whatever their words:
//! a statement of what is being checked ("checking whether", 〜かどうか), a condition ("if",
//! 〜場合), advice to readers ("please", 〜ください), and a report of what others say (a
//! rumour being corrected). A quotation that holds its own predicate is someone else's words.
//!
//! These markers are grammar, not vocabulary: they are the same for every organisation, so
//! they live here and not in the playbook's phrase lists.

/// Where a clause ends: the boundary's own characters stay with the clause before it.
const BOUNDARIES: [&str; 22] = [
    "、",
    "ましたが",
    "でしたが",
    "ませんが",
    "ですが",
    "ますが",
    "ったが",
    "れたが",
    "けれども",
    "けれど",
    "ものの",
    ", but ",
    " but ",
    ", and ",
    "; ",
    ", while ",
    " whereas ",
    ", although ",
    " although ",
    " though ",
    ", however",
    ", yet ",
];

/// What ends a reason given for the clause after it: no boundary there.
const REASONS: [&str; 3] = ["ので", "ため", "から"];

/// A clause that says what is being checked, not what is so.
const CHECKING: [&str; 7] = [
    "かどうか",
    "か否か",
    "有無",
    "whether",
    "if any",
    "to determine",
    "to establish",
];

/// A clause that sets a condition.
const CONDITIONS: [&str; 9] = [
    "場合",
    "万一",
    "万が一",
    " if ",
    "in the event",
    "in case",
    "unless ",
    "should you",
    "should any",
];

/// A clause that advises or asks the reader.
const ADVICE: [&str; 20] = [
    "ください",
    "下さい",
    "お願い",
    "ご注意",
    "お控え",
    "お勧め",
    "おすすめ",
    "推奨",
    "please",
    "we recommend",
    "we advise",
    "we urge",
    "never ask",
    "will not ask",
    "won't ask",
    "do not reply",
    "do not click",
    "do not open",
    "be alert",
    "beware",
];

/// A clause that reports what others say, such as a rumour being corrected.
const HEARSAY: [&str; 14] = [
    "噂",
    "うわさ",
    "との投稿",
    "という投稿",
    "との情報",
    "との報道",
    "という報道",
    "と報じ",
    "rumor",
    "rumour",
    "reports that",
    "claims that",
    "claiming that",
    "circulating",
];

/// Opening and closing quotation marks, as the normaliser leaves them.
const QUOTES: [(char, char); 4] = [('「', '」'), ('『', '』'), ('“', '”'), ('"', '"')];

/// The clauses of `[s, e)` of normalised `text`. `predicate(a, b)` says whether `[a, b)`
/// holds a predicate of its own; a piece without one joins the next piece.
pub(super) fn split(
    text: &str,
    s: usize,
    e: usize,
    predicate: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut cuts: Vec<usize> = Vec::new();
    let sentence = &text[s..e];
    for b in BOUNDARIES {
        cuts.extend(
            sentence
                .match_indices(b)
                // A reason (〜ので、〜ため、) belongs to the clause it gives the reason for.
                .filter(|(i, m)| *m != "、" || !REASONS.iter().any(|r| sentence[..*i].ends_with(r)))
                .map(|(i, m)| s + i + m.len())
                .filter(|&c| c < e),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    // A boundary right after another ("ませんが、") is one boundary: the later cut stands.
    let gap = |a: usize, b: usize| text[a..b].chars().all(|c| matches!(c, '、' | ',' | ' '));
    let cuts: Vec<usize> = (0..cuts.len())
        .filter(|&i| cuts.get(i + 1).is_none_or(|&next| !gap(cuts[i], next)))
        .map(|i| cuts[i])
        .collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = s;
    for c in cuts {
        if c <= from {
            continue;
        }
        if predicate(from, c) {
            out.push((from, c));
            from = c;
        }
    }
    if from < e {
        out.push((from, e));
    } else if let Some(last) = out.last_mut() {
        last.1 = e;
    }
    out
}

/// Whether a clause claims nothing, whatever its words: it says what is being checked,
/// sets a condition, advises the reader or reports what others say.
pub(super) fn claims_nothing(clause: &str) -> bool {
    // A space in front, so a clause that opens with "if" is found as one with " if " in it.
    let padded = [" ", clause.trim_start()].concat();
    [&CHECKING[..], &CONDITIONS[..], &ADVICE[..], &HEARSAY[..]]
        .iter()
        .any(|list| list.iter().any(|m| padded.contains(m)))
}

/// Whether a clause or sentence advises or asks the reader ("please…", 〜ください, "we will
/// never ask you for…"): what it says of the future is advice, not a promise or a claim.
pub(super) fn advises(words: &str) -> bool {
    ADVICE.iter().any(|m| words.contains(m))
}

/// The quotations in `[s, e)` of `text`, as byte ranges including their marks.
pub(super) fn quotations(text: &str, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text[s..e].char_indices() {
        let at = s + i;
        match open {
            Some((from, close)) if c == close => {
                out.push((from, at + c.len_utf8()));
                open = None;
            }
            Some(_) => {}
            None => {
                if let Some(&(_, close)) = QUOTES.iter().find(|(o, _)| *o == c) {
                    open = Some((at, close));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, predicate: impl Fn(&str) -> bool) -> Vec<&str> {
        split(text, 0, text.len(), |a, b| predicate(&text[a..b]))
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn a_clause_ends_at_its_boundary_and_a_piece_without_a_predicate_joins_the_next() {
        let verb = |c: &str| c.contains("ません") || c.contains("ました");
        assert_eq!(
            pieces(
                "個人情報は流出していませんが、カード情報が流出しました。",
                verb
            ),
            [
                "個人情報は流出していませんが、",
                "カード情報が流出しました。"
            ]
        );
        // A list: 氏名、住所、 have no predicate and belong to the clause that has one.
        assert_eq!(
            pieces("氏名、住所、電話番号は流出していません。", verb),
            ["氏名、住所、電話番号は流出していません。"]
        );
        let was = |c: &str| c.contains(" was ") || c.contains(" were ");
        assert_eq!(
            pieces("no card data was taken, but names were exposed.", was),
            ["no card data was taken, but ", "names were exposed."]
        );
        assert_eq!(
            pieces("no card data, passwords, and bank details were taken.", was),
            ["no card data, passwords, and bank details were taken."]
        );
    }

    #[test]
    fn checking_conditions_advice_and_hearsay_claim_nothing() {
        for c in [
            "個人情報が流出したかどうかを確認しています",
            "流出が確認された場合は、個別にご連絡します",
            "パスワードを変更してください",
            "we are checking whether any card data was taken",
            "if your data was affected, we will contact you",
            "we will never ask you for your password",
            "a rumour that all customer data was leaked",
        ] {
            assert!(claims_nothing(c), "{c}");
        }
        for c in ["個人情報が流出しました", "no card data was taken"] {
            assert!(!claims_nothing(c), "{c}");
        }
    }

    #[test]
    fn quotations_are_found_with_their_marks() {
        let t = "「全顧客の情報が流出した」との投稿";
        let q = quotations(t, 0, t.len());
        assert_eq!(q.len(), 1);
        assert_eq!(&t[q[0].0..q[0].1], "「全顧客の情報が流出した」");
    }
}
