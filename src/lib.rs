//! Pressroom's core: scenario and playbook formats, validation and reports, with no Bevy
//! dependency. The desktop app (`gui` feature) and the CLI are thin adapters over it.

pub mod analyze;
pub mod answers;
pub mod check;
pub mod cli;
pub mod data;
pub mod debrief;
pub mod diagnostic;
pub mod history;
pub mod lexical;
pub mod library;
pub mod lint;
pub mod load;
pub mod locate;
pub mod playbook;
pub mod record;
pub mod report;
pub mod rules_report;
pub mod run;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod settings;
pub mod skeleton;
pub mod store;
pub mod text;
pub mod wording;

pub use diagnostic::Diagnostic;
pub use playbook::Playbook;
pub use scenario::Scenario;
pub use text::{Lang, Text};

/// Where the bundled scenarios live, relative to the package root.
pub const BUNDLED_SCENARIOS: &str = "scenarios";

#[cfg(feature = "gui")]
pub mod app;
