//! The desktop app: a Bevy + bevy_egui shell over the core. It owns windows, fonts, screens
//! and input; every rule, score and text check comes from the core.

pub mod drill;
pub mod editor;
pub mod files;
mod fonts;
pub mod reload;
pub mod screens;
mod screenshot;
mod startup;

use crate::host::{load_playbook, system_lang};
use crate::playbook::Playbook;
use crate::store::data::DataDir;
use crate::store::library::{self, Entry, Origin};
use crate::store::settings::Settings;
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

/// The data folder (records, exports, settings) and the settings read from it.
#[derive(Resource, Debug, Clone)]
pub struct AppData {
    /// The data folder, if one could be found.
    pub dir: Option<DataDir>,
    /// The settings read from it.
    pub settings: Settings,
    /// A message for the status line: where a file was saved, or why it was not.
    pub notice: Option<String>,
}

impl AppData {
    /// Saves the settings; a failure becomes the notice, never a crash.
    pub fn save_settings(&mut self) {
        if let Some(dir) = &self.dir
            && let Err(e) = self.settings.save(&dir.settings_file())
        {
            self.notice = Some(format!("{}: {e}", dir.settings_file().display()));
        }
    }
}

/// The journal of a drill that did not end (a crash, a power cut), found at start-up; the
/// title screen offers to resume it.
#[derive(Resource, Debug)]
pub struct PendingJournal(pub Option<Result<crate::records::record::Journal, String>>);

/// The scenarios on offer: bundled ones first, then the user's folder.
#[derive(Resource, Default)]
pub struct Library {
    /// Every scenario file, loaded or not.
    pub entries: Vec<Entry>,
    /// The folders they come from.
    pub folders: Vec<(PathBuf, Origin)>,
}

/// What the app is opened with: the adapter's own options, filled in by `main.rs` from the
/// command line (the app never reads the CLI's types).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// An organisation's playbook instead of the bundled one.
    pub playbook: Option<PathBuf>,
    /// The UI language; else the one chosen last time, else the system locale.
    pub lang: Option<Lang>,
    /// The data folder; else `PRESSROOM_DATA_DIR`, else the platform's.
    pub data_dir: Option<PathBuf>,
    /// Photograph every screen into this folder as PNG, then exit.
    pub screenshot_dir: Option<PathBuf>,
    /// With `screenshot_dir`: the scenario to play.
    pub scenario: Option<PathBuf>,
    /// With `screenshot_dir`: answers to replay before the debrief.
    pub answers: Option<PathBuf>,
    /// The window's size in pixels; 1280×720 when not given.
    pub window_size: Option<(u32, u32)>,
    /// Report how long the first frame took, then exit.
    pub exit_after_first_frame: bool,
}

/// Opens the app; returns when the window closes.
pub fn run(cli: &Options) -> ExitCode {
    #[allow(clippy::disallowed_methods)] // start-up is measured in wall time, outside the core
    let began = std::time::Instant::now();
    let playbook = match load_playbook(cli.playbook.as_deref()) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}\npressroom: the playbook has errors; the app was not opened");
            return ExitCode::from(2);
        }
    };
    // A screenshot run keeps its drills in DIR/data, never in the user's history; with
    // --data-dir it only reads that folder's settings (type size, language).
    let (dir, settings_from) = data_dirs(cli);
    if let Some(d) = &dir {
        d.sweep(crate::host::now());
    }
    let (settings, notice) = match settings_from.as_ref().or(dir.as_ref()) {
        Some(d) => Settings::load(&d.settings_file()),
        None => (Settings::default(), None),
    };
    let mut folders = vec![(library::bundled_dir(), Origin::Bundled)];
    if let Some(d) = &dir {
        folders.push((d.scenarios(), Origin::User));
    }
    let entries = library::load(&folders, &playbook);
    // --lang, else the language chosen last time, else the system locale.
    let lang = cli.lang.or(settings.lang).unwrap_or_else(system_lang);

    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Pressroom".into(),
            resolution: {
                let (w, h) = cli.window_size.unwrap_or((1280, 720));
                WindowResolution::new(w, h)
            },
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .insert_resource(UiLang(lang))
    .insert_resource(ActivePlaybook(playbook))
    .insert_resource(Library { entries, folders })
    .insert_resource(PendingJournal(dir.as_ref().and_then(DataDir::read_journal)))
    .insert_resource(AppData {
        dir,
        settings,
        notice,
    })
    .add_plugins((
        logic_plugin,
        reload::plugin,
        fonts::plugin,
        files::plugin,
        screens::plugin,
    ))
    .add_systems(bevy_egui::EguiPrimaryContextPass, type_size)
    .add_systems(Startup, spawn_camera);
    if let Some(dir) = &cli.screenshot_dir {
        let replay = match screenshot_replay(
            cli,
            &app.world().resource::<Library>().entries,
            &app.world().resource::<ActivePlaybook>().0,
            lang,
        ) {
            Ok(r) => r,
            Err(code) => return code,
        };
        screenshot::install(&mut app, dir.clone(), replay);
    }
    if cli.exit_after_first_frame {
        startup::install(&mut app, began);
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Everything the app does besides drawing: the screen states, the drill commands and the
/// one system that applies them, and the screen changes a drill's state implies. Headless
/// tests run this with `MinimalPlugins` and no window.
pub fn logic_plugin(app: &mut App) {
    app.init_state::<screens::Screen>()
        .init_resource::<RunningClock>()
        .init_resource::<Projector>()
        .add_message::<drill::DrillCommand>()
        .add_systems(
            Update,
            (run_clock, drill::apply_commands, follow_drill).chain(),
        );
    // A screen's status line (where a file was saved, why not) stays with that screen. The
    // play screen's is not cleared: the record saved as the drill ends is the debrief's news.
    for screen in [
        screens::Screen::Title,
        screens::Screen::Debrief,
        screens::Screen::History,
        screens::Screen::Settings,
    ] {
        app.add_systems(OnExit(screen), clear_notice);
    }
}

/// Drops the status line's message.
fn clear_notice(data: Option<ResMut<AppData>>) {
    if let Some(mut data) = data {
        data.notice = None;
    }
}

/// The facilitator's running clock: when on, scenario time passes at the scenario's pace
/// (its whole span over its planned minutes), in whole minutes, through `DrillCommand`s.
#[derive(Resource, Debug, Default)]
pub struct RunningClock {
    /// Whether the clock runs.
    pub running: bool,
    /// Scenario minutes owed but not yet sent (less than one).
    carry: f64,
}

/// The projector view: large type, nothing the facilitator keeps to themselves.
#[derive(Resource, Debug, Default)]
pub struct Projector(pub bool);

/// Scenario minutes per real second for a drill: the scenario's span over its planned length.
pub fn pace(scenario: &crate::Scenario) -> f64 {
    f64::from(scenario.duration) / (f64::from(scenario.minutes.max(1)) * 60.0)
}

fn run_clock(
    time: Res<Time<bevy::time::Real>>,
    mut clock: ResMut<RunningClock>,
    drill: Option<Res<drill::Drill>>,
    screen: Res<State<screens::Screen>>,
    mut send: MessageWriter<drill::DrillCommand>,
) {
    let Some(drill) = drill.filter(|d| d.score().is_none()) else {
        clock.running = false;
        return;
    };
    if !clock.running || *screen.get() != screens::Screen::Play {
        clock.carry = 0.0;
        return;
    }
    clock.carry += time.delta_secs_f64() * pace(&drill.session().scenario);
    let whole = clock.carry.floor();
    if whole >= 1.0 {
        clock.carry -= whole;
        send.write(drill::DrillCommand::Advance(whole as u32));
    }
}

/// A finished drill goes to its debrief; a screen that needs a drill and has none goes back
/// to the title.
fn follow_drill(
    drill: Option<Res<drill::Drill>>,
    screen: Res<State<screens::Screen>>,
    mut next: ResMut<NextState<screens::Screen>>,
) {
    use screens::Screen;
    match (screen.get(), drill) {
        (Screen::Play, Some(d)) if d.score().is_some() => next.set(Screen::Debrief),
        (Screen::Briefing | Screen::Play | Screen::Debrief, None) => next.set(Screen::Title),
        _ => {}
    }
}

/// The data folder the app writes to, and the one it reads settings from if not that one.
/// A screenshot run writes only into DIR/data; with `--data-dir` it reads that folder's
/// settings and writes nothing there.
fn data_dirs(cli: &Options) -> (Option<DataDir>, Option<DataDir>) {
    match (&cli.screenshot_dir, &cli.data_dir) {
        (Some(shots), flag) => (
            Some(DataDir::new(shots.join("data"))),
            flag.as_ref().map(|f| DataDir::new(f.clone())),
        ),
        (None, flag) => (DataDir::resolve(flag.as_deref()), None),
    }
}

/// The scenario (and answers) a screenshot run plays: `--scenario`, else the first playable
/// bundled one in the UI's language. Answers `pressroom run` would refuse are refused here
/// too, with the same lines. Errors are printed as `pressroom check` and `run` print them.
fn screenshot_replay(
    cli: &Options,
    entries: &[Entry],
    playbook: &Playbook,
    lang: crate::Lang,
) -> Result<Option<screenshot::Replay>, ExitCode> {
    let fail = |path: &std::path::Path, diags: &[crate::Diagnostic]| {
        for d in diags {
            eprintln!("{}", d.render(&path.display().to_string()));
        }
        ExitCode::from(2)
    };
    let (scenario, path) = match &cli.scenario {
        Some(path) => match crate::Scenario::load(path, playbook) {
            Ok(l) => (l.scenario, path.clone()),
            Err(diags) => return Err(fail(path, &diags)),
        },
        None => match entries.iter().find_map(|e| {
            e.scenario
                .as_ref()
                .ok()
                .filter(|s| s.languages.contains(&lang))
                .map(|s| (s.clone(), e.path.clone()))
        }) {
            Some(found) => found,
            None => return Ok(None),
        },
    };
    let answers = match &cli.answers {
        None => None,
        Some(a) => {
            let src = crate::source::load::read_text(a).map_err(|d| fail(a, &[d]))?;
            let parsed =
                crate::records::answers::parse(&src, &scenario).map_err(|d| fail(a, &d))?;
            // Played headless first, as `run` plays it: a refused answer stops the walk here
            // instead of a debrief that never saw it.
            let checker = crate::wording::Checker::for_scenario(playbook, &scenario);
            let seed = parsed.seed.unwrap_or(1);
            crate::records::replay::play(&scenario, playbook, &checker, &parsed, seed)
                .map_err(|diags| fail(a, &crate::records::answers::locate(diags, &src)))?;
            Some(parsed)
        }
    };
    Ok(Some(screenshot::Replay {
        scenario,
        path,
        answers,
    }))
}

/// Large type and the colours from the settings and the projector view: the whole UI
/// zoomed, so layouts still fit, and a light theme where asked for.
fn type_size(
    mut contexts: bevy_egui::EguiContexts,
    data: Res<AppData>,
    projector: Res<Projector>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let want = if projector.0 {
        1.6
    } else if data.settings.large_type {
        1.35
    } else {
        1.0
    };
    if (ctx.zoom_factor() - want).abs() > f32::EPSILON {
        ctx.set_zoom_factor(want);
    }
    // A light ground for the projector view, or when chosen.
    let theme = if projector.0 || data.settings.light_theme {
        bevy_egui::egui::Theme::Light
    } else {
        bevy_egui::egui::Theme::Dark
    };
    if ctx.theme() != theme {
        ctx.set_theme(theme);
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn options(shots: &str, data: Option<&str>, answers: Option<PathBuf>) -> Options {
        Options {
            playbook: None,
            lang: None,
            data_dir: data.map(PathBuf::from),
            screenshot_dir: Some(PathBuf::from(shots)),
            scenario: None,
            answers,
            window_size: None,
            exit_after_first_frame: false,
        }
    }

    #[test]
    fn a_screenshot_run_writes_only_into_its_own_folder() {
        let (dir, settings) = data_dirs(&options("shots", Some("real"), None));
        let dir = dir.expect("a data folder");
        assert_eq!(dir.records(), DataDir::new("shots/data").records());
        assert_eq!(
            settings
                .expect("settings read from --data-dir")
                .settings_file(),
            DataDir::new("real").settings_file()
        );
        let (dir, settings) = data_dirs(&options("shots", None, None));
        assert_eq!(
            dir.expect("a data folder").records(),
            DataDir::new("shots/data").records()
        );
        assert!(settings.is_none());
    }

    fn bundled() -> (Vec<Entry>, Playbook) {
        let playbook = Playbook::default_playbook();
        let entries = library::load(&[(library::bundled_dir(), Origin::Bundled)], &playbook);
        (entries, playbook)
    }

    #[test]
    fn the_screenshot_walk_plays_a_scenario_in_the_ui_language() {
        let (entries, playbook) = bundled();
        for lang in crate::Lang::ALL {
            let replay = screenshot_replay(&options("s", None, None), &entries, &playbook, lang)
                .ok()
                .flatten()
                .expect("a bundled scenario");
            assert!(replay.scenario.languages.contains(&lang), "{lang:?}");
        }
    }

    #[test]
    fn the_screenshot_walk_refuses_answers_run_refuses() {
        let (entries, playbook) = bundled();
        let dir = std::env::temp_dir().join(format!("pressroom-shots-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let answers = dir.join("early.ron");
        // Publishing the update before its decision opens: `run` refuses it.
        std::fs::write(
            &answers,
            r#"Answers(format: 2, scenario: "payment-outage", seed: 1, actions: [
                (at: "+0m", decision: "update_timing", answer: Publish),
            ])"#,
        )
        .unwrap();
        let mut cli = options("s", None, Some(answers));
        cli.scenario = Some(library::bundled_dir().join("payment-outage.ron"));
        let refused = screenshot_replay(&cli, &entries, &playbook, crate::Lang::Ja).is_err();
        let _ = std::fs::remove_dir_all(&dir);
        assert!(refused, "an answer the engine refuses stops the walk");
    }
}
