//! The source tree is the architecture: each folder under `src/` imports only the folders
//! below it (docs/architecture.md lists the order), the CLI and the app never import each
//! other, and at most three `.rs` files sit directly under `src/`.

use crate::root;
use std::path::Path;

/// The layers, lowest first. A folder may import its own layer and any listed before it.
const LAYERS: [&[&str]; 13] = [
    &["text"],
    &["source"],
    &["playbook"],
    &["scenario"],
    &["wording"],
    &["session"],
    &["scoring"],
    &["records"],
    &["store"],
    &["reports"],
    &["authoring"],
    &["host"],
    &["cli", "app"],
];

/// The crate root's re-exports, by the layer they come from.
const ROOT_ITEMS: [(&str, &str); 6] = [
    ("Lang", "text"),
    ("Text", "text"),
    ("Diagnostic", "source"),
    ("Playbook", "playbook"),
    ("Scenario", "scenario"),
    ("BUNDLED_SCENARIOS", "text"),
];

fn rank(folder: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&folder))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every `crate::NAME` a file names, with its line.
fn imports(src: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(p) = rest.find("crate::") {
            let after = &rest[p + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if name.is_empty() {
                // `use crate::{a, b}`: each name inside the braces.
                if let Some(inner) = after.strip_prefix('{') {
                    for part in inner.split(['}', ',']) {
                        let n: String = part
                            .trim()
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        if !n.is_empty() {
                            out.push((i + 1, n));
                        }
                    }
                }
            } else {
                out.push((i + 1, name));
            }
            rest = after;
        }
    }
    out
}

#[test]
fn each_folder_imports_only_the_folders_below_it() {
    let src = root().join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut wrong = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&src).unwrap();
        let mut parts = rel.components();
        let first = parts
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy()
            .to_string();
        let folder = if rel.components().count() == 1 {
            first.trim_end_matches(".rs").to_string()
        } else {
            first
        };
        if folder == "lib" || folder == "main" {
            continue;
        }
        let mine = rank(&folder).unwrap_or_else(|| panic!("{folder} is in no layer"));
        let text = std::fs::read_to_string(path).unwrap();
        for (line, name) in imports(&text) {
            let target = ROOT_ITEMS
                .iter()
                .find(|(item, _)| *item == name)
                .map_or(name.as_str(), |(_, layer)| layer);
            let Some(theirs) = rank(target) else {
                wrong.push(format!(
                    "{}:{line}: crate::{name} is in no layer",
                    rel.display()
                ));
                continue;
            };
            let sideways = mine == theirs && folder != target;
            if theirs > mine || sideways {
                wrong.push(format!(
                    "{}:{line}: {folder} imports {target}, which is not below it",
                    rel.display()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn at_most_three_files_sit_directly_under_src() {
    let loose: Vec<String> = std::fs::read_dir(root().join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "rs"))
        .map(|p| p.file_name().unwrap().to_string_lossy().to_string())
        .collect();
    assert!(loose.len() <= 3, "{loose:?}");
}

#[test]
fn every_module_opens_with_a_line_saying_what_it_owns() {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} does not open with a //! line",
            path.display()
        );
    }
}

/// Every diagnostic the scenario validator raises speaks Japanese too: each `error(` or
/// `warning(` it pushes sets its Japanese message (`set_ja`) before the statement ends, so
/// `check --lang ja` and the app's library never fall back to English for a scenario writer.
#[test]
fn every_scenario_diagnostic_has_a_japanese_message() {
    let mut files = Vec::new();
    rust_files(&root().join("src/scenario/validate"), &mut files);
    let mut bare = Vec::new();
    let mut seen = 0;
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for start in ["self.error(", "self.warning(", "v.error(", "v.warning("] {
            for (at, _) in text.match_indices(start) {
                // The statement: up to the `;` outside any bracket.
                let mut depth = 0i32;
                let end = text[at..]
                    .char_indices()
                    .find(|&(_, c)| {
                        match c {
                            '(' | '[' | '{' => depth += 1,
                            ')' | ']' | '}' => depth -= 1,
                            _ => {}
                        }
                        c == ';' && depth == 0
                    })
                    .map_or(text.len(), |(k, _)| at + k);
                seen += 1;
                if !text[at..end].contains("set_ja(") {
                    let line = text[..at].lines().count() + 1;
                    bare.push(format!("{}:{line}", path.display()));
                }
            }
        }
    }
    assert!(
        seen > 40,
        "the scan found the validator's diagnostics ({seen})"
    );
    assert!(bare.is_empty(), "English only:\n{}", bare.join("\n"));
}
