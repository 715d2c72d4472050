//! The `pressroom` binary as a trainer or CI runs it: exit codes, text and JSON output.

use crate::{fixture, root};
use pressroom::playbook::{RULES, TOP_SECTIONS};
use std::process::{Command, Output};

fn pressroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .args(args)
        .current_dir(root())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn check_defaults_to_the_bundled_scenarios_and_passes() {
    let o = pressroom(&["check"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        stdout(&o),
        String::from_utf8_lossy(&o.stderr)
    );
    let text = stdout(&o);
    assert!(
        text.contains("ransomware-manufacturer.ron (ransomware-manufacturer): ok"),
        "{text}"
    );
    assert!(text.contains("coverage over"));
}

#[test]
fn check_json_carries_files_diagnostics_and_coverage() {
    let o = pressroom(&["check", "scenarios", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let files = v["files"].as_array().unwrap();
    assert!(!files.is_empty());
    for f in files {
        assert!(f["path"].is_string());
        assert!(f["diagnostics"].is_array());
    }
    for id in RULES {
        assert!(
            v["coverage"]["rules"][id].as_u64().unwrap() >= 1,
            "{id} not exercised"
        );
    }
    for s in TOP_SECTIONS {
        assert!(
            v["coverage"]["sections"][s].as_u64().unwrap() >= 1,
            "{s} not exercised"
        );
    }
}

#[test]
fn check_reports_errors_with_place_and_hint_and_exits_1() {
    let path = "tests/fixtures/scenarios/err_unknown_fact.ron";
    let o = pressroom(&["check", path]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(
        text.contains(&format!(
            "{path}:42:119: error[unknown-fact]: there is no fact `outgae`"
        )),
        "{text}"
    );
    assert!(text.contains("hint: did you mean `outage`?"), "{text}");

    let o = pressroom(&["check", path, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-fact");
    assert_eq!(d["line"], 42);
    assert_eq!(d["column"], 119);
    assert!(d["message"].as_str().unwrap().contains("outgae"));
}

#[test]
fn check_a_folder_of_broken_files_reports_each_and_exits_1() {
    let o = pressroom(&["check", "tests/fixtures/scenarios", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    let files = v["files"].as_array().unwrap();
    assert!(files.len() >= 30);
    for f in files {
        let name = f["path"].as_str().unwrap();
        let has_errors = f["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["severity"] == "error");
        assert_eq!(has_errors, name.contains("/err_"), "{name}");
    }
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(
        pressroom(&["check", "no/such/folder"]).status.code(),
        Some(2)
    );
    assert_eq!(
        pressroom(&["check", "--format", "yaml"]).status.code(),
        Some(2)
    );
    assert_eq!(pressroom(&["rules", "--lang", "fr"]).status.code(), Some(2));
    assert_eq!(pressroom(&["frobnicate"]).status.code(), Some(2));
    let empty = std::env::temp_dir().join(format!("pressroom-empty-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let o = pressroom(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no scenario files"));
    std::fs::remove_dir_all(&empty).unwrap();
}

#[test]
fn rules_json_lists_every_rule_with_sections() {
    let o = pressroom(&["rules", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let rules = v["rules"].as_array().unwrap();
    for id in RULES {
        let r = rules
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}"));
        assert!(!r["sections"].as_array().unwrap().is_empty(), "{id}");
        assert!(r["title"]["ja"].is_string() && r["title"]["en"].is_string());
        assert!(r["weight"].as_f64().unwrap() > 0.0);
    }
    let cited: Vec<String> = rules
        .iter()
        .flat_map(|r| r["sections"].as_array().unwrap().iter())
        .map(|s| {
            s["id"]
                .as_str()
                .unwrap()
                .split('.')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    for s in TOP_SECTIONS {
        assert!(cited.iter().any(|c| c == s), "{s} never cited");
    }
}

#[test]
fn rules_text_follows_the_language() {
    let ja = stdout(&pressroom(&["rules", "--lang", "ja"]));
    assert!(ja.contains("事実確認の後に公表する"), "{ja}");
    assert!(ja.contains("S1.1 初動対応と情報収集のポイント"));
    let en = stdout(&pressroom(&["rules", "--lang", "en"]));
    assert!(en.contains("Publish after the core facts are confirmed"));
    let by_locale = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .args(["rules"])
        .env("LANG", "ja_JP.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&by_locale.stdout).contains("事実確認の後に公表する"));
}

#[test]
fn an_organisation_playbook_is_used_and_a_broken_one_refused() {
    let ok = fixture("playbooks/ok_overlay.ron");
    let o = pressroom(&[
        "--playbook",
        ok.to_str().unwrap(),
        "rules",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert!(
        v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "process.board_notified")
    );
    let o = pressroom(&["--playbook", ok.to_str().unwrap(), "check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));

    let bad = fixture("playbooks/err_unknown_section.ron");
    let o = pressroom(&["--playbook", bad.to_str().unwrap(), "check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error[unknown-section]") && err.contains("did you mean `S3`?"),
        "{err}"
    );
}

#[test]
fn lint_reports_findings_and_denies_on_errors() {
    let dir = std::env::temp_dir().join(format!("pressroom-lint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(
        &bad,
        "本日、サーバーダウンが発生しました。おそらく外部からの攻撃と思われます。",
    )
    .unwrap();
    let bad = bad.to_str().unwrap();

    let o = pressroom(&["lint", bad, "--lang", "ja"]);
    assert_eq!(o.status.code(), Some(0), "findings alone do not fail");
    let text = stdout(&o);
    assert!(text.contains(":1:4: warning[wording.jargon]"), "{text}");
    assert!(text.contains("error[wording.speculation]"), "{text}");
    assert!(
        text.contains("「システムが停止」と言い換えましょう。"),
        "{text}"
    );
    assert!(
        text.contains("procedure: S1.1 初動対応と情報収集のポイント"),
        "{text}"
    );

    assert_eq!(pressroom(&["lint", bad, "--deny"]).status.code(), Some(1));

    let v = json(&pressroom(&[
        "lint", bad, "--format", "json", "--stage", "update",
    ]));
    assert_eq!(v["stage"], "update");
    let findings = v["findings"].as_array().unwrap();
    let jargon = findings
        .iter()
        .find(|f| f["rule"] == "wording.jargon")
        .unwrap();
    assert_eq!(jargon["span"]["start"], 3);
    assert_eq!(jargon["span"]["end"], 10);
    assert_eq!(jargon["excerpt"], "サーバーダウン");
    assert!(jargon["message"]["en"].is_string() && jargon["suggestion"]["ja"].is_string());
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "wording.contact" && f["span"].is_null())
    );

    let good = fixture("wording/good_first_ja.txt");
    let o = pressroom(&["lint", good.to_str().unwrap(), "--deny"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn lint_against_a_scenario_uses_its_ledger() {
    let dir = std::env::temp_dir().join(format!("pressroom-lint-s-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("draft.txt");
    std::fs::write(&draft, "クレジットカード情報の流出はございません。").unwrap();
    let draft = draft.to_str().unwrap();
    let scenario = "scenarios/ransomware-manufacturer.ron";

    let early = json(&pressroom(&[
        "lint",
        draft,
        "--scenario",
        scenario,
        "--at",
        "+2h",
        "--format",
        "json",
    ]));
    assert_eq!(early["at"], "+2h00m");
    let rules: Vec<&str> = early["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"wording.unconfirmed_claim"), "{rules:?}");

    let late = json(&pressroom(&[
        "lint",
        draft,
        "--scenario",
        scenario,
        "--at",
        "+1d",
        "--format",
        "json",
    ]));
    let rules: Vec<&str> = late["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"wording.unconfirmed_claim"), "{rules:?}");

    let by_decision = json(&pressroom(&[
        "lint",
        draft,
        "--scenario",
        scenario,
        "--decision",
        "first_draft",
        "--format",
        "json",
    ]));
    assert_eq!(by_decision["at"], "+1h40m");
    assert_eq!(by_decision["stage"], "first");

    assert_eq!(
        pressroom(&["lint", draft, "--at", "+2h"]).status.code(),
        Some(2),
        "--at needs --scenario"
    );
    assert_eq!(
        pressroom(&["lint", draft, "--scenario", scenario])
            .status
            .code(),
        Some(2),
        "a moment is needed"
    );
    let o = pressroom(&[
        "lint",
        draft,
        "--scenario",
        scenario,
        "--decision",
        "first_draf",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("did you mean `first_draft`?"));
    assert_eq!(
        pressroom(&["lint", "no/such/draft.txt"]).status.code(),
        Some(2)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
