//! Settings: the UI language, practice feedback, large type and a fixed seed, remembered in
//! the data folder; and where that folder is.

use super::{Screen, escape, t};
use crate::app::{AppData, UiLang};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Settings)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut lang: ResMut<UiLang>,
    mut data: ResMut<AppData>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let mut root = crate::app::screen_ui(ctx);
    let before = data.settings.clone();
    egui::CentralPanel::default().show(&mut root, |ui| {
        if ui.button(t(l, "← 戻る (Esc)", "← Back (Esc)")).clicked() || escape(ui) {
            next.set(Screen::Title);
        }
        ui.heading(t(l, "設定", "Settings"));
        egui::Grid::new("settings")
            .num_columns(2)
            .spacing([24.0, 14.0])
            .show(ui, |ui| {
                ui.label(t(l, "表示言語", "Language"));
                ui.horizontal(|ui| {
                    for (choice, name) in [(Lang::Ja, "日本語"), (Lang::En, "English")] {
                        if ui.radio(lang.0 == choice, name).clicked() {
                            lang.0 = choice;
                            data.settings.lang = Some(choice);
                        }
                    }
                });
                ui.end_row();

                ui.label(t(l, "練習モード", "Practice mode"));
                ui.checkbox(
                    &mut data.settings.practice_feedback,
                    t(
                        l,
                        "判断のたびに、その場で採点結果を表示する",
                        "Show how each decision scored right after it is made",
                    ),
                );
                ui.end_row();

                ui.label(t(l, "文字の大きさ", "Type size"));
                ui.checkbox(
                    &mut data.settings.large_type,
                    t(
                        l,
                        "大きな文字(プロジェクターや離れた席から読むとき)",
                        "Large type (for a projector or reading from across the room)",
                    ),
                );
                ui.end_row();

                ui.label(t(l, "配色", "Colours"));
                ui.checkbox(
                    &mut data.settings.light_theme,
                    t(
                        l,
                        "明るい配色(プロジェクターで白っぽく飛びにくい。投影表示では常にこの配色)",
                        "Light theme (washes out less on a projector; the projector view always uses it)",
                    ),
                );
                ui.end_row();

                ui.label(t(l, "シード", "Seed"));
                ui.horizontal(|ui| {
                    let mut fixed = data.settings.seed.is_some();
                    if ui
                        .checkbox(
                            &mut fixed,
                            t(
                                l,
                                "毎回同じ展開にする",
                                "Replay the same variations every time",
                            ),
                        )
                        .changed()
                    {
                        data.settings.seed = fixed.then_some(1);
                    }
                    if let Some(seed) = data.settings.seed.as_mut() {
                        ui.add(egui::DragValue::new(seed).range(0..=u64::MAX));
                    }
                });
                ui.end_row();

                ui.label(t(l, "データの保存先", "Data folder"));
                match &data.dir {
                    Some(dir) => ui.monospace(dir.root.display().to_string()),
                    None => ui.label(t(
                        l,
                        "このシステムでは保存先が見つかりません(記録は保存されません)",
                        "No data folder on this system (records are not saved)",
                    )),
                };
                ui.end_row();
            });
        ui.add_space(12.0);
        ui.small(t(
            l,
            "保存先は --data-dir または環境変数 PRESSROOM_DATA_DIR で変えられます。",
            "Move the data folder with --data-dir or the PRESSROOM_DATA_DIR environment variable.",
        ));
        if let Some(n) = &data.notice {
            ui.colored_label(ui.visuals().warn_fg_color, n);
        }
    });
    if data.settings != before {
        data.save_settings();
    }
    super::end_of_pass(ctx);
    Ok(())
}
