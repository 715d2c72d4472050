//! Core integration tests: formats, diagnostics, playbook contract and the command line.
//! One test binary for the whole core, so it links once.

mod cli;
mod coverage;
mod engine;
mod fixtures;
mod hardening;
mod layers;
mod mutation;
mod playbook;
mod records;
mod rules;
mod wording;

use std::path::{Path, PathBuf};

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
