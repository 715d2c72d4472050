//! The trainer's tools: `check` (validate scenarios, coverage), `lint` (a draft's wording),
//! `analyze` (what a scenario's decisions can score), the skeleton `new` writes and
//! `upgrade` (format 1 files rewritten as format 2).

pub mod analyze;
pub mod bound;
pub mod check;
pub mod lint;
pub mod skeleton;
pub mod upgrade;
