//! The debrief: a finished drill's score as text, Markdown or JSON, with every finding's rule,
//! points, evidence, reason and procedure clause, and the timeline as data a chart can draw.

use crate::scenario::{DecisionKind, Scenario, SimTime, Stage};
use crate::scoring::{Score, grade_label};
use crate::session::Session;
use crate::text::{Lang, Text};
use serde::Serialize;

/// What a timing chart draws: the windows, deadlines and publications.
#[derive(Serialize)]
pub struct Timeline {
    /// When the playbook would publish each stage.
    pub windows: Vec<WindowMark>,
    /// The deadlines.
    pub deadlines: Vec<DeadlineMark>,
    /// When the trainee published.
    pub publications: Vec<Publication>,
}

/// The playbook's window for a stage.
#[derive(Serialize)]
pub struct WindowMark {
    /// The stage.
    pub stage: Stage,
    /// When it opens.
    pub from: SimTime,
    /// When it closes.
    pub to: SimTime,
}

/// A deadline on the chart.
#[derive(Serialize)]
pub struct DeadlineMark {
    /// Its ID.
    pub id: String,
    /// When it falls.
    pub at: SimTime,
    /// Minutes over which its points fall to nothing.
    pub grace_minutes: u32,
    /// What it is called.
    pub label: Text,
}

/// A publication on the chart.
#[derive(Serialize)]
pub struct Publication {
    /// The stage.
    pub stage: Stage,
    /// When.
    pub at: SimTime,
}

/// The timing chart's marks for a drill.
pub fn timeline(session: &Session) -> Timeline {
    let s = &*session.scenario;
    Timeline {
        windows: s
            .decisions
            .iter()
            .filter_map(|d| match &d.kind {
                DecisionKind::Timing(t) => Some(WindowMark {
                    stage: t.stage,
                    from: t.window.from,
                    to: t.window.to,
                }),
                _ => None,
            })
            .collect(),
        deadlines: s
            .deadlines
            .iter()
            .map(|d| DeadlineMark {
                id: d.id.clone(),
                at: d.at,
                grace_minutes: d.grace,
                label: d.label.clone(),
            })
            .collect(),
        publications: session
            .published()
            .iter()
            .map(|(stage, at)| Publication {
                stage: *stage,
                at: *at,
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct DebriefJson<'a> {
    scenario: &'a str,
    seed: u64,
    lang: Lang,
    score: ScoreJson<'a>,
    findings: &'a [crate::scoring::Finding],
    timeline: Timeline,
}

#[derive(Serialize)]
struct ScoreJson<'a> {
    total: f64,
    grade: &'a str,
    broken: &'a [String],
    areas: &'a std::collections::BTreeMap<&'static str, crate::scoring::AreaScore>,
    strengths: &'a [String],
    improvements: &'a [String],
}

/// The debrief as JSON: the score, its findings and the timeline.
pub fn json(session: &Session, score: &Score) -> String {
    let d = DebriefJson {
        scenario: &session.scenario.id,
        seed: session.seed,
        lang: session.lang,
        score: ScoreJson {
            total: score.total,
            grade: score.grade,
            broken: &score.broken,
            areas: &score.areas,
            strengths: &score.strengths,
            improvements: &score.improvements,
        },
        findings: &score.findings,
        timeline: timeline(session),
    };
    serde_json::to_string_pretty(&d).expect("debrief serialises") + "\n"
}

fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// Markdown (`md = true`) or plain text.
pub fn render(
    session: &Session,
    score: &Score,
    playbook: &crate::Playbook,
    lang: Lang,
    md: bool,
) -> String {
    let s: &Scenario = &session.scenario;
    // Outside text (the scenario's, the playbook's, the answers') is escaped in Markdown; the
    // text debrief is neutralised for the terminal by the CLI.
    let x = |text: &str| -> String {
        if md {
            super::escape::markdown(text)
        } else {
            text.to_string()
        }
    };
    let mut out = String::new();
    let h = |level: usize, text: &str| {
        if md {
            format!("{} {text}\n\n", "#".repeat(level))
        } else {
            format!(
                "{text}\n{}\n",
                if level == 1 {
                    "=".repeat(40)
                } else {
                    "-".repeat(40)
                }
            )
        }
    };
    out.push_str(&h(
        1,
        &format!(
            "{}: {}",
            t(lang, "振り返り", "Debrief"),
            x(s.title.get(lang))
        ),
    ));
    out.push_str(&format!(
        "{}: {} / {}: {:.1} / 100 ({})\n\n",
        t(lang, "シード", "Seed"),
        session.seed,
        t(lang, "総合点", "Total"),
        score.total,
        grade_label(score.grade).get(lang)
    ));
    let title = |rule: &str| {
        playbook
            .rule(rule)
            .map(|r| x(r.title.get(lang)))
            .unwrap_or_default()
    };
    if !score.broken.is_empty() {
        let line = format!(
            "{} {}\n\n",
            crate::scoring::broken_label().get(lang),
            score.broken.join(", ")
        );
        out.push_str(&line);
    }
    // What came off the 100: each rule once per drill or stage, by its worst finding.
    out.push_str(&h(2, t(lang, "減点の内訳", "What cost points")));
    let deductions = score.deductions();
    if deductions.is_empty() {
        out.push_str(if md { "- —\n" } else { "  —\n" });
    }
    for f in deductions {
        let decision = f
            .decision
            .as_deref()
            .and_then(|id| s.decisions.iter().find(|d| d.id == id))
            .map(|d| format!(" · {}", x(d.title.get(lang))))
            .unwrap_or_default();
        let line = format!(
            "-{:.1} {} {} [{}]{decision}",
            f.lost(),
            f.rule,
            title(&f.rule),
            f.severity.key()
        );
        out.push_str(&if md {
            format!("- {line}\n")
        } else {
            format!("  {line}\n")
        });
    }
    out.push('\n');
    out.push_str(&h(2, t(lang, "分野別", "By area")));
    for area in crate::playbook::Area::ALL {
        if let Some(a) = score.areas.get(area.key()) {
            let behind = if a.rating_rules.is_empty() {
                String::new()
            } else {
                format!(
                    " ({})",
                    a.rating_rules
                        .iter()
                        .take(3)
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            let line = format!(
                "{}: {:.1} ({} {:.1} / {} {:.0}) · {}{behind}",
                area.label().get(lang),
                a.score,
                t(lang, "減点", "lost"),
                a.lost,
                t(lang, "上限", "cap"),
                a.cap,
                a.rating.label().get(lang)
            );
            out.push_str(&if md {
                format!("- {line}\n")
            } else {
                format!("  {line}\n")
            });
        }
    }
    out.push('\n');
    for (heading, list) in [
        (t(lang, "良かった点", "Strengths"), &score.strengths),
        (t(lang, "改善点", "To improve"), &score.improvements),
    ] {
        out.push_str(&h(2, heading));
        if list.is_empty() {
            out.push_str(if md { "- —\n" } else { "  —\n" });
        }
        for r in list {
            // Rule IDs are checked by the playbook (lowercase, digits, `_`, `.`): no markup.
            let line = format!("{} ({r})", title(r));
            out.push_str(&if md {
                format!("- {line}\n")
            } else {
                format!("  {line}\n")
            });
        }
        out.push('\n');
    }
    out.push_str(&h(2, t(lang, "評価の内訳", "Every point")));
    let mut current: Option<&str> = None;
    for f in &score.findings {
        let decision = f.decision.as_deref();
        if decision != current {
            current = decision;
            let name = decision
                .and_then(|id| s.decisions.iter().find(|d| d.id == id))
                .map(|d| x(d.title.get(lang)))
                .unwrap_or_default();
            out.push_str(&if md {
                format!("### {name}\n\n")
            } else {
                format!("[{name}]\n")
            });
        }
        let at = f.at.map(|a| format!(" @{a}")).unwrap_or_default();
        let at = if f.overruled() {
            format!("{at} ({})", crate::scoring::not_counted_label().get(lang))
        } else {
            at
        };
        if md {
            out.push_str(&format!(
                "- **{:.1} / {:.1}** `{}` {}{at}  \n  {}: {}  \n  {}  \n  {}: {}\n",
                f.points,
                f.max,
                f.rule,
                title(&f.rule),
                t(lang, "根拠", "Evidence"),
                x(f.evidence.get(lang)),
                x(f.message.get(lang)),
                t(lang, "手順", "Procedure"),
                x(f.citation.get(lang))
            ));
        } else {
            out.push_str(&format!(
                "  {:>5.1}/{:<5.1} {} {}{at}\n      {}: {}\n      {}\n      {}: {}\n",
                f.points,
                f.max,
                f.rule,
                title(&f.rule),
                t(lang, "根拠", "evidence"),
                f.evidence.get(lang),
                f.message.get(lang),
                t(lang, "手順", "procedure"),
                f.citation.get(lang)
            ));
        }
    }
    out
}
