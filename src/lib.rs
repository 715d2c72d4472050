//! Pressroom's core: scenario and playbook formats, validation and reports, with no Bevy
//! dependency. The desktop app (`gui` feature) and the CLI are thin adapters over it.

pub mod authoring;
pub mod cli;
pub mod host;
pub mod playbook;
pub mod records;
pub mod reports;
pub mod scenario;
pub mod scoring;
pub mod session;
pub mod source;
pub mod store;
pub mod text;
pub mod wording;

pub use playbook::Playbook;
pub use scenario::Scenario;
pub use source::diagnostic::Diagnostic;
pub use text::{Lang, Text};

/// Where the bundled scenarios live, relative to the package root.
pub const BUNDLED_SCENARIOS: &str = "scenarios";

#[cfg(feature = "gui")]
pub mod app;
