//! The play screen: the scenario clock and next deadline, controls to let time pass, the inbox
//! of arrived injects, the fact board, and the open decisions with a way to answer each. It
//! reads the drill and sends `DrillCommand`s; it never changes the drill itself.

use super::{Screen, escape, key, t};
use crate::app::editor;
use crate::app::{AppData, Projector, RunningClock, UiLang, drill::Drill, drill::DrillCommand};
use crate::playbook::Severity;
use crate::scenario::{
    Channel, DecisionKind, DecisionRef, Element, FactRef, FactStatus, InjectRef, Sender,
    Sensitivity, SimTime, Stage,
};
use crate::session::{Answer, DecisionState};
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::collections::BTreeMap;
use std::sync::Arc;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Play)));
}

/// A modal question waiting for the trainee.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Confirm {
    #[default]
    None,
    Abandon,
    Finish,
    /// Letting time run to the next event, past decisions still open. When that event comes
    /// is not said: the team has not been told.
    Skip,
}

/// The next deadline still to meet: not passed, and not one for a stage already published.
fn next_deadline(session: &crate::session::Session) -> Option<&crate::scenario::Deadline> {
    let now = session.now();
    let published = session.published();
    session
        .scenario
        .deadlines
        .iter()
        .filter(|d| d.at >= now)
        .filter(|d| {
            !d.stage
                .is_some_and(|s| published.iter().any(|(p, _)| *p == s))
        })
        .min_by_key(|d| d.at)
}

/// Where N would take the clock, when that needs asking first: decisions are open and the
/// next event is more than an hour away, so the team would let them sit that long unanswered.
fn skip_needs_asking(session: &crate::session::Session) -> Option<SimTime> {
    let next = session.next_event_time()?;
    let open = session.open_decisions().next().is_some();
    (open && next.0 > session.now().0 + 60).then_some(next)
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
            t(l, "否定された", "refuted"),
            egui::Color32::from_rgb(150, 150, 220),
        ),
    }
}

fn sensitivity_label(s: Sensitivity, l: Lang) -> (&'static str, egui::Color32) {
    match s {
        Sensitivity::Public => (t(l, "公表可", "public"), egui::Color32::GRAY),
        Sensitivity::Internal => (
            t(l, "社内限り", "internal only"),
            egui::Color32::from_rgb(230, 180, 60),
        ),
        Sensitivity::Personal => (
            t(l, "個人情報", "personal data"),
            egui::Color32::from_rgb(235, 110, 110),
        ),
        Sensitivity::Confidential => (
            t(l, "機密", "confidential"),
            egui::Color32::from_rgb(235, 110, 110),
        ),
    }
}

/// A symbol for each channel, drawn from the emoji font egui bundles.
fn channel_icon(c: Channel) -> &'static str {
    match c {
        Channel::Phone => "📞",
        Channel::Mail => "✉",
        Channel::Chat => "💬",
        Channel::Meeting => "👥",
        Channel::Social => "🌐",
        Channel::Press => "📰",
        Channel::Regulator => "⚖",
        Channel::Customer => "👤",
    }
}

fn stage_label(s: Stage, l: Lang) -> String {
    s.label().get(l).to_string()
}

#[allow(clippy::too_many_arguments)] // a Bevy system takes each resource it reads
fn draw(
    mut contexts: EguiContexts,
    lang: Res<UiLang>,
    data: Res<AppData>,
    playbook: Res<crate::app::ActivePlaybook>,
    drill: Option<Res<Drill>>,
    mut writer: MessageWriter<DrillCommand>,
    mut next: ResMut<NextState<Screen>>,
    mut confirm: Local<Confirm>,
    mut clock: ResMut<RunningClock>,
    mut projector: ResMut<Projector>,
    mut note: Local<String>,
    changed: Option<Res<crate::app::reload::ScenarioChanged>>,
    mut commands: Commands,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let l = lang.0;
    // What the screen asks of the drill this frame, written out at the end.
    let mut send: Vec<DrillCommand> = Vec::new();
    let mut restart: Option<std::sync::Arc<crate::Scenario>> = None;
    let mut dismiss = false;
    let Some(drill) = drill else {
        next.set(Screen::Title);
        return Ok(());
    };
    if drill.score().is_some() {
        *confirm = Confirm::None;
        next.set(Screen::Debrief);
        return Ok(());
    }
    let shared = std::sync::Arc::clone(&drill.session().scenario);
    let scenario = &*shared;
    let now = drill.session().now();
    let mut root = crate::app::screen_ui(ctx);

    egui::Panel::top("clock").show(&mut root, |ui| {
        ui.horizontal_wrapped(|ui| {
            let wall = now.to_datetime(scenario.start);
            ui.label(
                egui::RichText::new(format!("🕒 {}  ({now})", wall.format("%m/%d %H:%M")))
                    .heading(),
            );
            let upcoming = next_deadline(drill.session());
            match upcoming {
                Some(d) => ui.label(
                    egui::RichText::new(format!(
                        "{}: {} {} {}",
                        t(l, "次の期限", "Next deadline"),
                        d.label.get(l),
                        t(l, "まで", "in"),
                        SimTime(d.at.0 - now.0)
                    ))
                    .color(if d.at.0 - now.0 <= 60 {
                        ui.visuals().warn_fg_color
                    } else {
                        ui.visuals().text_color()
                    }),
                ),
                None => ui.label(t(l, "残りの期限はありません", "No deadlines left")),
            };
            // What is already out, so nobody wonders whether the click published.
            for (stage, at) in drill.session().published() {
                ui.label(
                    egui::RichText::new(format!(
                        "📢 {} {} ({at})",
                        stage_label(*stage, l),
                        t(l, "公表済み", "published")
                    ))
                    .color(ui.visuals().hyperlink_color),
                );
            }
            if let Some(owed) = drill.owed() {
                let left = owed.by.0.saturating_sub(now.0);
                let text = owed_line(owed.next, owed.by, now, scenario.start, l);
                let label = ui.label(egui::RichText::new(text).color(if left <= 60 {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().text_color()
                }));
                if let Some(words) = &owed.words {
                    label.on_hover_text(format!("「{words}」"));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            let modal_open = *confirm != Confirm::None;
            if ui
                .button(t(l, "⏭ 次の出来事まで (N)", "⏭ To next event (N)"))
                .clicked()
                || (!modal_open && key(ui, egui::Key::N))
            {
                match skip_needs_asking(drill.session()) {
                    Some(_) => *confirm = Confirm::Skip,
                    None => send.push(DrillCommand::ToNextEvent),
                }
            }
            if ui.button("+15m (1)").clicked() || (!modal_open && key(ui, egui::Key::Num1)) {
                send.push(DrillCommand::Advance(15));
            }
            if ui.button("+1h (2)").clicked() || (!modal_open && key(ui, egui::Key::Num2)) {
                send.push(DrillCommand::Advance(60));
            }
            let run_label = if clock.running {
                t(l, "⏸ 時計を止める (P)", "⏸ Pause the clock (P)")
            } else {
                t(l, "▶ 時計を進める (P)", "▶ Run the clock (P)")
            };
            if ui
                .selectable_label(clock.running, run_label)
                .on_hover_text(format!(
                    "{} {:.1} {}",
                    t(l, "実時間1秒あたり", "Scenario minutes per real second:"),
                    crate::app::pace(scenario),
                    t(l, "分進みます", "")
                ))
                .clicked()
                || (!modal_open && key(ui, egui::Key::P))
            {
                clock.running = !clock.running;
            }
            if ui
                .selectable_label(projector.0, t(l, "投影表示 (V)", "Projector view (V)"))
                .clicked()
                || (!modal_open && key(ui, egui::Key::V))
            {
                projector.0 = !projector.0;
            }
            ui.separator();
            if ui
                .button(t(
                    l,
                    "訓練を終えて振り返る (E)",
                    "End the drill and debrief (E)",
                ))
                .clicked()
                || (!modal_open && key(ui, egui::Key::E))
            {
                *confirm = Confirm::Finish;
            }
            if ui.button(t(l, "中止 (Esc)", "Abandon (Esc)")).clicked()
                || (!modal_open && escape(ui))
            {
                *confirm = Confirm::Abandon;
            }
        });
        if let Some(r) = drill.refusal_in(l) {
            ui.colored_label(ui.visuals().error_fg_color, r);
        }
        if let Some(change) = changed.as_ref().filter(|c| c.path == drill.scenario_path()) {
            match &change.result {
                Ok(new) => {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            t(
                                l,
                                "シナリオファイルが更新されました。",
                                "The scenario file has changed.",
                            ),
                        );
                        if ui
                            .button(t(l, "新しい版で最初からやり直す", "Restart on the new version"))
                            .clicked()
                        {
                            restart = Some(new.clone());
                        }
                        if ui.button(t(l, "このまま続ける", "Keep playing this one")).clicked() {
                            dismiss = true;
                        }
                    });
                }
                Err(lines) => {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        t(
                            l,
                            "保存されたシナリオにエラーがあります。直すまで、いまの版で続けられます:",
                            "The saved scenario has errors; this drill keeps the last good version until they are fixed:",
                        ),
                    );
                    for line in lines.iter().take(6) {
                        ui.monospace(line);
                    }
                }
            }
        }
    });

    if drill.team().is_some() && !projector.0 {
        egui::Panel::right("facilitator")
            .default_size(340.0)
            .resizable(true)
            .show(&mut root, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt(("play-facilitator", drill.id()))
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        super::follow_focus(ui);
                        facilitator(ui, &drill, &mut send, &mut note, l)
                    });
            });
    }

    egui::Panel::left("inbox")
        .default_size(440.0)
        .resizable(true)
        .show(&mut root, |ui| inbox_then_facts(ui, &drill, &mut send, l));

    egui::CentralPanel::default().show(&mut root, |ui| {
        // Its own scroll position, not the briefing's.
        egui::ScrollArea::vertical()
            .id_salt(("play-decisions", drill.id()))
            .auto_shrink(false)
            .show(ui, |ui| {
                super::follow_focus(ui);
                if let Some((d, findings)) = drill.feedback()
                    && !drill.scores_hidden()
                    && !projector.0
                {
                    feedback(ui, &drill, *d, findings, l);
                }
                decisions_heading(ui, l, *confirm != Confirm::None);
                let open: Vec<DecisionRef> = drill.session().open_decisions().collect();
                if open.is_empty() {
                    ui.label(t(
                        l,
                        "いま判断を待っている事項はありません。時間を進めてください (N)。",
                        "Nothing is waiting for a decision. Let time pass (N).",
                    ));
                }
                for d in open {
                    decision(ui, &drill, &mut send, d, l);
                    ui.add_space(6.0);
                }
                written_drafts(ui, &drill, &mut send, l);
                let answered = (0..scenario.decisions.len())
                    .filter(|i| {
                        matches!(
                            drill.session().decision(DecisionRef(*i)),
                            DecisionState::Answered { .. }
                        )
                    })
                    .count();
                ui.small(format!(
                    "{}: {answered} / {}  ·  {}: {}",
                    t(l, "回答済み", "Answered"),
                    scenario.decisions.len(),
                    t(l, "シード", "Seed"),
                    drill.seed()
                ));
                if !data.settings.practice_feedback {
                    ui.small(t(
                        l,
                        "採点は訓練の最後に表示されます(設定で練習モードにすると判断ごとに表示)。",
                        "Scores appear at the end (turn on practice mode in Settings to see each decision's score).",
                    ));
                }
            });
    });

    if dismiss {
        commands.remove_resource::<crate::app::reload::ScenarioChanged>();
    }
    if let Some(new) = restart {
        commands.remove_resource::<crate::app::reload::ScenarioChanged>();
        // The new drill replaces this one; its journal starts with its first action.
        commands.insert_resource(Drill::start(
            new,
            drill.scenario_path(),
            &playbook.0,
            drill.seed(),
            drill.session().lang,
            crate::host::wall_clock_now(),
        ));
        next.set(Screen::Briefing);
    }
    if let Some(c) = confirm_dialog(ctx, &mut confirm, l) {
        if c == DrillCommand::Abandon {
            next.set(Screen::Title);
        }
        send.push(c);
    }
    for c in send {
        writer.write(c);
    }
    super::end_of_pass(ctx);
    Ok(())
}

/// The promised next notice, by when, and how long is left or by how much it is overdue
/// (past the promised time, not "0 left").
fn owed_line(
    next: Stage,
    by: SimTime,
    now: SimTime,
    start: chrono::DateTime<chrono::FixedOffset>,
    l: Lang,
) -> String {
    let when = if now.0 > by.0 {
        format!("{} {}", SimTime(now.0 - by.0), t(l, "超過", "overdue"))
    } else {
        format!("{} {}", t(l, "残り", "in"), SimTime(by.0 - now.0))
    };
    format!(
        "{}: {} {} {} ({when})",
        t(l, "約束した次の公表", "Promised next notice"),
        stage_label(next, l),
        by.to_datetime(start).format("%m/%d %H:%M"),
        t(l, "まで", ""),
    )
}

/// The heading over the open decisions, which D moves the keyboard to: the next Tab is the
/// first decision's first control, however long the inbox beside it has grown.
fn decisions_heading(ui: &mut egui::Ui, l: Lang, modal_open: bool) {
    let heading = ui.add(
        egui::Label::new(
            egui::RichText::new(t(l, "判断が必要なこと (D)", "Open decisions (D)")).heading(),
        )
        .sense(egui::Sense::focusable_noninteractive()),
    );
    if !modal_open && key(ui, egui::Key::D) {
        heading.request_focus();
        heading.scroll_to_me(Some(egui::Align::TOP));
    }
}

/// The question `confirm` asks, if any, as a modal: Y (or its button) answers yes and gives
/// the command to send; N, Esc or the other button closes it. The key that opened it was taken
/// by the screen, so it cannot close it in the same frame.
fn confirm_dialog(ctx: &egui::Context, confirm: &mut Confirm, l: Lang) -> Option<DrillCommand> {
    let keep_going = t(l, "続ける (N / Esc)", "Keep going (N / Esc)");
    let (question, yes, no, command) = match *confirm {
        Confirm::None => return None,
        Confirm::Abandon => (
            t(
                l,
                "この訓練を中止しますか?ここまでの回答は保存されません。",
                "Abandon this drill? The answers so far are not saved.",
            )
            .to_string(),
            t(l, "中止する (Y)", "Abandon (Y)"),
            keep_going,
            DrillCommand::Abandon,
        ),
        Confirm::Finish => (
            t(
                l,
                "訓練を終えて採点しますか?未回答の判断は回答なしとして採点されます。",
                "End the drill and score it? Decisions not answered score as missed.",
            )
            .to_string(),
            t(l, "終えて採点する (Y)", "End and score (Y)"),
            keep_going,
            DrillCommand::Finish,
        ),
        Confirm::Skip => (
            t(
                l,
                "判断を待っている事項があります。回答しないまま、次の出来事まで時間を進めますか?",
                "Decisions are still open. Let time run to the next event with them unanswered?",
            )
            .to_string(),
            t(l, "進める (Y)", "Let time run (Y)"),
            t(
                l,
                "戻って判断する (N / Esc)",
                "Go back and decide (N / Esc)",
            ),
            DrillCommand::ToNextEvent,
        ),
    };
    let mut answer = None;
    egui::Modal::new(egui::Id::new("confirm")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        ui.label(question);
        ui.horizontal(|ui| {
            let y = ui.button(yes);
            let n = ui.button(no);
            let key =
                |ui: &mut egui::Ui, k| ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k));
            if y.clicked() || key(ui, egui::Key::Y) {
                answer = Some(Some(command.clone()));
            } else if n.clicked() || key(ui, egui::Key::N) || key(ui, egui::Key::Escape) {
                answer = Some(None);
            }
        });
    });
    let out = answer?;
    *confirm = Confirm::None;
    out
}

/// The facilitator's console: the team, scores shown or hidden, optional injects to fire,
/// and observation notes pinned to the scenario clock. Hidden in the projector view.
fn facilitator(
    ui: &mut egui::Ui,
    drill: &Drill,
    send: &mut Vec<DrillCommand>,
    note: &mut String,
    l: Lang,
) {
    let shared = std::sync::Arc::clone(&drill.session().scenario);
    let scenario = &*shared;
    ui.heading(t(l, "進行役", "Facilitator"));
    if let Some(team) = drill.team() {
        ui.label(egui::RichText::new(team).strong());
    }
    for m in drill.members() {
        ui.small(format!("{} — {}", m.name, m.function.label().get(l)));
    }
    ui.separator();
    let mut show = drill.show_scores();
    if ui
        .checkbox(
            &mut show,
            t(l, "訓練中に採点を表示する", "Show scores during play"),
        )
        .changed()
    {
        send.push(DrillCommand::ShowScores(show));
    }
    ui.separator();
    // The facilitator's notes on how each person behaves: for playing them, never shown to
    // the team.
    let notes: Vec<&crate::scenario::Person> = scenario
        .cast
        .iter()
        .filter(|p| !p.note.is_empty())
        .collect();
    if !notes.is_empty() {
        ui.label(
            egui::RichText::new(t(
                l,
                "人物メモ(進行役のみ)",
                "Cast notes (facilitator only)",
            ))
            .strong(),
        );
        for p in notes {
            ui.small(format!("{}: {}", p.name.get(l), p.note.get(l)));
        }
        ui.separator();
    }
    // Messages addressed to one function: the facilitator hands each to that person.
    let addressed: Vec<(SimTime, &crate::scenario::Inject)> = scenario
        .injects
        .iter()
        .enumerate()
        .filter(|(_, inj)| inj.to.is_some())
        .filter_map(|(i, inj)| drill.session().arrived_at(InjectRef(i)).map(|at| (at, inj)))
        .collect();
    if !addressed.is_empty() {
        ui.label(egui::RichText::new(t(l, "宛先のある連絡", "Messages for one function")).strong());
        for (at, inj) in addressed {
            let to = inj.to.as_ref().expect("filtered");
            let label = if inj.subject.is_empty() {
                inj.body.get(l).chars().take(40).collect::<String>()
            } else {
                inj.subject.get(l).to_string()
            };
            let by: Vec<&str> = drill
                .members()
                .iter()
                .filter(|m| &m.function == to)
                .map(|m| m.name.as_str())
                .collect();
            let who = if by.is_empty() {
                scenario.department_label(to).get(l).to_string()
            } else {
                format!(
                    "{} ({})",
                    scenario.department_label(to).get(l),
                    by.join(", ")
                )
            };
            ui.small(format!("{at} {label} → {who}"));
        }
        ui.separator();
    }
    ui.label(egui::RichText::new(t(l, "追加の情報を出す", "Fire an optional inject")).strong());
    let mut any = false;
    for (i, inj) in scenario.injects.iter().enumerate() {
        if !inj.optional || drill.session().arrived_at(InjectRef(i)).is_some() {
            continue;
        }
        any = true;
        let label = if inj.subject.is_empty() {
            inj.body.get(l).chars().take(40).collect::<String>()
        } else {
            inj.subject.get(l).to_string()
        };
        if ui
            .button(format!("{} {label}", channel_icon(inj.channel)))
            .on_hover_text(inj.body.get(l))
            .clicked()
        {
            send.push(DrillCommand::Fire(InjectRef(i)));
        }
    }
    if !any {
        ui.small(t(
            l,
            "出せる追加情報はありません。",
            "No optional injects left.",
        ));
    }
    ui.separator();
    ui.label(egui::RichText::new(t(l, "所見メモ", "Observation notes")).strong());
    ui.add(
        egui::TextEdit::multiline(note)
            .desired_rows(3)
            .desired_width(f32::INFINITY)
            .hint_text(t(l, "気づいたことを書く", "What did you notice?")),
    );
    if ui
        .add_enabled(
            !note.trim().is_empty(),
            egui::Button::new(format!(
                "{} {}",
                t(l, "時刻を付けて記録", "Pin at"),
                drill.session().now()
            )),
        )
        .clicked()
    {
        send.push(DrillCommand::Note(std::mem::take(note)));
    }
    for n in drill.notes().iter().rev() {
        ui.small(format!("{} {}", n.at, n.text));
    }
}

/// The left column: the inbox scrolls in at most the top half, so however much arrives,
/// the fact board below it stays on screen with a scroll of its own.
fn inbox_then_facts(ui: &mut egui::Ui, drill: &Drill, send: &mut Vec<DrillCommand>, l: Lang) {
    let half = ui.available_height() * 0.5;
    egui::ScrollArea::vertical()
        .id_salt(("play-inbox", drill.id()))
        .max_height(half)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            super::follow_focus(ui);
            inbox(ui, drill, send, l)
        });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("play-facts", drill.id()))
        .auto_shrink(false)
        .show(ui, |ui| {
            super::follow_focus(ui);
            facts(ui, drill, l)
        });
}

/// The inbox, newest first, with what is unread.
fn inbox(ui: &mut egui::Ui, drill: &Drill, send: &mut Vec<DrillCommand>, l: Lang) {
    let shared = std::sync::Arc::clone(&drill.session().scenario);
    let scenario = &*shared;
    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "{} ({} {})",
            t(l, "受信", "Inbox"),
            drill.unread().len(),
            t(l, "件未読", "unread")
        ));
        if !drill.unread().is_empty()
            && ui
                .button(t(l, "すべて既読にする", "Mark all read"))
                .clicked()
        {
            for id in drill.unread() {
                send.push(DrillCommand::Read(id.clone()));
            }
        }
    });
    let mut arrived: Vec<(SimTime, usize)> = (0..scenario.injects.len())
        .filter_map(|i| drill.session().arrived_at(InjectRef(i)).map(|at| (at, i)))
        .collect();
    arrived.sort_by(|a, b| b.cmp(a));
    if arrived.is_empty() {
        ui.label(t(l, "まだ何も届いていません。", "Nothing has arrived yet."));
    }
    for (at, i) in arrived {
        let inj = &scenario.injects[i];
        let unread = drill.unread().contains(&inj.id);
        let sender = match &inj.from {
            Sender::Person(p) => scenario.person(*p).name.get(l).to_string(),
            Sender::Outside(name) => name.get(l).to_string(),
        };
        let to = inj
            .to
            .as_ref()
            .map(|d| format!(" → {}", scenario.department_label(d).get(l)))
            .unwrap_or_default();
        let head = format!(
            "{}{} {} · {}{to} · {}",
            if unread { "● " } else { "" },
            channel_icon(inj.channel),
            at,
            inj.channel.label().get(l),
            sender
        );
        let text = egui::RichText::new(head);
        let response = egui::CollapsingHeader::new(if unread { text.strong() } else { text })
            .id_salt(&inj.id)
            .default_open(true)
            .show(ui, |ui| {
                if !inj.subject.is_empty() {
                    ui.label(egui::RichText::new(inj.subject.get(l)).italics());
                }
                ui.label(inj.body.get(l));
            });
        // Read once the pointer rests on it (its heading or its text), or it is clicked or
        // reached with Tab.
        let h = &response.header_response;
        let body = response.body_response.as_ref().is_some_and(|b| b.hovered());
        if unread && (h.hovered() || h.clicked() || h.has_focus() || body) {
            send.push(DrillCommand::Read(inj.id.clone()));
        }
    }
}

/// The fact board: what is confirmed, suspected and refuted so far.
fn facts(ui: &mut egui::Ui, drill: &Drill, l: Lang) {
    let shared = std::sync::Arc::clone(&drill.session().scenario);
    let scenario = &*shared;
    ui.heading(t(l, "事実の整理", "Fact board"));
    let groups = [
        FactStatus::Confirmed,
        FactStatus::Suspected,
        FactStatus::Refuted,
    ];
    let mut any = false;
    for status in groups {
        let facts: Vec<usize> = (0..scenario.facts.len())
            .filter(|f| drill.session().fact_status(FactRef(*f)) == status)
            .collect();
        if facts.is_empty() {
            continue;
        }
        any = true;
        let (label, color) = status_label(status, l);
        ui.colored_label(color, egui::RichText::new(label).strong());
        for f in facts {
            let fact = &scenario.facts[f];
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                ui.label(fact.text.get(l));
                let (s, c) = sensitivity_label(fact.sensitivity, l);
                ui.colored_label(c, egui::RichText::new(format!("[{s}]")).small());
            });
        }
    }
    if !any {
        ui.label(t(
            l,
            "まだ分かっている事実はありません。",
            "No facts are known yet.",
        ));
    }
}

/// The drafts confirmed but not yet out with their stage: each may be taken back and
/// revised (the facts may have moved since it was written).
fn written_drafts(ui: &mut egui::Ui, drill: &Drill, send: &mut Vec<DrillCommand>, l: Lang) {
    let session = drill.session();
    let scenario = &*session.scenario;
    let written: Vec<DecisionRef> = (0..scenario.decisions.len())
        .map(DecisionRef)
        .filter(|d| matches!(scenario.decision(*d).kind, DecisionKind::Draft(_)))
        .filter(|d| session.reopenable(*d).is_ok())
        .collect();
    if written.is_empty() {
        return;
    }
    ui.heading(t(l, "確定済み・未公表の文面", "Confirmed, not yet out"));
    for d in written {
        let dec = scenario.decision(d);
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(egui::RichText::new(dec.title.get(l)).strong());
                if let DecisionState::Answered { answer, at, .. } = session.decision(d)
                    && let Some(text) = answer.text(dec, session.lang)
                {
                    let first: String = text
                        .lines()
                        .map(str::trim)
                        .filter(|line| !line.is_empty())
                        .take(2)
                        .collect::<Vec<_>>()
                        .join(" / ")
                        .chars()
                        .take(80)
                        .collect();
                    ui.small(format!("{at} · {first}…"));
                }
                if ui
                    .button(t(l, "✏ 取り下げて書き直す", "✏ Take back and revise"))
                    .on_hover_text(t(
                        l,
                        "この段階を公表する前なら、文面を開き直して直せます。",
                        "Until its stage goes out, the text can be opened again and changed.",
                    ))
                    .clicked()
                {
                    send.push(DrillCommand::Answer(d, Answer::Reopen));
                }
            });
        ui.add_space(6.0);
    }
}

/// Practice mode: how the decision just made scored, point by point.
fn feedback(
    ui: &mut egui::Ui,
    drill: &Drill,
    d: DecisionRef,
    findings: &[crate::scoring::Finding],
    l: Lang,
) {
    let dec = drill.session().scenario.decision(d);
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let heading = format!(
                "{}: {}",
                t(l, "直前の判断", "Last decision"),
                dec.title.get(l)
            );
            if findings.is_empty() {
                // A notice is judged when its stage goes out, against what is known then.
                ui.label(egui::RichText::new(heading).strong());
                ui.label(t(
                    l,
                    "文面は、その段階を公表した時点の事実で評価します。",
                    "A notice is scored when its stage goes out, against what is known then.",
                ));
                return;
            }
            // What this decision takes off the 100 so far (each rule counted once).
            let lost = crate::scoring::counted_loss(findings);
            let heading = if lost > 0.0 {
                format!("{heading} (-{lost:.1})")
            } else {
                heading
            };
            ui.label(egui::RichText::new(heading).strong());
            for f in findings.iter().filter(|f| f.points < f.max) {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("{:.1}/{:.1} {}", f.points, f.max, f.message.get(l)),
                );
                ui.small(format!(
                    "{} {}",
                    t(l, "手順:", "Procedure:"),
                    f.citation.get(l)
                ));
            }
            if findings.iter().all(|f| f.points >= f.max) {
                ui.colored_label(
                    egui::Color32::from_rgb(90, 190, 110),
                    t(l, "手順どおりです。", "As the procedure asks."),
                );
            }
        });
    ui.add_space(6.0);
}

fn decision(
    ui: &mut egui::Ui,
    drill: &Drill,
    send: &mut Vec<DrillCommand>,
    d: DecisionRef,
    l: Lang,
) {
    let shared = std::sync::Arc::clone(&drill.session().scenario);
    let scenario = &*shared;
    let dec = scenario.decision(d);
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new(dec.title.get(l)).strong().size(19.0));
            ui.label(dec.prompt.get(l));
            if let DecisionState::Open { .. } = drill.session().decision(d)
                && let Some(due) = dec.due
            {
                ui.small(format!(
                    "{} {} ({} {})",
                    t(l, "回答期限", "Answer by"),
                    due,
                    t(l, "残り", "left:"),
                    SimTime(due.0.saturating_sub(drill.session().now().0))
                ));
            }
            // Keyed by the drill too: a second drill's decision with the same place in its
            // scenario starts with nothing picked.
            let key = egui::Id::new(("choice", drill.id(), d.0));
            match &dec.kind {
                DecisionKind::Choice { options } => {
                    let options: Vec<(&str, &str)> =
                        options.iter().map(|o| (o.id.as_str(), o.label.get(l))).collect();
                    pick_then_confirm(ui, key, &options, d, send, l);
                }
                DecisionKind::Timing(timing) => {
                    publish_then_confirm(ui, key, stage_label(timing.stage, l), d, send, l);
                    ui.small(t(
                        l,
                        "まだ公表しないなら、時間を進めてください。",
                        "Not yet? Let time pass instead.",
                    ));
                    sign_off(ui, drill, timing, l);
                    if !timing.reviews.is_empty() {
                        match drill.review_asked(d) {
                            Some(at) => {
                                ui.small(format!(
                                    "{} {at}",
                                    t(l, "確認を依頼済み:", "Review asked for at")
                                ));
                            }
                            None => {
                                if ui
                                    .button(t(l, "📨 確認を依頼する", "📨 Send for review"))
                                    .on_hover_text(t(
                                        l,
                                        "いまの文面を確認者に渡します。確認には所定の時間がかかります。",
                                        "Hands the text as it stands to the reviewers; a review takes its time.",
                                    ))
                                    .clicked()
                                {
                                    send.push(DrillCommand::AskReview {
                                        decision: d,
                                        role: None,
                                        done: None,
                                    });
                                }
                            }
                        }
                    }
                }
                DecisionKind::Roles(r) => {
                    let mut chosen: BTreeMap<String, String> =
                        ui.data_mut(|m| m.get_temp(key)).unwrap_or_default();
                    // Only this scenario's roles and people (or nobody) count as chosen.
                    chosen.retain(|role, person| {
                        r.roles.iter().any(|x| &x.id == role)
                            && (person.is_empty() || scenario.cast.iter().any(|p| &p.id == person))
                    });
                    // One role a block: its name and the pick on a line that wraps, what it
                    // needs below at the card's full width, so no column is squeezed.
                    ui.vertical(|ui| {
                            for role in &r.roles {
                                ui.horizontal_wrapped(|ui| {
                                ui.label(egui::RichText::new(role.name.get(l)).strong());
                                let current = chosen.get(&role.id).cloned().unwrap_or_default();
                                let nobody = chosen.get(&role.id).is_some_and(String::is_empty);
                                let shown = scenario
                                    .cast
                                    .iter()
                                    .find(|p| p.id == current)
                                    .map(|p| p.name.get(l).to_string())
                                    .unwrap_or_else(|| {
                                        if nobody {
                                            t(l, "(担当者なし)", "(nobody)").into()
                                        } else {
                                            "—".into()
                                        }
                                    });
                                // The pick goes on the name's line if it fits there, else on a
                                // line of its own; never past the card's edge (the box adds its
                                // arrow and padding to the width it is given).
                                if ui.available_size_before_wrap().x < 160.0 {
                                    ui.end_row();
                                }
                                let left = ui.available_size_before_wrap().x;
                                let pick_width = (left - 40.0).clamp(80.0, 220.0);
                                let combo = egui::ComboBox::from_id_salt((
                                    "role",
                                    drill.id(),
                                    d.0,
                                    &role.id,
                                ))
                                .selected_text(shown)
                                .width(pick_width);
                                // Picked with a click or with Space: the list closes either
                                // way, and Tab goes on to the next role.
                                super::pick_list(ui, combo, |ui, list| {
                                    for p in &scenario.cast {
                                        let label = format!(
                                            "{} ({})",
                                            p.name.get(l),
                                            scenario.department_label(&p.department).get(l)
                                        );
                                        if list.item(ui, current == p.id, label).clicked() {
                                            chosen.insert(role.id.clone(), p.id.clone());
                                        }
                                    }
                                    ui.separator();
                                    if list
                                        .item(ui, nobody, t(l, "(担当者なし)", "(nobody)"))
                                        .on_hover_text(t(
                                            l,
                                            "この役割を誰にも任せません(減点されます)。",
                                            "Leave this role with nobody (it costs points).",
                                        ))
                                        .clicked()
                                    {
                                        chosen.insert(role.id.clone(), String::new());
                                    }
                                });
                                // What the role needs, as the procedure says; whether a pick
                                // meets it is the debrief's to say, not a hint before the team
                                // commits.
                                });
                                ui.small(role_needs(role, l));
                                ui.add_space(4.0);
                            }
                        });
                    ui.data_mut(|m| m.insert_temp(key, chosen.clone()));
                    let all_filled = r.roles.iter().all(|role| chosen.contains_key(&role.id));
                    if ui
                        .add_enabled(
                            all_filled,
                            egui::Button::new(t(l, "この分担で決定", "Confirm these roles")),
                        )
                        .clicked()
                    {
                        send.push(DrillCommand::Answer(d, Answer::Roles(chosen)));
                    }
                    if !all_filled {
                        ui.small(t(
                            l,
                            "すべての役割に担当者を選んでください。",
                            "Choose someone for every role.",
                        ));
                    }
                }
                DecisionKind::Draft(x) if x.bilingual => bilingual_answer(ui, drill, send, d, l, x),
                DecisionKind::Draft(x) => {
                    if !x.is_public() {
                        ui.small(format!(
                            "{} {}",
                            t(l, "社内向けの文書:", "An internal document:"),
                            x.audience.label().get(l)
                        ));
                    }
                    ui.horizontal_wrapped(|ui| {
                        for c in &x.candidates {
                            if ui
                                .button(format!("{} {}", t(l, "案を使う:", "Use:"), c.label.get(l)))
                                .clicked()
                            {
                                send.push(DrillCommand::Write(
                                    d,
                                    c.text.get(drill.session().lang).to_string(),
                                ));
                            }
                        }
                    });
                    // An internal document has no notice's elements or template.
                    let stage = x.is_public().then_some((x.stage, &x.required));
                    text_answer(ui, drill, send, d, l, stage, None);
                }
                DecisionKind::Inquiry(q) => {
                    ui.label(egui::RichText::new(q.question.get(l)).italics());
                    let options: Vec<(&str, &str)> =
                        q.answers.iter().map(|o| (o.id.as_str(), o.label.get(l))).collect();
                    if !options.is_empty() {
                        pick_then_confirm(ui, key, &options, d, send, l);
                    }
                    if q.free_text {
                        text_answer(ui, drill, send, d, l, None, None);
                    }
                }
            }
        });
}

/// A finding as one line: the words it is about, then what is wrong, without quoting the
/// words twice when the message already names them.
fn finding_line(f: &crate::wording::Finding, l: Lang) -> String {
    let message = f.message.get(l);
    let quoted = [format!("「{}」", f.excerpt), format!("\"{}\"", f.excerpt)];
    let lower = message.to_lowercase();
    if f.excerpt.is_empty() || quoted.iter().any(|q| lower.contains(&q.to_lowercase())) {
        message.to_string()
    } else {
        format!("「{}」 {message}", f.excerpt)
    }
}

/// A choice made in two steps: a click picks an option (a second click, or a double-click,
/// only picks it again), and the confirm button under the options, always in the same place,
/// answers with it. Nothing moves when a pick is made.
fn pick_then_confirm(
    ui: &mut egui::Ui,
    key: egui::Id,
    options: &[(&str, &str)],
    d: DecisionRef,
    send: &mut Vec<DrillCommand>,
    l: Lang,
) {
    let mut picked: Option<String> = ui.data_mut(|m| m.get_temp(key)).flatten();
    picked = picked.filter(|p| options.iter().any(|(id, _)| id == p));
    for (id, label) in options {
        let on = picked.as_deref() == Some(*id);
        let text = format!("{} {label}", if on { "◉" } else { "○" });
        if ui.selectable_label(on, text).clicked() {
            picked = Some(id.to_string());
        }
    }
    let confirm = ui.add_enabled(
        picked.is_some(),
        egui::Button::new(t(l, "✔ この案で決定", "✔ Confirm this choice")),
    );
    if confirm.clicked()
        && let Some(id) = picked.take()
    {
        send.push(DrillCommand::Answer(d, Answer::Choice(id)));
    }
    if !confirm.enabled() {
        ui.small(t(
            l,
            "案を選び、「この案で決定」で確定します。",
            "Pick an option, then confirm it.",
        ));
    }
    ui.data_mut(|m| m.insert_temp(key, picked));
}

/// Publishing asks first. The question takes the publish button's place with "not yet" where
/// the button was (as wide as it was), so a double-click lands on "not yet", and the button
/// that publishes sits to its right.
fn publish_then_confirm(
    ui: &mut egui::Ui,
    key: egui::Id,
    stage: String,
    d: DecisionRef,
    send: &mut Vec<DrillCommand>,
    l: Lang,
) {
    let asking_key = key.with("publish?");
    // The question's width (its "not yet" takes the button's place), and whether the
    // keyboard should move to the question's first button (or back to the publish button).
    let asking: Option<(f32, bool)> = ui.data_mut(|m| m.get_temp(asking_key));
    let back_key = key.with("publish-focus-back");
    let label = format!("📢 {} {stage}", t(l, "いま公表する:", "Publish now:"));
    match asking {
        None => {
            let b = ui.button(label);
            if ui
                .data_mut(|m| m.remove_temp::<bool>(back_key))
                .unwrap_or(false)
            {
                b.request_focus();
            }
            if b.clicked() {
                let keyboard = b.has_focus();
                ui.data_mut(|m| m.insert_temp(asking_key, (b.rect.width(), keyboard)));
            }
        }
        Some((width, keyboard)) => {
            ui.horizontal_wrapped(|ui| {
                let height = ui.spacing().interact_size.y;
                let not_yet = ui.add_sized(
                    [width, height],
                    egui::Button::new(t(l, "まだ公表しない", "Not yet")),
                );
                // Pressed from the keyboard, the keyboard stays where it was: on "not yet",
                // so a second press cannot publish either; Tab reaches "publish".
                if keyboard {
                    not_yet.request_focus();
                    ui.data_mut(|m| m.insert_temp(asking_key, (width, false)));
                }
                let publish = ui.button(t(l, "📢 公表する", "📢 Publish"));
                ui.label(
                    egui::RichText::new(format!(
                        "{} {stage}",
                        t(l, "本当に公表しますか?", "Publish now, for real?")
                    ))
                    .strong(),
                );
                if publish.clicked() {
                    send.push(DrillCommand::Answer(d, Answer::Publish));
                    ui.data_mut(|m| m.remove::<(f32, bool)>(asking_key));
                } else if not_yet.clicked() {
                    ui.data_mut(|m| m.remove::<(f32, bool)>(asking_key));
                    if not_yet.has_focus() {
                        ui.data_mut(|m| m.insert_temp(back_key, true));
                    }
                }
            });
        }
    }
}

/// What a role asks of whoever holds it.
fn role_needs(role: &crate::scenario::Role, l: Lang) -> String {
    let mut needs = Vec::new();
    if !role.departments.is_empty() {
        let names: Vec<String> = role
            .department_labels
            .iter()
            .map(|d| d.get(l).to_string())
            .collect();
        needs.push(names.join(t(l, "・", ", ")));
    }
    if role.must_approve {
        needs.push(t(l, "承認権限", "authority to approve").to_string());
    }
    if role.must_be_available {
        needs.push(t(l, "いま連絡が取れる", "reachable now").to_string());
    }
    if needs.is_empty() {
        String::new()
    } else {
        format!(
            "{} {}",
            t(l, "条件:", "Needs:"),
            needs.join(t(l, "、", "; "))
        )
    }
}

/// A text editor with the wording checker's findings live: coloured underlines in the text,
/// the finding under the cursor explained, the full list below.
fn text_answer(
    ui: &mut egui::Ui,
    drill: &Drill,
    send: &mut Vec<DrillCommand>,
    d: DecisionRef,
    l: Lang,
    draft: Option<(Stage, &Vec<Element>)>,
    version: Option<Lang>,
) {
    let mut text = match version {
        Some(v) => drill.draft_in(d, v),
        None => drill.draft(d),
    }
    .map(str::to_string)
    .unwrap_or_default();
    let shared = std::sync::Arc::clone(&drill.session().scenario);
    let scenario = &*shared;
    let drill_lang = version.unwrap_or(drill.session().lang);
    let stage_key = egui::Id::new(("stage", drill.id(), d.0, version.map(|v| v.code())));
    let mut check_stage: Option<Stage> = ui.data_mut(|m| m.get_temp(stage_key)).flatten();
    if let Some((stage, required)) = draft {
        ui.horizontal_wrapped(|ui| {
            ui.label(t(l, "照らし合わせる段階:", "Check against stage:"));
            let current = check_stage.unwrap_or(stage);
            let combo =
                egui::ComboBox::from_id_salt(("stage-select", d.0, version.map(|v| v.code())))
                    .selected_text(stage_label(current, l));
            super::pick_list(ui, combo, |ui, list| {
                for s in [Stage::FirstNotice, Stage::Update, Stage::FinalReport] {
                    if list.item(ui, current == s, stage_label(s, l)).clicked() {
                        check_stage = Some(s);
                    }
                }
            });
            if current != stage {
                ui.small(format!(
                    "({} {})",
                    t(
                        l,
                        "採点はこの判断の段階で行います:",
                        "scored as this decision's stage:"
                    ),
                    stage_label(stage, l)
                ));
            }
            if ui
                .button(t(l, "見出しのひな形を挿入", "Insert the template"))
                .on_hover_text(t(
                    l,
                    "この段階に必要な項目の見出しを入れます。〔 〕の部分を書き換えてください。",
                    "Adds a heading for each element this stage needs; replace each 〔…〕.",
                ))
                .clicked()
            {
                let elements: Vec<Element> = match check_stage {
                    Some(s) if s != stage => Element::defaults_for(s).to_vec(),
                    _ => required.clone(),
                };
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push_str("\n\n");
                }
                text.push_str(&editor::template(
                    &elements,
                    scenario.organisation.name.get(drill_lang),
                    drill_lang,
                ));
            }
        });
        ui.data_mut(|m| m.insert_temp(stage_key, check_stage));
    }
    let required: Vec<Element> = match (draft, check_stage) {
        (Some((stage, _)), Some(s)) if s != stage => Element::defaults_for(s).to_vec(),
        (Some((_, required)), _) => required.clone(),
        (None, _) => Vec::new(),
    };
    // The draft's readers decide what is jargon; an inquiry's answer goes to the scenario's.
    let readers = match &scenario.decisions[d.0].kind {
        DecisionKind::Draft(x) => x.readers,
        _ => scenario.wording.readers,
    };
    // Everything so far counts, as of the minute after now.
    let findings = {
        let ctx = drill.session().wording_context(
            (&required, readers),
            drill.session().now().plus(1),
            &text,
        );
        drill.checker().check(&text, &ctx)
    };
    let error = ui.visuals().error_fg_color;
    let warn = ui.visuals().warn_fg_color;
    let color_of = |s: Severity| if s == Severity::Error { error } else { warn };
    let marks: Arc<Vec<editor::Mark>> = Arc::new(editor::marks(&findings));
    let mut layouter = {
        let marks = marks.clone();
        move |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
            let mut job = editor::underlined(ui.style(), buf.as_str(), &marks);
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|f| f.layout_job(job))
        }
    };
    let output = egui::TextEdit::multiline(&mut text)
        .desired_rows(10)
        .desired_width(f32::INFINITY)
        .layouter(&mut layouter)
        .show(ui);
    // Put the input method's candidate window at the caret, not at the editor's corner.
    if output.response.has_focus() {
        ui.ctx().output_mut(|o| {
            if let Some(ime) = o.ime.as_mut() {
                ime.rect = ime.cursor_rect;
            }
        });
    }
    // Submit sits right under the editor, before the findings, so it stays where it is
    // however many findings come and go; the placeholder warning shares its line.
    let open_placeholders = editor::placeholders(&text);
    let mut submitted = false;
    ui.horizontal_wrapped(|ui| {
        if version.is_none() {
            submitted = ui
                .add_enabled(
                    !text.trim().is_empty() && open_placeholders == 0,
                    egui::Button::new(t(l, "この文面で確定", "Submit this text")),
                )
                .clicked();
        }
        if open_placeholders > 0 {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "{} {}",
                    open_placeholders,
                    t(
                        l,
                        "か所の〔 〕が残っています。書き換えるか削除してから確定してください。",
                        "〔…〕 placeholders remain; fill them in or delete them before submitting."
                    )
                ),
            );
        }
    });
    ui.small(t(
        l,
        "Ctrl+Z で元に戻す、Ctrl+Y でやり直し。下線: 赤=手順違反、黄=注意。",
        "Ctrl+Z undoes, Ctrl+Y redoes. Underlines: red = breaks the procedure, yellow = take care.",
    ));
    // The finding under the cursor, explained first.
    let cursor: Option<usize> = output.cursor_range.map(|r| r.primary.index.into());
    let under_cursor = cursor.and_then(|c| editor::finding_at(&findings, c));
    if let Some(f) = under_cursor {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.colored_label(color_of(f.severity), finding_line(f, l));
            if let Some(s) = &f.suggestion {
                ui.label(format!("→ {}", s.get(l)));
            }
            ui.small(format!("{} · {}", f.rule, f.sections.join(", ")));
        });
    }
    let shown = 12;
    // Nothing written is not eight mistakes: say what to do instead.
    let empty = text.trim().is_empty();
    let findings: &[crate::wording::Finding] = if empty { &[] } else { &findings };
    if empty {
        ui.label(t(
            l,
            "まだ何も書かれていません。案を使うか、ひな形から書き始めてください。",
            "Nothing written yet. Use a candidate, or start from the template.",
        ));
    } else if findings.is_empty() {
        ui.colored_label(
            ui.visuals().hyperlink_color,
            t(
                l,
                "✔ いまのところ指摘はありません。",
                "✔ Nothing to point out so far.",
            ),
        );
    }
    for f in findings.iter().take(shown) {
        ui.colored_label(color_of(f.severity), finding_line(f, l));
        if let Some(s) = &f.suggestion {
            ui.small(s.get(l));
        }
    }
    if findings.len() > shown {
        ui.small(format!(
            "{} {}",
            findings.len() - shown,
            t(l, "件の指摘を省略", "more findings not shown")
        ));
    }
    // Readability: advice only, never scored.
    let hints = crate::wording::readability::hints(&text);
    if !hints.is_empty() {
        ui.collapsing(
            format!(
                "{} ({})",
                t(
                    l,
                    "読みやすさのヒント(採点しません)",
                    "Readability hints (not scored)"
                ),
                hints.len()
            ),
            |ui| {
                for h in hints.iter().take(shown) {
                    ui.small(h.message.get(l));
                }
            },
        );
    }
    if let Some(v) = version {
        // One version of a bilingual notice: the card submits both together.
        if drill.draft_in(d, v) != Some(text.as_str()) {
            send.push(DrillCommand::WriteIn(d, v, text));
        }
        return;
    }
    if drill.draft(d) != Some(text.as_str()) {
        send.push(DrillCommand::Write(d, text.clone()));
    }
    if submitted {
        send.push(DrillCommand::Answer(d, Answer::Text(text)));
    }
}

/// A notice published in both languages: one editor per version, submitted together.
fn bilingual_answer(
    ui: &mut egui::Ui,
    drill: &Drill,
    send: &mut Vec<DrillCommand>,
    d: DecisionRef,
    l: Lang,
    x: &crate::scenario::Draft,
) {
    ui.label(t(
        l,
        "この段階は日本語と英語の両方で公表します。二つの版で同じ事実を伝えてください。",
        "This stage goes out in Japanese and English; both versions must give the same facts.",
    ));
    ui.horizontal_wrapped(|ui| {
        for c in &x.candidates {
            if ui
                .button(format!("{} {}", t(l, "案を使う:", "Use:"), c.label.get(l)))
                .clicked()
            {
                for v in Lang::ALL {
                    send.push(DrillCommand::WriteIn(d, v, c.text.get(v).to_string()));
                }
            }
        }
    });
    for v in Lang::ALL {
        ui.label(
            egui::RichText::new(match v {
                Lang::Ja => t(l, "日本語版", "Japanese version"),
                Lang::En => t(l, "英語版", "English version"),
            })
            .strong(),
        );
        text_answer(ui, drill, send, d, l, Some((x.stage, &x.required)), Some(v));
    }
    let (ja, en) = (
        drill.draft_in(d, Lang::Ja).unwrap_or(""),
        drill.draft_in(d, Lang::En).unwrap_or(""),
    );
    let ready = !ja.trim().is_empty()
        && !en.trim().is_empty()
        && editor::placeholders(ja) == 0
        && editor::placeholders(en) == 0;
    let compared = drill.checker().compare_versions(ja, en);
    if ready {
        for f in &compared {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!("⚠ {}", f.message.get(l)),
            );
        }
    }
    if ui
        .add_enabled(
            ready,
            egui::Button::new(t(l, "両方の版で確定", "Submit both versions")),
        )
        .clicked()
    {
        send.push(DrillCommand::Answer(
            d,
            Answer::Texts {
                ja: ja.to_string(),
                en: en.to_string(),
            },
        ));
    }
}

/// Who must review and approve this stage and whether they can be reached now, and the
/// milestones and messages it waits for: what the team can see for itself in the room.
fn sign_off(ui: &mut egui::Ui, drill: &Drill, timing: &crate::scenario::Timing, l: Lang) {
    use crate::scenario::{NeedTarget, RoleRef};
    let session = drill.session();
    let scenario = &*session.scenario;
    let now = session.now();
    let person_now = |r: RoleRef| -> (String, bool) {
        match session.role_holder(r, now) {
            Some(Some(p)) => {
                let reachable = session.available(p, now);
                let state = if reachable {
                    t(l, "いま連絡可", "reachable now")
                } else {
                    t(l, "いま連絡不可", "cannot be reached now")
                };
                (
                    format!("{} ({state})", scenario.person(p).name.get(l)),
                    reachable,
                )
            }
            Some(None) => (t(l, "担当者なし", "nobody").to_string(), false),
            None => (t(l, "未指名", "not named yet").to_string(), false),
        }
    };
    let warn = ui.visuals().warn_fg_color;
    let ok = ui.visuals().text_color();
    for r in &timing.reviews {
        let (who, fine) = person_now(r.role);
        ui.colored_label(
            if fine { ok } else { warn },
            format!(
                "{} {} ({}{}): {who}",
                t(l, "確認:", "Review:"),
                scenario.role(r.role).name.get(l),
                r.lead,
                t(l, "分", " min")
            ),
        );
    }
    if let Some(a) = &timing.approval {
        let (who, fine) = person_now(a.role);
        ui.colored_label(
            if fine { ok } else { warn },
            format!(
                "{} {}: {who}",
                t(l, "承認:", "Approval:"),
                scenario.role(a.role).name.get(l)
            ),
        );
    }
    for n in &timing.needs {
        match n.target {
            NeedTarget::Milestone(m) => {
                let label = scenario.milestone(m).label.get(l);
                match session.milestone_at(m) {
                    Some(at) => ui.label(format!("✔ {label} ({at})")),
                    None => ui
                        .colored_label(warn, format!("… {label}: {}", t(l, "まだです", "not yet"))),
                };
            }
            // Only what has arrived is shown: an inject still to come is not named.
            NeedTarget::Inject(i) => {
                if let Some(at) = session.arrived_at(i) {
                    let inj = scenario.inject(i);
                    let label = if inj.subject.is_empty() {
                        inj.body.get(l)
                    } else {
                        inj.subject.get(l)
                    };
                    ui.label(format!("✔ {label} ({at})"));
                }
            }
            NeedTarget::Decision(..) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    //! The play screen's panels driven as a trainee drives them, without a window.
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    /// Press and release the pointer at the middle of `rect`, a frame for each.
    fn click_at(h: &mut Harness<'_, impl Sized>, rect: egui::Rect) {
        h.hover_at(rect.center());
        h.step();
        h.drag_at(rect.center());
        h.step();
        h.drop_at(rect.center());
        h.step();
    }

    struct Question {
        confirm: Confirm,
        sent: Vec<DrillCommand>,
    }

    /// The screen's part in the question: Esc asks, and the dialog answers.
    fn question(ui: &mut egui::Ui, q: &mut Question) {
        if q.confirm == Confirm::None && escape(ui) {
            q.confirm = Confirm::Abandon;
        }
        let ctx = ui.ctx().clone();
        if let Some(c) = confirm_dialog(&ctx, &mut q.confirm, Lang::En) {
            q.sent.push(c);
        }
    }

    #[test]
    fn esc_opens_the_abandon_question_and_a_second_esc_closes_it() {
        let mut h = Harness::new_ui_state(
            question,
            Question {
                confirm: Confirm::None,
                sent: Vec::new(),
            },
        );
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(h.state().confirm == Confirm::Abandon, "Esc asks");
        assert!(h.query_by_label_contains("Abandon this drill?").is_some());
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(h.state().confirm == Confirm::None, "a second Esc closes");
        assert!(h.query_by_label_contains("Abandon this drill?").is_none());
        assert!(h.state().sent.is_empty(), "nothing was abandoned");
        // Asked again, Y abandons.
        h.key_press(egui::Key::Escape);
        h.run();
        h.key_press(egui::Key::Y);
        h.run();
        assert_eq!(h.state().sent, vec![DrillCommand::Abandon]);
    }

    fn options(ui: &mut egui::Ui, sent: &mut Vec<DrillCommand>) {
        let options = [
            ("wait", "Wait for the forensic report"),
            ("now", "Tell customers now"),
        ];
        pick_then_confirm(
            ui,
            egui::Id::new("k"),
            &options,
            DecisionRef(4),
            sent,
            Lang::En,
        );
    }

    #[test]
    fn a_click_or_a_double_click_only_picks_and_the_confirm_button_answers_once() {
        let mut h = Harness::new_ui_state(options, Vec::new());
        h.get_by_label_contains("Wait for the forensic report")
            .click();
        h.run();
        assert!(h.state().is_empty(), "a click picks, it does not answer");
        let now = h.get_by_label_contains("Tell customers now").rect();
        click_at(&mut h, now);
        click_at(&mut h, now);
        h.run();
        assert!(
            h.state().is_empty(),
            "a double-click picks, it does not answer"
        );
        h.get_by_label_contains("Confirm this choice").click();
        h.run();
        let answer = DrillCommand::Answer(DecisionRef(4), Answer::Choice("now".into()));
        assert_eq!(h.state(), &vec![answer]);
        // The pick is used up: a second confirm sends nothing more.
        h.get_by_label_contains("Confirm this choice").click();
        h.run();
        assert_eq!(h.state().len(), 1);
    }

    fn publish(ui: &mut egui::Ui, sent: &mut Vec<DrillCommand>) {
        let stage = "First notice".to_string();
        publish_then_confirm(
            ui,
            egui::Id::new("p"),
            stage,
            DecisionRef(2),
            sent,
            Lang::En,
        );
    }

    #[test]
    fn publishing_from_the_keyboard_keeps_the_keyboard_on_the_question() {
        let mut h = Harness::new_ui_state(publish, Vec::new());
        h.run();
        h.key_press(egui::Key::Tab);
        h.run();
        h.key_press(egui::Key::Space);
        h.run();
        assert!(h.get_by_label("Not yet").is_focused(), "on the question");
        // A second press lands on "not yet": nothing is published, and the keyboard is
        // back on the publish button.
        h.key_press(egui::Key::Space);
        h.run();
        assert!(h.state().is_empty());
        assert!(h.get_by_label_contains("Publish now:").is_focused());
        h.key_press(egui::Key::Space);
        h.run();
        h.key_press(egui::Key::Tab);
        h.run();
        h.key_press(egui::Key::Space);
        h.run();
        assert_eq!(
            h.state(),
            &vec![DrillCommand::Answer(DecisionRef(2), Answer::Publish)]
        );
    }

    #[test]
    fn publishing_asks_first_and_a_double_click_lands_on_not_yet() {
        let mut h = Harness::new_ui_state(publish, Vec::new());
        let button = h.get_by_label_contains("Publish now: First notice").rect();
        // A double-click: the first click asks, the second meets "not yet" in its place.
        click_at(&mut h, button);
        h.run();
        assert!(
            h.query_by_label_contains("Publish now, for real?")
                .is_some()
        );
        click_at(&mut h, button);
        h.run();
        assert!(h.state().is_empty(), "a double-click never publishes");
        assert!(
            h.query_by_label_contains("Publish now, for real?")
                .is_none()
        );
        // Asked and answered, it publishes once.
        h.get_by_label_contains("Publish now: First notice").click();
        h.run();
        h.get_by_label("📢 Publish").click();
        h.run();
        assert_eq!(
            h.state(),
            &vec![DrillCommand::Answer(DecisionRef(2), Answer::Publish)]
        );
    }

    /// Presses each key in turn, a frame after each.
    fn press<S>(h: &mut Harness<'_, S>, keys: &[egui::Key]) {
        for k in keys {
            h.key_press(*k);
            h.run();
        }
    }

    #[test]
    fn d_takes_the_keyboard_to_the_first_open_decision_past_a_long_inbox() {
        let mut h = Harness::new_ui(|ui| {
            // A long inbox first, as the side panel grows during a drill.
            for k in 0..30 {
                let _ = ui.button(format!("message {k}"));
            }
            decisions_heading(ui, Lang::En, false);
            let _ = ui.button("first option");
            let _ = ui.button("second option");
        });
        h.run();
        h.key_press(egui::Key::D);
        h.run();
        assert!(h.get_by_label("Open decisions (D)").is_focused());
        h.key_press(egui::Key::Tab);
        h.run();
        assert!(h.get_by_label("first option").is_focused());
        // Not while a question is asked: the press is the question's.
        let mut asked = Harness::new_ui(|ui| {
            decisions_heading(ui, Lang::En, true);
            let _ = ui.button("first option");
        });
        asked.run();
        asked.key_press(egui::Key::D);
        asked.run();
        assert!(!asked.get_by_label("Open decisions (D)").is_focused());
    }

    #[test]
    fn a_promised_notice_past_its_time_says_by_how_much() {
        let start =
            chrono::DateTime::parse_from_rfc3339("2026-11-20T11:40:00+09:00").expect("a time");
        let by = SimTime(110);
        let before = owed_line(Stage::Update, by, SimTime(100), start, Lang::Ja);
        assert!(
            before.contains("13:30") && before.contains("残り"),
            "{before}"
        );
        let after = owed_line(Stage::Update, by, SimTime(150), start, Lang::Ja);
        assert!(after.contains("超過") && !after.contains("残り"), "{after}");
        assert!(after.contains(&SimTime(40).to_string()), "{after}");
        let en = owed_line(Stage::Update, by, SimTime(150), start, Lang::En);
        assert!(en.contains("overdue"), "{en}");
    }

    #[test]
    fn the_esc_that_leaves_a_text_field_does_not_abandon_the_drill() {
        let mut h = Harness::new_ui_state(
            |ui, (text, escaped): &mut (String, usize)| {
                // As on the play screen: the screen asks for Esc before the editor is drawn.
                if escape(ui) {
                    *escaped += 1;
                }
                ui.add(egui::TextEdit::multiline(text).id_salt("draft"));
                super::super::end_of_pass(ui.ctx());
            },
            (String::new(), 0),
        );
        h.run();
        h.get_by_role(egui::accesskit::Role::MultilineTextInput)
            .click();
        h.run();
        h.get_by_role(egui::accesskit::Role::MultilineTextInput)
            .type_text("本日");
        h.run();
        h.key_press(egui::Key::Escape);
        h.run();
        assert_eq!(h.state().1, 0, "Esc only left the text field");
        assert!(!h.ctx.text_edit_focused());
        h.key_press(egui::Key::Escape);
        h.run();
        assert_eq!(h.state().1, 1, "a second Esc is the screen's");
    }

    #[test]
    fn a_tab_to_a_control_below_the_fold_scrolls_it_into_view() {
        let mut h = Harness::builder().with_size([300.0, 200.0]).build_ui(|ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    super::super::follow_focus(ui);
                    for k in 0..40 {
                        let _ = ui.button(format!("control {k}"));
                    }
                });
        });
        h.run();
        for _ in 0..25 {
            h.key_press(egui::Key::Tab);
            h.run();
        }
        let target = h.get_by_label("control 24");
        assert!(target.is_focused());
        let r = target.rect();
        assert!(
            r.min.y >= 0.0 && r.max.y <= 200.0,
            "the focused control is on screen: {r:?}"
        );
    }

    #[test]
    fn n_past_open_decisions_asks_and_n_again_goes_back() {
        let mut h = Harness::new_ui_state(
            |ui, q: &mut Question| {
                if q.confirm == Confirm::None && key(ui, egui::Key::N) {
                    q.confirm = Confirm::Skip;
                }
                let ctx = ui.ctx().clone();
                if let Some(c) = confirm_dialog(&ctx, &mut q.confirm, Lang::En) {
                    q.sent.push(c);
                }
            },
            Question {
                confirm: Confirm::None,
                sent: Vec::new(),
            },
        );
        h.key_press(egui::Key::N);
        h.run();
        assert!(
            h.query_by_label_contains("Decisions are still open")
                .is_some()
        );
        h.key_press(egui::Key::N);
        h.run();
        assert!(
            h.query_by_label_contains("Decisions are still open")
                .is_none()
        );
        assert!(h.state().sent.is_empty(), "going back lets no time pass");
        h.key_press(egui::Key::N);
        h.run();
        h.get_by_label("Let time run (Y)").click();
        h.run();
        assert_eq!(h.state().sent, vec![DrillCommand::ToNextEvent]);
    }

    #[test]
    fn n_asks_only_when_open_decisions_would_wait_over_an_hour() {
        let (_, _, scenario) = super::super::bundled("payment-outage");
        let (mut session, _) = crate::session::Session::new(&scenario, 1);
        let mut asked = 0;
        while !session.is_over() {
            let gap = session.next_event_time().map(|t| t.0 - session.now().0);
            let open = session.open_decisions().next().is_some();
            match skip_needs_asking(&session) {
                Some(to) => {
                    asked += 1;
                    assert!(open && to.0 > session.now().0 + 60);
                }
                None => assert!(!open || gap.is_none_or(|g| g <= 60)),
            }
            session.advance_to_next_event();
        }
        assert!(asked > 0, "an unanswered drill meets the question");
    }

    #[test]
    fn a_finding_names_its_words_once() {
        let playbook = crate::Playbook::default_playbook();
        let checker = crate::wording::Checker::new(&playbook);
        let ctx = crate::wording::Context::default();
        for (text, term, l) in [
            ("ランサムウェアに感染しました。", "ランサムウェア", Lang::Ja),
            ("We found Ransomware on a server.", "ansomware", Lang::En),
        ] {
            let findings = checker.check(text, &ctx);
            let f = findings
                .iter()
                .find(|f| f.rule == crate::playbook::rule::WORDING_JARGON)
                .expect("jargon");
            let line = finding_line(f, l);
            assert_eq!(line.matches(term).count(), 1, "{line}");
        }
    }

    /// The roles card as the projector view leaves it at 1280×720: 1280 pixels at zoom 1.6
    /// beside the inbox is about 360 points. What each role needs keeps a readable width, in
    /// Japanese too, which wraps between any two characters.
    #[test]
    fn the_roles_card_keeps_what_a_role_needs_readable_in_a_narrow_column() {
        let (playbook, path, scenario) = super::super::bundled("payment-outage");
        let path = path.as_path();
        let d = roles_decision(&scenario);
        for (l, needs) in [(Lang::Ja, "条件:"), (Lang::En, "Needs:")] {
            let drill = Drill::start(scenario.clone(), path, &playbook, 1, l, String::new());
            let mut sent = Vec::new();
            let mut h = Harness::builder().with_size([360.0, 720.0]).build_ui(|ui| {
                // As the play screen holds it: in a scroll area.
                egui::ScrollArea::vertical()
                    .auto_shrink(false)
                    .show(ui, |ui| decision(ui, &drill, &mut sent, d, l));
            });
            h.run();
            let sizes: Vec<egui::Vec2> = h
                .query_all_by_label_contains(needs)
                .map(|n| n.rect().size())
                .collect();
            assert!(!sizes.is_empty());
            // Squeezed, a line of needs wraps a few letters a line and runs many lines tall.
            for size in sizes {
                assert!(size.y <= 40.0, "{l:?}: a role's needs squeezed to {size:?}");
            }
        }
    }

    #[test]
    fn a_deadline_met_by_a_published_stage_is_no_longer_counted_down() {
        let (_, _, scenario) = super::super::bundled("payment-outage");
        let src = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/answers/payment-outage.exemplary.ron"
        ))
        .expect("bundled answers");
        let answers = crate::records::answers::parse(&src, &scenario).expect("answers parse");
        let staged = |s: &crate::session::Session| {
            next_deadline(s)
                .and_then(|d| d.stage)
                .is_some_and(|st| s.published().iter().any(|(p, _)| *p == st))
        };
        let (mut session, _) = crate::session::Session::new(&scenario, 1);
        let mut met = 0;
        for a in &answers.actions {
            session.advance_to(a.at);
            let _ = session.answer(a.decision, a.answer.clone());
            assert!(!staged(&session), "counting down to a deadline already met");
            met += usize::from(!session.published().is_empty());
        }
        assert!(met > 0, "the drill published something");
    }

    /// Every open decision card of every bundled scenario fits a 352-point column (the
    /// projector view at 1280×720: zoom 1.6 beside the inbox), in each of its languages, at
    /// the start and two hours in: nothing runs past the column's edge.
    #[test]
    fn decision_cards_fit_the_projector_column() {
        let scenarios = [
            "payment-outage",
            "ransomware-manufacturer",
            "ec-cloud-bucket",
            "saas-gdpr-breach",
            "social-rumour",
            "subcontractor-breach",
        ];
        for name in scenarios {
            let (playbook, path, scenario) = super::super::bundled(name);
            for l in scenario.languages.clone() {
                let mut drill =
                    Drill::start(scenario.clone(), &path, &playbook, 1, l, String::new());
                for minutes in [0, 120] {
                    drill.apply(&DrillCommand::Advance(minutes), &playbook, false);
                    let open: Vec<DecisionRef> = drill.session().open_decisions().collect();
                    let mut sent = Vec::new();
                    let edge = std::cell::Cell::new(0.0f32);
                    let mut h = Harness::builder()
                        .with_size([352.0, 2400.0])
                        .build_ui(|ui| {
                            edge.set(ui.max_rect().right());
                            egui::ScrollArea::vertical()
                                .auto_shrink(false)
                                .show(ui, |ui| {
                                    for d in &open {
                                        decision(ui, &drill, &mut sent, *d, l);
                                    }
                                });
                        });
                    h.run();
                    let edge = edge.get();
                    for n in h.query_all_by(|n| n.bounding_box().is_some()) {
                        let right = n.rect().right();
                        assert!(
                            right <= edge + 0.5,
                            "{name} {l:?} +{minutes}m: {:?} ends at {right}, past {edge}",
                            n.value()
                        );
                    }
                }
            }
        }
    }

    /// However much arrives, the fact board stays on screen under the inbox (1366×768 in the
    /// projector view leaves about 440 points of height).
    #[test]
    fn the_fact_board_stays_on_screen_however_long_the_inbox() {
        let (playbook, path, scenario) = super::super::bundled("payment-outage");
        for l in [Lang::Ja, Lang::En] {
            let mut drill = Drill::start(scenario.clone(), &path, &playbook, 1, l, String::new());
            drill.apply(&DrillCommand::Advance(12 * 60), &playbook, false);
            assert!(drill.unread().len() >= 8, "a long inbox");
            let mut sent = Vec::new();
            let mut h = Harness::builder()
                .with_size([440.0, 440.0])
                .build_ui(|ui| inbox_then_facts(ui, &drill, &mut sent, l));
            h.run();
            let heading = h.get_by_label(t(l, "事実の整理", "Fact board")).rect();
            assert!(
                heading.bottom() <= 440.0,
                "{l:?}: the fact board starts at {heading:?}"
            );
        }
    }

    /// A practice drill of payment-outage in English at +55m, its first notice's draft open:
    /// the playbook, the file, the drill, and the draft's and the stage's decisions.
    fn first_draft_open() -> (
        crate::playbook::Playbook,
        std::path::PathBuf,
        Drill,
        [DecisionRef; 2],
    ) {
        let (playbook, path, scenario) = super::super::bundled("payment-outage");
        let find = |id: &str| {
            DecisionRef(
                scenario
                    .decisions
                    .iter()
                    .position(|x| x.id == id)
                    .expect(id),
            )
        };
        let ids = [find("first_draft"), find("first_timing")];
        let mut drill = Drill::start(scenario, &path, &playbook, 1, Lang::En, String::new());
        drill.apply(&DrillCommand::Advance(55), &playbook, false);
        assert!(
            drill.session().open_decisions().any(|x| x == ids[0]),
            "the draft is open"
        );
        (playbook, path, drill, ids)
    }

    /// The submit button stays where it is while findings come and go under the editor.
    #[test]
    fn the_submit_button_does_not_move_when_findings_appear() {
        let (playbook, _, drill, [d, _]) = first_draft_open();
        let mut h = Harness::builder()
            .with_size([900.0, 1400.0])
            .build_ui_state(
                move |ui, drill: &mut Drill| {
                    let mut sent = Vec::new();
                    decision(ui, drill, &mut sent, d, Lang::En);
                },
                drill,
            );
        h.run();
        let submit = |h: &Harness<'_, Drill>| h.get_by_label("Submit this text").rect();
        let before = submit(&h);
        let leaky = "We believe an attacker probably used CVE-2024-1234 on srv-db01.corp; \
                     contact Mr Tanaka at tanaka@example.com. This will never happen again.";
        h.state_mut()
            .apply(&DrillCommand::Write(d, leaky.into()), &playbook, false);
        h.run();
        assert!(
            h.query_all_by_label_contains("contains").count()
                + h.query_all_by_label_contains("jargon").count()
                > 0,
            "findings are listed"
        );
        assert_eq!(submit(&h).top(), before.top(), "the button moved");
    }

    /// A confirmed draft is listed until its stage goes out; its button takes it back, and
    /// the text comes back into the editor to be revised.
    #[test]
    fn a_confirmed_draft_can_be_taken_back_and_revised_before_it_goes_out() {
        let (playbook, path, mut drill, [d, timing]) = first_draft_open();
        let scenario = std::sync::Arc::clone(&drill.session().scenario);
        let first = "We are investigating a payment outage. We will update you by 15:00.";
        drill.apply(
            &DrillCommand::Answer(d, Answer::Text(first.into())),
            &playbook,
            false,
        );
        assert!(!drill.session().open_decisions().any(|x| x == d));
        let mut h = Harness::builder().with_size([900.0, 900.0]).build_ui_state(
            |ui, s: &mut (Drill, Vec<DrillCommand>)| {
                let (drill, sent) = s;
                written_drafts(ui, drill, sent, Lang::En);
            },
            (drill, Vec::new()),
        );
        h.run();
        h.get_by_label_contains("Take back and revise").click();
        h.run();
        let sent = std::mem::take(&mut h.state_mut().1);
        assert_eq!(sent, vec![DrillCommand::Answer(d, Answer::Reopen)]);
        for c in &sent {
            h.state_mut().0.apply(c, &playbook, false);
        }
        h.run();
        let drill = &h.state().0;
        assert!(
            drill.session().open_decisions().any(|x| x == d),
            "open again"
        );
        assert_eq!(
            drill.draft(d),
            Some(first),
            "the text is back in the editor"
        );
        assert!(h.query_by_label_contains("Take back and revise").is_none());
        // Once the stage is out, a confirmed draft is no longer offered.
        let (mut drill, _) = std::mem::replace(
            h.state_mut(),
            (
                Drill::start(
                    scenario.clone(),
                    &path,
                    &playbook,
                    1,
                    Lang::En,
                    String::new(),
                ),
                Vec::new(),
            ),
        );
        drill.apply(&DrillCommand::Advance(55), &playbook, false);
        drill.apply(
            &DrillCommand::Answer(d, Answer::Text(first.into())),
            &playbook,
            false,
        );
        drill.apply(
            &DrillCommand::Answer(timing, Answer::Publish),
            &playbook,
            false,
        );
        assert!(
            !drill.session().published().is_empty(),
            "the stage went out"
        );
        assert!(drill.session().reopenable(d).is_err());
        let mut h = Harness::builder()
            .with_size([900.0, 900.0])
            .build_ui(|ui| written_drafts(ui, &drill, &mut Vec::new(), Lang::En));
        h.run();
        assert!(h.query_by_label_contains("Take back and revise").is_none());
    }

    struct Drills {
        drills: Vec<Drill>,
        playing: usize,
        sent: Vec<DrillCommand>,
    }

    fn roles_decision(s: &crate::Scenario) -> DecisionRef {
        DecisionRef(
            s.decisions
                .iter()
                .position(|d| matches!(d.kind, DecisionKind::Roles(_)))
                .expect("a roles decision"),
        )
    }

    /// A role picked with the keyboard (Space on the list, arrows, Space) closes the list as
    /// a click does, and an Esc while a list is open is the list's, not the screen's.
    #[test]
    fn a_role_picked_with_the_keyboard_closes_its_list() {
        let (playbook, path, scenario) = super::super::bundled("payment-outage");
        let d = roles_decision(&scenario);
        let drill = Drill::start(
            scenario.clone(),
            &path,
            &playbook,
            1,
            Lang::En,
            String::new(),
        );
        let mut escaped = 0;
        let mut h = Harness::builder().with_size([900.0, 900.0]).build_ui(|ui| {
            if escape(ui) {
                escaped += 1;
            }
            decision(ui, &drill, &mut Vec::new(), d, Lang::En);
        });
        h.run();
        let first = h
            .get_all_by_value("—")
            .next()
            .expect("an empty role")
            .rect();
        click_at(&mut h, first);
        h.run();
        assert!(egui::Popup::is_any_open(&h.ctx), "the list is open");
        h.key_press(egui::Key::Escape);
        h.run();
        assert!(!egui::Popup::is_any_open(&h.ctx), "Esc closed the list");
        // As a keyboard user does: Tab to the first list, Space opens it at its first
        // person, Space picks.
        press(&mut h, &[egui::Key::Tab, egui::Key::Space]);
        assert!(egui::Popup::is_any_open(&h.ctx), "Space opened the list");
        h.run();
        press(&mut h, &[egui::Key::Space]);
        assert!(
            !egui::Popup::is_any_open(&h.ctx),
            "the pick closed the list"
        );
        assert!(
            h.query_by_value("Ryota Ishii").is_some(),
            "the role shows who holds it"
        );
        // The keyboard is back on the list's button: Tab goes on to the next role, not to
        // the top of the screen.
        let empty = h.get_all_by_value("—").count();
        press(&mut h, &[egui::Key::Tab, egui::Key::Space]);
        assert!(egui::Popup::is_any_open(&h.ctx), "Tab led to the next list");
        // An arrow moves down the list: the second person.
        h.run();
        press(&mut h, &[egui::Key::ArrowDown, egui::Key::Space]);
        assert_eq!(
            h.get_all_by_value("—").count(),
            empty - 1,
            "the next role was picked"
        );
        assert!(h.query_by_value("Wataru Noda").is_some(), "{:?}", h.root());
        drop(h);
        assert_eq!(
            escaped, 0,
            "no Esc reached the screen while a list was open"
        );
    }

    #[test]
    fn a_second_drill_starts_with_no_roles_chosen() {
        let (playbook, path, scenario) = super::super::bundled("payment-outage");
        let path = path.as_path();
        let drill = || {
            Drill::start(
                scenario.clone(),
                path,
                &playbook,
                1,
                Lang::En,
                String::new(),
            )
        };
        let d = roles_decision(&scenario);
        let DecisionKind::Roles(r) = &scenario.decision(d).kind else {
            unreachable!("a roles decision")
        };
        let roles = r.roles.len();
        let mut h = Harness::builder()
            .with_size([1280.0, 720.0])
            .build_ui_state(
                move |ui, s: &mut Drills| {
                    let drill = &s.drills[s.playing];
                    decision(ui, drill, &mut s.sent, d, Lang::En);
                },
                Drills {
                    drills: vec![drill(), drill()],
                    playing: 0,
                    sent: Vec::new(),
                },
            );
        // The first drill: someone picked for every role, not yet confirmed.
        let unset = |h: &Harness<'_, Drills>| h.query_all_by_value("—").count();
        assert_eq!(unset(&h), roles);
        let first_unset =
            |h: &Harness<'_, Drills>| h.query_all_by_value("—").next().map(|n| n.rect());
        while let Some(rect) = first_unset(&h) {
            click_at(&mut h, rect);
            h.run();
            // "Name (department)": a person, not "(nobody)".
            let person = |h: &Harness<'_, Drills>| {
                h.query_all_by_label_contains(" (").next().map(|n| n.rect())
            };
            let first = person(&h).expect("the cast in the list");
            click_at(&mut h, first);
            h.run();
        }
        assert_eq!(unset(&h), 0, "every role has someone");
        // The next drill on the same scenario: nothing chosen, nothing to confirm.
        h.state_mut().playing = 1;
        h.run();
        assert_eq!(unset(&h), roles, "every role shows nobody yet");
        h.get_by_label("Confirm these roles").click();
        h.run();
        assert!(
            h.state().sent.is_empty(),
            "the last drill's picks are not sent"
        );
    }
}
