//! Pressroom's core: scenario and playbook formats, validation and reports, with no Bevy
//! dependency. The desktop app (`gui` feature) and the CLI are thin adapters over it.

#![warn(missing_docs)]

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

/// What a program driving a drill headless needs, in one `use pressroom::prelude::*`.
pub mod prelude {
    pub use crate::playbook::Playbook;
    pub use crate::records::answers::{self, Answers};
    pub use crate::records::replay::{self, Outcome};
    pub use crate::scenario::{DecisionRef, InjectRef, Scenario, SimTime};
    pub use crate::scoring::{Finding, Score};
    pub use crate::session::{Answer, Event, Session};
    pub use crate::source::diagnostic::Diagnostic;
    pub use crate::text::{Lang, Text};
    pub use crate::wording::Checker;
}

/// Where the bundled scenarios live, relative to the package root.
pub const BUNDLED_SCENARIOS: &str = "scenarios";

#[cfg(feature = "gui")]
pub mod app;
