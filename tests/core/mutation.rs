//! Robustness: 100,000 seeded mutations of real scenario files go through the loader,
//! validator, locator and lexical pass; none may panic. The seed makes failures replayable.

use crate::{fixture, root};
use pressroom::Playbook;
use pressroom::source::locate::Locator;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const MUTATIONS: usize = 100_000;

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "\\",
    "r#\"",
    "#",
    "Some(",
    "None",
    "true",
    "-1",
    "4294967296",
    "1e999",
    "\"+99d\"",
    "\"x\"",
    "id",
    "At(\"+1h\")",
    "Start",
    "AfterInject(\"nope\")",
    "日本語",
    "\u{FEFF}",
    "\0",
    "\n",
    "  ",
    "Choice(options: [])",
    "\"\"",
];

fn mutate(rng: &mut ChaCha8Rng, src: &str) -> String {
    let mut text: Vec<char> = src.chars().collect();
    for _ in 0..rng.random_range(1..=4) {
        if text.is_empty() {
            text.push('(');
        }
        let at = rng.random_range(0..text.len());
        match rng.random_range(0..6) {
            0 => {
                let end = (at + rng.random_range(1..40)).min(text.len());
                text.drain(at..end);
            }
            1 => {
                let tok = TOKENS[rng.random_range(0..TOKENS.len())];
                text.splice(at..at, tok.chars());
            }
            2 => {
                let end = (at + rng.random_range(1..80)).min(text.len());
                let copy: Vec<char> = text[at..end].to_vec();
                let to = rng.random_range(0..text.len());
                text.splice(to..to, copy);
            }
            3 => text[at] = char::from_u32(rng.random_range(0x20..0x3100)).unwrap_or('?'),
            4 => {
                // Misspell an identifier-ish run by swapping two neighbours.
                if at + 1 < text.len() {
                    text.swap(at, at + 1);
                }
            }
            _ => {
                let end = rng.random_range(at..text.len());
                text.truncate(end.max(1));
            }
        }
    }
    text.into_iter().collect()
}

#[test]
fn a_hundred_thousand_mutated_scenarios_never_panic() {
    let playbook = Playbook::default_playbook();
    let sources = [
        std::fs::read_to_string(fixture("scenarios/ok_minimal.ron")).unwrap(),
        std::fs::read_to_string(root().join("scenarios/ransomware-manufacturer.ron")).unwrap(),
    ];
    let mut rng = ChaCha8Rng::seed_from_u64(0x9f3d_582b);
    let (mut accepted, mut rejected) = (0usize, 0usize);
    for i in 0..MUTATIONS {
        // Mostly the small file (fast); every tenth the large, realistic one.
        let src = &sources[usize::from(i % 10 == 9)];
        let text = mutate(&mut rng, src);
        let result = std::panic::catch_unwind(|| {
            let outcome = pressroom::scenario::validate(&text, &playbook);
            if i % 50 == 0 {
                let loc = Locator::new(&text);
                let _ = loc.find("decisions[3].kind.options[1].effects[0].rule");
                let _ = pressroom::source::lexical::unterminated_string(&text);
            }
            outcome
        });
        match result {
            Ok(Ok(_)) => accepted += 1,
            Ok(Err(diags)) => {
                assert!(!diags.is_empty());
                assert!(diags.iter().all(|d| d.line >= 1 && d.column >= 1));
                rejected += 1;
            }
            Err(_) => panic!("mutation {i} panicked; input:\n{text}"),
        }
    }
    assert_eq!(accepted + rejected, MUTATIONS);
    // Some mutations (a changed letter in a text) leave a valid file; most break it.
    assert!(
        rejected > MUTATIONS / 2,
        "{accepted} accepted, {rejected} rejected"
    );
}

#[test]
fn mutated_playbooks_and_answers_files_never_panic() {
    let playbook = Playbook::default_playbook();
    let scenario = pressroom::Scenario::load(
        &root().join("scenarios/ransomware-manufacturer.ron"),
        &playbook,
    )
    .unwrap()
    .scenario;
    let overlay = std::fs::read_to_string(fixture("playbooks/ok_overlay.ron")).unwrap();
    let answers = std::fs::read_to_string(
        root().join("scenarios/answers/ransomware-manufacturer.exemplary.ron"),
    )
    .unwrap();
    let checker = pressroom::wording::Checker::new(&playbook);
    let mut rng = ChaCha8Rng::seed_from_u64(0x5eed);
    for i in 0..20_000 {
        let text = mutate(&mut rng, &overlay);
        let r = std::panic::catch_unwind(|| Playbook::check_source(&text));
        assert!(r.is_ok(), "playbook mutation {i} panicked; input:\n{text}");
        let text = mutate(&mut rng, &answers);
        let r = std::panic::catch_unwind(|| {
            if let Ok(a) = pressroom::records::answers::parse(&text, &scenario) {
                let _ = pressroom::records::replay::play(&scenario, &playbook, &checker, &a, 1);
            }
        });
        assert!(r.is_ok(), "answers mutation {i} panicked; input:\n{text}");
    }
}

/// Drill records and journals, mutated, go through the record reader and the replay; every
/// kind of input is also tried with a byte-order mark and with Windows line endings. None
/// may panic.
#[test]
fn mutated_records_and_bom_and_crlf_inputs_never_panic() {
    let playbook = Playbook::default_playbook();
    let scenario = pressroom::Scenario::load(
        &root().join("scenarios/ransomware-manufacturer.ron"),
        &playbook,
    )
    .unwrap()
    .scenario;
    let checker = pressroom::wording::Checker::new(&playbook);
    let answers_src = std::fs::read_to_string(
        root().join("scenarios/answers/ransomware-manufacturer.exemplary.ron"),
    )
    .unwrap();
    let answers = pressroom::records::answers::parse(&answers_src, &scenario).unwrap();
    let outcome =
        pressroom::records::replay::play(&scenario, &playbook, &checker, &answers, 1).unwrap();
    let record = pressroom::records::record::Record::new(
        &scenario,
        None,
        &playbook,
        1,
        outcome.session.lang,
        &answers,
        &[],
        &outcome.score,
    )
    .to_ron();
    let journal = record.replacen("Record(", "Journal(", 1);
    let scenario_src =
        std::fs::read_to_string(root().join("scenarios/ransomware-manufacturer.ron")).unwrap();
    let overlay = std::fs::read_to_string(fixture("playbooks/ok_overlay.ron")).unwrap();
    let variants = |s: &str| {
        vec![
            s.to_string(),
            format!("\u{feff}{s}"),
            s.replace('\n', "\r\n"),
            format!("\u{feff}{}", s.replace('\n', "\r\n")),
        ]
    };
    // The unmutated variants all read.
    for v in variants(&scenario_src) {
        assert!(pressroom::scenario::validate(&v, &playbook).is_ok());
    }
    for v in variants(&answers_src) {
        assert!(pressroom::records::answers::parse(&v, &scenario).is_ok());
    }
    for v in variants(&record) {
        assert!(pressroom::records::record::Record::parse(&v).is_ok());
    }
    for v in variants(&overlay) {
        assert!(Playbook::check_source(&v).0.is_some());
    }
    let mut rng = ChaCha8Rng::seed_from_u64(0xbeef);
    for i in 0..10_000 {
        let base = match i % 4 {
            0 => &record,
            1 => &journal,
            2 => &answers_src,
            _ => &overlay,
        };
        let pick = variants(base).swap_remove(i % 4);
        let text = mutate(&mut rng, &pick);
        let r = std::panic::catch_unwind(|| match i % 4 {
            0 => {
                if let Ok(rec) = pressroom::records::record::Record::parse(&text)
                    && let Ok(a) = rec.answers(&scenario)
                {
                    let _ = pressroom::records::replay::play(&scenario, &playbook, &checker, &a, 1);
                }
            }
            1 => {
                if let Ok(j) = pressroom::records::record::Journal::parse(&text) {
                    let _ = j.answers(&scenario);
                }
            }
            2 => {
                let _ = pressroom::records::answers::parse(&text, &scenario);
            }
            _ => {
                let _ = Playbook::check_source(&text);
            }
        });
        assert!(r.is_ok(), "mutation {i} panicked; input:\n{text}");
    }
}
