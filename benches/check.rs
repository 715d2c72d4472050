//! `check` of 1,000 generated scenario files against plain `ron` deserialisation of the same
//! files into the raw model, in the same run: what validation costs on top of parsing.

use criterion::{Criterion, criterion_group, criterion_main};
use pressroom::Playbook;
use pressroom::scenario::file::ScenarioFile;
use std::hint::black_box;

/// 1,000 distinct scenario texts: the bundled scenario with its ID, counts and times varied.
fn generated() -> Vec<String> {
    let base = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/ransomware-manufacturer.ron"
    ))
    .expect("bundled scenario");
    (0..1000)
        .map(|i| {
            base.replace(
                "id: \"ransomware-manufacturer\"",
                &format!("id: \"generated-{i:04}\""),
            )
            .replace("count: 3200", &format!("count: {}", 1000 + i * 7))
            .replace("minutes: 60", &format!("minutes: {}", 30 + i % 90))
            .replace("at: \"+5h\"", &format!("at: \"+{}m\"", 240 + i % 120))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = generated();
    let playbook = Playbook::default_playbook();
    let options = pressroom::source::load::options();
    // Both sides must accept every file, or the comparison is meaningless.
    for f in &files {
        pressroom::scenario::validate(f, &playbook).expect("generated files are valid");
    }
    let mut group = c.benchmark_group("check_1000_files");
    group.sample_size(20);
    group.bench_function("ron_deserialise_raw_model", |b| {
        b.iter(|| {
            for f in &files {
                let raw: ScenarioFile = options.from_str(black_box(f)).unwrap();
                black_box(raw);
            }
        })
    });
    group.bench_function("pressroom_check", |b| {
        b.iter(|| {
            for f in &files {
                black_box(pressroom::scenario::validate(black_box(f), &playbook).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
