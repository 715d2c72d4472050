//! `pressroom lint`: checks one draft announcement, alone or against a scenario's fact ledger
//! at a moment, and reports findings with line and column for people or JSON for tools.

use crate::playbook::{Playbook, Severity};
use crate::scenario::{DecisionKind, Element, Scenario, SimTime, Stage, time};
use crate::text::Lang;
use crate::wording::{Checker, Context, Finding};
use serde::Serialize;

/// What the draft is checked against.
pub struct Target<'a> {
    /// The stage the draft is for.
    pub stage: Stage,
    /// The scenario whose ledger the draft is checked against.
    pub scenario: Option<&'a Scenario>,
    /// `--at TIME` or `--decision ID`, as typed.
    pub at: Option<&'a str>,
    /// `--decision ID`, as typed.
    pub decision: Option<&'a str>,
}

/// What `lint` found in a draft.
#[derive(Serialize)]
pub struct LintReport {
    /// The draft's path as given.
    pub file: String,
    /// The stage's key.
    pub stage: &'static str,
    /// The scenario's ID, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scenario: Option<String>,
    /// The simulated moment the ledger was taken at, with a scenario.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// Every finding, with its line and column.
    pub findings: Vec<LocatedFinding>,
    /// How many errors.
    pub errors: usize,
    /// How many warnings.
    pub warnings: usize,
}

/// A finding placed in the draft's text.
#[derive(Serialize)]
pub struct LocatedFinding {
    /// The finding.
    #[serde(flatten)]
    pub finding: Finding,
    /// 1-based line and column of the span's start, for editors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Its column (characters), if it has a span.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// The time, stage and required elements the target names, or a usage error.
fn resolve(target: &Target<'_>) -> Result<(Stage, Vec<Element>, Option<SimTime>), String> {
    let Some(s) = target.scenario else {
        return Ok((
            target.stage,
            Element::defaults_for(target.stage).to_vec(),
            None,
        ));
    };
    if let Some(id) = target.decision {
        let d = s.find_decision(id).ok_or_else(|| {
            let ids: Vec<&str> = s.decisions.iter().map(|d| d.id.as_str()).collect();
            format!(
                "the scenario has no decision `{id}`{}",
                crate::source::diagnostic::suggestion(id, ids)
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default()
            )
        })?;
        let at = s.clock_only_opening(d).ok_or_else(|| {
            format!(
                "decision `{id}` opens only after a decision or publication; use --at TIME instead"
            )
        })?;
        return Ok(match &s.decision(d).kind {
            DecisionKind::Draft(draft) => (draft.stage, draft.required.clone(), Some(at)),
            _ => (
                target.stage,
                Element::defaults_for(target.stage).to_vec(),
                Some(at),
            ),
        });
    }
    let at = match target.at {
        Some(t) => {
            let at = time::parse_moment(t, s.start)
                .map_err(|e| format!("--at `{t}`: {e}; {}", time::TIME_HINT))?;
            if at.0 > s.duration {
                return Err(format!(
                    "--at `{t}` is after the scenario ends ({}); give a time inside its clock",
                    SimTime(s.duration)
                ));
            }
            at
        }
        None => {
            return Err(
                "with --scenario, say when the draft is published: --at TIME or --decision ID"
                    .into(),
            );
        }
    };
    Ok((
        target.stage,
        Element::defaults_for(target.stage).to_vec(),
        Some(at),
    ))
}

/// The largest draft `lint` reads: far beyond any announcement (a long final report is a
/// few tens of kilobytes), small enough that a mistaken file is refused at once.
pub const MAX_DRAFT_BYTES: u64 = 256 * 1024;

/// Why a draft over [`MAX_DRAFT_BYTES`] is refused.
pub fn too_long() -> String {
    format!(
        "the draft is over {} KiB; no announcement is that long, so this is probably not a draft",
        MAX_DRAFT_BYTES / 1024
    )
}

/// Checks a draft's wording for its target.
pub fn lint(
    file: &str,
    text: &str,
    target: &Target<'_>,
    checker: &Checker,
) -> Result<LintReport, String> {
    let (stage, required, at) = resolve(target)?;
    let mut ctx = Context {
        required,
        ..Context::default()
    };
    let ledger;
    if let (Some(s), Some(t)) = (target.scenario, at) {
        ledger = s.clock_only_ledger(t);
        ctx.organisation = Some(&s.organisation.name);
        ctx.ledger = s.facts.iter().zip(ledger.iter().copied()).collect();
        ctx.values = clock_only_values(s, t);
        ctx.never_public = s.wording.never_public.iter().map(String::as_str).collect();
    }
    let findings = checker.check(text, &ctx);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(
            text.chars()
                .enumerate()
                .filter(|(_, c)| *c == '\n')
                .map(|(i, _)| i + 1),
        )
        .collect();
    let located: Vec<LocatedFinding> = findings
        .into_iter()
        .map(|f| {
            let (line, column) = match f.span {
                Some(span) => {
                    let line = starts.partition_point(|&s| s <= span.start);
                    (Some(line), Some(span.start - starts[line - 1] + 1))
                }
                None => (None, None),
            };
            LocatedFinding {
                finding: f,
                line,
                column,
            }
        })
        .collect();
    let count = |sev| located.iter().filter(|f| f.finding.severity == sev).count();
    Ok(LintReport {
        file: file.to_string(),
        stage: stage.key(),
        scenario: target.scenario.map(|s| s.id.clone()),
        at: at.map(|t| t.to_string()),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        findings: located,
    })
}

/// The report as text, in `lang`.
pub fn render_text(report: &LintReport, playbook: &Playbook, lang: Lang) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let place = match (f.line, f.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", report.file),
            _ => report.file.to_string(),
        };
        let excerpt = if f.finding.excerpt.is_empty() {
            String::new()
        } else {
            format!(" 「{}」", f.finding.excerpt)
        };
        out.push_str(&format!(
            "{place}: {}[{}]: {}{excerpt}\n",
            f.finding.severity.key(),
            f.finding.rule,
            f.finding.message.get(lang)
        ));
        if let Some(s) = &f.finding.suggestion {
            out.push_str(&format!(
                "  {}: {}\n",
                lang.pick("直し方", "suggestion"),
                s.get(lang)
            ));
        }
        if let Some(rule) = playbook.rule(&f.finding.rule) {
            out.push_str(&format!(
                "  {}: {}\n",
                lang.pick("手順書", "procedure"),
                playbook.citation(rule, lang)
            ));
        }
    }
    let stage = Stage::ALL
        .iter()
        .find(|s| s.key() == report.stage)
        .map_or_else(
            || report.stage.to_string(),
            |s| s.label().get(lang).to_string(),
        );
    out.push_str(&match lang {
        Lang::Ja => {
            let context = match (&report.scenario, &report.at) {
                (Some(s), Some(at)) => format!("(シナリオ {s}、{at} の時点)"),
                _ => String::new(),
            };
            format!(
                "{}: {stage}としての指摘 {} 件{context}。エラー {}、警告 {}\n",
                report.file,
                report.findings.len(),
                report.errors,
                report.warnings
            )
        }
        Lang::En => {
            let context = match (&report.scenario, &report.at) {
                (Some(s), Some(at)) => format!(" against scenario {s} at {at}"),
                _ => String::new(),
            };
            format!(
                "{}: {} finding(s) for a {} stage{context}: {} error(s), {} warning(s)\n",
                report.file,
                report.findings.len(),
                report.stage,
                report.errors,
                report.warnings
            )
        }
    });
    out
}

/// Each fact's count and date at `t` if nothing but the clock moves, with the values they
/// replaced.
fn clock_only_values(s: &crate::scenario::Scenario, t: SimTime) -> Vec<crate::wording::Value> {
    let arrivals = s.clock_only_arrivals();
    s.facts
        .iter()
        .map(|f| {
            let when = |j: usize| {
                crate::scenario::Scenario::clock_only_time(&f.timeline[j].when, &arrivals)
            };
            let (count, superseded) = f.value_at(t, f.count, |c| c.count, when);
            let (date, superseded_dates) = f.value_at(t, f.date, |c| c.date, when);
            crate::wording::Value {
                count,
                superseded,
                date,
                superseded_dates,
            }
        })
        .collect()
}
