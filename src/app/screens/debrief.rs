//! The debrief: total and per-area score, the grade, strengths and points to improve, and
//! every finding with its evidence, reason and procedure clause.

use super::{Screen, t};
use crate::app::{ActivePlaybook, UiLang, drill::Drill};
use crate::playbook::Area;
use crate::scoring::grade_label;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Debrief)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    playbook: Res<ActivePlaybook>,
    drill: Option<Res<Drill>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let Some(score) = drill.as_ref().and_then(|d| d.score.as_ref()) else {
        next.set(Screen::Title);
        return Ok(());
    };
    let drill = drill.as_ref().expect("checked above");
    let mut root = crate::app::screen_ui(ctx);
    egui::Panel::top("debrief-head").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.heading(format!(
                "{}: {:.1} / 100",
                t(l, "総合点", "Total"),
                score.total
            ));
            ui.label(grade_label(score.grade).get(l));
            for area in Area::ALL {
                if let Some(a) = score.areas.get(area.key()) {
                    ui.label(format!("{} {:.0}", area.label().get(l), a.score));
                }
            }
            if ui
                .button(t(l, "シナリオ一覧へ (Esc)", "Back to scenarios (Esc)"))
                .clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                next.set(Screen::Title);
            }
        });
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
                    t(
                        l,
                        "重大な手順違反(評価はBまで):",
                        "Broken rules the procedure treats as errors (the grade stops at B):"
                    ),
                    titles.join(t(l, "、", "; "))
                ),
            );
        }
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                let title = |rule: &str| {
                    playbook
                        .0
                        .rule(rule)
                        .map(|r| r.title.get(l).to_string())
                        .unwrap_or_default()
                };
                ui.label(egui::RichText::new(t(l, "良かった点", "Strengths")).heading());
                for r in &score.strengths {
                    ui.label(format!("○ {}", title(r)));
                }
                ui.label(egui::RichText::new(t(l, "改善点", "To improve")).heading());
                for r in &score.improvements {
                    ui.label(format!("× {}", title(r)));
                }
                ui.separator();
                ui.label(egui::RichText::new(t(l, "評価の内訳", "Every point")).heading());
                for f in &score.findings {
                    let decision = f
                        .decision
                        .as_deref()
                        .and_then(|id| drill.session.scenario.decisions.iter().find(|d| d.id == id))
                        .map(|d| d.title.get(l).to_string())
                        .unwrap_or_default();
                    let color = if f.points >= f.max {
                        egui::Color32::from_rgb(90, 190, 110)
                    } else {
                        ui.visuals().warn_fg_color
                    };
                    egui::CollapsingHeader::new(
                        egui::RichText::new(format!(
                            "{:.1}/{:.1}  {}  — {decision}",
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
            });
    });
    Ok(())
}
