//! Writing files so that a crash never leaves half of one and nothing is lost: a temporary
//! file with a random name is created beside the target (create-new, so it can never be an
//! existing file or a planted link), written and flushed, then renamed over the target
//! ([`write_atomically`]) or linked to a name that must not exist yet ([`write_new`], which
//! never replaces another file). A failed write removes its temporary file; readers skip
//! the hidden `.NAME.tmp-…` names, and [`sweep_temporaries`] clears those a killed process
//! left behind.

use std::hash::{BuildHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The marker in a temporary file's name.
const TMP: &str = ".tmp-";

/// Writes `bytes` to `path` so that a crash leaves the old file or the new one, never half.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_staged(path, bytes, |_| Ok(()))
}

/// Writes `bytes` to `path`, which must not exist: another file there (another drill's record
/// saved a moment earlier) is never replaced; the error is `AlreadyExists`.
pub fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = staged(path, bytes)?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => {
            sync_dir(path);
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links: create the name exclusively and write in place.
        Err(_) => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)?;
            f.write_all(bytes)
                .and_then(|_| f.sync_all())
                .inspect_err(|_| {
                    let _ = std::fs::remove_file(path);
                })
        }
    }
}

/// `write_atomically` with a hook between the flushed temporary file and the rename; an
/// error from the hook stops there, as a crash would, leaving the temporary file behind.
/// Tests use it to show that the previous file survives.
pub fn write_staged(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = staged(path, bytes)?;
    before_rename(&tmp)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    sync_dir(path);
    Ok(())
}

/// Removes temporary files older than `older_than` from `dir`: what a process killed in the
/// middle of a write left behind. Returns how many it removed.
pub fn sweep_temporaries(dir: &Path, cutoff: std::time::SystemTime) -> usize {
    let Ok(read) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for e in read.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        if !(name.starts_with('.') && name.contains(TMP)) {
            continue;
        }
        let Ok(meta) = e.path().symlink_metadata() else {
            continue;
        };
        let stale = meta.modified().is_ok_and(|m| m < cutoff);
        if stale && std::fs::remove_file(e.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// A flushed temporary copy of `bytes` beside `path`, under a fresh random name.
fn staged(path: &Path, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file path"))?;
    for _ in 0..16 {
        let tmp = dir.join(format!(
            ".{}{TMP}{}-{:016x}",
            name.to_string_lossy(),
            std::process::id(),
            random()
        ));
        // create_new: never an existing file, and never through a link planted at that name.
        let mut f = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        return match f.write_all(bytes).and_then(|_| f.sync_all()) {
            Ok(()) => Ok(tmp),
            Err(e) => {
                drop(f);
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        };
    }
    Err(std::io::Error::other("no free temporary name"))
}

/// 64 unpredictable bits: the standard library's per-process random hash keys, mixed with a
/// counter so two calls never repeat.
pub fn random() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u32(std::process::id());
    h.finish()
}

/// Makes a rename or link durable where the platform allows syncing a folder.
fn sync_dir(path: &Path) {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
