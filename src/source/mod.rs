//! Reading any RON input Pressroom takes: the bytes from disk, the lexical pass that finds
//! what serde cannot say, the typed parse, and diagnostics placed at `line:col` with a hint.
//! Everything above it (playbooks, scenarios, answers, records) reads through here.

pub mod diagnostic;
pub mod lexical;
pub mod load;
pub mod locate;
pub mod version;
pub mod walk;
