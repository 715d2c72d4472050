//! Coverage and scoring agree: every rule a drill scores is one coverage claims, and every
//! rule coverage claims is scored on some path (the answer sets or seeded random play).

use crate::{fixture, root};
use pressroom::Playbook;
use pressroom::records::answers;
use pressroom::records::replay;
use pressroom::scenario::{DecisionRef, Scenario};
use pressroom::scoring::{self, coverage};
use pressroom::session::Session;
use pressroom::wording::Checker;
use rand::{Rng, SeedableRng};
use std::collections::BTreeSet;
use std::sync::Arc;

/// The rules a score has a finding for (something was at stake).
fn scored(score: &scoring::Score) -> BTreeSet<String> {
    score
        .findings
        .iter()
        .filter(|f| f.max > 0.0)
        .map(|f| f.rule.clone())
        .collect()
}

/// Plays one seeded random path: time moves by random steps or to the next event, and a
/// random open decision gets a random answer.
fn random_path(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    checker: &Checker,
    seed: u64,
) -> BTreeSet<String> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut s, _) = Session::new(scenario, seed);
    for _ in 0..80 {
        if s.is_over() {
            break;
        }
        if rng.random_bool(0.5) {
            s.advance_to_next_event();
        } else {
            s.advance_by(rng.random_range(1..240));
        }
        let open: Vec<DecisionRef> = s.open_decisions().collect();
        if !open.is_empty() && rng.random_bool(0.8) {
            let d = open[rng.random_range(0..open.len())];
            let a = pressroom::authoring::analyze::random_answer(scenario, d, &mut rng);
            let _ = s.answer(d, a);
        }
    }
    s.finish();
    scored(&scoring::score(&s, playbook, checker))
}

#[test]
fn coverage_and_the_scorer_agree_on_every_bundled_scenario() {
    let playbook = Playbook::default_playbook();
    let checker = Checker::new(&playbook);
    for path in pressroom::source::walk::scenario_files(&root().join("scenarios")).unwrap() {
        let scenario = Scenario::load(&path, &playbook).unwrap().scenario;
        let claimed = coverage::rules(&scenario, &playbook);
        let mut seen = BTreeSet::new();
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let answers_dir = root().join("scenarios/answers");
        for e in std::fs::read_dir(&answers_dir).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.split('.').next() != Some(stem.as_str()) {
                continue;
            }
            let a = answers::parse(&std::fs::read_to_string(&p).unwrap(), &scenario).unwrap();
            let out =
                replay::play(&scenario, &playbook, &checker, &a, a.seed.unwrap_or(1)).unwrap();
            let rules = scored(&out.score);
            let extra: Vec<_> = rules.difference(&claimed).collect();
            assert!(
                extra.is_empty(),
                "{name}: scored but not in coverage: {extra:?}"
            );
            seen.extend(rules);
        }
        for seed in 0..400 {
            let rules = random_path(&scenario, &playbook, &checker, seed);
            let extra: Vec<_> = rules.difference(&claimed).collect();
            assert!(
                extra.is_empty(),
                "{stem} seed {seed}: scored but not in coverage: {extra:?}"
            );
            seen.extend(rules);
        }
        let never: Vec<_> = claimed.difference(&seen).collect();
        assert!(
            never.is_empty(),
            "{stem}: coverage claims rules no path scored: {never:?}"
        );
    }
}

#[test]
fn a_deadline_no_timing_decision_names_is_not_counted_as_covered() {
    let playbook = Playbook::default_playbook();
    let scenario = Scenario::load(&fixture("scenarios/warn_unused_deadline.ron"), &playbook)
        .unwrap()
        .scenario;
    let claimed = coverage::rules(&scenario, &playbook);
    assert!(claimed.contains(pressroom::playbook::rule::TIMING_NOT_TOO_LATE));
    assert!(
        !claimed.contains(pressroom::playbook::rule::PROCESS_FOLLOW_UP),
        "the unused deadline's rule is claimed: {claimed:?}"
    );
    let checker = Checker::new(&playbook);
    for seed in 0..200 {
        let rules = random_path(&scenario, &playbook, &checker, seed);
        assert!(!rules.contains(pressroom::playbook::rule::PROCESS_FOLLOW_UP));
    }
}

/// `docs/adding-a-rule.md`, followed in a test: a rule that scenarios score through a choice
/// needs no source file at all, only its playbook entry (here an organisation's overlay) and
/// a scenario that names it. It is then scored, cited, covered and listed like any other.
#[test]
fn a_rule_added_by_the_guide_is_scored_covered_and_listed() {
    let playbook = Playbook::load(&fixture("playbooks/ok_overlay.ron")).unwrap();
    let src = std::fs::read_to_string(fixture("scenarios/ok_minimal.ron")).unwrap();
    let src = src.replace(
        r#"effects: [(rule: "process.internal_review", points: 10)]"#,
        r#"effects: [(rule: "process.internal_review", points: 10), (rule: "process.board_notified", points: 5)]"#,
    );
    let scenario = pressroom::scenario::validate(&src, &playbook)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .scenario;
    assert!(coverage::rules(&scenario, &playbook).contains("process.board_notified"));
    let answers_src = r#"Answers(format: 1, scenario: "minimal", actions: [
        (at: "+10m", decision: "review", answer: Choice("team")),
    ])"#;
    let answers = answers::parse(answers_src, &scenario).unwrap();
    let checker = Checker::new(&playbook);
    let out = replay::play(&scenario, &playbook, &checker, &answers, 1).unwrap();
    let f = out
        .score
        .findings
        .iter()
        .find(|f| f.rule == "process.board_notified")
        .expect("the new rule is scored");
    // It earns its full stake: its severity's cost times its weight.
    let stake = pressroom::scoring::totals::stake(playbook.rule("process.board_notified").unwrap());
    assert_eq!((f.points, f.max), (stake, stake));
    assert!(
        f.citation.get(pressroom::Lang::En).contains("S1.3"),
        "{:?}",
        f.citation
    );
    let listing = pressroom::reports::rules::render_text(&playbook, pressroom::Lang::En);
    assert!(listing.contains("process.board_notified"), "{listing}");
}
