//! History: the drills recorded in the data folder, newest first, with a chart of the total
//! and each area over time.

use super::{Screen, escape, t};
use crate::app::files::{Files, Picked};
use crate::app::{AppData, UiLang};
use crate::playbook::Area;
use crate::reports::history::{History, Records};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::History), load)
        .add_systems(Update, import_dropped.run_if(in_state(Screen::History)))
        .add_systems(
            EguiPrimaryContextPass,
            draw.run_if(in_state(Screen::History)),
        );
}

/// The history as read when the screen opened (or the filter changed).
#[derive(Resource)]
struct Shown {
    history: History,
    by_rule: std::collections::BTreeMap<String, Vec<Option<f64>>>,
    teams: Vec<String>,
    team: Option<String>,
}

fn read(data: &AppData, team: Option<String>) -> Shown {
    let records = match &data.dir {
        Some(dir) => Records::read(dir),
        None => Records::default(),
    };
    Shown {
        history: records.history(team.as_deref()),
        by_rule: records.by_rule(team.as_deref()),
        teams: records.teams(),
        team,
    }
}

fn load(mut commands: Commands, data: Res<AppData>) {
    commands.insert_resource(read(&data, None));
}

/// Record files dropped on the window join the data folder (records moved from another
/// machine); each is read first, and the list refreshes.
/// Record files picked in the Open dialog are imported the same way; a folder picked for an
/// export gets a copy of the records shown.
fn import_dropped(
    mut dropped: MessageReader<bevy::window::FileDragAndDrop>,
    mut picked: MessageReader<Picked>,
    mut data: ResMut<AppData>,
    mut commands: Commands,
    shown: Option<Res<Shown>>,
) {
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for event in dropped.read() {
        if let bevy::window::FileDragAndDrop::DroppedFile { path_buf, .. } = event {
            paths.push(path_buf.clone());
        }
    }
    let mut notes = Vec::new();
    for p in picked.read() {
        match p {
            Picked::Records(files) => paths.extend(files.iter().cloned()),
            Picked::Folder(out) => {
                if let Some(dir) = &data.dir {
                    let team = shown.as_ref().and_then(|s| s.team.as_deref());
                    notes.push(match dir.export_records(out, team) {
                        Ok(n) => format!("{n} → {}", out.display()),
                        Err(e) => format!("{}: {e}", out.display()),
                    });
                }
            }
        }
    }
    for path_buf in &paths {
        if let Some(dir) = &data.dir {
            notes.push(match dir.import_record(path_buf) {
                Ok(Some(p)) => format!("+ {}", p.display()),
                Ok(None) => format!("= {}", path_buf.display()),
                Err(why) => format!("× {}: {why}", path_buf.display()),
            });
        }
    }
    if !notes.is_empty() {
        data.notice = Some(notes.join("\n"));
        let team = shown.and_then(|s| s.team.clone());
        commands.insert_resource(read(&data, team));
    }
}

#[allow(clippy::too_many_arguments)] // a Bevy system takes what it reads as arguments
fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    shown: Option<Res<Shown>>,
    data: Res<AppData>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
    playbook: Res<crate::app::ActivePlaybook>,
    mut files: ResMut<Files>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let mut root = crate::app::screen_ui(ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        if ui.button(t(l, "← 戻る (Esc)", "← Back (Esc)")).clicked() || escape(ui) {
            next.set(Screen::Title);
        }
        ui.heading(t(l, "訓練の履歴", "Drill history"));
        let Some(shown) = shown else { return };
        let history = &shown.history;
        ui.horizontal_wrapped(|ui| {
            ui.label(t(l, "チーム:", "Team:"));
            let all = t(l, "すべて", "All");
            let combo = egui::ComboBox::from_id_salt("team-filter")
                .selected_text(shown.team.as_deref().unwrap_or(all));
            super::pick_list(ui, combo, |ui, list| {
                if list.item(ui, shown.team.is_none(), all).clicked() {
                    commands.insert_resource(read(&data, None));
                }
                for team in &shown.teams {
                    if list
                        .item(ui, shown.team.as_ref() == Some(team), team)
                        .clicked()
                    {
                        commands.insert_resource(read(&data, Some(team.clone())));
                    }
                }
            });
            if ui
                .button(t(l, "記録を書き出す…", "Export the records…"))
                .on_hover_text(t(
                    l,
                    "別のパソコンへ移すために、選んだフォルダーへ記録ファイルをコピーします。",
                    "Copies the record files into a folder you pick, to move them to another machine.",
                ))
                .clicked()
            {
                files.pick_folder(&crate::app::files::start_folder(&data), l);
            }
            if ui
                .button(t(l, "記録を取り込む…", "Import records…"))
                .on_hover_text(t(
                    l,
                    "別のパソコンから持ってきた記録ファイルを選んで取り込みます。",
                    "Pick record files brought from another machine to add them here.",
                ))
                .clicked()
            {
                files.pick_records(&crate::app::files::start_folder(&data), l);
            }
            ui.small(t(
                l,
                "記録ファイルをこのウィンドウにドロップしても取り込めます。",
                "Record files dropped onto this window are imported too.",
            ));
        });
        if let Some(n) = &data.notice {
            ui.small(n);
        }
        if history.drills.is_empty() {
            ui.label(t(
                l,
                "まだ訓練の記録がありません。訓練を最後まで進めると、ここに点数の推移が表示されます。",
                "No drills recorded yet. Finish a drill and its score appears here, with the trend over time.",
            ));
        } else {
            if let Some(trend) = history.trend() {
                ui.label(format!(
                    "{}: {trend:+.1} {}",
                    t(l, "傾向", "Trend"),
                    t(
                        l,
                        "点/回(同じシナリオの前回と比べて)",
                        "points per drill (each against the last drill of its scenario)"
                    )
                ));
            }
            let total: PlotPoints = history
                .drills
                .iter()
                .enumerate()
                .map(|(i, d)| [i as f64 + 1.0, d.total])
                .collect();
            Plot::new("history-chart")
                .height(300.0)
                .legend(Legend::default())
                .include_y(0.0)
                .include_y(100.0)
                .include_x(0.5)
                .include_x(history.drills.len() as f64 + 0.5)
                .x_axis_formatter(|mark, _| {
                    if mark.value >= 1.0 && mark.value.fract() == 0.0 {
                        format!("{}", mark.value)
                    } else {
                        String::new()
                    }
                })
                .allow_scroll(false)
                .x_axis_label(t(l, "訓練の回", "Drill"))
                .show(ui, |plot| {
                    for area in Area::ALL {
                        let pts: PlotPoints = history
                            .drills
                            .iter()
                            .enumerate()
                            .filter_map(|(i, d)| {
                                d.areas.get(area.key()).map(|v| [i as f64 + 1.0, *v])
                            })
                            .collect();
                        plot.line(Line::new(area.label().get(l).to_string(), pts).width(1.5));
                    }
                    let name = t(l, "総合", "Total");
                    let dots: PlotPoints = history
                        .drills
                        .iter()
                        .enumerate()
                        .map(|(i, d)| [i as f64 + 1.0, d.total])
                        .collect();
                    // One colour for the total's line, its dots and its legend entry.
                    let colour = egui::Color32::from_rgb(0x1f, 0x9e, 0x9a);
                    plot.line(Line::new(name, total).width(3.0).color(colour));
                    plot.points(Points::new(name, dots).radius(4.0).color(colour));
                });
            ui.separator();
        }
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            super::follow_focus(ui);
            egui::Grid::new("history-table")
                .striped(true)
                .num_columns(4 + Area::ALL.len())
                .show(ui, |ui| {
                    if history.drills.is_empty() {
                        return;
                    }
                    ui.strong("#");
                    let offset = crate::host::local_offset();
                    let zone = crate::reports::history::zone(offset);
                    ui.strong(format!("{} ({zone})", t(l, "日時", "When")));
                    ui.strong(t(l, "シナリオ", "Scenario"));
                    ui.strong(t(l, "総合", "Total"));
                    for area in Area::ALL {
                        ui.strong(area.label().get(l));
                    }
                    ui.end_row();
                    for (i, d) in history.drills.iter().enumerate().rev() {
                        ui.label(format!("{}", i + 1));
                        ui.label(crate::reports::history::when(d.started.as_deref(), offset));
                        let title = if d.title.is_empty() {
                            d.scenario.clone()
                        } else {
                            d.title.get(l).to_string()
                        };
                        ui.label(match &d.team {
                            Some(team) => format!("[{team}] {title}"),
                            None => title,
                        });
                        let change = d.change.map(|c| format!(" ({c:+.1})")).unwrap_or_default();
                        ui.label(format!("{:.1}{change}", d.total));
                        for area in Area::ALL {
                            ui.label(
                                d.areas
                                    .get(area.key())
                                    .map_or("—".to_string(), |v| format!("{v:.0}")),
                            );
                        }
                        ui.end_row();
                    }
                });
            if !shown.by_rule.is_empty() {
                egui::CollapsingHeader::new(t(l, "規則ごとの推移(得点率 %)", "By rule (share of points, %)"))
                    .show(ui, |ui| {
                        let n = history.drills.len();
                        let from = n.saturating_sub(8);
                        egui::Grid::new("by-rule").striped(true).show(ui, |ui| {
                            ui.strong(t(l, "規則", "Rule"));
                            for i in from..n {
                                ui.strong(format!("#{}", i + 1));
                            }
                            ui.end_row();
                            for (rule, shares) in &shown.by_rule {
                                // The rule's title in the UI's language; its ID on hover.
                                match playbook.0.rule(rule) {
                                    Some(r) => ui.label(r.title.get(l)).on_hover_text(rule),
                                    None => ui.monospace(rule),
                                };
                                for share in shares.iter().skip(from) {
                                    ui.label(share.map_or("—".to_string(), |v| format!("{:.0}", v * 100.0)));
                                }
                                ui.end_row();
                            }
                        });
                    });
            }
            for (path, why) in &history.unreadable {
                ui.colored_label(ui.visuals().warn_fg_color, format!("{path}: {why}"));
            }
        });
    });
    super::end_of_pass(ctx);
    Ok(())
}
