//! Blame-shifting and defensive tone found by the shape of a sentence, beyond the playbook's
//! `blame` phrases: the company denying its own fault ("当社に落ち度はございません", "we are not
//! responsible"), fault laid on someone else (a vendor, an outside company, an employee
//! singled out, customers), and an attack called unstoppable. Naming a vendor or an employee
//! neutrally, or owning the fault ("当社従業員の誤操作により"), is not blame.
//!
//! A shape is read within a sentence (one cut by a bare line break runs on into the next
//! line), and only in sentences holding one of its [`ANCHORS`].
//!
//! Like the clause markers, these are grammar and roles, the same for every organisation, so
//! they live here; an organisation adds its own phrases to the playbook's `blame` list.

use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("blame pattern compiles")
}

/// The company saying the fault is not its own.
const DISOWN: &str = r"
        (?:当社|弊社|当院|当店|当協会|当行|当方|会社として|私ども)[^。、]{0,12}?(?:責任|落ち度|過失|非|問題|不備)(?:は|が|も)?(?:一切)?(?:ありません|ございません|ない|なかった)
      | (?:管理体制|体制|対応|対策|運用)に(?:は)?(?:何ら)?(?:問題|不備|落ち度)は(?:一切)?(?:ありません|ございません|なかった)
      | (?:当社|弊社|当院)(?:の[\p{Han}\p{Katakana}ー]{1,8})?(?:側)?(?:の問題)?ではなく
      | (?-u:\b)(?:we|i)\s(?:are|were|am|was)\s(?:not|in\sno\sway)\s(?:at\sall\s)?(?:responsible|to\sblame|at\sfault|liable)
      | (?-u:\b)(?:we|the\scompany)\s(?:cannot|can't|could\snot|couldn't)\sbe\s(?:held\s)?(?:responsible|liable|blamed)
      | (?-u:\b)not\s(?:our|the\scompany's)\s(?:fault|responsibility|doing)
      | (?-u:\b)no\s(?:fault|failing|negligence)\s(?:of\sours|on\sour\spart)
      | (?-u:\b)not\s(?:in|on|with)\sour\s(?:own\s)?(?:systems?|side|network)
    ";

/// An attack or failure called impossible to prevent, to excuse it.
const UNSTOPPABLE: &str = r"
        (?:防ぐ|防止する)ことは?(?:でき|不可能)(?:ない|ません|なかった)
      | 防ぎよう(?:が|も)(?:ない|ありません|ございません|なかった)
      | どの(?:企業|会社|組織)(?:で|であって)も
      | 標準的な対策は(?:すべて|全て)
      | (?-u:\b)no\s(?:reasonable\s)?(?:company|business|organi[sz]ation|one)\s(?:could|would)\shave\s(?:stopped|prevented|detected)
      | (?-u:\b)(?:could|can)\snot\shave\sbeen\s(?:stopped|prevented)
      | (?-u:\b)impossible\sto\s(?:prevent|stop|detect)
      | (?-u:\b)(?:followed|met|complied\swith)\s(?:every|all)\s(?:industry\s)?(?:standards?|best\spractices?)
      | (?-u:\b)nothing\swe\scould\shave\sdone
    ";

/// Someone else's fault, named next to them: 委託先のミス, お客様ご自身の責任, "the fault of our
/// contractor", "the vendor failed to".
const OTHERS_FAULT: &str = r"
        (?:委託先|業者|外部の会社|他社|取引先|ベンダー|お客様|利用者|ユーザー|会員)(?:様)?(?:ご自身|自身)?の(?:責任|ミス|過失|不注意|管理不足|落ち度)
      | (?:委託先|業者|外部の会社|他社|取引先|ベンダー)[^。]{0,30}?(?:ミス|過失|不注意|違反|怠|行わなかった|守らなかった|従わなかった|しなかった)
      | (?:一人|1人|一部)の(?:従業員|社員|職員|担当者)[^。]{0,40}?(?:違反|独断|勝手に|無断で|個人的)
      | (?:従業員|社員|職員|担当者)(?:個人)?の(?:独断|勝手な|無断の)
      | (?:使い回|同じパスワードを)[^。]{0,30}?(?:お客様|利用者|会員)[^。]{0,20}?(?:限られ|責任)
      | (?-u:\b)(?:the\s)?fault\sof\s(?:the\s|our\s|a\s|an\s|one\s)?(?:[a-z-]+\s){0,2}(?:vendor|contractor|supplier|partner|provider|third\sparty|employee|staff|customer|user)s?
      | (?-u:\b)(?:vendor|contractor|supplier|partner|provider|third[\s-]party|outside\scompany)(?:'s)?\s(?:fault|error|mistake|negligence)
      | (?-u:\b)(?:vendor|contractor|supplier|partner|provider|third[\s-]party|outside\scompany),?\s(?:who|which|that)?\s?(?:failed|neglected|ignored|did\snot\sfollow)
      | (?-u:\b)(?:a\ssingle|one|an\sindividual|a\srogue)\s(?:employee|staff\smember|member\sof\sstaff|worker)\s[^.]{0,40}?(?:ignored|violated|against|disregarded|on\stheir\sown)
      | (?-u:\b)(?:customers|users|members)\swho\s(?:reused|re-used|chose|shared|did\snot)[^.]{0,60}?(?:against\sour|their\sown|terms)
      | (?-u:\b)(?:caused|triggered)\sby\s(?:an?\s)?(?:outside|external|third[\s-]party)\s(?:company|vendor|provider|firm)
    ";

/// Words every match of the shapes above contains (a fault, a denial, prevention, a failure):
/// a sentence with none of them cannot hold blame, so the pattern never reads it. A new
/// alternative above needs its word here; the test below checks the shapes' examples.
pub(super) const ANCHORS: &[&str] = &[
    "責任",
    "落ち度",
    "過失",
    "非",
    "問題",
    "不備",
    "ではなく",
    "防",
    "どの企業",
    "どの会社",
    "どの組織",
    "標準的な対策は",
    "ミス",
    "不注意",
    "管理不足",
    "違反",
    "怠",
    "なかった",
    "独断",
    "勝手",
    "無断",
    "個人的",
    "限られ",
    "responsib",
    "liable",
    "blame",
    "fault",
    "doing",
    "failing",
    "negligence",
    "system",
    "side",
    "network",
    "stopped",
    "prevented",
    "detected",
    "impossible",
    "standard",
    "practice",
    "nothing",
    "error",
    "mistake",
    "failed",
    "neglected",
    "ignored",
    "follow",
    "violated",
    "against",
    "disregarded",
    "their",
    "terms",
    "caused",
    "triggered",
];

/// The three shapes as one pattern.
static BLAME: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        "(?x)(?:{DISOWN})|(?:{UNSTOPPABLE})|(?:{OTHERS_FAULT})"
    ))
});

/// Byte spans of blame in normalised `text` (with its `sentences`), in order, reading the
/// sentences that hold the byte offsets `at` (its anchor words', in increasing order).
pub(super) fn find(
    text: &str,
    sentences: &[(usize, usize)],
    at: impl Iterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in super::anchors::regions(text, sentences, at) {
        for m in BLAME.find_iter(&text[s..e]) {
            let (start, end) = (s + m.start(), s + m.end());
            // "問題がないか確認" asks; it does not deny.
            if !text[end..].starts_with('か') {
                out.push((start, end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::anchors::Shape;

    fn blames(text: &str) -> bool {
        let n = crate::wording::normalize::Normalized::new(text);
        let anchors = crate::wording::anchors::Anchors::of(&n.text);
        !find(&n.text, &n.sentences, anchors.starts(Shape::Blame)).is_empty()
    }

    #[test]
    fn fault_laid_elsewhere_or_disowned_is_blame() {
        assert!(blames("当社に落ち度はございません。"));
        assert!(blames(
            "委託先業者が指示した設定を行わなかったことが原因です。"
        ));
        assert!(blames("パスワードの管理はお客様ご自身の責任です。"));
        assert!(blames(
            "障害は当社のシステムではなく、外部の決済サービスで起きました。"
        ));
        assert!(blames("We are not responsible for its failures."));
        assert!(blames("It was the fault of our IT contractor."));
        assert!(blames("A single employee ignored our policy."));
    }

    #[test]
    fn naming_others_neutrally_or_owning_the_fault_is_not() {
        assert!(!blames(
            "当社従業員の誤操作により、メールを誤送信いたしました。"
        ));
        assert!(!blames("委託先と協力して経緯を調べております。"));
        assert!(!blames("お客様の情報を守る責任は当社にあります。"));
        assert!(!blames(
            "We are working with our partner and we take responsibility."
        ));
        assert!(!blames(
            "A member of our staff sent the file to the wrong address."
        ));
    }
}
