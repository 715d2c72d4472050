//! What a drill leaves behind: answers files, drill records and the journal of a drill in
//! progress, and the one replay that plays any of them on the engine and scores it.

pub mod answers;
pub mod log;
pub mod record;
pub mod replay;
