//! Walking folders for scenario files: which `.ron` files a path names, in name order. Each
//! folder is visited once (a link back to a folder already seen is not followed again, so
//! loops end), and what is not a regular file (a FIFO, a device, a dangling link) is skipped
//! and said so.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How deep folders may nest below the path given.
const MAX_DEPTH: usize = 32;

/// What a walk found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Walk {
    /// The scenario files, in name order.
    pub files: Vec<PathBuf>,
    /// What was passed over, with why.
    pub skipped: Vec<(PathBuf, &'static str)>,
}

/// Scenario files under `path`: the file itself, or every `.ron` file below a folder, in
/// name order, leaving out `answers/` folders (they hold answers files, not scenarios).
pub fn scenario_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    walk(path).map(|w| w.files)
}

/// [`scenario_files`], with what was skipped.
pub fn walk(path: &Path) -> std::io::Result<Walk> {
    let meta = std::fs::metadata(path)?;
    let mut out = Walk::default();
    if !meta.is_dir() {
        // A path named on its own is read (and refused, if it must be) by the reader.
        out.files.push(path.to_path_buf());
        return Ok(out);
    }
    let mut seen = HashSet::new();
    folder(path, 0, &mut seen, &mut out)?;
    Ok(out)
}

fn folder(
    dir: &Path,
    depth: usize,
    seen: &mut HashSet<PathBuf>,
    out: &mut Walk,
) -> std::io::Result<()> {
    let real = std::fs::canonicalize(dir)?;
    if !seen.insert(real) {
        out.skipped
            .push((dir.to_path_buf(), "a folder already walked (a link loop)"));
        return Ok(());
    }
    if depth > MAX_DEPTH {
        out.skipped
            .push((dir.to_path_buf(), "folders nest too deeply"));
        return Ok(());
    }
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        let is_ron = p.extension().is_some_and(|x| x == "ron");
        let Ok(meta) = std::fs::metadata(&p) else {
            if is_ron {
                out.skipped.push((p, "a link to nothing"));
            }
            continue;
        };
        if meta.is_dir() {
            if e.file_name() != "answers" {
                // A folder that vanished or cannot be read is skipped, not fatal.
                if folder(&p, depth + 1, seen, out).is_err() {
                    out.skipped.push((p, "a folder that cannot be read"));
                }
            }
        } else if is_ron {
            if meta.is_file() {
                out.files.push(p);
            } else {
                out.skipped
                    .push((p, "not a regular file (a pipe or a device)"));
            }
        }
    }
    Ok(())
}
