//! The user's data folder: settings, drill records and exports, found by platform convention
//! (`directories`), or where `--data-dir` / `PRESSROOM_DATA_DIR` say, so that drills, tests
//! and CI can keep their records apart.

use crate::records::record::Record;
use crate::store::atomic::write_atomically;
use std::path::{Path, PathBuf};

/// The environment variable that moves the data folder.
pub const ENV: &str = "PRESSROOM_DATA_DIR";

/// The data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    /// Its root.
    pub root: PathBuf,
}

/// A record file in the data folder, read or not.
#[derive(Debug, Clone)]
pub struct StoredRecord {
    /// Its path.
    pub path: PathBuf,
    /// The record, or why it cannot be read.
    pub record: Result<Record, String>,
}

impl DataDir {
    /// A data folder at `root`.
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// `flag` (from `--data-dir`), else `PRESSROOM_DATA_DIR`, else the platform's data folder
    /// (e.g. `%APPDATA%\Pressroom\data` on Windows, `~/.local/share/pressroom` on Linux).
    pub fn resolve(flag: Option<&Path>) -> Option<DataDir> {
        if let Some(dir) = flag {
            return Some(DataDir::new(dir));
        }
        if let Some(dir) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
            return Some(DataDir::new(dir));
        }
        directories::ProjectDirs::from("", "", "Pressroom").map(|d| DataDir::new(d.data_dir()))
    }

    /// The user's own scenarios.
    pub fn scenarios(&self) -> PathBuf {
        self.root.join("scenarios")
    }

    /// Drill records.
    pub fn records(&self) -> PathBuf {
        self.root.join("records")
    }

    /// Exports.
    pub fn exports(&self) -> PathBuf {
        self.root.join("exports")
    }

    /// The settings file.
    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.ron")
    }

    /// The journal of the drill in progress, if the app is running one (or crashed in one).
    pub fn journal_file(&self) -> PathBuf {
        self.root.join("journal.ron")
    }

    /// Rewrites the journal after an action.
    pub fn write_journal(&self, journal: &crate::records::record::Journal) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.root)?;
        write_atomically(&self.journal_file(), journal.to_ron().as_bytes())
    }

    /// The journal left by a drill that did not end, if any; an unreadable one is reported.
    pub fn read_journal(&self) -> Option<Result<crate::records::record::Journal, String>> {
        let path = self.journal_file();
        if std::fs::symlink_metadata(&path).is_err() {
            return None;
        }
        Some(read_small(&path).and_then(|src| crate::records::record::Journal::parse(&src)))
    }

    /// Removes the journal once its drill has been saved or abandoned.
    pub fn clear_journal(&self) {
        let _ = std::fs::remove_file(self.journal_file());
    }

    /// Rewrites a saved record in place (the facilitator's plan and notes after the drill).
    pub fn update_record(&self, path: &Path, record: &Record) -> std::io::Result<()> {
        write_atomically(path, record.to_ron().as_bytes())
    }

    /// Saves a record under a name made of its start time and scenario, never overwriting an
    /// earlier one; returns where it went.
    pub fn save_record(&self, record: &Record) -> std::io::Result<PathBuf> {
        let dir = self.records();
        std::fs::create_dir_all(&dir)?;
        let stamp: String = record
            .started
            .as_deref()
            .unwrap_or("undated")
            .chars()
            .take(19)
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let base = format!("{stamp}_{}", file_safe(&record.scenario));
        let mut path = dir.join(format!("{base}.ron"));
        let mut n = 2;
        while path.exists() {
            path = dir.join(format!("{base}_{n}.ron"));
            n += 1;
        }
        write_atomically(&path, record.to_ron().as_bytes())?;
        Ok(path)
    }

    /// Every record file in the folder, in file-name order (start time first); a file that
    /// cannot be read is listed with the reason.
    pub fn records_list(&self) -> Vec<StoredRecord> {
        let Ok(read) = std::fs::read_dir(self.records()) else {
            return Vec::new();
        };
        let mut paths: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.extension().is_some_and(|e| e == "ron")
                    && !p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|path| {
                let record = read_small(&path).and_then(|src| Record::parse(&src));
                StoredRecord { path, record }
            })
            .collect()
    }

    /// Copies the records (one team's, or all) into `out`; returns how many.
    pub fn export_records(&self, out: &Path, team: Option<&str>) -> std::io::Result<usize> {
        std::fs::create_dir_all(out)?;
        let mut n = 0;
        for stored in self.records_list() {
            let Ok(record) = &stored.record else { continue };
            if team.is_some() && record.team.as_deref() != team {
                continue;
            }
            let Some(name) = stored.path.file_name() else {
                continue;
            };
            write_atomically(&out.join(name), record.to_ron().as_bytes())?;
            n += 1;
        }
        Ok(n)
    }

    /// Adds a record file to the folder after reading it as a record; `None` when an
    /// identical record is already there.
    pub fn import_record(&self, path: &Path) -> Result<Option<PathBuf>, String> {
        let src = read_small(path)?;
        let record = Record::parse(&src)?;
        let same = self
            .records_list()
            .into_iter()
            .any(|s| s.record.as_ref().is_ok_and(|r| *r == record));
        if same {
            return Ok(None);
        }
        self.save_record(&record)
            .map(Some)
            .map_err(|e| e.to_string())
    }

    /// Writes `text` to `exports/NAME`, atomically; returns the path.
    pub fn export(&self, name: &str, text: &str) -> std::io::Result<PathBuf> {
        let dir = self.exports();
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(file_safe(name));
        write_atomically(&path, text.as_bytes())?;
        Ok(path)
    }
}

/// A name that is safe as a file name on Windows, macOS and Linux.
pub fn file_safe(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('.');
    if trimmed.is_empty() {
        "unnamed".to_string()
    } else {
        trimmed.chars().take(80).collect()
    }
}

/// A record or journal's text, through the one bounded reader (regular files only, at most
/// the size of any input); why not, in a line.
fn read_small(path: &Path) -> Result<String, String> {
    crate::source::load::read_text(path).map_err(|d| d.message)
}
