//! The trainer's tools: `check` (validate scenarios, coverage), `lint` (a draft's wording),
//! `analyze` (what a scenario's decisions can score) and the skeleton `new` writes.

pub mod analyze;
pub mod check;
pub mod lint;
pub mod skeleton;
