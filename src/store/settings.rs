//! What the app remembers between runs: the UI language and how drills give feedback. Kept
//! as a small RON file in the data folder; a missing or unreadable file means the defaults.

use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The settings formats this Pressroom reads.
pub const VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "settings file",
    current: 1,
    oldest: 1,
};

/// What the app remembers between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename = "Settings")]
pub struct Settings {
    /// The settings format (see [`VERSIONS`]).
    pub format: u32,
    /// The UI language chosen in the app; `None` follows the system locale.
    pub lang: Option<Lang>,
    /// Practice mode: show how each decision scored right after it is made.
    pub practice_feedback: bool,
    /// The seed a new drill starts with; `None` draws the variations from the drill count.
    pub seed: Option<u64>,
    /// Larger type, for a projector or a small screen read from afar.
    pub large_type: bool,
    /// Dark text on a light ground, which a projector washes out less (the projector view
    /// always uses it).
    pub light_theme: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            format: VERSIONS.current,
            lang: None,
            practice_feedback: true,
            seed: None,
            large_type: false,
            light_theme: false,
        }
    }
}

impl Settings {
    /// The settings in `path`, or the defaults with the reason they were not read.
    pub fn load(path: &Path) -> (Settings, Option<String>) {
        // No file yet: the defaults, and nothing to say.
        if std::fs::symlink_metadata(path).is_err() {
            return (Settings::default(), None);
        }
        let read = crate::source::load::read_text_limited(path, 64 * 1024)
            .and_then(|src| crate::source::version::check(&src, VERSIONS).map(|()| src))
            .map_err(|d| d.message)
            .and_then(|src| ron::from_str(&src).map_err(|e| e.to_string()));
        match read {
            Ok(s) => (s, None),
            Err(why) => (
                Settings::default(),
                Some(format!("{}: {why}; using the defaults", path.display())),
            ),
        }
    }

    /// Writes the settings atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .expect("settings serialise");
        crate::store::atomic::write_atomically(path, (text + "\n").as_bytes())
    }
}
