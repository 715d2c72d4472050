//! Format 2's models, one pair of answer sets each: `tests/fixtures/models/MODEL.ok.ron`
//! keeps the model and earns the points, `MODEL.broken.ron` breaks it and loses them under
//! the named rule, with a message naming the person, milestone, fact or promise. Each file
//! says what it must show in `// expect: DECISION RULE full|lost|absent [WORDS] [max=N]`.
//! Also: every format 1 file in the repository upgrades to format 2 by its version line
//! alone, and scores byte-identically after.

use crate::{fixture, root};
use pressroom::prelude::*;
use std::sync::Arc;

struct Expect {
    decision: String,
    rule: String,
    outcome: String,
    words: String,
    max: Option<f64>,
}

fn expectations(src: &str) -> Vec<Expect> {
    src.lines()
        .filter_map(|l| l.strip_prefix("// expect: "))
        .map(|rest| {
            let mut parts: Vec<&str> = rest.split_whitespace().collect();
            let max = parts
                .iter()
                .position(|p| p.starts_with("max="))
                .map(|i| parts.remove(i)[4..].parse().unwrap());
            Expect {
                decision: parts[0].to_string(),
                rule: parts[1].to_string(),
                outcome: parts[2].to_string(),
                words: parts[3..].join(" "),
                max,
            }
        })
        .collect()
}

fn drill() -> (Arc<Scenario>, Playbook) {
    let playbook = Playbook::default_playbook();
    let loaded =
        Scenario::load(&fixture("models/drill.ron"), &playbook).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    (loaded.scenario, playbook)
}

/// Plays an answers file's text on a scenario, with the scenario's own checker.
pub(crate) fn play(scenario: &Arc<Scenario>, playbook: &Playbook, src: &str) -> Outcome {
    let checker = Checker::for_scenario(playbook, scenario);
    let answers = answers::parse(src, scenario).unwrap_or_else(|d| panic!("{d:?}\n{src}"));
    replay::play(scenario, playbook, &checker, &answers, 1).unwrap_or_else(|d| panic!("{d:?}"))
}

#[test]
fn every_model_earns_when_kept_and_loses_when_broken_with_a_named_reason() {
    let (scenario, playbook) = drill();
    let mut files: Vec<_> = std::fs::read_dir(fixture("models"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.ends_with(".ron") && name != "drill.ron" && name != "base.ron"
        })
        .collect();
    files.sort();
    let models: std::collections::BTreeSet<String> = files
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            name.split('.').next().unwrap().to_string()
        })
        .collect();
    for model in [
        "review",
        "approval",
        "milestone",
        "prerequisites",
        "values",
        "promise",
        "roles",
        "departments",
        "points",
        "wording",
        "bilingual",
        "internal",
        "reply",
    ] {
        assert!(models.contains(model), "no fixture for the {model} model");
        for side in ["ok", "broken"] {
            let path = fixture(&format!("models/{model}.{side}.ron"));
            assert!(path.exists(), "{} is missing", path.display());
        }
    }
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let src = std::fs::read_to_string(path).unwrap();
        let expects = expectations(&src);
        assert!(!expects.is_empty(), "{name} says nothing it must show");
        let out = play(&scenario, &playbook, &src);
        for e in expects {
            let found: Vec<&Finding> = out
                .score
                .findings
                .iter()
                .filter(|f| f.rule == e.rule && f.decision.as_deref() == Some(e.decision.as_str()))
                .collect();
            let said = |f: &Finding| {
                format!(
                    "{}/{} {} | {}",
                    f.points,
                    f.max,
                    f.evidence.get(Lang::En),
                    f.message.get(Lang::En)
                )
            };
            match (e.outcome.as_str(), found.as_slice()) {
                ("absent", []) => {}
                ("absent", [f, ..]) => failures.push(format!(
                    "{name}: {} {} should be absent: {}",
                    e.decision,
                    e.rule,
                    said(f)
                )),
                (_, []) => {
                    failures.push(format!("{name}: no {} finding at {}", e.rule, e.decision))
                }
                ("full", [f]) if (f.points - f.max).abs() > 1e-9 => failures.push(format!(
                    "{name}: {} {} should earn everything: {}",
                    e.decision,
                    e.rule,
                    said(f)
                )),
                ("lost", [f]) if f.points >= f.max - 1e-9 => failures.push(format!(
                    "{name}: {} {} should lose points: {}",
                    e.decision,
                    e.rule,
                    said(f)
                )),
                ("lost", [f]) => {
                    let text = format!("{} {}", f.evidence.get(Lang::En), f.message.get(Lang::En));
                    if !text.to_lowercase().contains(&e.words.to_lowercase()) {
                        failures.push(format!(
                            "{name}: {} {} should name \"{}\": {}",
                            e.decision,
                            e.rule,
                            e.words,
                            said(f)
                        ));
                    }
                    // The reason reads in Japanese as well as English.
                    if f.message.get(Lang::Ja).is_empty()
                        || f.message.get(Lang::Ja) == f.message.get(Lang::En)
                    {
                        failures.push(format!(
                            "{name}: {} {} has no Japanese reason",
                            e.decision, e.rule
                        ));
                    }
                }
                ("full", [_]) => {}
                (_, many) => failures.push(format!(
                    "{name}: {} {} findings at {}",
                    many.len(),
                    e.rule,
                    e.decision
                )),
            }
            if let (Some(max), [f, ..]) = (e.max, found.as_slice())
                && (f.max - max).abs() > 1e-9
            {
                failures.push(format!(
                    "{name}: {} {} is worth {}, not {max}",
                    e.decision, e.rule, f.max
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn addressed_injects_reach_their_function_in_the_log_and_the_report() {
    let (scenario, playbook) = drill();
    let src = std::fs::read_to_string(fixture("models/base.ron")).unwrap();
    let out = play(&scenario, &playbook, &src);
    let to: Vec<(String, Option<pressroom::scenario::Department>)> = out
        .session
        .log
        .iter()
        .filter_map(|e| match e {
            Event::InjectArrived { inject, to, .. } => Some((inject.clone(), to.clone())),
            _ => None,
        })
        .collect();
    assert!(to.contains(&(
        "legal_note".into(),
        Some(pressroom::scenario::Department::Legal)
    )));
    assert!(to.contains(&("alert".into(), None)));
    let json = serde_json::to_string(&out.session.log).unwrap();
    assert!(
        json.contains(r#""inject":"legal_note","at":50,"to":"Legal""#),
        "{json}"
    );
    assert!(
        !json.contains(r#""inject":"alert","at":0,"to""#),
        "an inject for everyone names no function"
    );
    // The drill's own record and report show who received it.
    let dir = crate::Scratch::new("addressed");
    let record = dir.join("drill.record.ron");
    let run = crate::pressroom(&[
        "--lang",
        "en",
        "run",
        fixture("models/drill.ron").to_str().unwrap(),
        "--answers",
        fixture("models/base.ron").to_str().unwrap(),
        "--record",
        record.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report = crate::pressroom(&[
        "--lang",
        "en",
        "report",
        record.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let md = String::from_utf8_lossy(&report.stdout);
    assert!(md.contains("Mail → Legal"), "{md}");
    assert!(md.contains("Chat → IT / security"), "{md}");
}

#[test]
fn a_milestone_is_reached_once_and_logged() {
    let (scenario, _) = drill();
    let (mut s, _) = Session::new(&scenario, 1);
    let team = scenario.find_decision("align").unwrap();
    let events = s.answer(team, Answer::Choice("meet".into())).unwrap();
    assert!(events.iter().any(
        |e| matches!(e, Event::MilestoneReached { milestone, .. } if milestone == "alignment")
    ));
    let again = s.advance_by(60);
    assert!(
        !again
            .iter()
            .any(|e| matches!(e, Event::MilestoneReached { .. }))
    );
    assert_eq!(
        s.milestone_at(pressroom::scenario::MilestoneRef(0)),
        Some(SimTime(0))
    );
}

#[test]
fn the_count_the_team_knew_is_the_one_at_that_moment() {
    let (scenario, _) = drill();
    let (mut s, _) = Session::new(&scenario, 1);
    let count = scenario.find_fact("count").unwrap();
    assert_eq!(s.count_at(count, SimTime(60)), None);
    s.advance_to(SimTime(5 * 60));
    assert_eq!(s.count_at(count, SimTime(3 * 60)), Some(1200));
    assert_eq!(s.count_at(count, SimTime(4 * 60)), Some(980));
    assert_eq!(s.superseded_at(count, SimTime(4 * 60)), vec![1200]);
    assert!(s.superseded_at(count, SimTime(3 * 60)).is_empty());
}

/// Every RON file in the repository that is a format 1 scenario or answers file.
fn format_1_files() -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join("scenarios"), root().join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ron")
                && let Ok(src) = std::fs::read_to_string(&path)
                && matches!(
                    pressroom::source::version::root_name(&src),
                    Some("Scenario" | "Answers")
                )
                && pressroom::source::version::find(&src).is_some_and(|(n, _, _)| n == 1)
            {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_format_1_file_upgrades_by_its_version_line_and_scores_the_same() {
    use pressroom::authoring::upgrade::{Outcome as Up, upgrade_text};
    let playbook = Playbook::default_playbook();
    let files = format_1_files();
    assert!(files.len() > 40, "only {} format 1 files", files.len());
    let mut upgraded = std::collections::BTreeMap::new();
    for path in &files {
        let src = std::fs::read_to_string(path).unwrap();
        let loads = match pressroom::source::version::root_name(&src) {
            Some("Scenario") => pressroom::scenario::validate(&src, &playbook).is_ok(),
            _ => true,
        };
        match upgrade_text(&src, &playbook) {
            Ok(Up::Upgraded {
                text,
                from: 1,
                to: 2,
                line,
                ..
            }) => {
                // Only the version line changed: every comment and layout choice is kept.
                let (a, b): (Vec<&str>, Vec<&str>) =
                    (src.lines().collect(), text.lines().collect());
                assert_eq!(a.len(), b.len(), "{}", path.display());
                for (i, (x, y)) in a.iter().zip(&b).enumerate() {
                    if i + 1 == line {
                        assert_eq!(x.replacen('1', "2", 1), *y, "{}", path.display());
                    } else {
                        assert_eq!(x, y, "{}:{}", path.display(), i + 1);
                    }
                }
                // Upgrading twice changes nothing more.
                assert!(matches!(
                    upgrade_text(&text, &playbook),
                    Ok(Up::Current { format: 2, .. })
                ));
                upgraded.insert(path.clone(), text);
            }
            Ok(other) => panic!("{}: {other:?}", path.display()),
            // A fixture broken on purpose stays broken, and says so.
            Err(_) => assert!(!loads, "{} loads but does not upgrade", path.display()),
        }
    }
    // Every bundled answer set and rule drill scores byte-identically before and after.
    let mut compared = 0;
    for (scenario_path, answers_dir) in [
        (None, root().join("scenarios/answers")),
        (Some(fixture("rules/drill.ron")), fixture("rules")),
    ] {
        for entry in std::fs::read_dir(&answers_dir).unwrap() {
            let answers_path = entry.unwrap().path();
            let Some(new_answers) = upgraded.get(&answers_path) else {
                continue;
            };
            let old_answers = std::fs::read_to_string(&answers_path).unwrap();
            if pressroom::source::version::root_name(&old_answers) != Some("Answers") {
                continue;
            }
            let scenario_path = scenario_path.clone().unwrap_or_else(|| {
                let stem = answers_path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .to_string();
                root()
                    .join("scenarios")
                    .join(format!("{}.ron", stem.split('.').next().unwrap()))
            });
            let old_src = std::fs::read_to_string(&scenario_path).unwrap();
            let new_src = upgraded
                .get(&scenario_path)
                .cloned()
                .unwrap_or_else(|| old_src.clone());
            let score = |scenario_src: &str, answers_src: &str| {
                let s = pressroom::scenario::validate(scenario_src, &playbook)
                    .unwrap()
                    .scenario;
                let checker = Checker::for_scenario(&playbook, &s);
                let a = answers::parse(answers_src, &s).unwrap();
                let out = replay::play(&s, &playbook, &checker, &a, 1).unwrap();
                serde_json::to_string(&out.score).unwrap()
            };
            assert_eq!(
                score(&old_src, &old_answers),
                score(&new_src, new_answers),
                "{} on {}",
                answers_path.display(),
                scenario_path.display()
            );
            compared += 1;
        }
    }
    // Every format 1 scenario, played with no answers at all, and its coverage: the same.
    for (path, new_src) in &upgraded {
        let old_src = std::fs::read_to_string(path).unwrap();
        if pressroom::source::version::root_name(&old_src) != Some("Scenario") {
            continue;
        }
        let Ok(old) = pressroom::scenario::validate(&old_src, &playbook) else {
            continue;
        };
        let new = pressroom::scenario::validate(new_src, &playbook).unwrap();
        let idle = |s: &Arc<Scenario>| {
            let (mut session, _) = Session::new(s, 1);
            session.finish();
            let checker = Checker::for_scenario(&playbook, s);
            let score = pressroom::scoring::score(&session, &playbook, &checker);
            (
                serde_json::to_string(&score).unwrap(),
                pressroom::scoring::coverage::rules(s, &playbook),
            )
        };
        assert_eq!(
            idle(&old.scenario),
            idle(&new.scenario),
            "{}",
            path.display()
        );
        compared += 1;
    }
    assert!(compared >= 5, "only {compared} files compared");
}

#[test]
fn the_format_docs_show_the_models_drill_as_it_is() {
    let docs = std::fs::read_to_string(root().join("docs/scenario-format.md")).unwrap();
    let drill = std::fs::read_to_string(fixture("models/drill.ron")).unwrap();
    assert!(
        docs.contains(drill.trim_end()),
        "docs/scenario-format.md's format 2 example differs from tests/fixtures/models/drill.ron"
    );
}

#[test]
fn a_second_update_keeps_the_first_updates_promise() {
    // The drill with its final report turned into a second update: the first update's
    // promise is kept by the next timing decision of the same stage.
    let playbook = Playbook::default_playbook();
    let src = std::fs::read_to_string(fixture("models/drill.ron"))
        .unwrap()
        .replace(
            "kind: Timing(stage: FinalReport, window: (from: \"+7h\", to: \"+1d\"), facts: [\"cause\"])",
            "kind: Timing(stage: Update, window: (from: \"+7h\", to: \"+1d\"), facts: [\"cause\"])",
        )
        .replace("Draft(stage: FinalReport, bilingual: true)", "Draft(stage: Update, bilingual: true)");
    let scenario = pressroom::scenario::validate(&src, &playbook)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .scenario;
    let answers = std::fs::read_to_string(fixture("models/base.ron")).unwrap();
    let out = play(&scenario, &playbook, &answers);
    let kept: Vec<&Finding> = out
        .score
        .findings
        .iter()
        .filter(|f| {
            f.rule == "process.follow_up" && f.decision.as_deref() == Some("publish_update")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0].points, kept[0].max);
    assert!(
        kept[0]
            .message
            .get(Lang::En)
            .contains("the update came at +10h10m"),
        "{:?}",
        kept[0].message
    );
}
