//! Core integration tests: formats, diagnostics, playbook contract and the command line.
//! One test binary for the whole core, so it links once.

mod cli;
mod engine;
mod fixtures;
mod mutation;
mod playbook;
mod wording;

use std::path::{Path, PathBuf};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}
