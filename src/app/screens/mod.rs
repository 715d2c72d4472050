//! Screens as Bevy states, one plugin per screen: title (the scenario library) → briefing →
//! play → debrief.

mod briefing;
mod debrief;
mod play;
mod title;

use crate::text::Lang;
use bevy::prelude::*;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Briefing,
    Play,
    Debrief,
}

impl Screen {
    pub const ALL: [Screen; 4] = [
        Screen::Title,
        Screen::Briefing,
        Screen::Play,
        Screen::Debrief,
    ];

    /// Stable name used in screenshot files.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Title => "title",
            Screen::Briefing => "briefing",
            Screen::Play => "play",
            Screen::Debrief => "debrief",
        }
    }
}

/// A UI string in the current language.
pub(crate) fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins((
        title::plugin,
        briefing::plugin,
        play::plugin,
        debrief::plugin,
    ));
}
