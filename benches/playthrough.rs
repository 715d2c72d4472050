//! Full headless playthroughs with random answers on the largest bundled scenario, drafts left
//! unanswered: a drill started with a new seed (as `analyze` restarts one drill for each of
//! its samples), random answers as decisions open, the clock to the end, the total (as
//! `analyze` scores its paths). Criterion reports time per playthrough;
//! playthroughs per second is its inverse. The baseline in the same run is `session_only`
//! (the same drill without scoring); `score_only` and `score_with_debrief` time the quiet
//! total and the full debrief of one finished drill; `analyze_exact_search_no_exemplary` the
//! bound and the search; `playthrough_logged_with_debrief` the same playthrough as a debrief
//! is made (events logged, every finding written out). Report ratios to the baseline.

use criterion::{Criterion, criterion_group, criterion_main};
use pressroom::prelude::*;
use pressroom::scenario::DecisionKind;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::hint::black_box;
use std::sync::Arc;

fn largest() -> Arc<Scenario> {
    let playbook = Playbook::default_playbook();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
    pressroom::source::walk::scenario_files(std::path::Path::new(dir))
        .expect("bundled scenarios")
        .iter()
        .map(|p| {
            Scenario::load(p, &playbook)
                .expect("bundled scenario is valid")
                .scenario
        })
        .max_by_key(|s| s.source.len())
        .expect("at least one scenario")
}

/// The drill alone: `s` started again with `seed`, random answers as decisions open, the
/// clock to the end.
fn session_only(s: &mut Session, seed: u64) {
    s.restart(seed);
    let scenario = Arc::clone(&s.scenario);
    drill(s, &scenario, seed);
}

/// [`session_only`] with the events built and logged, as the app and `run` play a drill.
fn logged_session(scenario: &Arc<Scenario>, seed: u64) -> Session {
    let mut s = Session::new(scenario, seed).0;
    drill(&mut s, scenario, seed);
    s
}

fn drill(s: &mut Session, scenario: &Arc<Scenario>, seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut open = Vec::new();
    while !s.is_over() {
        open.clear();
        open.extend(s.open_decisions());
        for &d in &open {
            // The same random answers `pressroom analyze` draws; drafts and free text are left
            // unanswered, so this measures the engine and scorer, not the wording checker.
            if matches!(scenario.decision(d).kind, DecisionKind::Draft(_)) {
                continue;
            }
            let answer = pressroom::authoring::analyze::random_answer(scenario, d, &mut rng);
            if matches!(answer, Answer::Text(_)) {
                continue;
            }
            let _ = s.answer(d, answer);
        }
        s.advance_to_next_event();
    }
    s.finish();
}

fn playthrough(s: &mut Session, playbook: &Playbook, checker: &Checker, seed: u64) -> f64 {
    session_only(s, seed);
    pressroom::scoring::total(s, playbook, checker)
}

fn bench(c: &mut Criterion) {
    let playbook = Playbook::default_playbook();
    let checker = Checker::new(&playbook);
    let scenario = largest();
    let mut seed = 0u64;
    let mut s = Session::unlogged(&scenario, seed);
    c.bench_function("playthrough_random_answers_no_drafts", |b| {
        b.iter(|| {
            seed += 1;
            black_box(playthrough(&mut s, &playbook, &checker, seed))
        })
    });
    // The same playthrough in a drill made new for it, as before `restart`.
    c.bench_function("playthrough_new_session", |b| {
        b.iter(|| {
            seed += 1;
            let mut s = Session::unlogged(&scenario, seed);
            black_box(playthrough(&mut s, &playbook, &checker, seed))
        })
    });
    // The same playthrough the way a debrief is made: events logged, every finding written
    // out. `analyze` once played its paths this way; the ratio is what the quiet path saves.
    c.bench_function("playthrough_logged_with_debrief", |b| {
        b.iter(|| {
            seed += 1;
            let s = logged_session(&scenario, seed);
            black_box(pressroom::scoring::score(&s, &playbook, &checker).total)
        })
    });
}

fn bench_parts(c: &mut Criterion) {
    let playbook = Playbook::default_playbook();
    let checker = Checker::new(&playbook);
    let scenario = largest();
    let mut seed = 0u64;
    let mut s = Session::unlogged(&scenario, seed);
    c.bench_function("session_only", |b| {
        b.iter(|| {
            seed += 1;
            session_only(&mut s, seed);
            black_box(s.now())
        })
    });
    session_only(&mut s, 3);
    c.bench_function("score_only", |b| {
        b.iter(|| black_box(pressroom::scoring::total(&s, &playbook, &checker)))
    });
    c.bench_function("score_with_debrief", |b| {
        b.iter(|| black_box(pressroom::scoring::score(&s, &playbook, &checker).total))
    });
}

/// `analyze`'s exact part on its own: no random samples, only the fixed strategies, the upper
/// bound and the search from the playbook's strategy (no exemplary to start from, the
/// hardest case). Compare with one playthrough above.
fn bench_search(c: &mut Criterion) {
    let playbook = Playbook::default_playbook();
    let scenario = largest();
    c.bench_function("analyze_exact_search_no_exemplary", |b| {
        b.iter(|| {
            black_box(pressroom::authoring::analyze::analyze(
                &scenario, &playbook, None, 0, 1,
            ))
        })
    });
}

criterion_group!(benches, bench, bench_parts, bench_search);
criterion_main!(benches);
