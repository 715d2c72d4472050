//! The debrief: total and per-area score, the grade, a timeline chart of when the trainee
//! published against the playbook's windows and the deadlines, every finding with its
//! evidence and procedure clause, the exemplary path side by side, and exports.

use super::{Screen, escape, key, t};
use crate::app::drill::{Drill, DrillCommand, PlanEdit};
use crate::app::files::Files;
use crate::app::{ActivePlaybook, AppData, UiLang};
use crate::playbook::Area;
use crate::reports::debrief::Timeline;
use crate::scenario::{Scenario, Stage};
use crate::scoring::{Score, grade_label};
use crate::session::{DecisionState, Session};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{
    GridMark, MarkerShape, Plot, PlotPoint, PlotPoints, Points, Polygon, Text as PlotText, VLine,
};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Debrief)),
    );
}

#[allow(clippy::too_many_arguments)] // a Bevy system takes what it reads as arguments
fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    playbook: Res<ActivePlaybook>,
    data: Res<AppData>,
    drill: Option<Res<Drill>>,
    mut send: MessageWriter<DrillCommand>,
    mut next: ResMut<NextState<Screen>>,
    mut files: ResMut<Files>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let Some(drill) = drill.filter(|d| d.score().is_some()) else {
        next.set(Screen::Title);
        return Ok(());
    };
    let drill = &*drill;
    let score = drill.score().cloned().expect("checked above");
    let score = &score;
    let mut root = crate::app::screen_ui(ctx);
    egui::Panel::top("debrief-head").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading(format!(
                "{}: {:.1} / 100",
                t(l, "総合点", "Total"),
                score.total
            ));
            ui.label(egui::RichText::new(grade_label(score.grade).get(l)).strong());
            for area in Area::ALL {
                if let Some(a) = score.areas.get(area.key()) {
                    ui.label(format!(
                        "{} {:.0} {}",
                        area.label().get(l),
                        a.score,
                        a.rating.letter()
                    ))
                    .on_hover_text(a.rating.label().get(l));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(t(l, "Markdownで書き出す… (M)", "Export Markdown… (M)"))
                .clicked()
                || key(ui, egui::Key::M)
            {
                let text =
                    crate::reports::debrief::render(drill.session(), score, &playbook.0, l, true);
                export(&mut files, &data, drill, ("md", text), l);
            }
            if ui
                .button(t(l, "回答ファイルを書き出す… (A)", "Export answers… (A)"))
                .clicked()
                || key(ui, egui::Key::A)
            {
                let text = drill.answers().to_ron(&drill.session().scenario);
                export(&mut files, &data, drill, ("answers.ron", text), l);
            }
            if (ui
                .button(t(
                    l,
                    "振り返り報告 HTML… (R)",
                    "After-action report HTML… (R)",
                ))
                .clicked()
                || key(ui, egui::Key::R))
                && let Some(text) = report(drill, &playbook.0, l, true)
            {
                export(&mut files, &data, drill, ("report.html", text), l);
            }
            if ui
                .button(t(
                    l,
                    "振り返り報告 Markdown…",
                    "After-action report Markdown…",
                ))
                .clicked()
                && let Some(text) = report(drill, &playbook.0, l, false)
            {
                export(&mut files, &data, drill, ("report.md", text), l);
            }
            if ui.button(t(l, "履歴 (H)", "History (H)")).clicked() || key(ui, egui::Key::H) {
                next.set(Screen::History);
            }
            if ui
                .button(t(l, "シナリオ一覧へ (Esc)", "Back to scenarios (Esc)"))
                .clicked()
                || escape(ui)
            {
                next.set(Screen::Title);
            }
        });
        match &drill.saved() {
            Some(Ok(path)) => {
                ui.small(format!(
                    "{} {}",
                    t(l, "記録を保存しました:", "Record saved:"),
                    path.display()
                ));
            }
            Some(Err(why)) => {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!(
                        "{} {why}",
                        t(l, "記録を保存できません:", "Record not saved:")
                    ),
                );
            }
            None => {}
        }
        if let Some(n) = &data.notice {
            ui.small(n);
        }
        if !score.broken.is_empty() {
            let titles: Vec<&str> = score
                .broken
                .iter()
                .filter_map(|r| playbook.0.rule(r))
                .map(|r| r.title.get(l))
                .collect();
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "{} {}",
                    crate::scoring::broken_label().get(l),
                    titles.join(t(l, "、", "; "))
                ),
            );
        }
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                super::follow_focus(ui);
                ui.label(
                    egui::RichText::new(t(l, "公表のタイミング", "When you published")).heading(),
                );
                let exemplary = drill.exemplary().as_ref().map(|o| &o.session);
                timeline_chart(ui, drill.session(), exemplary, l);
                ui.add_space(8.0);
                let title = |rule: &str| {
                    playbook
                        .0
                        .rule(rule)
                        .map(|r| r.title.get(l).to_string())
                        .unwrap_or_default()
                };
                ui.columns(2, |cols| {
                    cols[0].label(egui::RichText::new(t(l, "良かった点", "Strengths")).heading());
                    if score.strengths.is_empty() {
                        cols[0].label("—");
                    }
                    for r in &score.strengths {
                        cols[0].label(format!("○ {}", title(r)));
                    }
                    cols[1].label(egui::RichText::new(t(l, "改善点", "To improve")).heading());
                    if score.improvements.is_empty() {
                        cols[1].label("—");
                    }
                    for r in &score.improvements {
                        cols[1].label(format!("× {}", title(r)));
                    }
                });
                ui.separator();
                if drill.team().is_some() {
                    plan(ui, drill, &mut send, score, &playbook.0, l);
                    ui.separator();
                }
                side_by_side(ui, drill, score, l);
                ui.separator();
                findings(ui, drill, score, &title, l);
            });
    });
    super::end_of_pass(ctx);
    Ok(())
}

/// The after-action report of the finished drill, as `pressroom report` writes it.
fn report(
    drill: &Drill,
    playbook: &crate::playbook::Playbook,
    l: Lang,
    html: bool,
) -> Option<String> {
    let record = drill.record()?;
    let score = drill.score()?;
    let r = crate::reports::report::Report {
        record,
        session: drill.session(),
        score,
        playbook,
        lang: l,
    };
    Some(if html { r.html() } else { r.markdown() })
}

/// The facilitator's notes and the improvement plan: one line per thing to fix, with the
/// corrective action, its owner and a due date. The panel edits copies of the lines and
/// sends each change as a `PlanEdit`; the drill keeps the plan and saves it into the record.
fn plan(
    ui: &mut egui::Ui,
    drill: &Drill,
    send: &mut MessageWriter<DrillCommand>,
    score: &Score,
    playbook: &crate::playbook::Playbook,
    l: Lang,
) {
    ui.label(egui::RichText::new(t(l, "観察者の所見", "Observer notes")).heading());
    if drill.notes().is_empty() {
        ui.label("—");
    }
    for n in drill.notes() {
        ui.label(format!("{} {}", n.at, n.text));
    }
    ui.label(egui::RichText::new(t(l, "改善計画", "Improvement plan")).heading());
    let Some(record) = drill.record() else {
        return;
    };
    // A block a line: the issue and the action at the full width, owner and due date on a
    // row that wraps, so nothing is squeezed to a character a line at large type.
    for (i, p) in record.plan.iter().enumerate() {
        let mut line = p.clone();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let height = ui.spacing().interact_size.y;
            let full = ui.available_width();
            ui.label(t(l, "課題", "Issue"));
            ui.add(
                egui::TextEdit::multiline(&mut line.issue)
                    .desired_rows(1)
                    .desired_width(full),
            );
            ui.label(t(l, "是正措置", "Corrective action"));
            ui.add(
                egui::TextEdit::multiline(&mut line.action)
                    .desired_rows(1)
                    .desired_width(full),
            );
            ui.horizontal_wrapped(|ui| {
                ui.label(t(l, "担当", "Owner"));
                ui.add_sized([160.0, height], egui::TextEdit::singleline(&mut line.owner));
                ui.label(t(l, "期限 (YYYY-MM-DD)", "Due (YYYY-MM-DD)"));
                ui.add_sized([130.0, height], egui::TextEdit::singleline(&mut line.due));
                if ui.button("✖").clicked() {
                    send.write(DrillCommand::Plan(PlanEdit::Remove(i)));
                }
            });
        });
        if line != *p {
            send.write(DrillCommand::Plan(PlanEdit::Set(i, line)));
        }
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(t(l, "+ 行を追加", "+ Add a line")).clicked() {
            send.write(DrillCommand::Plan(PlanEdit::Add {
                issue: String::new(),
                rule: None,
            }));
        }
        // One click turns each point to improve into a line to fill in.
        for r in &score.improvements {
            if record
                .plan
                .iter()
                .any(|p| p.rule.as_deref() == Some(r.as_str()))
            {
                continue;
            }
            let title = playbook
                .rule(r)
                .map(|x| x.title.get(l).to_string())
                .unwrap_or_default();
            if ui.small_button(format!("+ {title}")).clicked() {
                send.write(DrillCommand::Plan(PlanEdit::Add {
                    issue: title,
                    rule: Some(r.clone()),
                }));
            }
        }
    });
    let bad_dates = drill.bad_due_dates();
    if !bad_dates.is_empty() {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!(
                "{} {}",
                t(l, "日付の形式が違います:", "Not a date (YYYY-MM-DD):"),
                bad_dates.join(", ")
            ),
        );
    }
    if ui
        .add_enabled(
            bad_dates.is_empty(),
            egui::Button::new(t(l, "計画を記録に保存", "Save the plan to the record")),
        )
        .clicked()
    {
        send.write(DrillCommand::Plan(PlanEdit::Save));
    }
}

/// Asks where to save an export: a Save dialog opened in the data folder's exports folder,
/// with a name from the drill's start and scenario.
fn export(files: &mut Files, data: &AppData, drill: &Drill, (ext, text): (&str, String), l: Lang) {
    let name = crate::store::data::file_safe(&format!(
        "{}_{}.{ext}",
        drill.started().chars().take(19).collect::<String>(),
        drill.session().scenario.id
    ));
    files.save_as(&crate::app::files::start_folder(data), &name, text, l);
}

/// Where `minutes` after the start sit on the timeline's axis: the square root of the hours,
/// so the first hours (where the first notice's window and deadlines fall) get room and
/// three days still fit.
fn axis(minutes: u32) -> f64 {
    (f64::from(minutes) / 60.0).sqrt()
}

/// The times the axis is labelled at, in minutes, up to `end`.
fn axis_marks(end: u32) -> Vec<u32> {
    [0, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 7200, 10080]
        .into_iter()
        .filter(|m| *m <= end)
        .collect()
}

/// The marks that carry a label: all of them, except that beyond a day 30m would sit on 1h's
/// label (a day's square root leaves them a few pixels apart).
fn labelled_marks(marks: &[u32], end: u32) -> Vec<u32> {
    marks
        .iter()
        .copied()
        .filter(|m| !(end > 1440 && *m == 30))
        .collect()
}

/// How a time on the axis reads: 30m, 2h, 3d.
fn axis_label(minutes: u32) -> String {
    match minutes {
        m if m < 60 => format!("{m}m"),
        m if m < 1440 || m % 1440 != 0 => format!("{}h", m / 60),
        m => format!("{}d", m / 1440),
    }
}

/// The stages the playbook has a window for that the drill never published.
fn never_published(tl: &Timeline) -> Vec<Stage> {
    let mut out: Vec<Stage> = Vec::new();
    for w in &tl.windows {
        if !tl.publications.iter().any(|p| p.stage == w.stage) && !out.contains(&w.stage) {
            out.push(w.stage);
        }
    }
    out
}

/// Time on the x axis (compressed, see [`axis`]); one row per stage: the playbook's window as a band, the trainee's
/// publication as a dot, the exemplary one as a diamond, deadlines as vertical lines.
fn timeline_chart(ui: &mut egui::Ui, session: &Session, exemplary: Option<&Session>, l: Lang) {
    let tl: Timeline = crate::reports::debrief::timeline(session);
    let tl = &tl;
    let row = |s: Stage| match s {
        Stage::FirstNotice => 3.0,
        Stage::Update => 2.0,
        Stage::FinalReport => 1.0,
    };
    let end_minutes = session.end().0;
    let end = axis(end_minutes);
    let marks = axis_marks(end_minutes);
    let labelled = labelled_marks(&marks, end_minutes);
    Plot::new("debrief-timeline")
        .height(220.0)
        .include_x(0.0)
        .include_x(end)
        .include_y(0.4)
        .include_y(3.6)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show_y(false)
        .x_axis_label(t(
            l,
            "開始からの時間(はじめの数時間を広げた目盛り)",
            "Time since the start (the first hours spread out)",
        ))
        .x_grid_spacer(move |_| {
            marks
                .iter()
                .map(|m| GridMark {
                    value: axis(*m),
                    step_size: 1.0,
                })
                .collect()
        })
        .x_axis_formatter(move |mark, _| {
            labelled
                .iter()
                .find(|m| (axis(**m) - mark.value).abs() < 1e-9)
                .map(|m| axis_label(*m))
                .unwrap_or_default()
        })
        .y_axis_formatter(move |mark, _| {
            [Stage::FirstNotice, Stage::Update, Stage::FinalReport]
                .into_iter()
                .find(|s| row(*s) == mark.value)
                .map(|s| s.label().get(l).to_string())
                .unwrap_or_default()
        })
        .show(ui, move |plot| {
            let window_name = t(l, "手順上の公表時期", "Playbook's window");
            for w in &tl.windows {
                let y = row(w.stage);
                let (a, b) = (axis(w.from.0), axis(w.to.0));
                plot.polygon(
                    Polygon::new(
                        window_name,
                        PlotPoints::from(vec![
                            [a, y - 0.25],
                            [b, y - 0.25],
                            [b, y + 0.25],
                            [a, y + 0.25],
                        ]),
                    )
                    .fill_color(egui::Color32::from_rgba_unmultiplied(90, 190, 110, 60)),
                );
            }
            for d in &tl.deadlines {
                plot.vline(
                    VLine::new(
                        format!("{} {}", t(l, "期限:", "Deadline:"), d.label.get(l)),
                        axis(d.at.0),
                    )
                    .color(egui::Color32::from_rgb(235, 110, 110)),
                );
            }
            // A stage never published says so at the end of its row.
            for stage in never_published(tl) {
                plot.text(
                    PlotText::new(
                        t(l, "未公表", "Never published"),
                        PlotPoint::new(end, row(stage)),
                        format!("✖ {}", t(l, "未公表", "never published")),
                    )
                    .anchor(egui::Align2::RIGHT_CENTER)
                    .color(egui::Color32::from_rgb(235, 110, 110)),
                );
            }
            let mine: Vec<[f64; 2]> = tl
                .publications
                .iter()
                .map(|p| [axis(p.at.0), row(p.stage)])
                .collect();
            plot.points(
                Points::new(
                    t(l, "あなたの公表", "You published"),
                    PlotPoints::from(mine),
                )
                .radius(7.0)
                .shape(MarkerShape::Circle)
                .color(egui::Color32::from_rgb(90, 160, 235)),
            );
            if let Some(ex) = exemplary {
                let theirs: Vec<[f64; 2]> = ex
                    .published()
                    .iter()
                    .map(|(s, at)| [axis(at.0), row(*s) + 0.15])
                    .collect();
                plot.points(
                    Points::new(t(l, "模範の公表", "Exemplary"), PlotPoints::from(theirs))
                        .radius(6.0)
                        .shape(MarkerShape::Diamond)
                        .color(egui::Color32::from_rgb(200, 200, 200)),
                );
            }
        });
    // The key under the chart, so it never hides a mark.
    ui.horizontal_wrapped(|ui| {
        let item = |ui: &mut egui::Ui, symbol: &str, color: egui::Color32, text: String| {
            ui.colored_label(color, symbol);
            ui.label(text);
            ui.add_space(10.0);
        };
        item(
            ui,
            "●",
            egui::Color32::from_rgb(90, 160, 235),
            t(l, "あなたの公表", "You published").into(),
        );
        if exemplary.is_some() {
            item(
                ui,
                "◆",
                egui::Color32::from_rgb(200, 200, 200),
                t(l, "模範の公表", "Exemplary").into(),
            );
        }
        item(
            ui,
            "■",
            egui::Color32::from_rgb(90, 190, 110),
            t(l, "手順上の公表時期", "Playbook's window").into(),
        );
        for d in &tl.deadlines {
            item(
                ui,
                "|",
                egui::Color32::from_rgb(235, 110, 110),
                format!(
                    "{} {} ({})",
                    t(l, "期限:", "Deadline:"),
                    d.label.get(l),
                    d.at
                ),
            );
        }
    });
}

/// What the trainee answered, and what the exemplary answers did, decision by decision.
fn side_by_side(ui: &mut egui::Ui, drill: &Drill, score: &Score, l: Lang) {
    ui.label(
        egui::RichText::new(t(
            l,
            "あなたの判断と手順どおりの判断",
            "Your decisions and what the playbook would have done",
        ))
        .heading(),
    );
    let Some(ex) = drill.exemplary() else {
        ui.label(t(
            l,
            "このシナリオには模範回答が付いていません。",
            "This scenario has no exemplary answers to compare with.",
        ));
        return;
    };
    let s = &*drill.session().scenario;
    // What each decision took off the 100 (each rule counted once).
    let lost = |sc: &Score, id: &str| -> f64 {
        crate::scoring::counted_loss(
            sc.findings
                .iter()
                .filter(|f| f.decision.as_deref() == Some(id)),
        )
    };
    // A decision's loss is its rules' losses before the area's cap; the total and the area
    // scores apply the caps, so the rows may add up to more than the total lost.
    let caps: Vec<String> = Area::ALL
        .iter()
        .map(|a| {
            format!(
                "{} {:.0}",
                a.label().get(l),
                crate::scoring::totals::area_cap(*a)
            )
        })
        .collect();
    ui.small(format!(
        "{} {}",
        t(
            l,
            "判断ごとの失点は、領域ごとの上限を当てる前の値です。総合点から引くのは各領域で上限まで:",
            "Each decision's loss is before its area's cap; the total loses at most each area's cap:",
        ),
        caps.join(" · ")
    ));
    ui.columns(3, |c| {
        c[0].strong(t(l, "判断", "Decision"));
        c[1].strong(t(l, "あなた", "You"));
        c[2].strong(t(l, "模範", "Exemplary"));
    });
    for (i, d) in s.decisions.iter().enumerate() {
        let r = crate::scenario::DecisionRef(i);
        ui.separator();
        ui.columns(3, |c| {
            c[0].label(egui::RichText::new(d.title.get(l)).strong())
                .on_hover_text(d.prompt.get(l));
            for (col, (session, sc)) in [(drill.session(), score), (&ex.session, &ex.score)]
                .into_iter()
                .enumerate()
            {
                let lost = lost(sc, &d.id);
                let ui = &mut c[col + 1];
                ui.label(answered(s, session, r, l));
                if lost > 0.0 {
                    ui.colored_label(ui.visuals().warn_fg_color, format!("-{lost:.1}"));
                } else {
                    ui.colored_label(egui::Color32::from_rgb(90, 190, 110), "±0");
                }
            }
        });
    }
}

/// A decision's answer in a few words, with when it was given.
fn answered(s: &Scenario, session: &Session, d: crate::scenario::DecisionRef, l: Lang) -> String {
    match session.decision(d) {
        DecisionState::Answered { at, answer, .. } => {
            format!(
                "{at}\n{}",
                crate::reports::report::answer_summary(s, d, answer, l)
            )
        }
        DecisionState::Expired { .. } => {
            t(l, "期限切れ(回答なし)", "Expired (no answer)").to_string()
        }
        _ => t(l, "回答なし", "Not answered").to_string(),
    }
}

fn findings(
    ui: &mut egui::Ui,
    drill: &Drill,
    score: &Score,
    title: &dyn Fn(&str) -> String,
    l: Lang,
) {
    ui.label(egui::RichText::new(t(l, "評価の内訳", "Every point")).heading());
    for f in &score.findings {
        let decision = f
            .decision
            .as_deref()
            .and_then(|id| {
                drill
                    .session()
                    .scenario
                    .decisions
                    .iter()
                    .find(|d| d.id == id)
            })
            .map(|d| d.title.get(l).to_string())
            .unwrap_or_default();
        let color = if f.points >= f.max {
            egui::Color32::from_rgb(90, 190, 110)
        } else {
            ui.visuals().warn_fg_color
        };
        // A rule counts once per drill or stage, by its worst finding: say so on the others.
        let counted = if f.overruled() {
            format!("  ({})", crate::scoring::not_counted_label().get(l))
        } else {
            String::new()
        };
        egui::CollapsingHeader::new(
            egui::RichText::new(format!(
                "{:.1}/{:.1}  {}  — {decision}{counted}",
                f.points,
                f.max,
                title(&f.rule)
            ))
            .color(color),
        )
        .id_salt((&f.rule, &f.decision, f.span.map(|s| s.start)))
        .default_open(f.points < f.max)
        .show(ui, |ui| {
            ui.label(format!(
                "{}: {}",
                t(l, "根拠", "Evidence"),
                f.evidence.get(l)
            ));
            ui.label(f.message.get(l));
            ui.small(format!(
                "{} {} · {}",
                t(l, "手順:", "Procedure:"),
                f.citation.get(l),
                f.rule
            ));
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_axis_spreads_the_first_hours_and_keeps_the_order() {
        // The first hour takes a third of a day's width, not a twenty-fourth.
        assert!(axis(60) / axis(1440) > 0.2);
        let marks = axis_marks(4320);
        assert_eq!(marks.last(), Some(&4320));
        assert!(marks.windows(2).all(|w| axis(w[0]) < axis(w[1])));
        assert_eq!(
            marks.iter().map(|m| axis_label(*m)).collect::<Vec<_>>(),
            ["0m", "30m", "1h", "2h", "4h", "8h", "12h", "1d", "2d", "3d"]
        );
        // Over three days, 30m keeps its grid line but not its label, which would run into
        // 1h's; within a day both fit.
        let labels = |end| {
            labelled_marks(&axis_marks(end), end)
                .iter()
                .map(|m| axis_label(*m))
                .collect::<Vec<_>>()
        };
        assert!(!labels(4320).contains(&"30m".to_string()));
        assert!(labels(1440).contains(&"30m".to_string()));
        // Labelled marks over three days are at least a twenty-fifth of the axis apart.
        let kept = labelled_marks(&marks, 4320);
        assert!(
            kept.windows(2)
                .all(|w| axis(w[1]) - axis(w[0]) >= axis(4320) / 25.0)
        );
    }

    #[test]
    fn a_stage_with_a_window_and_no_publication_is_marked() {
        let (playbook, path, scenario) = super::super::bundled("payment-outage");
        let drill = Drill::start(scenario, &path, &playbook, 1, Lang::En, String::new());
        let tl = crate::reports::debrief::timeline(drill.session());
        assert!(!tl.windows.is_empty());
        // Nothing published yet: every stage with a window is marked, once.
        let marked = never_published(&tl);
        let mut stages: Vec<Stage> = tl.windows.iter().map(|w| w.stage).collect();
        stages.dedup();
        assert_eq!(marked, stages);
    }
}
