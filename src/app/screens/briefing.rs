//! The briefing: the organisation, the situation, the trainee's role, the objectives and the
//! cast, before the clock starts.

use super::{Screen, escape, t};
use crate::app::{AppData, UiLang, drill::Drill, drill::DrillCommand};
use crate::records::record::{Improvement, Member};
use crate::scenario::Department;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::collections::BTreeSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.run_if(in_state(Screen::Briefing)),
    );
}

/// The team set-up form, kept while the app runs so the next drill starts from it.
#[derive(Default)]
struct TeamForm {
    team_mode: bool,
    name: String,
    members: Vec<Member>,
    closes: BTreeSet<String>,
    /// Open corrective actions of the team named `for_team`, read for the drill `for_drill`.
    open: Vec<(Improvement, Option<String>)>,
    for_team: Option<String>,
    for_drill: Option<u64>,
}

fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    data: Res<AppData>,
    drill: Option<Res<Drill>>,
    mut send: MessageWriter<DrillCommand>,
    mut next: ResMut<NextState<Screen>>,
    mut form: Local<TeamForm>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let Some(drill) = drill else {
        next.set(Screen::Title);
        return Ok(());
    };
    let s = &*drill.session().scenario;
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
            let enter =
                !ui.ctx().text_edit_focused() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if start.clicked() || enter {
                if form.team_mode {
                    send.write(DrillCommand::Team {
                        name: form.name.clone(),
                        members: form.members.clone(),
                        closes: form.closes.iter().cloned().collect(),
                    });
                }
                next.set(Screen::Play);
            }
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("briefing")
            .auto_shrink(false)
            .show(ui, |ui| {
                super::follow_focus(ui);
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
                                s.department_label(&p.department).get(l),
                                p.title.get(l)
                            ));
                            // The facilitator's note on how the person behaves is not for
                            // the team: it shows in the facilitator's console.
                            ui.label(if p.can_approve {
                                t(l, "承認権限あり", "may approve")
                            } else {
                                ""
                            });
                            ui.end_row();
                        }
                    });
                sign_off(ui, s, l);
                ui.add_space(8.0);
                team_form(ui, &mut form, &data, l, s, drill.id());
                ui.add_space(8.0);
                ui.label(format!(
                    "{}: {}  ·  {} {}  ·  {}: {}",
                    t(l, "開始", "Starts"),
                    s.start.format("%Y-%m-%d %H:%M %:z"),
                    s.minutes,
                    t(l, "分の訓練", "minute drill"),
                    t(l, "シード", "Seed"),
                    drill.seed()
                ));
                ui.small(t(
                    l,
                    "操作: N 次の出来事まで / 1 15分進める / 2 1時間進める / E 終了 / Esc 中止 / Tab と Enter でボタン",
                    "Keys: N next event / 1 +15 min / 2 +1 h / E end / Esc abandon / Tab and Enter for buttons",
                ));
            });
    });
    super::end_of_pass(ctx);
    Ok(())
}

/// Solo practice or a team drill; for a team, its members and their functions, and the
/// corrective actions it promised last time.
fn team_form(
    ui: &mut egui::Ui,
    form: &mut TeamForm,
    data: &AppData,
    l: Lang,
    s: &crate::Scenario,
    drill_id: u64,
) {
    ui.label(egui::RichText::new(t(l, "進め方", "How you play")).heading());
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut form.team_mode,
            false,
            t(l, "一人で練習", "Practise alone"),
        );
        ui.radio_value(
            &mut form.team_mode,
            true,
            t(
                l,
                "チームで訓練(進行役あり)",
                "Team drill with a facilitator",
            ),
        );
    });
    if !form.team_mode {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(t(l, "チーム名", "Team"));
        ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(240.0));
    });
    let name = form.name.trim().to_string();
    // Read again for each new drill too: the last drill's plan may have added actions.
    if form.for_team.as_deref() != Some(name.as_str()) || form.for_drill != Some(drill_id) {
        let records = match (&data.dir, name.is_empty()) {
            (Some(dir), false) => crate::reports::history::Records::read(dir),
            _ => crate::reports::history::Records::default(),
        };
        form.open = records.open_actions(&name);
        form.for_team = Some(name.clone());
        form.for_drill = Some(drill_id);
        form.closes.clear();
        // The team's members from its last drill, as a start.
        if form.members.is_empty()
            && let Some(last) = records.latest(&name)
        {
            form.members = last.members.clone();
        }
    }
    ui.label(t(
        l,
        "参加者と担当する機能(各判断はその機能の担当者の判断として記録されます)",
        "Participants and the function each takes (each decision is recorded as its function's)",
    ));
    let mut remove = None;
    // A row a member that wraps rather than squeezes: the name field keeps its width.
    ui.vertical(|ui| {
        for (i, m) in form.members.iter_mut().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let width = ui.available_width().clamp(120.0, 220.0);
                ui.add_sized(
                    [width, ui.spacing().interact_size.y],
                    egui::TextEdit::singleline(&mut m.name).hint_text(t(l, "名前", "Name")),
                );
                let combo = egui::ComboBox::from_id_salt(("function", i))
                    .selected_text(s.department_label(&m.function).get(l));
                super::pick_list(ui, combo, |ui, list| {
                    for d in s.all_departments() {
                        let label = s.department_label(&d).get(l).to_string();
                        if list.item(ui, m.function == d, label).clicked() {
                            m.function = d;
                        }
                    }
                });
                if ui.button(t(l, "削除", "Remove")).clicked() {
                    remove = Some(i);
                }
            });
        }
    });
    if let Some(i) = remove {
        form.members.remove(i);
    }
    if ui
        .button(t(l, "+ 参加者を追加", "+ Add a participant"))
        .clicked()
    {
        let next_function = s
            .all_departments()
            .into_iter()
            .find(|d| !form.members.iter().any(|m| m.function == *d))
            .unwrap_or(Department::Pr);
        form.members.push(Member {
            name: String::new(),
            function: next_function,
        });
    }
    if !form.open.is_empty() {
        ui.add_space(6.0);
        ui.label(
            egui::RichText::new(t(
                l,
                "前回までの是正措置(完了したものに印を付けてください)",
                "Corrective actions from earlier drills (tick the ones done)",
            ))
            .strong(),
        );
        for (p, from) in &form.open {
            let mut done = form.closes.contains(&p.id);
            let when = from
                .as_deref()
                .unwrap_or("")
                .chars()
                .take(10)
                .collect::<String>();
            if ui
                .checkbox(
                    &mut done,
                    format!(
                        "{} → {} ({}, {} {}) [{when}]",
                        p.issue,
                        p.action,
                        p.owner,
                        t(l, "期限", "due"),
                        p.due
                    ),
                )
                .changed()
            {
                if done {
                    form.closes.insert(p.id.clone());
                } else {
                    form.closes.remove(&p.id);
                }
            }
        }
    }
}

/// Who must review and approve each stage, and the milestones the stages wait for: the
/// procedure the drill holds the team to, not anything the story has yet to reveal.
fn sign_off(ui: &mut egui::Ui, s: &crate::Scenario, l: Lang) {
    use crate::scenario::{DecisionKind, NeedTarget};
    let mut lines: Vec<String> = Vec::new();
    for d in &s.decisions {
        let DecisionKind::Timing(timing) = &d.kind else {
            continue;
        };
        let mut parts: Vec<String> = Vec::new();
        for r in &timing.reviews {
            let role = s.role(r.role);
            parts.push(format!(
                "{} {} ({}{})",
                t(l, "確認者:", "reviewed by"),
                role.name.get(l),
                r.lead,
                t(l, "分", " min")
            ));
        }
        if let Some(a) = &timing.approval {
            parts.push(format!(
                "{} {}",
                t(l, "承認者:", "approved by"),
                s.role(a.role).name.get(l)
            ));
        }
        for n in &timing.needs {
            if let NeedTarget::Milestone(m) = n.target {
                parts.push(format!(
                    "{} {}",
                    t(l, "事前に:", "after"),
                    s.milestone(m).label.get(l)
                ));
            }
        }
        if !parts.is_empty() {
            lines.push(format!(
                "• {}: {}",
                timing.stage.label().get(l),
                parts.join(t(l, " / ", "; "))
            ));
        }
    }
    if lines.is_empty() {
        return;
    }
    ui.label(
        egui::RichText::new(t(
            l,
            "公表までの確認と承認",
            "Review and sign-off before each notice",
        ))
        .heading(),
    );
    for line in lines {
        ui.label(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// Member names keep a usable width in a narrow window (large type at 1280×720).
    #[test]
    fn member_name_fields_are_wide_enough_to_type_in() {
        let (_, _, scenario) = super::super::bundled("payment-outage");
        let data = AppData {
            dir: None,
            settings: crate::store::settings::Settings::default(),
            notice: None,
        };
        let mut form = TeamForm {
            team_mode: true,
            name: "Red".into(),
            members: vec![
                Member {
                    name: "Aoki Haruka".into(),
                    function: Department::Pr,
                },
                Member {
                    name: "Sato".into(),
                    function: Department::Legal,
                },
            ],
            ..TeamForm::default()
        };
        let mut h = Harness::builder()
            .with_size([420.0, 720.0])
            .build_ui(|ui| team_form(ui, &mut form, &data, Lang::En, &scenario, 0));
        h.run();
        for name in ["Aoki Haruka", "Sato"] {
            let w = h
                .query_all_by_value(name)
                .map(|n| n.rect().width())
                .fold(0.0, f32::max);
            assert!(w >= 120.0, "the field for {name} is {w} points wide");
        }
    }
}
