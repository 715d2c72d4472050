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
    // An open list (a combo box) closes on Esc; that press is not the screen's.
    !ui.ctx().text_edit_focused()
        && !egui::Popup::is_any_open(ui.ctx())
        && !crate::app::files::dialog_open(ui.ctx())
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
}

/// A drop-down list: `items` draws its items and says whether one was picked (a click, or
/// Space on it). A pick closes the list and gives the keyboard back to the list's button, so
/// the next Tab goes on from there rather than from the top of the screen.
pub(crate) fn pick_list(
    ui: &mut egui::Ui,
    combo: egui::ComboBox,
    items: impl FnOnce(&mut egui::Ui) -> bool,
) -> bool {
    let shown = combo.show_ui(ui, |ui| {
        let picked = items(ui);
        if picked {
            ui.close();
        }
        picked
    });
    let picked = shown.inner == Some(true);
    if picked {
        shown.response.request_focus();
    }
    picked
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
