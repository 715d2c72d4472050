//! The desktop app: a Bevy + bevy_egui shell over the core. It owns windows, fonts, screens
//! and input; every rule, score and text check comes from the core.

pub mod drill;
mod fonts;
mod screens;
mod screenshot;

use crate::cli::{Cli, load_playbook, system_lang};
use crate::library::{self, Entry, Origin};
use crate::playbook::Playbook;
use crate::text::Lang;
use bevy::prelude::*;
use bevy::window::WindowResolution;
use bevy_egui::EguiPlugin;
use std::path::PathBuf;
use std::process::ExitCode;

/// The language every screen is drawn in; switchable from the title bar.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiLang(pub Lang);

/// The playbook the app scores against.
#[derive(Resource)]
pub struct ActivePlaybook(pub Playbook);

/// The scenarios on offer: bundled ones first, then the user's folder.
#[derive(Resource, Default)]
pub struct Library {
    pub entries: Vec<Entry>,
    pub folders: Vec<(PathBuf, Origin)>,
}

/// Opens the app; returns when the window closes.
pub fn run(cli: &Cli) -> ExitCode {
    let playbook = match load_playbook(cli.playbook.as_ref()) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}\npressroom: the playbook has errors; the app was not opened");
            return ExitCode::from(2);
        }
    };
    let mut folders = vec![(library::bundled_dir(), Origin::Bundled)];
    if let Some(user) = library::user_dir() {
        folders.push((user, Origin::User));
    }
    let entries = library::load(&folders, &playbook);
    let lang = cli.lang.unwrap_or_else(system_lang);

    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Pressroom".into(),
            resolution: WindowResolution::new(1280, 720),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .insert_resource(UiLang(lang))
    .insert_resource(ActivePlaybook(playbook))
    .insert_resource(Library { entries, folders })
    .add_plugins((fonts::plugin, screens::plugin))
    .add_systems(Startup, spawn_camera);
    if let Some(dir) = &cli.screenshot_dir {
        app.add_plugins(screenshot::plugin(dir.clone()));
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn(Camera2d);
}

/// The viewport-wide `Ui` a screen lays its panels into (egui 0.36 panels take a `Ui`).
pub(crate) fn screen_ui(ctx: &bevy_egui::egui::Context) -> bevy_egui::egui::Ui {
    use bevy_egui::egui;
    egui::Ui::new(
        ctx.clone(),
        "screen".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}
