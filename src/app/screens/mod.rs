//! Screens as Bevy states, one plugin per screen: title (the scenario library) → briefing →
//! play → debrief, and history and settings from the title.

mod briefing;
mod debrief;
mod history;
mod play;
mod settings;
mod title;

use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::egui;

/// The screens, one state each.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// The scenario library.
    #[default]
    Title,
    /// The briefing before a drill.
    Briefing,
    /// Playing the drill.
    Play,
    /// The debrief after it.
    Debrief,
    /// Past drills.
    History,
    /// Settings.
    Settings,
}

impl Screen {
    /// In the order a screenshot run walks them.
    pub const ALL: [Screen; 6] = [
        Screen::Title,
        Screen::Briefing,
        Screen::Play,
        Screen::Debrief,
        Screen::History,
        Screen::Settings,
    ];

    /// Stable name used in screenshot files.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Title => "title",
            Screen::Briefing => "briefing",
            Screen::Play => "play",
            Screen::Debrief => "debrief",
            Screen::History => "history",
            Screen::Settings => "settings",
        }
    }
}

/// A shortcut key, unless the keyboard is typing into a text field (so typing "n" in a
/// draft never lets time pass).
pub(crate) fn key(ui: &egui::Ui, k: egui::Key) -> bool {
    // Taken, like Esc: a dialog the key opens does not see the same press.
    // And not while the file dialog is open: its keys are its own.
    !ui.ctx().text_edit_focused()
        && !crate::app::files::dialog_open(ui.ctx())
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, k))
}

/// Esc, unless a popup or text field will take it first. The press is taken, so nothing
/// drawn later in the same frame (a dialog this press opens) sees it again.
pub(crate) fn escape(ui: &egui::Ui) -> bool {
    // An open list (a combo box) closes on Esc; that press is not the screen's. Nor is the
    // Esc that leaves a text field: egui lets go of the field as the pass begins, before
    // the screen asks, so the field is known from the pass before.
    !ui.ctx().text_edit_focused()
        && !typed_last_pass(ui.ctx())
        && !egui::Popup::is_any_open(ui.ctx())
        && !crate::app::files::dialog_open(ui.ctx())
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// A drop-down list: `items` draws its items with [`Picker::item`]. Opened, the list takes
/// the keyboard at its picked item (or its first), so the arrows move through the list
/// wherever it opened (above or below its button). A pick (a click, or Space on an item)
/// closes the list and gives the keyboard back to the list's button, so the next Tab goes on
/// from there rather than from the top of the screen. Whether an item was picked.
pub(crate) fn pick_list(
    ui: &mut egui::Ui,
    combo: egui::ComboBox,
    items: impl FnOnce(&mut egui::Ui, &mut Picker),
) -> bool {
    let shown = combo.show_ui(ui, |ui| {
        // Just opened when the list was not shown in the pass before. Keyed by the list's
        // own area, which stays the same however the screen around it changes.
        let seen = ui.id().with("pick-list-shown");
        let pass = ui.ctx().cumulative_pass_nr();
        let first = ui
            .data(|d| d.get_temp::<u64>(seen))
            .is_none_or(|last| last + 1 != pass);
        ui.data_mut(|d| d.insert_temp(seen, pass));
        let mut picker = Picker {
            just_opened: first,
            items: Vec::new(),
            focused: None,
            picked: false,
        };
        items(ui, &mut picker);
        // The arrows move within the list: left to egui, they would move to whatever lies
        // nearest on the screen behind it.
        let (down, up) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::ArrowUp),
            )
        });
        if (down || up) && !picker.items.is_empty() {
            let last = picker.items.len() - 1;
            let to = match (picker.focused, down) {
                (Some(k), true) => (k + 1).min(last),
                (Some(k), false) => k.saturating_sub(1),
                (None, true) => 0,
                (None, false) => last,
            };
            ui.memory_mut(|m| {
                m.move_focus(egui::FocusDirection::None);
                m.request_focus(picker.items[to]);
            });
        }
        if picker.picked {
            ui.close();
        }
        picker.picked
    });
    let picked = shown.inner == Some(true);
    if picked {
        shown.response.request_focus();
    }
    picked
}

/// The items of a [`pick_list`] as they are drawn.
pub(crate) struct Picker {
    just_opened: bool,
    /// Each item's widget, in order, and which of them has the keyboard.
    items: Vec<egui::Id>,
    focused: Option<usize>,
    picked: bool,
}

impl Picker {
    /// An item, `selected` if it is the one picked before: whether it is picked now.
    pub(crate) fn item(
        &mut self,
        ui: &mut egui::Ui,
        selected: bool,
        label: impl Into<egui::WidgetText>,
    ) -> egui::Response {
        let r = ui.selectable_label(selected, label);
        // The first item takes the keyboard as the list opens; the picked one, if later,
        // takes it from the first.
        if self.just_opened && (self.items.is_empty() || selected) {
            r.request_focus();
        }
        if r.has_focus() {
            self.focused = Some(self.items.len());
        }
        self.items.push(r.id);
        if r.clicked() {
            self.picked = true;
        }
        r
    }
}

/// Scrolls the control the keyboard has just moved to into view, when it lies in the
/// scroll area whose content `ui` is (called first thing in that content): egui moves the
/// focus on Tab but leaves the scrolling where it was, so a Tab could land off screen.
pub(crate) fn follow_focus(ui: &egui::Ui) {
    let seen = ui.id().with("follow-focus");
    let focused = ui.memory(|m| m.focused());
    if ui.data(|d| d.get_temp::<Option<egui::Id>>(seen)) == Some(focused) {
        return;
    }
    ui.data_mut(|d| d.insert_temp(seen, focused));
    let Some(r) = focused.and_then(|id| ui.ctx().read_response(id)) else {
        return;
    };
    let view = ui.clip_rect();
    let here = r.layer_id == ui.layer_id() && view.x_range().contains(r.rect.center().x);
    if here && !view.contains_rect(r.rect) {
        r.scroll_to_me(None);
    }
}

/// Called last in a screen's drawing: whether a text field has the keyboard as the pass
/// ends, for [`escape`] in the next pass.
pub(crate) fn end_of_pass(ctx: &egui::Context) {
    let typing = ctx.text_edit_focused();
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(egui::Id::new(TYPED), (pass, typing)));
    if let Some(path) = ui_map_path() {
        write_ui_map(ctx, path);
    }
}

/// Where to write the map of the screen's controls, for driving the real window in tests
/// (`PRESSROOM_UI_MAP=FILE`): none unless asked.
fn ui_map_path() -> Option<&'static std::path::Path> {
    static PATH: std::sync::OnceLock<Option<std::path::PathBuf>> = std::sync::OnceLock::new();
    PATH.get_or_init(|| std::env::var_os("PRESSROOM_UI_MAP").map(Into::into))
        .as_deref()
}

/// Writes each labelled control of this pass that can be clicked now, one per line, as the
/// window's pixels of its visible part (left, top, right, bottom), its role and its label or value, tab-separated: what a
/// script needs to click a control by its name as a person would, wherever the layout put
/// it. Written whole and then moved into place, so a reader never sees half a map.
fn write_ui_map(ctx: &egui::Context, path: &std::path::Path) {
    ctx.enable_accesskit();
    let scale = ctx.pixels_per_point();
    let widgets: Vec<(egui::Id, egui::Rect, bool)> = ctx.viewport(|v| {
        v.this_pass
            .widgets
            .layers()
            .flat_map(|(_, ws)| ws.iter().map(|w| (w.id, w.interact_rect, w.enabled)))
            .collect()
    });
    let mut out = String::new();
    for (id, rect, enabled) in widgets {
        // Where it can be clicked: its part inside the visible area, none when scrolled out.
        if !rect.is_positive() {
            continue;
        }
        let Some((role, name)) = ctx.accesskit_node_builder(id, |n| {
            let name = n.label().or(n.value()).map(str::to_owned);
            (format!("{:?}", n.role()), name)
        }) else {
            continue;
        };
        let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
            continue;
        };
        let name: String = name
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        out.push_str(&format!(
            "{:.0}\t{:.0}\t{:.0}\t{:.0}\t{role}{}\t{name}\n",
            rect.min.x * scale,
            rect.min.y * scale,
            rect.max.x * scale,
            rect.max.y * scale,
            if enabled { "" } else { ":disabled" },
        ));
    }
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, out).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
}

const TYPED: &str = "pressroom-typed-last-pass";

/// Whether a text field had the keyboard at the end of the pass before this one.
fn typed_last_pass(ctx: &egui::Context) -> bool {
    let now = ctx.cumulative_pass_nr();
    ctx.data(|d| d.get_temp::<(u64, bool)>(egui::Id::new(TYPED)))
        .is_some_and(|(pass, typing)| typing && pass + 1 == now)
}

/// A UI string in the current language.
pub(crate) fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The screens' drawing systems; the states themselves come from `logic_plugin`.
pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        title::plugin,
        briefing::plugin,
        play::plugin,
        debrief::plugin,
        history::plugin,
        settings::plugin,
    ));
}

/// A bundled scenario for the panels' tests: the playbook, the file and the scenario.
#[cfg(test)]
pub(crate) fn bundled(
    name: &str,
) -> (
    crate::Playbook,
    std::path::PathBuf,
    std::sync::Arc<crate::Scenario>,
) {
    let playbook = crate::Playbook::default_playbook();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(format!("{name}.ron"));
    let scenario = crate::Scenario::load(&path, &playbook)
        .expect("a bundled scenario")
        .scenario;
    (playbook, path, scenario)
}
