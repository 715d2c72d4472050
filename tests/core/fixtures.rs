//! Data-driven diagnostics tests: every `err_*`/`warn_*` fixture states the codes and places
//! it must produce in `// expect: CODE LINE:COL` lines; adding a fixture adds a test.

use crate::{fixture, root};
use pressroom::source::diagnostic::{CODES, Diagnostic};
use pressroom::{Playbook, Scenario};
use std::collections::BTreeSet;
use std::path::Path;

struct Expect {
    code: String,
    place: Option<(usize, usize)>,
}

fn expectations(path: &Path) -> Vec<Expect> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    text.lines()
        .filter_map(|l| l.strip_prefix("// expect: "))
        .map(|rest| {
            let mut parts = rest.split_whitespace();
            let code = parts.next().unwrap().to_string();
            let place = parts.next().map(|p| {
                let (l, c) = p.split_once(':').unwrap();
                (l.parse().unwrap(), c.parse().unwrap())
            });
            Expect { code, place }
        })
        .collect()
}

fn assert_matches(path: &Path, diags: &[Diagnostic], expects: &[Expect]) {
    let shown: Vec<String> = diags
        .iter()
        .map(|d| d.render(&path.display().to_string()))
        .collect();
    let got: BTreeSet<&str> = diags.iter().map(|d| d.code).collect();
    let want: BTreeSet<&str> = expects.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        got,
        want,
        "{}: codes differ; got:\n{}",
        path.display(),
        shown.join("\n")
    );
    for e in expects {
        if let Some((line, column)) = e.place {
            assert!(
                diags
                    .iter()
                    .any(|d| d.code == e.code && d.line == line && d.column == column),
                "{}: expected {} at {line}:{column}; got:\n{}",
                path.display(),
                e.code,
                shown.join("\n")
            );
        }
    }
    for d in diags {
        assert!(!d.message.is_empty());
        assert!(
            CODES.iter().any(|(c, _)| *c == d.code),
            "code {} is not registered",
            d.code
        );
    }
}

fn files(dir: &str, prefix: &str) -> Vec<std::path::PathBuf> {
    let mut out: Vec<_> = std::fs::read_dir(fixture(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .collect();
    out.sort();
    out
}

#[test]
fn scenario_fixtures_give_their_codes_at_their_places() {
    let playbook = Playbook::default_playbook();
    let mut n = 0;
    for prefix in ["err_", "warn_"] {
        for path in files("scenarios", prefix) {
            let expects = expectations(&path);
            assert!(
                !expects.is_empty(),
                "{} has no expect lines",
                path.display()
            );
            let diags = match Scenario::load(&path, &playbook) {
                Ok(loaded) => {
                    assert_eq!(prefix, "warn_", "{} loaded but should fail", path.display());
                    loaded.warnings
                }
                Err(diags) => {
                    assert_eq!(
                        prefix,
                        "err_",
                        "{} failed but should load with warnings",
                        path.display()
                    );
                    diags
                }
            };
            assert_matches(&path, &diags, &expects);
            n += 1;
        }
    }
    assert!(n >= 30, "only {n} scenario fixtures");
}

#[test]
fn playbook_fixtures_give_their_codes_at_their_places() {
    for prefix in ["err_", "warn_"] {
        for path in files("playbooks", prefix) {
            let src = std::fs::read_to_string(&path).unwrap();
            let (playbook, diags) = Playbook::check_source(&src);
            assert_eq!(playbook.is_some(), prefix == "warn_", "{}", path.display());
            assert_matches(&path, &diags, &expectations(&path));
        }
    }
}

#[test]
fn minimal_and_bundled_scenarios_are_clean() {
    let playbook = Playbook::default_playbook();
    let mut paths = vec![fixture("scenarios/ok_minimal.ron")];
    paths.extend(pressroom::source::walk::scenario_files(&root().join("scenarios")).unwrap());
    for path in paths {
        match Scenario::load(&path, &playbook) {
            Ok(loaded) => assert!(
                loaded.warnings.is_empty(),
                "{}: {:?}",
                path.display(),
                loaded.warnings
            ),
            Err(diags) => panic!("{}: {diags:?}", path.display()),
        }
    }
}

#[test]
fn every_registered_code_has_a_fixture_or_a_generated_test() {
    // Codes whose inputs are made by tests rather than kept as files: a missing file, a
    // 50 MB file, and answers files (tests/core/cli.rs and engine.rs write them).
    let generated = [
        "unreadable",
        "file-too-large",
        "wrong-scenario",
        "out-of-order",
        "bad-answer",
        // `check` gives it (a loaded scenario plays as before); tests/core/cli.rs runs it.
        "old-format",
    ];
    let mut fixtured = BTreeSet::new();
    for dir in ["scenarios", "playbooks"] {
        for prefix in ["err_", "warn_"] {
            for path in files(dir, prefix) {
                fixtured.extend(expectations(&path).into_iter().map(|e| e.code));
            }
        }
    }
    for (code, _) in CODES {
        assert!(
            fixtured.contains(*code) || generated.contains(code),
            "no fixture produces `{code}`"
        );
    }
}

#[test]
fn every_code_in_the_source_is_registered_and_documented() {
    let docs = std::fs::read_to_string(root().join("docs/scenario-format.md")).unwrap();
    for (code, _) in CODES {
        assert!(
            docs.contains(&format!("`{code}`")),
            "docs/scenario-format.md does not explain `{code}`"
        );
    }
    let re = regex::Regex::new(r#"(?:error|warning)\(\s*"([a-z][a-z0-9-]+)""#).unwrap();
    let mut stack = vec![root().join("src")];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for cap in re.captures_iter(&text) {
                    seen += 1;
                    assert!(
                        CODES.iter().any(|(c, _)| *c == &cap[1]),
                        "{} emits unregistered code `{}`",
                        path.display(),
                        &cap[1]
                    );
                }
            }
        }
    }
    assert!(seen > 40);
}

#[test]
fn huge_unreadable_and_shift_jis_files_are_refused_without_panic() {
    let playbook = Playbook::default_playbook();
    let dir = crate::Scratch::new("big");
    let big = dir.join("big.ron");
    let mut text = String::from("Scenario(\n    title: (en: \"");
    text.push_str(&"x".repeat(50 * 1024 * 1024));
    text.push_str("\"),\n)\n");
    std::fs::write(&big, &text).unwrap();
    let diags = Scenario::load(&big, &playbook).unwrap_err();
    assert_eq!(diags[0].code, "file-too-large");
    // The same text handed over in memory is refused before parsing, too.
    let diags = pressroom::scenario::validate(&text, &playbook).unwrap_err();
    assert_eq!(diags[0].code, "file-too-large");

    let diags = Scenario::load(Path::new("/no/such/scenario.ron"), &playbook).unwrap_err();
    assert_eq!(diags[0].code, "unreadable");
}

#[test]
fn a_typo_gets_the_nearest_name_as_hint() {
    let playbook = Playbook::default_playbook();
    let diags = Scenario::load(&fixture("scenarios/err_unknown_fact.ron"), &playbook).unwrap_err();
    assert_eq!(diags[0].hint.as_deref(), Some("did you mean `outage`?"));
    let diags = Scenario::load(&fixture("scenarios/err_unknown_field.ron"), &playbook).unwrap_err();
    assert_eq!(diags[0].hint.as_deref(), Some("did you mean `minutes`?"));
    let diags = Scenario::load(&fixture("scenarios/err_unknown_rule.ron"), &playbook).unwrap_err();
    assert_eq!(
        diags[0].hint.as_deref(),
        Some("did you mean `timing.not_too_late`?")
    );
}
