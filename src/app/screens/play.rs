//! The play screen: the scenario clock and next deadline, controls to let time pass, the inbox
//! of arrived injects, the fact board, and the open decisions with a way to answer each.

use super::{Screen, t};
use crate::app::{ActivePlaybook, UiLang, drill::Drill};
use crate::scenario::{DecisionKind, DecisionRef, FactStatus, Sender};
use crate::session::{Answer, DecisionState};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::collections::BTreeMap;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Play)));
}

fn status_label(s: FactStatus, l: Lang) -> (&'static str, egui::Color32) {
    match s {
        FactStatus::Unknown => (t(l, "不明", "unknown"), egui::Color32::GRAY),
        FactStatus::Suspected => (
            t(l, "未確認", "unconfirmed"),
            egui::Color32::from_rgb(230, 180, 60),
        ),
        FactStatus::Confirmed => (
            t(l, "確認済み", "confirmed"),
            egui::Color32::from_rgb(90, 190, 110),
        ),
        FactStatus::Refuted => (
            t(l, "否定", "refuted"),
            egui::Color32::from_rgb(150, 150, 220),
        ),
    }
}

fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    playbook: Res<ActivePlaybook>,
    drill: Option<ResMut<Drill>>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    let Some(mut drill) = drill else {
        next.set(Screen::Title);
        return Ok(());
    };
    let scenario = drill.session.scenario;
    let now = drill.session.now();
    let mut root = crate::app::screen_ui(ctx);

    egui::Panel::top("clock").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            let wall = now.to_datetime(scenario.start);
            ui.label(
                egui::RichText::new(format!("{}  ({now})", wall.format("%m/%d %H:%M"))).heading(),
            );
            let upcoming = scenario
                .deadlines
                .iter()
                .filter(|d| d.at >= now)
                .min_by_key(|d| d.at);
            match upcoming {
                Some(d) => ui.label(format!(
                    "{}: {} {} {}",
                    t(l, "次の期限", "Next deadline"),
                    d.label.get(l),
                    t(l, "まで", "in"),
                    crate::scenario::SimTime(d.at.0 - now.0)
                )),
                None => ui.label(t(l, "残りの期限はありません", "No deadlines left")),
            };
            ui.separator();
            if ui
                .button(t(l, "次の出来事まで (N)", "To next event (N)"))
                .clicked()
                || ui.input(|i| i.key_pressed(egui::Key::N))
            {
                drill.advance_to_next_event();
            }
            if ui.button("+15m").clicked() {
                drill.advance_by(15);
            }
            if ui.button("+1h").clicked() {
                drill.advance_by(60);
            }
            if ui
                .button(t(l, "訓練を終えて振り返る", "End the drill and debrief"))
                .clicked()
                || drill.session.is_over()
            {
                drill.finish(&playbook.0);
                next.set(Screen::Debrief);
            }
        });
        if let Some(r) = &drill.refusal {
            ui.colored_label(ui.visuals().error_fg_color, r);
        }
    });

    egui::Panel::left("inbox")
        .default_size(420.0)
        .resizable(true)
        .show(&mut root, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.heading(t(l, "受信", "Inbox"));
                    let mut arrived: Vec<(crate::scenario::SimTime, usize)> =
                        (0..scenario.injects.len())
                            .filter_map(|i| {
                                drill
                                    .session
                                    .arrived_at(crate::scenario::InjectRef(i))
                                    .map(|at| (at, i))
                            })
                            .collect();
                    arrived.sort_by(|a, b| b.cmp(a));
                    for (at, i) in arrived {
                        let inj = &scenario.injects[i];
                        let unread = drill.unread.contains(&inj.id);
                        let sender = match &inj.from {
                            Sender::Person(p) => scenario.person(*p).name.get(l).to_string(),
                            Sender::Outside(name) => name.get(l).to_string(),
                        };
                        let head = format!(
                            "{}{} · {} · {}",
                            if unread { "● " } else { "" },
                            at,
                            inj.channel.label().get(l),
                            sender
                        );
                        let response =
                            egui::CollapsingHeader::new(egui::RichText::new(head).strong())
                                .id_salt(&inj.id)
                                .default_open(true)
                                .show(ui, |ui| {
                                    if !inj.subject.is_empty() {
                                        ui.label(egui::RichText::new(inj.subject.get(l)).italics());
                                    }
                                    ui.label(inj.body.get(l));
                                });
                        if response.header_response.hovered() || response.header_response.clicked()
                        {
                            drill.unread.retain(|u| u != &inj.id);
                        }
                    }
                    ui.separator();
                    ui.heading(t(l, "事実の整理", "Fact board"));
                    for (f, fact) in scenario.facts.iter().enumerate() {
                        let status = drill.session.fact_status(crate::scenario::FactRef(f));
                        if status == FactStatus::Unknown {
                            continue;
                        }
                        let (label, color) = status_label(status, l);
                        ui.horizontal_wrapped(|ui| {
                            ui.colored_label(color, format!("[{label}]"));
                            ui.label(fact.text.get(l));
                            ui.small(format!("({:?})", fact.sensitivity));
                        });
                    }
                });
        });

    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.heading(t(l, "判断が必要なこと", "Open decisions"));
                let open: Vec<DecisionRef> = drill.session.open_decisions().collect();
                if open.is_empty() {
                    ui.label(t(
                        l,
                        "いま判断を待っている事項はありません。時間を進めてください。",
                        "Nothing is waiting for a decision. Let time pass.",
                    ));
                }
                for d in open {
                    decision(ui, &mut drill, d, l);
                    ui.add_space(6.0);
                }
                let answered = (0..scenario.decisions.len())
                    .filter(|i| {
                        matches!(
                            drill.session.decision(DecisionRef(*i)),
                            DecisionState::Answered { .. }
                        )
                    })
                    .count();
                ui.small(format!("{}: {answered}", t(l, "回答済み", "Answered")));
            });
    });
    Ok(())
}

fn decision(ui: &mut egui::Ui, drill: &mut Drill, d: DecisionRef, l: Lang) {
    let scenario = drill.session.scenario;
    let dec = scenario.decision(d);
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(dec.title.get(l)).strong().size(19.0));
            ui.label(dec.prompt.get(l));
            let key = ui.make_persistent_id(("choice", d.0));
            match &dec.kind {
                DecisionKind::Choice { options } => {
                    for o in options {
                        if ui.button(o.label.get(l)).clicked() {
                            let _ = drill.answer(d, Answer::Choice(o.id.clone()));
                        }
                    }
                }
                DecisionKind::Timing(timing) => {
                    let stage = timing.stage.label();
                    if ui
                        .button(format!(
                            "{} {}",
                            t(l, "いま公表する:", "Publish now:"),
                            stage.get(l)
                        ))
                        .clicked()
                    {
                        let _ = drill.answer(d, Answer::Publish);
                    }
                }
                DecisionKind::Roles(r) => {
                    let mut chosen: BTreeMap<String, String> =
                        ui.data_mut(|m| m.get_temp(key)).unwrap_or_default();
                    let now = drill.session.now();
                    for role in &r.roles {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(role.name.get(l));
                            let current = chosen.get(&role.id).cloned().unwrap_or_default();
                            let shown = scenario
                                .cast
                                .iter()
                                .find(|p| p.id == current)
                                .map(|p| p.name.get(l).to_string())
                                .unwrap_or_else(|| "—".into());
                            egui::ComboBox::from_id_salt(("role", d.0, &role.id))
                                .selected_text(shown)
                                .show_ui(ui, |ui| {
                                    for p in &scenario.cast {
                                        let label = format!(
                                            "{} ({})",
                                            p.name.get(l),
                                            p.department.label().get(l)
                                        );
                                        if ui.selectable_label(current == p.id, label).clicked() {
                                            chosen.insert(role.id.clone(), p.id.clone());
                                        }
                                    }
                                });
                            if let Some(p) = scenario.cast.iter().find(|p| p.id == current)
                                && let Some(why) = role.unmet_by(p, now)
                            {
                                ui.colored_label(ui.visuals().warn_fg_color, why.get(l));
                            }
                        });
                    }
                    ui.data_mut(|m| m.insert_temp(key, chosen.clone()));
                    if ui
                        .button(t(l, "この分担で決定", "Confirm these roles"))
                        .clicked()
                    {
                        let _ = drill.answer(d, Answer::Roles(chosen));
                    }
                }
                DecisionKind::Draft(x) => {
                    ui.horizontal_wrapped(|ui| {
                        for c in &x.candidates {
                            if ui
                                .button(format!("{} {}", t(l, "案を使う:", "Use:"), c.label.get(l)))
                                .clicked()
                            {
                                drill
                                    .drafts
                                    .insert(d.0, c.text.get(drill.session.lang).to_string());
                            }
                        }
                    });
                    text_answer(ui, drill, d, l, &x.required);
                }
                DecisionKind::Inquiry(q) => {
                    ui.label(egui::RichText::new(q.question.get(l)).italics());
                    for o in &q.answers {
                        if ui.button(o.label.get(l)).clicked() {
                            let _ = drill.answer(d, Answer::Choice(o.id.clone()));
                        }
                    }
                    if q.free_text {
                        text_answer(ui, drill, d, l, &[]);
                    }
                }
            }
        });
}

/// A text editor with the wording checker's findings, live, under it.
fn text_answer(
    ui: &mut egui::Ui,
    drill: &mut Drill,
    d: DecisionRef,
    l: Lang,
    required: &[crate::scenario::Element],
) {
    let mut text = drill.drafts.get(&d.0).cloned().unwrap_or_default();
    ui.add(
        egui::TextEdit::multiline(&mut text)
            .desired_rows(8)
            .desired_width(f32::INFINITY),
    );
    // Everything so far counts, as of the minute after now.
    let ctx = drill
        .session
        .wording_context(required, drill.session.now().plus(1), &text);
    let findings = drill.checker.check(&text, &ctx);
    for f in findings.iter().take(12) {
        let color = match f.severity {
            crate::playbook::Severity::Error => ui.visuals().error_fg_color,
            _ => ui.visuals().warn_fg_color,
        };
        let excerpt = if f.excerpt.is_empty() {
            String::new()
        } else {
            format!("「{}」 ", f.excerpt)
        };
        ui.colored_label(color, format!("{excerpt}{}", f.message.get(l)));
        if let Some(s) = &f.suggestion {
            ui.small(s.get(l));
        }
    }
    let submit = ui.add_enabled(
        !text.trim().is_empty(),
        egui::Button::new(t(l, "この文面で確定", "Submit this text")),
    );
    let clicked = submit.clicked();
    drill.drafts.insert(d.0, text.clone());
    if clicked {
        let _ = drill.answer(d, Answer::Text(text));
    }
}
