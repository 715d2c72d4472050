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

/// (text, exact rules raised with no element required)
const CASES: &[(&str, &[&str])] = &[
    // Hedges and guesses, polite and plain forms.
    ("原因は設定の誤りと思われます。", &["wording.speculation"]),
    ("原因は設定の誤りと思われる。", &["wording.speculation"]),
    ("外部からの攻撃と考えられます。", &["wording.speculation"]),
    ("情報が流出した可能性があります。", &["wording.speculation"]),
    ("攻撃を受けた模様です。", &["wording.speculation"]),
    ("おそらく夜間に侵入されました。", &["wording.speculation"]),
    ("恐らく夜間に侵入されました。", &["wording.speculation"]),
    ("海外からの攻撃とみられます。", &["wording.speculation"]),
    ("影響は限定的かもしれません。", &["wording.speculation"]),
    (
        "We believe the attack began on Sunday.",
        &["wording.speculation"],
    ),
    (
        "The attacker probably used a stolen password.",
        &["wording.speculation"],
    ),
    (
        "It is likely that data was accessed.",
        &["wording.speculation"],
    ),
    (
        "The system appears to have been accessed.",
        &["wording.speculation"],
    ),
    (
        "The attacker may have copied files.",
        &["wording.speculation"],
    ),
    (
        "It seems the backup was not affected.",
        &["wording.speculation"],
    ),
    // Honest "under investigation" is never a hedge.
    ("原因は現在調査中です。", &[]),
    ("影響の範囲は確認中です。", &[]),
    ("個人情報への影響の有無は調査を進めております。", &[]),
    ("判明次第、お知らせいたします。", &[]),
    ("個人情報の流出は確認されておりません。", &[]),
    ("The cause is under investigation.", &[]),
    ("We are investigating the extent of the incident.", &[]),
    ("It is unlikely to be understood by everyone.", &[]),
    ("This is not yet known.", &[]),
    ("可能性について調査しています。", &[]),
    // Jargon, and jargon explained in place.
    ("サーバーダウンが発生しました。", &["wording.jargon"]),
    ("ランサムウェアの被害を受けました。", &["wording.jargon"]),
    (
        "ランサムウェア(データを使えなくして金銭を要求する不正なプログラム)の被害を受けました。",
        &[],
    ),
    (
        "ランサムウェア（データを使えなくする不正なプログラム）の被害を受けました。",
        &[],
    ),
    ("脆弱性を突かれました。", &["wording.jargon"]),
    ("We were hit by ransomware.", &["wording.jargon"]),
    ("A zero-day in our gateway was used.", &["wording.jargon"]),
    ("システムが停止しました。", &[]),
    (
        "不正なプログラムにより、システムが使えなくなりました。",
        &[],
    ),
    ("Our systems stopped working on Monday.", &[]),
    // Personal data.
    (
        "詳しくは tanaka.sakura@example.co.jp までご連絡ください。",
        &["wording.personal_data"],
    ),
    (
        "お問い合わせは support@example.co.jp までお寄せください。",
        &[],
    ),
    (
        "担当の携帯 090-1234-5678 にご連絡ください。",
        &["wording.personal_data"],
    ),
    ("専用ダイヤル 0120-123-456 で受け付けております。", &[]),
    (
        "田中様の情報が含まれていました。",
        &["wording.personal_data"],
    ),
    (
        "佐藤 美咲さんが最初に気づきました。",
        &["wording.personal_data"],
    ),
    ("お客様と株主様にご心配をおかけしました。", &[]),
    ("関係者の皆様に深くお詫び申し上げます。", &[]),
    ("ご利用者様には個別にご連絡いたします。", &[]),
    (
        "〒100-0001 東京都千代田区千代田1丁目1番地 に送付しました。",
        &["wording.personal_data"],
    ),
    (
        "Please contact Mr. Smith for details.",
        &["wording.personal_data"],
    ),
    ("Please contact our customer team.", &[]),
    // Internal detail.
    (
        "不正な通信は 203.0.113.45 から来ていました。",
        &["wording.internal_detail"],
    ),
    ("2026.6.15 に発生しました。", &[]),
    ("VPN-GW01 が侵入口でした。", &["wording.internal_detail"]),
    (
        "fs01.hokushin.local が暗号化されました。",
        &["wording.internal_detail"],
    ),
    (
        "社内ポータル http://intranet/portal は停止中です。",
        &["wording.internal_detail"],
    ),
    (
        "詳細は https://www.example.co.jp/news/2026 をご覧ください。",
        &[],
    ),
    (
        "FortiOS 7.0.12 の弱点が使われました。",
        &["wording.internal_detail"],
    ),
    (
        "CVE-2024-21762 の弱点が使われました。",
        &["wording.internal_detail"],
    ),
    (
        "初期パスワードは hunter22 でした。",
        &["wording.internal_detail"],
    ),
    (
        "The password is Winter2026! for all accounts.",
        &["wording.internal_detail"],
    ),
    ("バージョン2では改善しました。", &[]),
    ("Windows is used on most office PCs.", &[]),
    // Blame and defensiveness.
    (
        "原因は委託先のミスであり、当社に責任はありません。",
        &["wording.blame"],
    ),
    (
        "今回の攻撃は防ぎようがありませんでした。",
        &["wording.blame"],
    ),
    ("This was not our fault.", &["wording.blame"]),
    ("The incident was beyond our control.", &["wording.blame"]),
    ("委託先と協力して調査を進めております。", &[]),
    ("We are working with our vendor to restore service.", &[]),
    // Absolute promises.
    (
        "今後このような事態は二度と発生しません。",
        &["wording.overpromise"],
    ),
    ("システムは完全に安全です。", &["wording.overpromise"]),
    ("This will never happen again.", &["wording.overpromise"]),
    ("Our systems are now 100% secure.", &["wording.overpromise"]),
    ("再発防止に全力で取り組んでまいります。", &[]),
    (
        "We are strengthening our monitoring to prevent a recurrence.",
        &[],
    ),
    // Vague quantities (no ledger: the number may be known).
    (
        "一部のお客様の情報が閲覧された可能性があります。",
        &["wording.vague", "wording.speculation"],
    ),
    (
        "一部のお客様にご不便をおかけしています。",
        &["wording.vague"],
    ),
    ("Some customers could not log in.", &["wording.vague"]),
    ("3,200名のお客様にご不便をおかけしています。", &[]),
    ("1,200 customers could not log in.", &[]),
    ("一部の機能が使えません。", &[]),
    // Full-width forms are matched after NFKC; spans still point at the original.
    ("ｻｰﾊﾞｰﾀﾞｳﾝが発生しました。", &["wording.jargon"]),
    (
        "不正な通信は　２０３．０．１１３．４５　から来ていました。",
        &["wording.internal_detail"],
    ),
    (
        "ＷＥ ＢＥＬＩＥＶＥ the attack began on Sunday.",
        &["wording.speculation"],
    ),
    // Several at once.
    (
        "おそらくランサムウェアです。二度と発生しません。",
        &[
            "wording.speculation",
            "wording.jargon",
            "wording.overpromise",
        ],
    ),
    (
        "We believe ransomware entered via 10.0.0.5.",
        &[
            "wording.speculation",
            "wording.jargon",
            "wording.internal_detail",
        ],
    ),
    // Plain, correct sentences raise nothing.
    (
        "本日午前、当社のシステムが外部から不正にアクセスされたことを確認いたしました。",
        &[],
    ),
    ("影響を受けたお客様には、個別にご連絡を差し上げます。", &[]),
    (
        "This morning we confirmed unauthorised access to our order system.",
        &[],
    ),
    ("We will contact every affected customer individually.", &[]),
    (
        "ご迷惑とご心配をおかけしておりますことを、深くお詫び申し上げます。",
        &[],
    ),
    (
        "We sincerely apologise for the worry and inconvenience.",
        &[],
    ),
    ("次回の報告は6月16日(火)午後を予定しております。", &[]),
    ("Our next update will follow on Tuesday afternoon.", &[]),
];

#[test]
fn every_case_raises_exactly_its_rules() {
    assert!(CASES.len() >= 80, "{} cases", CASES.len());
    let clean = CASES.iter().filter(|(_, want)| want.is_empty()).count();
    assert!(
        clean * 3 >= CASES.len(),
        "only {clean} cases expect no finding"
    );
    let checker = checker();
    let ctx = Context::default();
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got = checker.check(text, &ctx);
        let want: BTreeSet<String> = want.iter().map(|s| s.to_string()).collect();
        if rules(&got) != want {
            let shown: Vec<String> = got
                .iter()
                .map(|f| format!("{} 「{}」", f.rule, f.excerpt))
                .collect();
            failures.push(format!("{text}\n    want {want:?}\n    got  {shown:?}"));
        }
        for f in &got {
            let span = f.span.expect("present-but-wrong findings have a span");
            let excerpt: String = text
                .chars()
                .skip(span.start)
                .take(span.end - span.start)
                .collect();
            assert_eq!(excerpt, f.excerpt, "{text}");
            assert!(!f.sections.is_empty());
            assert!(f.message.has(Lang::Ja) && f.message.has(Lang::En));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

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
            plant(&ja, "お届けが最大2日", "一部のお客様へのお届けが最大2日"),
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
