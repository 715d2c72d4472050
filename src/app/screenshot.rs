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
            queue: Screen::ALL.to_vec(),
            frames: 0,
            taken: false,
        })
        .add_systems(Update, step);
    }
}

#[allow(clippy::too_many_arguments)]
fn step(
    mut commands: Commands,
    mut shots: ResMut<Shots>,
    lang: Res<super::UiLang>,
    library: Res<super::Library>,
    playbook: Res<super::ActivePlaybook>,
    drill: Option<ResMut<super::drill::Drill>>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
) {
    let Some(&screen) = shots.queue.first() else {
        exit.write(AppExit::Success);
        return;
    };
    shots.frames += 1;
    if shots.frames == 1 {
        // Give each screen something to show: a drill on the first playable scenario, two
        // hours into it for the play screen, finished for the debrief.
        match (screen, drill) {
            (Screen::Briefing, None) => {
                let Some(s) = library
                    .entries
                    .iter()
                    .find_map(|e| e.scenario.as_ref().ok())
                else {
                    eprintln!("pressroom: no playable scenario to photograph");
                    exit.write(AppExit::error());
                    return;
                };
                commands.insert_resource(super::drill::Drill::start(
                    s.clone(),
                    &playbook.0,
                    1,
                    lang.0,
                ));
            }
            (Screen::Play, Some(mut d)) => d.advance_by(120),
            (Screen::Debrief, Some(mut d)) => d.finish(&playbook.0),
            _ => {}
        }
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
