//! The wording checker, table-driven: each short text states the exact set of rules it must
//! raise (empty means none: false alarms cost trust as much as misses), then whole notices
//! with one planted defect each, then claims checked against a scenario's ledger.

use crate::{fixture, root};
use pressroom::scenario::{Element, Scenario, SimTime};
use pressroom::wording::{Checker, Context, Finding};
use pressroom::{Lang, Playbook};
use std::collections::BTreeSet;

fn checker() -> Checker {
    Checker::new(&Playbook::default_playbook())
}

fn rules(findings: &[Finding]) -> BTreeSet<String> {
    findings.iter().map(|f| f.rule.clone()).collect()
}

// The table of single texts and the rules each must raise lives in one file per rule,
// tests/fixtures/rules/*.ron, run by tests/core/rules.rs.

fn notice(name: &str) -> String {
    std::fs::read_to_string(fixture(&format!("wording/{name}"))).unwrap()
}

fn first_notice() -> Context<'static> {
    Context {
        required: Element::defaults_for(pressroom::scenario::Stage::FirstNotice).to_vec(),
        ..Context::default()
    }
}

#[test]
fn good_first_notices_have_no_finding_at_all() {
    let checker = checker();
    for name in ["good_first_ja.txt", "good_first_en.txt"] {
        let got = checker.check(&notice(name), &first_notice());
        assert!(got.is_empty(), "{name}: {got:?}");
    }
}

/// Each planted defect raises exactly its rule and nothing else.
#[test]
fn one_planted_defect_raises_exactly_one_rule() {
    let checker = checker();
    let ja = notice("good_first_ja.txt");
    let en = notice("good_first_en.txt");
    let plant = |text: &str, old: &str, new: &str| {
        assert!(text.contains(old), "{old}");
        text.replacen(old, new, 1)
    };
    let cases: Vec<(String, &str)> = vec![
        (
            plant(&ja, "原因と、", "原因は設定の誤りと思われますが、原因と、"),
            "wording.speculation",
        ),
        (
            plant(
                &ja,
                "工場の生産設備に",
                "最初に気づいたのは田中様でした。工場の生産設備に",
            ),
            "wording.personal_data",
        ),
        (
            plant(
                &ja,
                "工場の生産設備に",
                "侵入元は 203.0.113.45 でした。工場の生産設備に",
            ),
            "wording.internal_detail",
        ),
        (
            plant(&ja, "外部からの不正なプログラム", "ランサムウェア"),
            "wording.jargon",
        ),
        (
            plant(
                &ja,
                "深くお詫び申し上げます。",
                "深くお詫び申し上げます。委託先のミスであり、当社に責任はありません。",
            ),
            "wording.blame",
        ),
        (
            plant(
                &ja,
                "改めてお知らせいたします。",
                "改めてお知らせいたします。二度と発生しません。",
            ),
            "wording.overpromise",
        ),
        (
            plant(
                &ja,
                "お届けが最大2日",
                "約1,200件のご注文のうち一部のお客様へのお届けが最大2日",
            ),
            "wording.vague",
        ),
        (
            plant(
                &ja,
                "お取引先様をはじめ関係者の皆様に多大なるご心配とご迷惑をおかけしておりますことを、深くお詫び申し上げます。",
                "",
            ),
            "wording.apology",
        ),
        (
            plant(
                &ja,
                "お問い合わせ窓口: お客様相談室 0120-000-000(平日9:00〜18:00)",
                "",
            ),
            "wording.contact",
        ),
        (
            plant(&ja, "新たな事実が判明次第、改めてお知らせいたします。", ""),
            "wording.next_update",
        ),
        (plant(&ja, "2026年6月15日\n", ""), "wording.header"),
        (
            plant(
                &en,
                "are under investigation",
                "are probably a stolen password",
            ),
            "wording.speculation",
        ),
        (
            plant(&en, "malicious software from outside", "ransomware"),
            "wording.jargon",
        ),
        (
            plant(
                &en,
                "We sincerely apologise to our customers and everyone concerned for the worry and inconvenience.\n",
                "",
            ),
            "wording.apology",
        ),
        (
            plant(
                &en,
                "Inquiries: Customer Relations, 0120-000-000 (weekdays 9:00–18:00)",
                "",
            ),
            "wording.contact",
        ),
        (
            plant(
                &en,
                "as soon as new facts are confirmed.",
                "as soon as new facts are confirmed. This will never happen again.",
            ),
            "wording.overpromise",
        ),
        (plant(&en, "15 June 2026\n", ""), "wording.header"),
    ];
    let mut failures = Vec::new();
    for (text, rule) in &cases {
        let got = rules(&checker.check(text, &first_notice()));
        if got != BTreeSet::from([rule.to_string()]) {
            failures.push(format!("{rule}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn ransomware() -> std::sync::Arc<Scenario> {
    Scenario::load(
        &root().join("scenarios/ransomware-manufacturer.ron"),
        &Playbook::default_playbook(),
    )
    .unwrap()
    .scenario
}

fn with_ledger<'a>(
    s: &'a Scenario,
    at: u32,
) -> (Context<'a>, Vec<pressroom::scenario::FactStatus>) {
    let ledger = s.clock_only_ledger(SimTime(at));
    (
        Context {
            organisation: Some(&s.organisation.name),
            ..Context::default()
        },
        ledger,
    )
}

#[test]
fn claims_are_compared_with_the_ledger_at_that_moment() {
    let s = ransomware();
    let checker = checker();
    let check = |text: &str, at: u32| {
        let (mut ctx, ledger) = with_ledger(&s, at);
        ctx.ledger = s.facts.iter().zip(ledger.iter().copied()).collect();
        rules(&checker.check(text, &ctx))
    };
    let set = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    // Two hours in: card data and personal data are unconfirmed.
    assert_eq!(
        check("クレジットカード情報の流出はございません。", 120),
        set(&["wording.unconfirmed_claim"])
    );
    assert_eq!(
        check("個人情報が流出しました。", 120),
        set(&["wording.unconfirmed_claim"])
    );
    assert_eq!(
        check("影響は3,200名です。", 120),
        set(&["wording.unconfirmed_claim"])
    );
    assert_eq!(check("個人情報への影響は調査中です。", 120), set(&[]));
    assert_eq!(
        check("No card data was taken.", 120),
        set(&["wording.unconfirmed_claim"])
    );
    // A day in: personal data confirmed (3,200), card data refuted.
    assert_eq!(
        check("個人情報が流出しました。影響は3,200名です。", 1380),
        set(&[])
    );
    assert_eq!(check("影響は約3,200名です。", 1380), set(&[]));
    assert_eq!(
        check("影響は2,800名です。", 1380),
        set(&["wording.inconsistent"])
    );
    assert_eq!(
        check("個人情報の流出はありません。", 1380),
        set(&["wording.inconsistent"])
    );
    assert_eq!(
        check("クレジットカード情報が流出しました。", 1380),
        set(&["wording.inconsistent"])
    );
    assert_eq!(
        check("クレジットカード情報の流出はありませんでした。", 1380),
        set(&[])
    );
    assert_eq!(
        check("一部のお客様の個人情報が流出しました。", 1380),
        set(&["wording.vague"])
    );
    // Terms the scenario marks private.
    assert_eq!(
        check("最初に気づいたのは田中さくらでした。", 1380),
        set(&["wording.personal_data"])
    );
}

#[test]
fn the_header_needs_the_organisation_named_in_the_scenario() {
    let s = ransomware();
    let checker = checker();
    let ctx = Context {
        required: vec![Element::Header],
        organisation: Some(&s.organisation.name),
        ..Context::default()
    };
    let ok = "2026年6月15日\n株式会社北辰精機\n当社システムに関するお知らせ";
    assert!(checker.check(ok, &ctx).is_empty());
    let other = "2026年6月15日\n株式会社南星工業\n当社システムに関するお知らせ";
    let got = checker.check(other, &ctx);
    assert_eq!(rules(&got), BTreeSet::from(["wording.header".to_string()]));
    assert!(got[0].message.get(Lang::En).contains("company name"));
}

#[test]
fn findings_are_the_same_every_time() {
    let checker = checker();
    let text = notice("good_first_ja.txt") + "おそらく 10.0.0.1 から。二度と発生しません。";
    let first = checker.check(&text, &first_notice());
    for _ in 0..5 {
        assert_eq!(checker.check(&text, &first_notice()), first);
    }
}

#[test]
fn a_memoized_checker_finds_what_a_fresh_one_finds_in_every_context() {
    let s = ransomware();
    let plain = checker();
    let memo = checker().memoized();
    let texts = [
        "クレジットカード情報の流出はございません。",
        "個人情報が流出しました。影響は3,200名です。",
        "影響は2,800名です。",
        "最初に気づいたのは田中さくらでした。",
        "No card data was taken.",
    ];
    let earlier = ["第一報: 当社システムの一部が停止しています。"];
    // Contexts that differ in one input each: the moment (ledger and values), whether the
    // drill is over, and what was published before.
    let mut contexts = Vec::new();
    for at in [60, 120, 1380] {
        for reveal in [false, true] {
            for published in [&[][..], &earlier[..]] {
                let (mut ctx, ledger) = with_ledger(&s, at);
                ctx.ledger = s.facts.iter().zip(ledger.iter().copied()).collect();
                ctx.reveal = reveal;
                ctx.published = published.to_vec();
                contexts.push(ctx);
            }
        }
    }
    // Twice over, so the second round reads the memo; in reverse, so no order is assumed.
    for round in 0..2 {
        let mut order: Vec<usize> = (0..contexts.len()).collect();
        if round == 1 {
            order.reverse();
        }
        for i in order {
            for text in texts {
                assert_eq!(
                    memo.check(text, &contexts[i]),
                    plain.check(text, &contexts[i]),
                    "context {i}, round {round}: {text}"
                );
            }
        }
    }
    // The contexts do tell apart what they should: a check is not answered for another one.
    let found: BTreeSet<String> = contexts
        .iter()
        .map(|c| format!("{:?}", memo.check(texts[0], c)))
        .collect();
    assert!(
        found.len() > 1,
        "the moment changes what the claim is found to be"
    );
}

/// The checker's claims, fact by fact, at a moment of the ransomware drill.
fn claims_at(s: &Scenario, text: &str, at: u32) -> BTreeSet<String> {
    let (mut ctx, ledger) = with_ledger(s, at);
    ctx.ledger = s.facts.iter().zip(ledger.iter().copied()).collect();
    rules(&checker().check(text, &ctx))
}

#[test]
fn a_claim_is_judged_in_its_own_clause() {
    let s = ransomware();
    let none = BTreeSet::new();
    // A day in: personal data confirmed, card data refuted. A denial in one clause does not
    // reach the fact named in the next.
    for text in [
        "カード情報は流出していませんが、個人情報が流出しました。",
        "クレジットカード情報の流出はありませんでしたが、個人情報の流出を確認しました。",
        "No card data was taken, but personal data was copied out.",
        "Card details were not affected; personal information was copied out.",
    ] {
        assert_eq!(claims_at(&s, text, 1380), none, "{text}");
    }
    // The same clauses, each contradicting the ledger, are still found.
    assert_eq!(
        claims_at(
            &s,
            "カード情報が流出しましたが、個人情報は流出していません。",
            1380
        ),
        BTreeSet::from(["wording.inconsistent".to_string()])
    );
    // A list after "No" stays inside the denial.
    assert_eq!(
        claims_at(
            &s,
            "No card data, passwords, and bank details were taken.",
            1380
        ),
        none
    );
}

#[test]
fn checking_whether_advice_conditions_and_rumours_are_not_claims() {
    let s = ransomware();
    let none = BTreeSet::new();
    // Two hours in: nothing about personal or card data is settled.
    for text in [
        "個人情報が流出したかどうかを確認しています。",
        "個人情報の流出の有無を調べています。",
        "We are checking whether any personal data was copied out.",
        "If your personal information was affected, we will contact you directly.",
        "個人情報の流出が確認された場合は、対象の方に個別にご連絡します。",
        "We will never ask you for your card details by email or phone.",
        "カード情報を電話でお尋ねすることは決してありませんので、ご注意ください。",
        "SNS上で「カード情報が流出した」との投稿がありますが、当社では現在調査中です。",
    ] {
        assert_eq!(claims_at(&s, text, 120), none, "{text}");
    }
    // A plain claim in the same words still is one.
    assert_eq!(
        claims_at(&s, "個人情報が流出しました。", 120),
        BTreeSet::from(["wording.unconfirmed_claim".to_string()])
    );
}

#[test]
fn a_fact_written_as_a_negative_is_stated_by_a_clause_that_repeats_it() {
    let s = ransomware();
    let mut fact = s
        .facts
        .iter()
        .find(|f| f.id == "card_data")
        .unwrap()
        .clone();
    fact.text = pressroom::Text::new(
        "カード情報は影響を受けたサーバーに保存されていなかった",
        "No card data was stored on the affected servers",
    );
    let check = |text: &str| {
        let ctx = Context {
            ledger: vec![(&fact, pressroom::scenario::FactStatus::Confirmed)],
            ..Context::default()
        };
        rules(&checker().check(text, &ctx))
    };
    assert_eq!(
        check("カード情報は保存されていませんでした。"),
        BTreeSet::new()
    );
    assert_eq!(
        check("No card data was stored on the affected servers."),
        BTreeSet::new()
    );
    // Saying the opposite of the negative fact contradicts it.
    assert_eq!(
        check("カード情報が流出しました。"),
        BTreeSet::from(["wording.inconsistent".to_string()])
    );
}

#[test]
fn a_claim_finding_quotes_the_clause_it_judged() {
    let s = ransomware();
    let (mut ctx, ledger) = with_ledger(&s, 1380);
    ctx.ledger = s.facts.iter().zip(ledger.iter().copied()).collect();
    let found = checker().check(
        "カード情報が流出しましたが、個人情報は流出していません。",
        &ctx,
    );
    let excerpts: BTreeSet<&str> = found.iter().map(|f| f.excerpt.as_str()).collect();
    assert!(
        excerpts.contains("カード情報が流出しましたが、"),
        "{excerpts:?}"
    );
    assert!(
        excerpts.contains("個人情報は流出していません。"),
        "{excerpts:?}"
    );
}

#[test]
fn a_term_explained_at_its_first_use_is_not_jargon_in_that_text() {
    let c = checker();
    let jargon = |text: &str| {
        c.check(text, &Context::default())
            .iter()
            .filter(|f| f.rule == "wording.jargon")
            .count()
    };
    for text in [
        "ランサムウェア(データを使えなくして金銭を要求する不正なプログラム)に感染しました。復旧までランサムウェアの調査を続けます。",
        "ランサムウェアとは、データを使えなくして金銭を要求する不正なプログラムです。",
        "データを使えなくする不正なプログラム(ランサムウェア)に感染しました。",
        "Our systems were hit by ransomware, a program that locks files and demands payment. The ransomware has been removed.",
        "We fixed a vulnerability (a weakness in the software) in our website.",
        // A heading before the first use in the body does not count as the first use.
        "ランサムウェア被害に関するお知らせ\n当社はランサムウェア(データを使えなくする不正なプログラム)の被害を受けました。",
    ] {
        assert_eq!(jargon(text), 0, "{text}");
    }
    // Unexplained, or explained only after the first use, it is jargon.
    assert_eq!(jargon("ランサムウェアに感染しました。"), 1);
    assert!(jargon("We found ransomware. Later: ransomware, a program that locks files.") >= 1);
}

#[test]
fn a_subject_or_title_line_is_the_headers_subject() {
    let s = ransomware();
    let c = checker();
    let ctx = Context {
        required: vec![Element::Header],
        organisation: Some(&s.organisation.name),
        ..Context::default()
    };
    for text in [
        "2026年6月15日\n株式会社北辰精機\n件名:システム障害の発生と対応状況",
        "2026年6月15日\n株式会社北辰精機\n当社工場システムの停止と復旧見込み",
        "Subject: Service disruption at our plants\nJune 15, 2026\nHokushin Precision Co., Ltd.",
        "Hokushin Precision Co., Ltd.\nJune 15, 2026\nProduction systems offline after a cyber attack",
    ] {
        assert!(
            c.check(text, &ctx).is_empty(),
            "{text}: {:?}",
            c.check(text, &ctx)
        );
    }
    // A date, a company and a salutation are not a subject.
    for text in [
        "2026年6月15日\n株式会社北辰精機\nお客様各位",
        "Hokushin Precision Co., Ltd.\nJune 15, 2026\nDear customers,",
    ] {
        assert_eq!(
            rules(&c.check(text, &ctx)),
            BTreeSet::from(["wording.header".to_string()]),
            "{text}"
        );
    }
}
