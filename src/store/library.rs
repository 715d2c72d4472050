//! The scenario library: bundled scenarios and the user's own folder, each entry either a
//! playable scenario or the diagnostics that keep it from loading (listed, never a crash).

use crate::playbook::Playbook;
use crate::scenario::Scenario;
use crate::source::diagnostic::Diagnostic;
use crate::source::walk::scenario_files;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where a library scenario comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Bundled with Pressroom.
    Bundled,
    /// The user's own folder.
    User,
}

/// One scenario file in the library.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path.
    pub path: PathBuf,
    /// Where it comes from.
    pub origin: Origin,
    /// The scenario, or why it does not load.
    pub scenario: Result<Arc<Scenario>, Vec<Diagnostic>>,
    /// What check warns about.
    pub warnings: Vec<Diagnostic>,
    /// While the file is broken: the version that last loaded, still playable.
    pub last_good: Option<Arc<Scenario>>,
}

impl Entry {
    /// The version to play: the current one, else the last one that loaded.
    pub fn playable(&self) -> Option<&Arc<Scenario>> {
        self.scenario.as_ref().ok().or(self.last_good.as_ref())
    }
}

impl Entry {
    /// `path:line:col: error[code]: message` lines, as `pressroom check` prints them.
    pub fn rendered_diagnostics(&self) -> Vec<String> {
        self.rendered_diagnostics_in(crate::text::Lang::En)
    }

    /// [`Entry::rendered_diagnostics`] in `lang` (Japanese where it is written).
    pub fn rendered_diagnostics_in(&self, lang: crate::text::Lang) -> Vec<String> {
        let shown = self.path.display().to_string();
        let diags = match &self.scenario {
            Ok(_) => &self.warnings,
            Err(diags) => diags,
        };
        diags.iter().map(|d| d.render_in(&shown, lang)).collect()
    }
}

/// The folder of bundled scenarios: `./scenarios` when run from the project, else the folder
/// beside the executable, else the one the binary was built from.
pub fn bundled_dir() -> PathBuf {
    let mut candidates = vec![PathBuf::from(crate::BUNDLED_SCENARIOS)];
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        candidates.push(dir.join(crate::BUNDLED_SCENARIOS));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(crate::BUNDLED_SCENARIOS));
    candidates
        .iter()
        .find(|p| p.is_dir())
        .cloned()
        .unwrap_or_else(|| candidates.swap_remove(0))
}

/// Loads every scenario in the given folders; unreadable folders are simply empty.
pub fn load(folders: &[(PathBuf, Origin)], playbook: &Playbook) -> Vec<Entry> {
    let mut entries = Vec::new();
    for (folder, origin) in folders {
        let Ok(files) = scenario_files(folder) else {
            continue;
        };
        for path in files {
            entries.push(load_entry(&path, *origin, playbook));
        }
    }
    entries
}

/// Loads one file into an entry.
pub fn load_entry(path: &Path, origin: Origin, playbook: &Playbook) -> Entry {
    let (scenario, warnings) = match Scenario::load(path, playbook) {
        Ok(loaded) => (Ok(loaded.scenario), loaded.warnings),
        Err(diags) => (Err(diags), Vec::new()),
    };
    Entry {
        path: path.to_path_buf(),
        origin,
        scenario,
        warnings,
        last_good: None,
    }
}

/// Where a scenario's exemplary answers live: `answers/NAME.exemplary.ron` beside it.
pub fn exemplary_path(scenario: &Path) -> Option<PathBuf> {
    let stem = scenario.file_stem()?.to_string_lossy().into_owned();
    Some(
        scenario
            .parent()?
            .join("answers")
            .join(format!("{stem}.exemplary.ron")),
    )
}

/// A scenario's exemplary answers, read and checked against it; `None` when it has none or
/// they do not fit it.
pub fn exemplary_answers(
    scenario_path: &Path,
    scenario: &Scenario,
) -> Option<crate::records::answers::Answers> {
    let src = crate::source::load::read_text(&exemplary_path(scenario_path)?).ok()?;
    crate::records::answers::parse(&src, scenario).ok()
}
