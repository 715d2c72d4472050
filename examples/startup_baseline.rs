//! The start-up baseline: a bare Bevy + bevy_egui window showing one Japanese label in the
//! same bundled font, with the same Bevy features as Pressroom. It prints how long its first
//! frame took and exits, like `pressroom --exit-after-first-frame`, so the two compare.
//!
//! `cargo run --release --example startup_baseline`

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use std::sync::Arc;
use std::time::Instant;

#[derive(Resource)]
struct Began(Instant);

fn main() {
    #[allow(clippy::disallowed_methods)] // a measurement of wall time is the point here
    let began = Instant::now();
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "baseline".into(),
                resolution: bevy::window::WindowResolution::new(1280, 720),
                ..default()
            }),
            ..default()
        }))
        .add_plugins(EguiPlugin::default())
        .insert_resource(Began(began))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(EguiPrimaryContextPass, label)
        .add_systems(Last, probe)
        .run();
}

fn label(mut contexts: EguiContexts, mut fonts_set: Local<bool>) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*fonts_set {
        let mut fonts = egui::FontDefinitions::default();
        fonts.font_data.insert(
            "jp".into(),
            Arc::new(egui::FontData::from_static(include_bytes!(
                "../assets/fonts/BIZUDPGothic-Regular.ttf"
            ))),
        );
        fonts
            .families
            .entry(egui::FontFamily::Proportional)
            .or_default()
            .insert(0, "jp".into());
        ctx.set_fonts(fonts);
        *fonts_set = true;
    }
    egui::Area::new(egui::Id::new("label")).show(ctx, |ui| {
        ui.label("社外発表の判断を鍛える机上訓練");
    });
    Ok(())
}

fn probe(began: Res<Began>, mut frames: Local<u32>, mut exit: MessageWriter<AppExit>) {
    *frames += 1;
    // The label is drawn from the first frame; count as Pressroom does (drawn, then presented).
    if *frames == 2 {
        println!(
            "first frame of the baseline window: {:.1} ms",
            began.0.elapsed().as_secs_f64() * 1000.0
        );
        exit.write(AppExit::Success);
    }
}
