//! The title screen: what Pressroom is, the language switch, and the scenario library with
//! each scenario's summary, or the errors that keep it from loading.

use super::{Screen, key, t};
use crate::app::{ActivePlaybook, AppData, Library, PendingJournal, UiLang, drill::Drill};
use crate::scenario::Difficulty;
use crate::store::library::Origin;
use crate::text::{Lang, Text};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Title)));
}

fn difficulty(d: Difficulty) -> Text {
    match d {
        Difficulty::Introductory => Text::new("入門", "Introductory"),
        Difficulty::Intermediate => Text::new("中級", "Intermediate"),
        Difficulty::Advanced => Text::new("上級", "Advanced"),
    }
}

/// A seed for a drill when the settings fix none: the start time's digits, so each drill
/// draws its own variations and the record keeps the seed to replay them.
fn seed_from(started: &str) -> u64 {
    let digits: String = started.chars().filter(char::is_ascii_digit).collect();
    digits.parse::<u64>().map_or(1, |n| n % 1_000_000_007)
}

#[allow(clippy::too_many_arguments)] // a Bevy system takes each resource it reads
fn draw(
    mut contexts: EguiContexts,
    mut commands: Commands,
    mut lang: ResMut<UiLang>,
    mut data: ResMut<AppData>,
    library: Res<Library>,
    playbook: Res<ActivePlaybook>,
    pending: Option<Res<PendingJournal>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let mut root = crate::app::screen_ui(ctx);
    egui::Panel::top("title-bar").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            ui.heading("Pressroom");
            ui.label(t(
                l,
                "社外発表の判断を鍛える机上訓練",
                "Tabletop drills for the hour before you go public",
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t(l, "設定 (S)", "Settings (S)")).clicked() || key(ui, egui::Key::S)
                {
                    next.set(Screen::Settings);
                }
                if ui.button(t(l, "履歴 (H)", "History (H)")).clicked() || key(ui, egui::Key::H) {
                    next.set(Screen::History);
                }
                ui.separator();
                for choice in [Lang::En, Lang::Ja] {
                    let name = match choice {
                        Lang::Ja => "日本語",
                        Lang::En => "English",
                    };
                    if ui.selectable_label(lang.0 == choice, name).clicked() {
                        lang.0 = choice;
                        data.settings.lang = Some(choice);
                        data.save_settings();
                    }
                }
            });
        });
    });
    if let Some(Some(journal)) = pending.as_ref().map(|p| p.0.as_ref()) {
        egui::Panel::top("resume").show(&mut root, |ui| {
            ui.add_space(4.0);
            match journal {
                Ok(j) => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "{} {} ({} {}, {} {})",
                            t(l, "中断された訓練があります:", "A drill was interrupted:"),
                            j.scenario,
                            t(l, "時刻", "at"),
                            j.now,
                            j.actions.len(),
                            t(l, "件の判断済み", "decisions made")
                        ),
                    );
                    ui.horizontal(|ui| {
                        if ui
                            .button(t(l, "続きから再開する", "Resume where it stopped"))
                            .clicked()
                        {
                            match resume(j, &library, &playbook.0) {
                                Ok(drill) => {
                                    commands.insert_resource(drill);
                                    next.set(Screen::Play);
                                }
                                Err(why) => data.notice = Some(why),
                            }
                            commands.remove_resource::<PendingJournal>();
                        }
                        if ui.button(t(l, "破棄する", "Discard it")).clicked() {
                            if let Some(dir) = &data.dir {
                                dir.clear_journal();
                            }
                            commands.remove_resource::<PendingJournal>();
                        }
                    });
                }
                Err(why) => {
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        format!(
                            "{} {why}",
                            t(
                                l,
                                "中断された訓練の記録を読めません:",
                                "The interrupted drill's journal cannot be read:"
                            )
                        ),
                    );
                    if ui.button(t(l, "破棄する", "Discard it")).clicked() {
                        if let Some(dir) = &data.dir {
                            dir.clear_journal();
                        }
                        commands.remove_resource::<PendingJournal>();
                    }
                }
            }
            if let Some(n) = &data.notice {
                ui.small(n);
            }
            ui.add_space(4.0);
        });
    }
    let mut to_start: Option<(std::sync::Arc<crate::Scenario>, std::path::PathBuf)> = None;
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.heading(t(l, "シナリオ", "Scenarios"));
        if library.entries.is_empty() {
            ui.label(t(
                l,
                "シナリオが見つかりません。scenarios フォルダにシナリオファイル(.ron)を置いてください。",
                "No scenarios found. Put scenario files (.ron) in the scenarios folder.",
            ));
            for (folder, _) in &library.folders {
                ui.monospace(folder.display().to_string());
            }
            return;
        }
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            super::follow_focus(ui);
            let mut playable = 0;
            for entry in &library.entries {
                egui::Frame::group(ui.style()).inner_margin(12.0).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    match &entry.scenario {
                        Ok(s) => {
                            ui.horizontal(|ui| {
                                ui.label(egui::RichText::new(s.title.get(l)).heading());
                                playable += 1;
                                let digit = [
                                    egui::Key::Num1,
                                    egui::Key::Num2,
                                    egui::Key::Num3,
                                    egui::Key::Num4,
                                    egui::Key::Num5,
                                    egui::Key::Num6,
                                    egui::Key::Num7,
                                    egui::Key::Num8,
                                    egui::Key::Num9,
                                ]
                                .get(playable - 1)
                                .copied();
                                let label = match digit {
                                    Some(_) => format!("{} ({playable})", t(l, "この訓練を始める", "Start this drill")),
                                    None => t(l, "この訓練を始める", "Start this drill").to_string(),
                                };
                                if ui.button(label).clicked() || digit.is_some_and(|k| key(ui, k)) {
                                    to_start = Some((s.clone(), entry.path.clone()));
                                }
                            });
                            ui.label(s.summary.get(l));
                            let langs: Vec<&str> = s.languages.iter().map(|x| x.code()).collect();
                            let origin = match entry.origin {
                                Origin::Bundled => t(l, "同梱", "bundled"),
                                Origin::User => t(l, "ユーザー", "yours"),
                            };
                            ui.label(
                                egui::RichText::new(format!(
                                    "{} · {} {} · {} · {} · {}",
                                    difficulty(s.difficulty).get(l),
                                    s.minutes,
                                    t(l, "分", "min"),
                                    langs.join("/"),
                                    s.tags.join(", "),
                                    origin
                                ))
                                .small(),
                            );
                        }
                        Err(_) => {
                            ui.label(
                                egui::RichText::new(format!(
                                    "{} — {}",
                                    entry.path.display(),
                                    t(l, "読み込めません", "cannot be loaded")
                                ))
                                .heading()
                                .color(ui.visuals().error_fg_color),
                            );
                            for line in entry.rendered_diagnostics_in(l) {
                                ui.monospace(line);
                            }
                            if let Some(good) = &entry.last_good {
                                ui.horizontal_wrapped(|ui| {
                                    ui.label(t(
                                        l,
                                        "保存前の正しい版で遊べます:",
                                        "The last version that loaded is still playable:",
                                    ));
                                    if ui.button(good.title.get(l)).clicked() {
                                        to_start = Some((good.clone(), entry.path.clone()));
                                    }
                                });
                            }
                        }
                    }
                });
                ui.add_space(6.0);
            }
        });
    });
    if let Some((scenario, path)) = to_start {
        let started = crate::host::wall_clock_now();
        let seed = data.settings.seed.unwrap_or_else(|| seed_from(&started));
        commands.insert_resource(Drill::start(scenario, &path, &playbook.0, seed, l, started));
        next.set(Screen::Briefing);
    }
    super::end_of_pass(ctx);
    Ok(())
}

/// Rebuilds the interrupted drill: its scenario from where the journal says (or the library
/// entry with its ID), every action replayed.
pub(crate) fn resume(
    journal: &crate::records::record::Journal,
    library: &Library,
    playbook: &crate::playbook::Playbook,
) -> Result<Drill, String> {
    let from_path = journal
        .scenario_path
        .as_ref()
        .map(std::path::PathBuf::from)
        .and_then(|p| {
            crate::Scenario::load(&p, playbook)
                .ok()
                .map(|l| (l.scenario, p))
        });
    let (scenario, path) = match from_path {
        Some(found) if found.0.id == journal.scenario => found,
        _ => library
            .entries
            .iter()
            .find_map(|e| {
                e.scenario
                    .as_ref()
                    .ok()
                    .filter(|s| s.id == journal.scenario)
                    .map(|s| (s.clone(), e.path.clone()))
            })
            .ok_or_else(|| format!("scenario `{}` is not in the library", journal.scenario))?,
    };
    Drill::resume(journal, scenario, &path, playbook)
}
