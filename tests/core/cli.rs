//! The `pressroom` binary as a trainer or CI runs it: exit codes, text and JSON output.

use crate::{fixture, pressroom, root};
use pressroom::playbook::{RULES, TOP_SECTIONS};
use std::process::{Command, Output};

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
    let empty = crate::Scratch::new("empty");
    let o = pressroom(&["check", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no scenario files"));
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
    let dir = crate::Scratch::new("lint");
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
        text.contains("手順書: S1.1 初動対応と情報収集のポイント"),
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
}

#[test]
fn lint_against_a_scenario_uses_its_ledger() {
    let dir = crate::Scratch::new("lint-s");
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
    assert_eq!(by_decision["at"], "+1h00m");
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
}

#[test]
fn run_prints_a_debrief_and_writes_a_record_that_rescores() {
    let dir = crate::Scratch::new("run");
    let scenario = "scenarios/ransomware-manufacturer.ron";
    let answers = "scenarios/answers/ransomware-manufacturer.flawed-wrong-approver.ron";
    let record = dir.join("drill.ron");
    let record_s = record.to_str().unwrap();

    let o = pressroom(&[
        "run",
        scenario,
        "--answers",
        answers,
        "--format",
        "json",
        "--record",
        record_s,
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["scenario"], "ransomware-manufacturer");
    assert_eq!(v["seed"], 1);
    let total = v["score"]["total"].as_f64().unwrap();
    assert!(total > 0.0 && total < 100.0);
    for area in ["timing", "roles", "process", "wording"] {
        assert!(v["score"]["areas"][area]["score"].is_number(), "{area}");
    }
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "roles.final_approver")
        .unwrap();
    assert_eq!(f["points"], 0.0);
    assert!(f["max"].as_f64().unwrap() > 0.0);
    assert!(
        f["evidence"]["en"]
            .as_str()
            .unwrap()
            .contains("Koji Yamamoto")
    );
    assert!(
        f["message"]["en"]
            .as_str()
            .unwrap()
            .contains("cannot be reached"),
        "{}",
        f["message"]
    );
    assert!(f["citation"]["ja"].as_str().unwrap().starts_with("S1.3"));
    assert!(v["timeline"]["publications"].as_array().unwrap().len() >= 2);

    let o = pressroom(&["rescore", record_s, "--format", "json"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(json(&o)["score"]["total"].as_f64().unwrap(), total);
    assert!(String::from_utf8_lossy(&o.stderr).contains("score reproduced"));

    // The scenario changes: rescore says so.
    let copy = dir.join("changed.ron");
    let text = std::fs::read_to_string(crate::root().join(scenario)).unwrap();
    std::fs::write(&copy, text.replace("minutes: 60", "minutes: 75")).unwrap();
    let o = pressroom(&["rescore", record_s, "--scenario", copy.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("the scenario file has changed"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // Markdown and text debriefs, in Japanese.
    let md = stdout(&pressroom(&[
        "run",
        scenario,
        "--answers",
        answers,
        "--format",
        "md",
        "--lang",
        "ja",
    ]));
    assert!(
        md.starts_with("# 振り返り: 製造業のランサムウェア被害"),
        "{md}"
    );
    assert!(md.contains("`roles.final_approver`"));
    let out = dir.join("debrief.md");
    let o = pressroom(&[
        "run",
        scenario,
        "--answers",
        answers,
        "--format",
        "md",
        "--lang",
        "ja",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), md);
}

#[test]
fn a_bad_answers_file_gets_path_line_col() {
    let dir = crate::Scratch::new("badans");
    let bad = dir.join("bad.ron");
    std::fs::write(
        &bad,
        "Answers(\n    format: 1,\n    scenario: \"ransomware-manufacturer\",\n    actions: [\n        (at: \"+5m\", decision: \"expertz\", answer: Choice(\"call_specialists\")),\n        (at: \"+1m\", decision: \"team\", answer: Publish),\n    ],\n)\n",
    )
    .unwrap();
    let bad_s = bad.to_str().unwrap();
    let o = pressroom(&[
        "run",
        "scenarios/ransomware-manufacturer.ron",
        "--answers",
        bad_s,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("{bad_s}:5:31: error[unknown-decision]")),
        "{err}"
    );
    assert!(err.contains("did you mean `experts`?"), "{err}");
    assert!(
        err.contains(&format!("{bad_s}:6:14: error[out-of-order]")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{bad_s}:6:47: error[bad-answer]")),
        "{err}"
    );

    std::fs::write(&bad, "Answers(\n    format: 1,\n    scenario: \"ransomware-manufacturer\",\n    actions: [\n        (at: \"+2h\", decision: \"follow_up\", answer: Choice(\"weekly\")),\n    ],\n)\n").unwrap();
    let o = pressroom(&[
        "run",
        "scenarios/ransomware-manufacturer.ron",
        "--answers",
        bad_s,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(":5:31: error[bad-answer]: at +2h00m: decision `follow_up` is not open yet"),
        "{err}"
    );
}

#[test]
fn two_team_drills_join_the_history_in_order_with_their_trend() {
    let data = crate::Scratch::new("history");
    let dir = data.to_str().unwrap();
    let scenario = "scenarios/ransomware-manufacturer.ron";
    for (kind, team) in [
        ("exemplary", "広報チーム"),
        ("flawed-published-early", "広報チーム"),
        ("flawed-leaky-draft", "other"),
    ] {
        let answers = format!("scenarios/answers/ransomware-manufacturer.{kind}.ron");
        let o = pressroom(&[
            "run",
            scenario,
            "--answers",
            &answers,
            "--team",
            team,
            "--data-dir",
            dir,
        ]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(String::from_utf8_lossy(&o.stderr).contains("record saved to"));
    }
    // The environment variable finds the same folder as the flag.
    let o = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .args(["history", "--team", "広報チーム", "--format", "json"])
        .current_dir(root())
        .env("PRESSROOM_DATA_DIR", dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    let drills = v["drills"].as_array().unwrap();
    assert_eq!(drills.len(), 2, "only the team's drills: {v}");
    assert_eq!(drills[0]["total"], 100.0);
    assert!(drills[1]["total"].as_f64().unwrap() < 100.0);
    for d in drills {
        for area in ["timing", "roles", "process", "wording"] {
            assert!(d["areas"][area].is_number(), "{area} in {d}");
        }
        assert_eq!(d["team"], "広報チーム");
    }
    let change = drills[1]["change"].as_f64().unwrap();
    assert!(change < 0.0);
    assert_eq!(v["trend"].as_f64().unwrap(), change);
    assert!(drills[0]["started"].as_str() <= drills[1]["started"].as_str());

    // Text for people: every drill, and the trend line.
    let o = pressroom(&["history", "--data-dir", dir, "--lang", "en"]);
    let text = stdout(&o);
    assert_eq!(
        text.lines().filter(|l| l.contains("Ransomware")).count(),
        3,
        "{text}"
    );
    assert!(text.contains("trend:"), "{text}");

    // Each saved record rescores to its score.
    for entry in std::fs::read_dir(data.join("records")).unwrap() {
        let path = entry.unwrap().path();
        let o = pressroom(&["rescore", path.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }

    // An empty folder says so.
    let empty = crate::Scratch::new("history-empty");
    let o = pressroom(&["history", "--data-dir", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("No drills recorded yet"));
}

#[test]
fn analyze_reports_json_for_tools_and_text_for_trainers() {
    let o = pressroom(&[
        "analyze",
        "scenarios/ransomware-manufacturer.ron",
        "--samples",
        "40",
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    for key in [
        "best_score",
        "worst_score",
        "exemplary_score",
        "percentiles",
        "unreached",
        "unexercised_rules",
    ] {
        assert!(!v[key].is_null(), "{key} in {v}");
    }
    assert!(v["unreached"]["injects"].is_array() && v["unreached"]["decisions"].is_array());
    let o = pressroom(&[
        "analyze",
        "scenarios/ransomware-manufacturer.ron",
        "--samples",
        "20",
        "--lang",
        "ja",
    ]);
    assert!(stdout(&o).contains("最高点"));
    let o = pressroom(&["analyze", "tests/fixtures/scenarios/err_unknown_fact.ron"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn new_writes_a_skeleton_that_passes_check_in_either_language() {
    let dir = crate::Scratch::new("new");
    for lang in ["ja", "en"] {
        let path = dir.join(format!("drill-{lang}.ron"));
        let p = path.to_str().unwrap();
        let o = pressroom(&["new", p, "--lang", lang]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let o = pressroom(&["check", p]);
        assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
        assert!(
            stdout(&o).contains("0 error(s), 0 warning(s)"),
            "{}",
            stdout(&o)
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(&format!("id: \"drill-{lang}\"")));
        assert!(
            text.lines()
                .filter(|l| l.trim_start().starts_with("//"))
                .count()
                > 10,
            "commented"
        );
        // Never over an existing file.
        let o = pressroom(&["new", p]);
        assert_eq!(o.status.code(), Some(2));
    }
    let o = pressroom(&["new", dir.join("Bad Name").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot be a scenario ID"));
}

#[test]
fn upgrade_rewrites_only_the_version_line_and_check_says_when_it_is_needed() {
    let dir = crate::Scratch::new("upgrade");
    let old = std::fs::read_to_string(fixture("scenarios/warn_unused_deadline.ron")).unwrap();
    assert!(old.contains("format: 1,"));
    let scenario = dir.join("drill.ron");
    std::fs::write(&scenario, &old).unwrap();
    let answers = dir.join("drill.answers.ron");
    std::fs::write(
        &answers,
        "// a comment the upgrade keeps\nAnswers(\n    format: 1, // and this one\n    scenario: \"minimal\",\n    actions: [],\n)\n",
    )
    .unwrap();
    let path = scenario.to_str().unwrap();

    // `check` still reads format 1, and says how to upgrade.
    let o = pressroom(&["--lang", "en", "check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning[old-format]"), "{}", stdout(&o));
    assert!(stdout(&o).contains("pressroom upgrade"), "{}", stdout(&o));

    // `--check` writes nothing and fails while a file needs upgrading.
    let o = pressroom(&[
        "--lang",
        "en",
        "upgrade",
        "--check",
        path,
        answers.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("format 1 → 2: needs upgrading"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read_to_string(&scenario).unwrap(), old);

    // In Japanese, and for real.
    let o = pressroom(&["--lang", "ja", "upgrade", path, answers.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("形式 1 → 2: 更新しました"),
        "{}",
        stdout(&o)
    );
    let new = std::fs::read_to_string(&scenario).unwrap();
    assert_eq!(new, old.replacen("format: 1,", "format: 2,", 1));
    let new_answers = std::fs::read_to_string(&answers).unwrap();
    assert!(new_answers.starts_with("// a comment the upgrade keeps\n"));
    assert!(new_answers.contains("format: 2, // and this one"));

    // Once is enough; the upgraded file checks without the format warning.
    let o = pressroom(&["--lang", "en", "upgrade", "--check", path]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("already format 2"));
    let o = pressroom(&["--lang", "en", "check", path, "--format", "json"]);
    assert!(!stdout(&o).contains("old-format"), "{}", stdout(&o));

    // What is not a scenario or answers file is refused with its place, and nothing else.
    let playbook = dir.join("playbook.ron");
    std::fs::write(&playbook, "Playbook(format: 1, id: \"x\")\n").unwrap();
    let o = pressroom(&[
        "--lang",
        "en",
        "upgrade",
        playbook.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v[0]["outcome"], "error");
    assert_eq!(v[0]["diagnostics"][0]["code"], "wrong-type");
    // A file from a newer Pressroom is not touched.
    let future = dir.join("future.ron");
    std::fs::write(&future, old.replacen("format: 1,", "format: 7,", 1)).unwrap();
    let o = pressroom(&["--lang", "en", "upgrade", future.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("unsupported-format"), "{}", stdout(&o));
    // A file saved with a byte-order mark and Windows line endings keeps both.
    let windows = dir.join("windows.ron");
    let crlf = format!("\u{feff}{}", old.replace('\n', "\r\n"));
    std::fs::write(&windows, &crlf).unwrap();
    let o = pressroom(&["--lang", "en", "upgrade", windows.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        std::fs::read_to_string(&windows).unwrap(),
        crlf.replacen("format: 1,", "format: 2,", 1)
    );
    // No file at all is a usage error.
    assert_eq!(pressroom(&["upgrade"]).status.code(), Some(2));
}

/// Runs of three or more English words: a sentence or a phrase left in English. Codes, IDs
/// and paths (a token with a digit, `.`, `/`, `_`, `-` or `:` in it) are not words.
fn english_phrases(text: &str) -> Vec<String> {
    let word = r"[A-Za-z][a-z']*(?:\(s\))?[,;]?";
    let words = regex::Regex::new(&format!("^{word}$")).unwrap();
    let mut found = Vec::new();
    for line in text.lines() {
        let mut run: Vec<&str> = Vec::new();
        for token in line.split_whitespace().chain([""]) {
            if words.is_match(token) {
                run.push(token);
                continue;
            }
            if run.len() >= 3 {
                found.push(run.join(" "));
            }
            run.clear();
        }
    }
    found
}

/// Under `--lang ja`, check, run, lint, history, rescore, rules and --help print Japanese,
/// and so do clap's errors and the commands' own refusals: the same commands in English are
/// full of English sentences, and in Japanese none is left.
#[test]
fn every_command_speaks_japanese_under_lang_ja() {
    let data = crate::Scratch::new("cli-ja");
    let data_dir = data.to_str().unwrap();
    let record = data.join("r.ron");
    let record = record.to_str().unwrap();
    let scenario = "scenarios/payment-outage.ron";
    let answers = "scenarios/answers/payment-outage.exemplary.ron";
    let draft = "tests/fixtures/wording/good_first_ja.txt";
    // A file written into the data folder for one command; its path.
    let write = |name: &str, text: &str| {
        let path = data.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    // Answers files with mistakes: their diagnostics are Japanese too.
    let bad = write(
        "bad.ron",
        r#"Answers(
    format: 2,
    scenario: "payment-outage",
    lang: "fr",
    actions: [
        (at: "+30m", decision: "holdin", answer: Choice("status_page")),
        (at: "+5m", decision: "holding", answer: Choice("status_page")),
        (at: "soon", decision: "align", answer: Choice("one_channel")),
        (at: "+6m", decision: "align", answer: Publish),
    ],
    fire: [(at: "+10m", inject: "no_such_inject")],
)
"#,
    );
    let refused = write(
        "refused.ron",
        r#"Answers(
    format: 2,
    scenario: "payment-outage",
    actions: [
        (at: "+0m", decision: "first_timing", answer: Publish),
    ],
)
"#,
    );
    // A scenario with a wrong name and a bad time: the most common slips of a writer.
    let broken = write(
        "broken.ron",
        &std::fs::read_to_string(crate::root().join("scenarios/ransomware-manufacturer.ron"))
            .unwrap()
            .replacen(
                r#"from: Person("takahashi")"#,
                r#"from: Person("takahashy")"#,
                1,
            )
            .replacen(r#"when: At("+1h40m")"#, r#"when: At("soon")"#, 1),
    );
    // Slips the file's syntax catches: a misspelt field, a missing comma, and the rarer
    // checks (no minutes, an unknown language, an ID given twice, a span of nothing).
    let misspelt = write(
        "misspelt.ron",
        &std::fs::read_to_string(crate::root().join("scenarios/payment-outage.ron"))
            .unwrap()
            .replacen("    minutes: 40,", "    minutez: 40,", 1),
    );
    let comma = write(
        "comma.ron",
        "Scenario(\n  format: 2,\n  id: \"x\"\n  title: (ja: \"a\")\n)\n",
    );
    let rare = write(
        "rare.ron",
        &std::fs::read_to_string(crate::root().join("scenarios/payment-outage.ron"))
            .unwrap()
            .replacen("    minutes: 40,", "    minutes: 0,", 1)
            .replacen(
                r#"languages: ["ja", "en"]"#,
                r#"languages: ["ja", "en", "fr"]"#,
                1,
            )
            .replacen(r#"id: "double_found""#, r#"id: "restored_report""#, 1),
    );
    let commands: Vec<Vec<&str>> = vec![
        vec!["run", scenario, "--answers", &bad],
        vec!["run", scenario, "--answers", &refused],
        vec!["check", &broken],
        vec!["check", &misspelt],
        vec!["check", &comma],
        vec!["check", &rare],
        vec!["check", "scenarios/"],
        vec![
            "run",
            scenario,
            "--answers",
            answers,
            "--record",
            record,
            "--team",
            "red",
        ],
        vec!["lint", draft],
        vec![
            "lint",
            draft,
            "--scenario",
            "scenarios/ransomware-manufacturer.ron",
            "--at",
            "+1h",
        ],
        vec!["history"],
        vec!["rescore", record],
        vec!["rules"],
        vec!["--help"],
        vec!["run", "--help"],
        vec!["lint", "--no-such-flag"],
        // The commands' own refusals.
        vec!["history", "--team", "nobody"],
        vec!["new", "BadName"],
        vec!["analyze", scenario, "--samples", "999999999"],
        vec!["import", "no-such-record.ron"],
    ];
    for c in &commands {
        let output = |lang: &str| {
            let mut args = vec!["--lang", lang, "--data-dir", data_dir];
            args.extend(c.iter().copied());
            let o = pressroom(&args);
            String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr)
        };
        let (en, ja) = (output("en"), output("ja"));
        assert!(
            !english_phrases(&en).is_empty(),
            "{c:?} in English says something in English: {en}"
        );
        let left = english_phrases(&ja);
        assert!(
            left.is_empty(),
            "{c:?} under --lang ja still says {left:?}:\n{ja}"
        );
    }
}
