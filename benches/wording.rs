//! The wording checker on a 5,000-character Japanese draft, against a plain Aho–Corasick scan
//! of the same phrase lists over the same text, in the same run.

use aho_corasick::AhoCorasick;
use criterion::{Criterion, criterion_group, criterion_main};
use pressroom::Playbook;
use pressroom::scenario::{Element, Stage};
use pressroom::wording::{Checker, Context};
use std::hint::black_box;

/// A realistic long draft: the bundled good first notice, with a few defects, repeated with
/// varied numbers until it is 5,000 characters long.
fn draft() -> String {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/wording/good_first_ja.txt"
    ))
    .expect("fixture");
    let extra = "原因はおそらく外部からの攻撃と思われます。一部のお客様に影響が出ております。";
    let mut text = String::new();
    let mut i = 0;
    while text.chars().count() < 5000 {
        text.push_str(&base.replace("最大2日", &format!("最大{}日", 2 + i % 5)));
        if i % 2 == 0 {
            text.push_str(extra);
        }
        i += 1;
    }
    text.chars().take(5000).collect()
}

fn bench(c: &mut Criterion) {
    let playbook = Playbook::default_playbook();
    let checker = Checker::new(&playbook);
    let text = draft();
    let ctx = Context {
        required: Element::defaults_for(Stage::FirstNotice).to_vec(),
        ..Context::default()
    };
    let phrases: Vec<String> = checker.phrases().map(str::to_string).collect();
    let plain = AhoCorasick::new(&phrases).expect("automaton");
    let mut group = c.benchmark_group("wording_5000_chars_ja");
    group.bench_function("plain_aho_corasick_scan", |b| {
        b.iter(|| black_box(plain.find_overlapping_iter(black_box(&text)).count()))
    });
    group.bench_function("pressroom_checker", |b| {
        b.iter(|| black_box(checker.check(black_box(&text), &ctx)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
