//! The user's data folder: settings, drill records and exports, found by platform convention
//! (`directories`), or where `--data-dir` / `PRESSROOM_DATA_DIR` say, so that drills, tests
//! and CI can keep their records apart.

use crate::record::Record;
use crate::store::write_atomically;
use std::path::{Path, PathBuf};

/// The environment variable that moves the data folder.
pub const ENV: &str = "PRESSROOM_DATA_DIR";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    pub root: PathBuf,
}

/// A record file in the data folder, read or not.
#[derive(Debug, Clone)]
pub struct StoredRecord {
    pub path: PathBuf,
    pub record: Result<Record, String>,
}

impl DataDir {
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

    pub fn scenarios(&self) -> PathBuf {
        self.root.join("scenarios")
    }

    pub fn records(&self) -> PathBuf {
        self.root.join("records")
    }

    pub fn exports(&self) -> PathBuf {
        self.root.join("exports")
    }

    pub fn settings_file(&self) -> PathBuf {
        self.root.join("settings.ron")
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
                let record = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read the file: {e}"))
                    .and_then(|src| Record::parse(&src));
                StoredRecord { path, record }
            })
            .collect()
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
