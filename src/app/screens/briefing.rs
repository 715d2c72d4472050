//! The briefing: the organisation, the situation, the trainee's role, the objectives and the
//! cast, before the clock starts.

use super::{Screen, escape, t};
use crate::app::{UiLang, drill::Drill, drill::DrillCommand};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Briefing)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    drill: Option<Res<Drill>>,
    mut send: MessageWriter<DrillCommand>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let Some(drill) = drill else {
        next.set(Screen::Title);
        return Ok(());
    };
    let s = drill.session.scenario;
    let mut root = crate::app::screen_ui(ctx);
    egui::Panel::bottom("briefing-actions").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            if ui
                .button(t(l, "← シナリオ一覧 (Esc)", "← Scenarios (Esc)"))
                .clicked()
                || escape(ui)
            {
                // Nothing has been answered yet, so nothing is lost.
                send.write(DrillCommand::Abandon);
                next.set(Screen::Title);
            }
            let start = ui.button(
                egui::RichText::new(t(l, "訓練を始める (Enter)", "Start the drill (Enter)"))
                    .strong(),
            );
            if start.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                next.set(Screen::Play);
            }
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading(s.title.get(l));
                ui.label(
                    egui::RichText::new(format!(
                        "{} — {}",
                        s.organisation.name.get(l),
                        s.organisation.industry.get(l)
                    ))
                    .strong(),
                );
                ui.label(s.organisation.about.get(l));
                ui.separator();
                ui.label(egui::RichText::new(t(l, "状況", "Situation")).heading());
                ui.label(s.briefing.situation.get(l));
                ui.label(egui::RichText::new(t(l, "あなたの役割", "Your role")).heading());
                ui.label(s.briefing.role.get(l));
                if !s.briefing.objectives.is_empty() {
                    ui.label(egui::RichText::new(t(l, "目標", "Objectives")).heading());
                    for o in &s.briefing.objectives {
                        ui.label(format!("• {}", o.get(l)));
                    }
                }
                ui.label(egui::RichText::new(t(l, "関係者", "Cast")).heading());
                egui::Grid::new("cast")
                    .striped(true)
                    .num_columns(3)
                    .show(ui, |ui| {
                        for p in &s.cast {
                            ui.label(p.name.get(l));
                            ui.label(format!(
                                "{} / {}",
                                p.department.label().get(l),
                                p.title.get(l)
                            ));
                            let approve = if p.can_approve {
                                t(l, "承認権限あり", "may approve")
                            } else {
                                ""
                            };
                            ui.label(format!("{approve} {}", p.note.get(l)));
                            ui.end_row();
                        }
                    });
                ui.add_space(8.0);
                ui.label(format!(
                    "{}: {}  ·  {} {}  ·  {}: {}",
                    t(l, "開始", "Starts"),
                    s.start.format("%Y-%m-%d %H:%M %:z"),
                    s.minutes,
                    t(l, "分の訓練", "minute drill"),
                    t(l, "シード", "Seed"),
                    drill.seed
                ));
                ui.small(t(
                    l,
                    "操作: N 次の出来事まで / 1 15分進める / 2 1時間進める / E 終了 / Esc 中止 / Tab と Enter でボタン",
                    "Keys: N next event / 1 +15 min / 2 +1 h / E end / Esc abandon / Tab and Enter for buttons",
                ));
            });
    });
    Ok(())
}
