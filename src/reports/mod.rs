//! What people read after a drill: the debrief (text, Markdown, JSON), the after-action
//! report (Markdown, HTML), the history of past drills, and the playbook's rules listing.

pub mod debrief;
pub mod escape;
pub mod history;
pub mod report;
pub mod rules;
