//! What the two adapters (the CLI and the app) take from the machine they run on: the wall
//! clock (read here and nowhere else), the system locale, and the playbook a user names.
//! The core never calls into this folder.

use crate::playbook::Playbook;
use crate::text::Lang;
use std::path::Path;

/// The wall clock as RFC 3339, for a record's stamps (never for a score): the one place an
/// adapter reads it.
pub fn wall_clock_now() -> String {
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    // Milliseconds, so drills saved in the same second still sort in the order they ended.
    chrono::DateTime::<chrono::Utc>::from(now).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The local time zone's offset now, to show when past drills began (never for a score).
pub fn local_offset() -> chrono::FixedOffset {
    #[allow(clippy::disallowed_methods)]
    let now = chrono::Local::now();
    *now.offset()
}

/// The wall clock as a system time, for sweeping stale temporary files (never for a score).
pub fn now() -> std::time::SystemTime {
    #[allow(clippy::disallowed_methods)]
    std::time::SystemTime::now()
}

/// The UI language from the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), English when
/// none is set.
pub fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map(|v| Lang::from_locale(&v))
        .unwrap_or(Lang::En)
}

/// Loads the playbook a user named, or the bundled one; errors come back rendered as
/// `path:line:col` lines.
pub fn load_playbook(path: Option<&Path>) -> Result<Playbook, String> {
    match path {
        None => Ok(Playbook::default_playbook()),
        Some(p) => Playbook::load(p).map_err(|diags| {
            let shown = p.display().to_string();
            diags
                .iter()
                .map(|d| d.render(&shown))
                .collect::<Vec<_>>()
                .join("\n")
        }),
    }
}
