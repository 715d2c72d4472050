//! `--screenshot-dir DIR`: the app photographs its screens into stable file names and exits,
//! for the README and for tests of the real window under Xvfb.

use super::screens::Screen;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::PathBuf;

/// Frames to wait on a screen before photographing it, so fonts and layout have settled.
const SETTLE_FRAMES: u32 = 20;

#[derive(Resource)]
struct Shots {
    dir: PathBuf,
    /// Screens still to photograph, in order.
    queue: Vec<Screen>,
    frames: u32,
    taken: bool,
}

pub(super) fn plugin(dir: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("pressroom: cannot create {}: {e}", dir.display());
        }
        app.insert_resource(Shots {
            dir: dir.clone(),
            queue: vec![Screen::Title],
            frames: 0,
            taken: false,
        })
        .add_systems(Update, step);
    }
}

fn step(
    mut commands: Commands,
    mut shots: ResMut<Shots>,
    lang: Res<super::UiLang>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(&screen) = shots.queue.first() else {
        exit.write(AppExit::Success);
        return;
    };
    shots.frames += 1;
    if shots.frames == 1 {
        next.set(screen);
    }
    if shots.frames == SETTLE_FRAMES && !shots.taken {
        let path = shots
            .dir
            .join(format!("{}-{}.png", screen.key(), lang.0.code()));
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path));
        shots.taken = true;
    }
    // Saving happens a few frames after the capture is requested.
    if shots.frames >= SETTLE_FRAMES + 10 {
        shots.queue.remove(0);
        shots.frames = 0;
        shots.taken = false;
    }
}
