//! Writing files so that a crash never leaves half of one: write a temporary file beside the
//! target, flush it to disk, then rename it over the target. A crash before the rename leaves
//! the previous file as it was (and a hidden `.NAME.tmp-PID` that readers skip).

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` so that a crash leaves the old file or the new one, never half.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_staged(path, bytes, |_| Ok(()))
}

/// `write_atomically` with a hook between the flushed temporary file and the rename; an
/// error from the hook stops there, as a crash would, leaving the temporary file behind.
/// Tests use it to show that the previous file survives.
pub fn write_staged(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("not a file path"))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    before_rename(&tmp)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })?;
    // Make the rename itself durable where the platform allows syncing a folder.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
