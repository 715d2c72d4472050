//! Untrusted input kept in bounds: every file is read through one bounded reader (regular
//! files only, a size limit that does not trust the metadata), a byte-order mark is accepted,
//! and a newer file format says so. Each test here failed before its fix.

use crate::{Scratch, pressroom, root};
use pressroom::source::load::{self, Bounded};
use std::process::{Command, Output};
use std::time::Duration;

/// `pressroom run` of the payment outage's exemplary answers, with more options.
fn run_exemplary(more: &[&str]) -> Output {
    let mut args = vec![
        "run",
        "scenarios/payment-outage.ron",
        "--answers",
        "scenarios/answers/payment-outage.exemplary.ron",
    ];
    args.extend_from_slice(more);
    pressroom(&args)
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Windows editors save UTF-8 with a byte-order mark: scenarios, answers files and drafts
/// with one read as without.
#[test]
fn a_byte_order_mark_is_accepted_in_every_input() {
    let dir = Scratch::new("bom");
    let bom = |rel: &str| {
        let src = std::fs::read(root().join(rel)).unwrap();
        let path = dir.join(rel.rsplit('/').next().unwrap());
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(src);
        std::fs::write(&path, bytes).unwrap();
        path.display().to_string()
    };
    let scenario = bom("scenarios/payment-outage.ron");
    let answers = bom("scenarios/answers/payment-outage.exemplary.ron");
    let o = pressroom(&["check", &scenario]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = pressroom(&["run", &scenario, "--answers", &answers, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let draft = bom("tests/fixtures/wording/good_first_en.txt");
    let o = pressroom(&["lint", &draft, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // And with Windows line endings too.
    let crlf = dir.join("crlf.ron");
    let src = std::fs::read_to_string(root().join("scenarios/payment-outage.ron")).unwrap();
    std::fs::write(&crlf, src.replace('\n', "\r\n")).unwrap();
    let o = pressroom(&["check", &crlf.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

/// The size limit counts the bytes read, not what the metadata claims: a device that never
/// ends is refused at the limit, and a folder is refused before anything is read.
#[cfg(unix)]
#[test]
fn the_bounded_reader_refuses_devices_folders_and_endless_files() {
    assert!(matches!(
        load::read_bounded(std::path::Path::new("/dev/zero"), 1024),
        Err(Bounded::NotAFile)
    ));
    assert!(matches!(
        load::read_bounded(&root().join("scenarios"), 1024),
        Err(Bounded::NotAFile)
    ));
    let dir = Scratch::new("bounded");
    let big = dir.join("big.ron");
    std::fs::write(&big, vec![b' '; 2048]).unwrap();
    assert!(matches!(
        load::read_bounded(&big, 1024),
        Err(Bounded::TooLarge(1024))
    ));
    assert_eq!(load::read_bounded(&big, 4096).unwrap().len(), 2048);
}

/// A record pointing its scenario at a device or a FIFO no longer reads gigabytes or hangs:
/// `check`, `run --answers`, `lint`, `report` and `rescore` all refuse it at once.
#[cfg(unix)]
#[test]
fn commands_refuse_devices_and_fifos_at_once() {
    let dir = Scratch::new("devices");
    let fifo = dir.join("pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status();
    let mut inputs = vec!["/dev/zero".to_string()];
    if made.is_ok_and(|s| s.success()) {
        inputs.push(fifo.display().to_string());
    }
    for input in &inputs {
        for args in [
            vec!["check", input.as_str()],
            vec![
                "run",
                "scenarios/payment-outage.ron",
                "--answers",
                input.as_str(),
            ],
            vec!["lint", input.as_str()],
            vec!["rescore", input.as_str()],
        ] {
            let o = pressroom(&args);
            assert_ne!(o.status.code(), Some(0), "{args:?} accepted {input}");
        }
    }
    // A record whose scenario path is a device.
    let o = run_exemplary(&[
        "--lang",
        "en",
        "--record",
        &dir.join("r.ron").display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let rec = std::fs::read_to_string(dir.join("r.ron")).unwrap();
    let start = rec.find("scenario_path: Some(\"").unwrap() + "scenario_path: Some(\"".len();
    let end = start + rec[start..].find('"').unwrap();
    let evil = format!("{}/dev/zero{}", &rec[..start], &rec[end..]);
    std::fs::write(dir.join("evil.ron"), evil).unwrap();
    let o = pressroom(&["report", &dir.join("evil.ron").display().to_string()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
}

/// A file from a newer Pressroom says so, for every kind of file, instead of failing on a
/// field this version does not know.
#[test]
fn a_newer_format_says_which_pressroom_reads_it() {
    let dir = Scratch::new("newer");
    let answers =
        std::fs::read_to_string(root().join("scenarios/answers/payment-outage.exemplary.ron"))
            .unwrap()
            .replacen("format: 2", "format: 9, from_the_future: true", 1);
    let path = dir.join("answers.ron");
    std::fs::write(&path, answers).unwrap();
    let o = pressroom(&[
        "run",
        "scenarios/payment-outage.ron",
        "--answers",
        &path.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("newer Pressroom"), "{}", text(&o));
    let record = "Record(format: 3, pressroom: \"9.0\", something_new: 1)";
    std::fs::write(dir.join("rec.ron"), record).unwrap();
    let o = pressroom(&["rescore", &dir.join("rec.ron").display().to_string()]);
    assert!(text(&o).contains("newer Pressroom"), "{}", text(&o));
    let playbook = "Playbook(format: 2, id: \"x\", fancy: true)";
    std::fs::write(dir.join("pb.ron"), playbook).unwrap();
    let o = pressroom(&[
        "--playbook",
        &dir.join("pb.ron").display().to_string(),
        "rules",
    ]);
    assert!(text(&o).contains("newer Pressroom"), "{}", text(&o));
}

/// Outside text never drives the terminal: escape sequences (an OSC window title, a clear
/// screen) and bidirectional overrides in a team name or an ID are shown as escapes.
#[test]
fn control_characters_reach_no_terminal() {
    let dir = Scratch::new("ansi");
    let data = dir.display().to_string();
    let team = "evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}team";
    let o = run_exemplary(&["--data-dir", &data, "--team", team]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = pressroom(&["--data-dir", &data, "history"]);
    let shown = text(&o);
    assert!(shown.contains("evil"), "{shown}");
    for bad in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(
            !shown.contains(bad),
            "{bad:?} reached the terminal: {shown:?}"
        );
    }
    let o = pressroom(&["check", "no\u{1b}[2Jsuch.ron"]);
    assert!(!text(&o).contains('\u{1b}'), "{:?}", text(&o));
}

/// A reader that stops early (`pressroom run … 2>&1 | head -3`) is not a crash: closed
/// standard output and error make the command end quietly, never with a panic.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let data = Scratch::new("pipe");
    for _ in 0..10 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args([
                "--lang",
                "en",
                "run",
                "scenarios/ransomware-manufacturer.ron",
                "--answers",
                "scenarios/answers/ransomware-manufacturer.flawed-leaky-draft.ron",
                "--team",
                "pipes",
            ])
            .env("PRESSROOM_DATA_DIR", data.display().to_string())
            .current_dir(root())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        drop(child.stderr.take());
        let status = child.wait().unwrap();
        assert_ne!(
            status.code(),
            Some(101),
            "the command panicked on a closed pipe"
        );
    }
}

fn records_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir.join("records"))
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
                .collect()
        })
        .unwrap_or_default()
}

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    for sub in [dir.to_path_buf(), dir.join("records"), dir.join("exports")] {
        for e in std::fs::read_dir(sub).into_iter().flatten().flatten() {
            let n = e.file_name().to_string_lossy().to_string();
            if n.contains(".tmp-") {
                out.push(n);
            }
        }
    }
    out
}

/// Several `run --team` processes on one data folder at once: every drill keeps its record.
#[test]
fn concurrent_saves_keep_every_record() {
    let dir = Scratch::new("concurrent");
    let data = dir.display().to_string();
    let (trials, writers) = (5, 4);
    for _ in 0..trials {
        let children: Vec<_> = (0..writers)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_pressroom"))
                    .args([
                        "--data-dir",
                        &data,
                        "run",
                        "scenarios/payment-outage.ron",
                        "--answers",
                        "scenarios/answers/payment-outage.exemplary.ron",
                        "--team",
                        "same",
                    ])
                    .current_dir(root())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut c in children {
            assert!(c.wait().unwrap().success());
        }
    }
    assert_eq!(records_in(&dir).len(), trials * writers);
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

/// Export then import keeps distinct drills distinct (even of one team in the same second,
/// with the same content) and never duplicates one, also with two imports at once.
#[test]
fn export_and_import_keep_each_drill_once() {
    let here = Scratch::new("export-from");
    let there = Scratch::new("export-to");
    let out = Scratch::new("export-out");
    for _ in 0..5 {
        let o = run_exemplary(&["--data-dir", &here.display().to_string(), "--team", "twins"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
    assert_eq!(records_in(&here).len(), 5);
    let o = pressroom(&[
        "--data-dir",
        &here.display().to_string(),
        "export",
        "--out",
        &out.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let exported: Vec<String> = std::fs::read_dir(&*out)
        .unwrap()
        .flatten()
        .map(|e| e.path().display().to_string())
        .collect();
    assert_eq!(exported.len(), 5);
    let import = || {
        let mut args = vec![
            "--data-dir".to_string(),
            there.display().to_string(),
            "import".to_string(),
        ];
        args.extend(exported.iter().cloned());
        Command::new(env!("CARGO_BIN_EXE_pressroom"))
            .args(&args)
            .current_dir(root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut a, mut b) = (import(), import());
    a.wait().unwrap();
    b.wait().unwrap();
    assert_eq!(records_in(&there).len(), 5, "each drill once");
    let o = pressroom(&[
        "--data-dir",
        &there.display().to_string(),
        "import",
        &exported[0],
    ]);
    assert!(
        text(&o).contains("already in the data folder"),
        "{}",
        text(&o)
    );
    assert_eq!(records_in(&there).len(), 5);
}

/// A failed write removes its temporary file; a temporary file a killed process left is
/// swept when the data folder is next used; a link planted where a temporary file might go
/// is never written through.
#[cfg(unix)]
#[test]
fn temporary_files_never_stay_behind_or_follow_a_link() {
    use pressroom::store::atomic::write_atomically;
    let dir = Scratch::new("temps");
    // A write that fails at the rename (the target is a folder) cleans up.
    let target = dir.join("target");
    std::fs::create_dir_all(target.join("inside")).unwrap();
    assert!(write_atomically(&target, b"x").is_err());
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    // A stale temporary file from a killed process goes at the next use.
    let records = dir.join("records");
    std::fs::create_dir_all(&records).unwrap();
    let stale = records.join(".x.ron.tmp-1-00");
    std::fs::write(&stale, b"half").unwrap();
    let old = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let o = pressroom(&["--data-dir", &dir.display().to_string(), "history"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(!stale.exists(), "the stale temporary file is still there");
    // Links planted at every name the old scheme would have used point at a file that must
    // not change.
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, b"keep me").unwrap();
    let out = dir.join("report.md");
    for pid in (0..64).chain([std::process::id()]) {
        let _ = std::os::unix::fs::symlink(&victim, dir.join(format!(".report.md.tmp-{pid}")));
    }
    write_atomically(&out, b"report").unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    assert_eq!(std::fs::read(&out).unwrap(), b"report");
}

/// `check DIR` walks each folder once: links back to a folder (two self-links) end, and a
/// FIFO or a link to a device named `*.ron` is skipped and said so, never read.
#[cfg(unix)]
#[test]
fn folder_walks_end_and_skip_what_is_not_a_file() {
    let dir = Scratch::new("walk");
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    std::fs::copy(
        root().join("scenarios/payment-outage.ron"),
        lib.join("payment-outage.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&lib, lib.join("loop-a")).unwrap();
    std::os::unix::fs::symlink(&lib, lib.join("loop-b")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", lib.join("zero.ron")).unwrap();
    let _ = Command::new("mkfifo").arg(lib.join("pipe.ron")).status();
    let o = pressroom(&["--lang", "en", "check", &lib.display().to_string()]);
    let shown = text(&o);
    assert_eq!(o.status.code(), Some(0), "{shown}");
    assert!(
        shown.contains("payment-outage.ron (payment-outage): ok"),
        "{shown}"
    );
    assert_eq!(shown.matches("(payment-outage): ok").count(), 1, "{shown}");
    assert!(shown.contains("zero.ron: skipped"), "{shown}");
    // The app's library and hot reload walk the same way.
    let found = pressroom::source::walk::walk(&lib).unwrap();
    assert_eq!(found.files.len(), 1);
    // A record that is a link to a device is reported, not read, by history.
    let records = dir.join("data/records");
    std::fs::create_dir_all(&records).unwrap();
    std::os::unix::fs::symlink("/dev/zero", records.join("zero.ron")).unwrap();
    let o = pressroom(&[
        "--data-dir",
        &dir.join("data").display().to_string(),
        "history",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

/// Small messages a new user meets: each says what is wrong and exits 2 as bad usage.
#[test]
fn wrong_input_gets_a_clear_message_and_exit_code() {
    let dir = Scratch::new("messages");
    let data = dir.join("data").display().to_string();
    let o = run_exemplary(&["--data-dir", &data, "--team", "alpha"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    // A missing file exits 2 for import as everywhere.
    let o = pressroom(&["--data-dir", &data, "import", "no-such-record.ron"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    // A data folder that is a file is said to be one.
    let file = dir.join("a-file");
    std::fs::write(&file, "x").unwrap();
    let o = pressroom(&["--data-dir", &file.display().to_string(), "history"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("is a file"), "{}", text(&o));
    // A team typo is told the nearest team, for history and export.
    for args in [
        vec!["--data-dir", &data, "history", "--team", "alpah"],
        vec![
            "--data-dir",
            &data,
            "export",
            "--out",
            "/tmp/x",
            "--team",
            "alpah",
        ],
    ] {
        let o = pressroom(&args);
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains("`alpha`"), "{}", text(&o));
    }
    // lint --at past the scenario's end.
    let o = pressroom(&[
        "lint",
        "tests/fixtures/wording/good_first_ja.txt",
        "--scenario",
        "scenarios/payment-outage.ron",
        "--at",
        "+30d",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("after the scenario ends"), "{}", text(&o));
    // report --out a folder.
    let rec = dir.join("r.ron");
    let o = run_exemplary(&["--record", &rec.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let folder = format!("{}/", dir.display());
    let o = pressroom(&["report", &rec.display().to_string(), "--out", &folder]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("is a folder"), "{}", text(&o));
    // check on an answers file names what the file is.
    let o = pressroom(&["check", "scenarios/answers/payment-outage.exemplary.ron"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("this is an answers file"), "{}", text(&o));
}

/// A written answer longer than any announcement is refused with a clear message at its
/// place in the answers file, not checked for minutes.
#[test]
fn an_answer_text_longer_than_any_announcement_is_refused() {
    let dir = Scratch::new("long-text");
    let src = std::fs::read_to_string(
        root().join("scenarios/answers/ransomware-manufacturer.exemplary.ron"),
    )
    .unwrap();
    let long = "個人情報の流出はございません。".repeat(8000);
    let start = src
        .find("Text(\"")
        .expect("the exemplary set writes a text")
        + 6;
    let end = start + src[start..].find("\")").unwrap();
    let answers = format!("{}{long}{}", &src[..start], &src[end..]);
    let path = dir.join("long.ron");
    std::fs::write(&path, answers).unwrap();
    let o = pressroom(&[
        "run",
        "scenarios/ransomware-manufacturer.ron",
        "--answers",
        &path.display().to_string(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        text(&o).contains("no announcement is that long"),
        "{}",
        text(&o)
    );
}

/// `analyze` keeps a summary, not every sample, and refuses an absurd count at once instead
/// of running out of memory.
#[test]
fn analyze_refuses_absurd_sample_counts() {
    for n in ["18446744073709551615", "1000000000000", "1000001"] {
        let o = pressroom(&["analyze", "scenarios/payment-outage.ron", "--samples", n]);
        assert_eq!(o.status.code(), Some(2), "{n}: {}", text(&o));
        assert!(text(&o).contains("--samples"), "{}", text(&o));
    }
}

/// Records get the diagnostics answers files get: their own path and the line and column
/// of the problem, values no drill could produce refused, a draft that is not UTF-8 placed.
#[test]
fn records_are_diagnosed_like_answers_files() {
    let dir = Scratch::new("record-diags");
    let rec = dir.join("r.ron");
    let o = run_exemplary(&["--record", &rec.display().to_string()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let good = std::fs::read_to_string(&rec).unwrap();
    let shown = rec.display().to_string();
    // A score that is not a number.
    let nan = regex::Regex::new(r"total: [0-9.]+")
        .unwrap()
        .replace(&good, "total: NaN")
        .to_string();
    std::fs::write(&rec, &nan).unwrap();
    let o = pressroom(&["rescore", &shown]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains(&format!("{shown}:")), "{}", text(&o));
    assert!(text(&o).contains("error[invalid-value]"), "{}", text(&o));
    assert!(!text(&o).contains("record.ron:1:1"), "{}", text(&o));
    // A syntax error names the file, not `record`.
    std::fs::write(&rec, good.replacen("seed:", "seed", 1)).unwrap();
    let o = pressroom(&["rescore", &shown]);
    assert!(text(&o).contains(&format!("{shown}:")), "{}", text(&o));
    assert!(!text(&o).contains("record:"), "{}", text(&o));
    // A draft that is not UTF-8 gets its place.
    let draft = dir.join("sjis.txt");
    std::fs::write(&draft, b"abc\n\x82\xa0").unwrap();
    let o = pressroom(&["lint", &draft.display().to_string()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("2:1"), "{}", text(&o));
}
