//! `pressroom check`: validates scenario files and folders, and tabulates which playbook rules
//! and procedure sections the valid scenarios exercise.

use crate::playbook::{Playbook, SECTIONS, TOP_SECTIONS, top_section};
use crate::scenario::Scenario;
use crate::source::diagnostic::{Diagnostic, Severity};
use crate::source::walk::walk;
use crate::text::Lang;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What `check` found in one file.
#[derive(Debug, Serialize)]
pub struct FileReport {
    /// The path as given.
    pub path: String,
    /// The scenario's ID, when it parsed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// Whether it has no error.
    pub ok: bool,
    /// Every problem, placed at its line and column.
    pub diagnostics: Vec<Diagnostic>,
    /// The rules the scenario can score (from `scoring::coverage`).
    #[serde(skip)]
    pub rules: BTreeSet<String>,
}

/// Which rules and sections the valid scenarios exercise, and how many times.
#[derive(Debug, Serialize)]
pub struct Coverage {
    /// Each playbook rule ID, mapped to how many valid scenarios exercise it.
    pub rules: BTreeMap<String, usize>,
    /// Each procedure section (S1–S11 and sub-sections), mapped likewise.
    pub sections: BTreeMap<String, usize>,
}

/// What `check` found in every file.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// Each file's report.
    pub files: Vec<FileReport>,
    /// Coverage over the valid files.
    pub coverage: Coverage,
    /// How many errors in all.
    pub errors: usize,
    /// How many warnings in all.
    pub warnings: usize,
    /// What the walk passed over (a FIFO, a device, a link loop), with why.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

/// Something under a folder `check` did not read.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// The path.
    pub path: String,
    /// Why it was passed over.
    pub why: &'static str,
}

impl CheckReport {
    /// Whether any file has an error.
    pub fn has_errors(&self) -> bool {
        self.errors > 0
    }
}

/// Checks one scenario file.
pub fn check_file(
    path: &Path,
    playbook: &Playbook,
) -> (FileReport, Option<std::sync::Arc<Scenario>>) {
    let shown = path.display().to_string();
    match Scenario::load(path, playbook) {
        Ok(mut loaded) => {
            let rules = crate::scoring::coverage::rules(&loaded.scenario, playbook);
            let current = crate::scenario::FORMAT;
            if loaded.scenario.format < current {
                let (line, column) = crate::source::version::find(&loaded.scenario.source)
                    .map_or((1, 1), |(_, l, c)| (l, c));
                loaded.warnings.insert(
                    0,
                    Diagnostic::warning(
                        "old-format",
                        format!(
                            "this scenario is in format {}; it plays as before, and format {current} adds reviews, milestones, promises and more",
                            loaded.scenario.format
                        ),
                    )
                    .at(line, column)
                    .hint(format!("run `pressroom upgrade {shown}` to rewrite its version line (comments are kept)")),
                );
            }
            (
                FileReport {
                    path: shown,
                    scenario: Some(loaded.scenario.id.clone()),
                    ok: true,
                    diagnostics: loaded.warnings,
                    rules,
                },
                Some(loaded.scenario),
            )
        }
        Err(diagnostics) => (
            FileReport {
                path: shown,
                scenario: None,
                ok: false,
                diagnostics,
                rules: BTreeSet::new(),
            },
            None,
        ),
    }
}

/// Checks every scenario file under `paths`.
pub fn check_paths(paths: &[PathBuf], playbook: &Playbook) -> Result<CheckReport, String> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        let found = walk(p).map_err(|e| format!("{}: {e}", p.display()))?;
        skipped.extend(found.skipped.into_iter().map(|(path, why)| Skipped {
            path: path.display().to_string(),
            why,
        }));
        if found.files.is_empty() {
            return Err(format!("{}: no scenario files (*.ron) here", p.display()));
        }
        files.extend(found.files);
    }
    let reports: Vec<FileReport> = files.iter().map(|f| check_file(f, playbook).0).collect();
    let mut out = report(reports, playbook);
    out.skipped = skipped;
    Ok(out)
}

fn report(files: Vec<FileReport>, playbook: &Playbook) -> CheckReport {
    let mut rules: BTreeMap<String, usize> =
        playbook.rules.iter().map(|r| (r.id.clone(), 0)).collect();
    let mut sections: BTreeMap<String, usize> =
        SECTIONS.iter().map(|s| (s.to_string(), 0)).collect();
    for s in &playbook.sections {
        sections.entry(s.id.clone()).or_insert(0);
    }
    for f in files.iter().filter(|f| f.ok) {
        let mut secs = BTreeSet::new();
        for r in &f.rules {
            *rules.entry(r.clone()).or_insert(0) += 1;
            for s in playbook.sections_of(r) {
                secs.insert(top_section(&s).to_string());
                secs.insert(s);
            }
        }
        for s in secs {
            *sections.entry(s).or_insert(0) += 1;
        }
    }
    let count = |sev| {
        files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == sev)
            .count()
    };
    CheckReport {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        files,
        coverage: Coverage { rules, sections },
        skipped: Vec::new(),
    }
}

/// The human-readable report: diagnostics per file, the coverage table, a summary line.
pub fn render_text(report: &CheckReport, playbook: &Playbook, lang: Lang) -> String {
    let mut out = String::new();
    for f in &report.files {
        let status = if f.ok {
            lang.pick("問題なし", "ok")
        } else {
            lang.pick("エラーあり", "FAILED")
        };
        let id = f
            .scenario
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        out.push_str(&format!("{}{id}: {status}\n", f.path));
        for d in &f.diagnostics {
            for line in d.render_in(&f.path, lang).lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    for s in &report.skipped {
        out.push_str(&format!(
            "{}: {}, {}\n",
            s.path,
            lang.pick("読み飛ばしました", "skipped"),
            s.why
        ));
    }
    let valid = report.files.iter().filter(|f| f.ok).count();
    if valid == 0 {
        out.push_str(lang.pick(
            "\n正しいシナリオがないので、網羅の表はありません\n",
            "\nno valid scenario, so no coverage table\n",
        ));
    } else {
        out.push_str(&match lang {
            Lang::Ja => format!("\n正しいシナリオ {valid} 件が使う規則\n"),
            Lang::En => format!("\ncoverage over {valid} valid scenario(s): rules\n"),
        });
        let not_exercised = lang.pick("  <- どのシナリオも使っていません", "  <- not exercised");
        let width = playbook.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for rule in &playbook.rules {
            let n = report.coverage.rules.get(&rule.id).copied().unwrap_or(0);
            let mark = if n == 0 { not_exercised } else { "" };
            out.push_str(&format!(
                "  {:width$}  {n:>3}  {}{mark}\n",
                rule.id,
                rule.title.get(lang)
            ));
        }
        out.push_str(lang.pick("同じく、手順書の節\n", "coverage: procedure sections\n"));
        for sec in &playbook.sections {
            let n = report.coverage.sections.get(&sec.id).copied().unwrap_or(0);
            let top = TOP_SECTIONS.contains(&sec.id.as_str());
            let mark = if n == 0 && top { not_exercised } else { "" };
            let label = if top {
                sec.id.clone()
            } else {
                format!("  {}", sec.id)
            };
            out.push_str(&format!(
                "  {label:<8}{n:>3}  {}{mark}\n",
                sec.heading.get(lang)
            ));
        }
    }
    let failed = report.files.len() - valid;
    out.push_str(&match lang {
        Lang::Ja => format!(
            "\n{} ファイル: 問題なし {valid}、エラーあり {failed}。エラー {}、警告 {}\n",
            report.files.len(),
            report.errors,
            report.warnings
        ),
        Lang::En => format!(
            "\n{} file(s): {valid} ok, {failed} failed; {} error(s), {} warning(s)\n",
            report.files.len(),
            report.errors,
            report.warnings
        ),
    });
    out
}
