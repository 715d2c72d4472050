//! Screens as Bevy states, one plugin per screen.

mod title;

use bevy::prelude::*;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
}

impl Screen {
    /// Stable name used in screenshot files.
    pub fn key(self) -> &'static str {
        match self {
            Screen::Title => "title",
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>();
    app.add_plugins(title::plugin);
}
