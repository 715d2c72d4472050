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

    /// Clears temporary files a killed process left in the folder, its records and its
    /// exports: anything an hour older than `now` (no write takes that long).
    pub fn sweep(&self, now: std::time::SystemTime) -> usize {
        let cutoff = now
            .checked_sub(std::time::Duration::from_secs(3600))
            .unwrap_or(std::time::UNIX_EPOCH);
        [self.root.clone(), self.records(), self.exports()]
            .iter()
            .map(|d| crate::store::atomic::sweep_temporaries(d, cutoff))
            .sum()
    }

    /// Removes the journal once its drill has been saved or abandoned.
    pub fn clear_journal(&self) {
        let _ = std::fs::remove_file(self.journal_file());
    }

    /// Rewrites a saved record in place (the facilitator's plan and notes after the drill).
    pub fn update_record(&self, path: &Path, record: &Record) -> std::io::Result<()> {
        write_atomically(path, record.to_ron().as_bytes())
    }

    /// Saves a record under a name made of its start time, scenario and ID, never replacing
    /// another file (two processes saving at once each keep their own); gives the record an
    /// ID first if it has none. Returns where it went.
    pub fn save_record(&self, record: &Record) -> std::io::Result<PathBuf> {
        self.save_record_as(record).map(|(path, _)| path)
    }

    /// [`DataDir::save_record`], also saying whether a record with the same ID was already
    /// there under its name (then nothing is written).
    fn save_record_as(&self, record: &Record) -> std::io::Result<(PathBuf, bool)> {
        let dir = self.records();
        std::fs::create_dir_all(&dir)?;
        let mut record = record.clone();
        let id = record
            .id
            .get_or_insert_with(|| {
                format!(
                    "{:016x}{:016x}",
                    crate::store::atomic::random(),
                    crate::store::atomic::random()
                )
            })
            .clone();
        let stamp: String = record
            .started
            .as_deref()
            .unwrap_or("undated")
            .chars()
            .take(19)
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let short: String = file_safe(&id).chars().take(12).collect();
        let base = format!("{stamp}_{}_{short}", file_safe(&record.scenario));
        let text = record.to_ron();
        for n in 1..1000 {
            let path = if n == 1 {
                dir.join(format!("{base}.ron"))
            } else {
                dir.join(format!("{base}_{n}.ron"))
            };
            match crate::store::atomic::write_new(&path, text.as_bytes()) {
                Ok(()) => return Ok((path, false)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    // The same record saved by another process a moment ago: it is there.
                    let there = read_small(&path).and_then(|src| Record::parse(&src));
                    if there.is_ok_and(|r| r.id.as_deref() == Some(id.as_str())) {
                        return Ok((path, true));
                    }
                }
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::other("no free record name"))
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

    /// Adds a record file to the folder after reading it as a record; `None` when it is
    /// already there (the same ID, or for a record saved before IDs, the same content).
    pub fn import_record(&self, path: &Path) -> Result<Option<PathBuf>, String> {
        self.importer().import(path)
    }

    /// An importer that reads the folder once, for many files.
    pub fn importer(&self) -> Importer<'_> {
        let mut ids = std::collections::BTreeSet::new();
        let mut old = std::collections::HashSet::new();
        for stored in self.records_list() {
            if let Ok(r) = stored.record {
                if let Some(id) = &r.id {
                    ids.insert(id.clone());
                }
                old.insert(content(&r));
            }
        }
        Importer {
            data: self,
            ids,
            old,
        }
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

/// Adds exported records to a data folder, reading the folder once for all of them.
pub struct Importer<'a> {
    data: &'a DataDir,
    /// The IDs of the records already there.
    ids: std::collections::BTreeSet<String>,
    /// Every record's content without its ID, for a record from before IDs (which gets one
    /// when it is saved here, so it must still be known by content the next time).
    old: std::collections::HashSet<String>,
}

impl Importer<'_> {
    /// Adds one record file; `None` when it is already there.
    pub fn import(&mut self, path: &Path) -> Result<Option<PathBuf>, String> {
        let src = read_small(path)?;
        let record = Record::parse(&src)?;
        let known = match &record.id {
            Some(id) => self.ids.contains(id),
            None => self.old.contains(&content(&record)),
        };
        if known {
            return Ok(None);
        }
        let (saved, was_there) = self
            .data
            .save_record_as(&record)
            .map_err(|e| e.to_string())?;
        if let Some(id) = &record.id {
            self.ids.insert(id.clone());
        }
        self.old.insert(content(&record));
        Ok((!was_there).then_some(saved))
    }
}

/// A record's text without its ID: what two copies of one drill share.
fn content(record: &Record) -> String {
    Record {
        id: None,
        ..record.clone()
    }
    .to_ron()
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
