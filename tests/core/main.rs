//! Core integration tests: formats, diagnostics, playbook contract and the command line.
//! One test binary for the whole core, so it links once.

mod cli;
mod corpus;
mod coverage;
mod engine;
mod fixtures;
mod hardening;
mod layers;
mod models;
mod mutation;
mod playbook;
mod records;
mod rules;
mod semantics;
mod wording;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// A fresh folder under the system's temporary folder, removed when dropped (also when a
/// test fails).
pub struct Scratch(PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("pressroom-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the binary; one that has not finished after 30 seconds is killed and the test fails
/// there (a hang guard, not a measurement: the inputs here used to read forever or block).
#[allow(clippy::disallowed_methods)]
pub fn pressroom(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pressroom"))
        .args(args)
        .current_dir(root())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let began = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if began.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("pressroom {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}
