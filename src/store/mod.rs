//! The user's data folder on disk: atomic writes, where records, settings and exports live,
//! the settings file, and the scenario library (bundled and the user's own folder).

pub mod atomic;
pub mod data;
pub mod library;
pub mod settings;
