//! `--exit-after-first-frame`: a start-up probe. Once the title screen has been drawn and
//! presented, the app prints how long that took since `run` began and exits, so start-up can
//! be measured against a bare Bevy + egui window (`examples/startup_baseline.rs`).

use super::screens::Screen;
use bevy::prelude::*;
use std::time::Instant;

/// When the app began, read once by the adapter (the core never reads the wall clock).
#[derive(Resource)]
struct Began(Instant);

/// Frames the title must have been drawn before it counts as shown: drawn in one frame,
/// presented by the end of the next, whatever the render pipelining.
const SHOWN_AFTER: u32 = 2;

pub(super) fn install(app: &mut App, began: Instant) {
    app.insert_resource(Began(began))
        .add_systems(Last, probe.run_if(in_state(Screen::Title)));
}

fn probe(began: Res<Began>, mut frames: Local<u32>, mut exit: MessageWriter<AppExit>) {
    *frames += 1;
    if *frames == SHOWN_AFTER {
        println!(
            "first interactive frame of the title screen: {:.1} ms",
            began.0.elapsed().as_secs_f64() * 1000.0
        );
        exit.write(AppExit::Success);
    }
}
