//! Walking folders for scenario files: which `.ron` files a path names, in name order.

use std::path::{Path, PathBuf};

/// Scenario files under `path`: the file itself, or every `.ron` file below a folder, in
/// name order, leaving out `answers/` folders (they hold answers files, not scenarios).
pub fn scenario_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !path.is_dir() {
        std::fs::metadata(path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(path)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            if e.file_name() != "answers" {
                out.extend(scenario_files(&p)?);
            }
        } else if p.extension().is_some_and(|x| x == "ron") {
            out.push(p);
        }
    }
    Ok(out)
}
