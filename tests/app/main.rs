//! Headless tests of the desktop app's logic: a Bevy app with `MinimalPlugins`, the screen
//! states and the drill commands, no window. They prove the screen flow and that a drill
//! answered through the app's commands gives the same record and score as `pressroom run`.

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use pressroom::app::drill::{Drill, DrillCommand, PlanEdit};
use pressroom::app::screens::Screen;
use pressroom::app::{ActivePlaybook, AppData, UiLang, logic_plugin};
use pressroom::records::answers::Answers;
use pressroom::records::record::Record;
use pressroom::store::data::DataDir;
use pressroom::store::settings::Settings;
use pressroom::wording::Checker;
use pressroom::{Lang, Playbook, Scenario};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const STARTED: &str = "2026-03-02T01:00:00Z";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("pressroom-app-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scenario_path() -> PathBuf {
    root().join("scenarios/ransomware-manufacturer.ron")
}

fn answers_path(kind: &str) -> PathBuf {
    root().join(format!(
        "scenarios/answers/ransomware-manufacturer.{kind}.ron"
    ))
}

fn load() -> (Arc<Scenario>, Playbook) {
    let playbook = Playbook::default_playbook();
    let scenario = Scenario::load(&scenario_path(), &playbook)
        .unwrap()
        .scenario;
    (scenario, playbook)
}

fn answers(scenario: &Scenario, kind: &str) -> Answers {
    let src = std::fs::read_to_string(answers_path(kind)).unwrap();
    pressroom::records::answers::parse(&src, scenario).unwrap()
}

/// The app without a window: states, drill commands, a data folder of its own.
fn app(data: &Path, practice: bool) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin))
        .insert_resource(UiLang(Lang::Ja))
        .insert_resource(ActivePlaybook(Playbook::default_playbook()))
        .insert_resource(AppData {
            dir: Some(DataDir::new(data)),
            settings: Settings {
                practice_feedback: practice,
                ..Settings::default()
            },
            notice: None,
        })
        .add_plugins(logic_plugin);
    app.update();
    app
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn go(app: &mut App, to: Screen) {
    app.world_mut().resource_mut::<NextState<Screen>>().set(to);
    app.update();
    assert_eq!(screen(app), to);
}

fn send(app: &mut App, command: DrillCommand) {
    app.world_mut().write_message(command);
    app.update();
}

/// Starts a drill the way the title screen does and walks to the play screen.
fn start(app: &mut App, scenario: &Arc<Scenario>, seed: u64, lang: Lang) {
    let playbook = Playbook::default_playbook();
    let drill = Drill::start(
        scenario.clone(),
        &scenario_path(),
        &playbook,
        seed,
        lang,
        STARTED.to_string(),
    );
    app.world_mut().insert_resource(drill);
    go(app, Screen::Briefing);
    go(app, Screen::Play);
}

/// Plays every action as a trainee would: let time pass to it with the +time control, then
/// answer; one frame per command.
fn play_through(app: &mut App, answers: &Answers) {
    for a in &answers.actions {
        let now = app.world().resource::<Drill>().session().now();
        if a.at > now {
            send(app, DrillCommand::Advance(a.at.0 - now.0));
        }
        send(app, DrillCommand::Answer(a.decision, a.answer.clone()));
        let drill = app.world().resource::<Drill>();
        assert_eq!(drill.refusal(), None, "the app refused {a:?}");
    }
}

#[test]
fn a_drill_played_in_the_app_writes_the_record_run_writes() {
    let (scenario, playbook) = load();
    for kind in [
        "exemplary",
        "flawed-published-early",
        "flawed-wrong-approver",
        "flawed-leaky-draft",
    ] {
        let data = Scratch::new(kind);
        let answers = answers(&scenario, kind);
        let seed = answers.seed.unwrap_or(1);
        let lang = answers.lang.unwrap_or(Lang::Ja);
        let mut app = app(&data.0, false);
        start(&mut app, &scenario, seed, lang);
        play_through(&mut app, &answers);
        send(&mut app, DrillCommand::Finish);
        app.update();
        assert_eq!(
            screen(&app),
            Screen::Debrief,
            "{kind}: a finished drill shows its debrief"
        );

        // What `pressroom run` computes from the same answers file.
        let checker = Checker::new(&playbook);
        let outcome =
            pressroom::records::replay::play(&scenario, &playbook, &checker, &answers, seed)
                .unwrap();
        let mut expected = Record::new(
            &scenario,
            Some(
                std::path::absolute(scenario_path())
                    .unwrap()
                    .display()
                    .to_string(),
            ),
            &playbook,
            seed,
            outcome.session.lang,
            &answers,
            &vec![None; answers.actions.len()],
            &outcome.score,
        );
        expected.started = Some(STARTED.to_string());
        // Answers files may name who acted; the app's solo drill does not.
        for a in &mut expected.actions {
            a.by = None;
        }
        expected.participants.clear();

        let drill = app.world().resource::<Drill>();
        let saved = drill
            .saved()
            .cloned()
            .expect("a finished drill is saved")
            .unwrap();
        let on_disk = std::fs::read_to_string(&saved).unwrap();
        // The data folder gives the record its own ID when it saves it; the rest is run's.
        expected.id = Record::parse(&on_disk).unwrap().id;
        assert!(expected.id.is_some(), "{kind}: a saved record has an ID");
        assert_eq!(
            on_disk,
            expected.to_ron(),
            "{kind}: the saved record differs from run's"
        );
        assert_eq!(
            drill.score().unwrap().total,
            outcome.score.total,
            "{kind}: the app's score differs from run's"
        );

        // `rescore` replays the saved record to the same score.
        let record = Record::parse(&on_disk).unwrap();
        let replayed = pressroom::records::replay::play(
            &scenario,
            &playbook,
            &checker,
            &record.answers(&scenario).unwrap(),
            record.seed,
        )
        .unwrap();
        assert_eq!(replayed.score.total, record.result.total, "{kind}: rescore");

        // The exported answers file plays back to the same score too.
        let exported = drill.answers().to_ron(&scenario);
        let back = pressroom::records::answers::parse(&exported, &scenario).unwrap();
        let again =
            pressroom::records::replay::play(&scenario, &playbook, &checker, &back, seed).unwrap();
        assert_eq!(
            again.score.total, outcome.score.total,
            "{kind}: exported answers"
        );

        // And the drill joined the history.
        let history = pressroom::reports::history::History::load(&DataDir::new(&data.0), None);
        assert_eq!(history.drills.len(), 1);
        assert_eq!(history.drills[0].total, outcome.score.total);
    }
}

#[test]
fn abandoning_a_drill_returns_to_the_title_and_saves_nothing() {
    let (scenario, _) = load();
    let data = Scratch::new("abandon");
    let mut app = app(&data.0, false);
    start(&mut app, &scenario, 7, Lang::En);
    send(&mut app, DrillCommand::ToNextEvent);
    send(&mut app, DrillCommand::Abandon);
    app.update();
    assert!(app.world().get_resource::<Drill>().is_none());
    assert_eq!(screen(&app), Screen::Title);
    assert!(DataDir::new(&data.0).records_list().is_empty());
}

#[test]
fn screens_that_need_a_drill_fall_back_to_the_title() {
    let data = Scratch::new("fallback");
    let mut app = app(&data.0, false);
    for s in [Screen::Briefing, Screen::Play, Screen::Debrief] {
        app.world_mut().resource_mut::<NextState<Screen>>().set(s);
        app.update();
        app.update();
        assert_eq!(screen(&app), Screen::Title, "{s:?} without a drill");
    }
    // History and settings need none.
    go(&mut app, Screen::History);
    go(&mut app, Screen::Settings);
}

#[test]
fn time_controls_move_the_scenario_clock_only() {
    let (scenario, _) = load();
    let data = Scratch::new("clock");
    let mut app = app(&data.0, false);
    start(&mut app, &scenario, 1, Lang::Ja);
    send(&mut app, DrillCommand::Advance(15));
    assert_eq!(app.world().resource::<Drill>().session().now().0, 15);
    send(&mut app, DrillCommand::Advance(60));
    assert_eq!(app.world().resource::<Drill>().session().now().0, 75);
    let before = app.world().resource::<Drill>().session().now();
    let expected = app.world().resource::<Drill>().session().next_event_time();
    send(&mut app, DrillCommand::ToNextEvent);
    let after = app.world().resource::<Drill>().session().now();
    assert!(after > before);
    assert_eq!(Some(after), expected);
    // Frames alone never move it.
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(app.world().resource::<Drill>().session().now(), after);
}

#[test]
fn practice_mode_scores_each_decision_as_it_is_made() {
    let (scenario, _) = load();
    let answers = answers(&scenario, "flawed-wrong-approver");
    for practice in [true, false] {
        let data = Scratch::new(&format!("practice-{practice}"));
        let mut app = app(&data.0, practice);
        start(&mut app, &scenario, answers.seed.unwrap_or(1), Lang::Ja);
        let first = &answers.actions[0];
        let now = app.world().resource::<Drill>().session().now();
        if first.at > now {
            send(&mut app, DrillCommand::Advance(first.at.0 - now.0));
        }
        send(
            &mut app,
            DrillCommand::Answer(first.decision, first.answer.clone()),
        );
        let drill = app.world().resource::<Drill>();
        match (&drill.feedback(), practice) {
            (Some((d, findings)), true) => {
                assert_eq!(*d, first.decision);
                assert!(!findings.is_empty());
                let id = &scenario.decision(first.decision).id;
                assert!(
                    findings
                        .iter()
                        .all(|f| f.decision.as_deref() == Some(id.as_str()))
                );
            }
            (None, false) => {}
            (other, _) => panic!(
                "practice {practice}: feedback {:?}",
                other.as_ref().map(|f| f.0)
            ),
        }
    }
}

#[test]
fn a_refused_answer_is_shown_and_changes_nothing() {
    let (scenario, _) = load();
    let data = Scratch::new("refused");
    let mut app = app(&data.0, false);
    start(&mut app, &scenario, 1, Lang::Ja);
    // A decision that is not open yet at the start.
    let waiting = (0..scenario.decisions.len())
        .map(pressroom::scenario::DecisionRef)
        .find(|d| {
            matches!(
                app.world().resource::<Drill>().session().decision(*d),
                pressroom::session::DecisionState::Waiting
            )
        })
        .expect("the scenario has a decision that opens later");
    send(
        &mut app,
        DrillCommand::Answer(waiting, pressroom::session::Answer::Publish),
    );
    let drill = app.world().resource::<Drill>();
    assert!(drill.refusal().is_some());
    assert!(drill.actions().is_empty());
    // The screen says it in the UI's language.
    let ja = drill.refusal_in(Lang::Ja).expect("a refusal");
    assert!(
        ja.contains("まだ始まっていません") && !ja.contains("not open"),
        "{ja}"
    );
    assert!(drill.refusal_in(Lang::En).unwrap().contains("not open yet"));
}

#[test]
fn settings_are_remembered_in_the_data_folder() {
    let data = Scratch::new("settings");
    let dir = DataDir::new(&data.0);
    let (fresh, why) = Settings::load(&dir.settings_file());
    assert_eq!(fresh, Settings::default());
    assert_eq!(why, None);
    let mut app_data = AppData {
        dir: Some(dir.clone()),
        settings: Settings {
            lang: Some(Lang::Ja),
            large_type: true,
            ..Settings::default()
        },
        notice: None,
    };
    app_data.save_settings();
    assert_eq!(app_data.notice, None);
    let (back, _) = Settings::load(&dir.settings_file());
    assert_eq!(back, app_data.settings);
    // A broken file means the defaults and a reason, never a crash.
    std::fs::write(dir.settings_file(), "Settings(lang: Some(").unwrap();
    let (broken, why) = Settings::load(&dir.settings_file());
    assert_eq!(broken, Settings::default());
    assert!(why.is_some());
}

#[test]
fn every_screen_has_a_distinct_screenshot_name() {
    let mut names: Vec<&str> = Screen::ALL.iter().map(|s| s.key()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Screen::ALL.len());
}

#[test]
fn a_team_drill_attributes_decisions_and_records_notes_and_fired_injects() {
    use pressroom::records::record::Member;
    use pressroom::scenario::Department;
    let (scenario, playbook) = load();
    let data = Scratch::new("team");
    let answers = answers(&scenario, "exemplary");
    let mut app = app(&data.0, true);
    start(&mut app, &scenario, 1, Lang::Ja);
    let members = vec![
        Member {
            name: "<b>佐藤</b>".into(),
            function: Department::Pr,
        },
        Member {
            name: "伊藤".into(),
            function: Department::Legal,
        },
        Member {
            name: "中村".into(),
            function: Department::Executive,
        },
        Member {
            name: "   ".into(),
            function: Department::Support,
        },
    ];
    send(
        &mut app,
        DrillCommand::Team {
            name: "広報チーム".into(),
            members: members.clone(),
            closes: vec!["2026-01-01-1".into()],
        },
    );
    // Team mode hides scores from the room until the facilitator shows them.
    assert!(app.world().resource::<Drill>().scores_hidden());
    let staff_post = scenario
        .injects
        .iter()
        .position(|i| i.id == "staff_post")
        .unwrap();
    send(
        &mut app,
        DrillCommand::Note("広報が法務を待たずに動いた".into()),
    );
    send(
        &mut app,
        DrillCommand::Fire(pressroom::scenario::InjectRef(staff_post)),
    );
    send(
        &mut app,
        DrillCommand::Fire(pressroom::scenario::InjectRef(staff_post)),
    );
    play_through(&mut app, &answers);
    send(&mut app, DrillCommand::Finish);
    let drill = app.world().resource::<Drill>();
    let record = drill.record().cloned().unwrap();
    assert_eq!(record.team.as_deref(), Some("広報チーム"));
    assert_eq!(record.members.len(), 3, "a blank name is not a participant");
    assert_eq!(record.closed, vec!["2026-01-01-1".to_string()]);
    assert_eq!(record.notes.len(), 1);
    assert_eq!(record.fired.len(), 1, "an inject fires once");
    for (a, recorded) in answers.actions.iter().zip(&record.actions) {
        let owner = scenario.decision(a.decision).owner.as_ref();
        let expected = members
            .iter()
            .find(|m| Some(&m.function) == owner && !m.name.trim().is_empty())
            .map(|m| m.name.clone());
        assert_eq!(recorded.by, expected, "{}", recorded.decision);
    }
    // The saved record replays (fired inject included) to the app's score.
    let saved = drill.saved().cloned().unwrap().unwrap();
    let back = Record::parse(&std::fs::read_to_string(saved).unwrap()).unwrap();
    let checker = Checker::new(&playbook);
    let replay = pressroom::records::replay::play(
        &scenario,
        &playbook,
        &checker,
        &back.answers(&scenario).unwrap(),
        back.seed,
    )
    .unwrap();
    assert_eq!(replay.score.total, back.result.total);
    assert!(
        replay
            .session
            .arrived_at(pressroom::scenario::InjectRef(staff_post))
            .is_some()
    );
    // The journal is gone once the record is saved.
    assert!(DataDir::new(&data.0).read_journal().is_none());
}

#[test]
fn a_drill_killed_midway_resumes_with_every_decision_made_so_far() {
    let (scenario, playbook) = load();
    let data = Scratch::new("resume");
    let answers = answers(&scenario, "flawed-wrong-approver");
    let half = answers.actions.len() / 2;
    let (before_now, before_actions) = {
        let mut app = app(&data.0, false);
        start(&mut app, &scenario, answers.seed.unwrap_or(1), Lang::Ja);
        let mut first = answers.clone();
        first.actions.truncate(half);
        play_through(&mut app, &first);
        send(&mut app, DrillCommand::Advance(7));
        let drill = app.world().resource::<Drill>();
        (drill.session().now(), drill.actions().to_vec())
        // The app is dropped here without finishing: as if the process were killed.
    };
    let dir = DataDir::new(&data.0);
    let journal = dir.read_journal().expect("a journal was left").unwrap();
    let resumed = Drill::resume(&journal, scenario.clone(), &scenario_path(), &playbook).unwrap();
    assert_eq!(
        resumed.session().now(),
        before_now,
        "the clock where it stood"
    );
    assert_eq!(
        resumed.actions(),
        before_actions,
        "every decision made so far"
    );

    // Carry on in a fresh app and finish: the same score as a drill never interrupted.
    let mut app = app(&data.0, false);
    app.world_mut().insert_resource(resumed);
    go(&mut app, Screen::Play);
    let mut rest = answers.clone();
    rest.actions.drain(..half);
    play_through(&mut app, &rest);
    send(&mut app, DrillCommand::Finish);
    let checker = Checker::new(&playbook);
    let straight = pressroom::records::replay::play(
        &scenario,
        &playbook,
        &checker,
        &answers,
        answers.seed.unwrap_or(1),
    )
    .unwrap();
    assert_eq!(
        app.world()
            .resource::<Drill>()
            .score()
            .as_ref()
            .unwrap()
            .total,
        straight.score.total
    );
    assert!(dir.read_journal().is_none());
}

#[test]
fn the_running_clock_moves_at_the_scenarios_pace_only_when_started() {
    let (scenario, _) = load();
    let data = Scratch::new("running");
    let mut app = app(&data.0, false);
    // Each frame lasts one real second, so the test needs no sleeping.
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_secs(1),
    ));
    start(&mut app, &scenario, 1, Lang::Ja);
    let pace = pressroom::app::pace(&scenario);
    assert!(pace > 0.0);
    let now = |app: &App| app.world().resource::<Drill>().session().now().0;
    for _ in 0..3 {
        app.update();
    }
    assert_eq!(now(&app), 0, "paused by default");
    let set = |app: &mut App, on: bool| {
        app.world_mut()
            .resource_mut::<pressroom::app::RunningClock>()
            .running = on;
    };
    set(&mut app, true);
    for _ in 0..5 {
        app.update();
    }
    let moved = now(&app);
    // Five seconds at the pace, in whole minutes.
    let (low, high) = ((4.0 * pace).floor() as u32, (5.0 * pace).ceil() as u32);
    assert!(
        (low..=high).contains(&moved),
        "{moved} min at {pace:.2} min/s"
    );
    set(&mut app, false);
    app.update();
    let stopped = now(&app);
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(now(&app), stopped, "paused again");
}

/// An app whose library is one folder, watched for changes.
fn watched_app(folder: &Path) -> App {
    let playbook = Playbook::default_playbook();
    let folders = vec![(
        folder.to_path_buf(),
        pressroom::store::library::Origin::User,
    )];
    let entries = pressroom::store::library::load(&folders, &playbook);
    let data = folder.with_extension("data");
    let mut app = app(&data, false);
    app.insert_resource(pressroom::app::Library { entries, folders })
        .insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
            std::time::Duration::from_millis(600),
        ))
        .add_plugins(pressroom::app::reload::plugin);
    app.update();
    app
}

fn entry_ok(app: &App) -> Option<bool> {
    app.world()
        .resource::<pressroom::app::Library>()
        .entries
        .first()
        .map(|e| e.scenario.is_ok())
}

/// Writes `text` so the change is seen (a new length or a new modification time).
fn save(path: &Path, text: &str, app: &mut App) {
    std::fs::write(path, text).unwrap();
    for _ in 0..4 {
        app.update();
    }
}

#[test]
fn a_broken_save_shows_its_errors_keeps_the_last_good_version_and_recovers() {
    let folder = Scratch::new("reload");
    let _data = Scratch(folder.0.with_extension("data"));
    let good = std::fs::read_to_string(scenario_path()).unwrap();
    let path = folder.0.join("drill.ron");
    std::fs::write(&path, &good).unwrap();
    let mut app = watched_app(&folder.0);
    assert_eq!(entry_ok(&app), Some(true));
    let scenario = app.world().resource::<pressroom::app::Library>().entries[0]
        .scenario
        .clone()
        .unwrap();
    let playbook = Playbook::default_playbook();
    app.world_mut().insert_resource(Drill::start(
        scenario,
        &path,
        &playbook,
        1,
        Lang::Ja,
        STARTED.into(),
    ));
    go(&mut app, Screen::Play);
    send(&mut app, DrillCommand::Advance(30));

    // Broken: the library shows the error with its place, the drill goes on.
    let broken = good.replacen("opens: Start", "opens: Strat", 1);
    save(&path, &broken, &mut app);
    assert_eq!(entry_ok(&app), Some(false));
    let library = app.world().resource::<pressroom::app::Library>();
    let lines = library.entries[0].rendered_diagnostics();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("drill.ron:") && l.contains("error[")),
        "{lines:?}"
    );
    assert!(
        library.entries[0].playable().is_some(),
        "the last good version stays playable"
    );
    let changed = app
        .world()
        .resource::<pressroom::app::reload::ScenarioChanged>();
    assert!(changed.result.is_err());
    assert_eq!(screen(&app), Screen::Play);
    assert_eq!(app.world().resource::<Drill>().session().now().0, 30);

    // Fixed, with a new title: the app offers the new version.
    let fixed = good.replacen("最初の36時間", "最初の36時間(改訂)", 1);
    save(&path, &fixed, &mut app);
    assert_eq!(entry_ok(&app), Some(true));
    let changed = app
        .world()
        .resource::<pressroom::app::reload::ScenarioChanged>();
    let new = changed.result.as_ref().unwrap();
    assert!(new.title.get(Lang::Ja).contains("改訂"));
}

#[test]
fn a_file_broken_at_start_up_recovers_once_fixed() {
    let folder = Scratch::new("reload-start");
    let _data = Scratch(folder.0.with_extension("data"));
    let good = std::fs::read_to_string(scenario_path()).unwrap();
    let path = folder.0.join("drill.ron");
    std::fs::write(
        &path,
        good.replacen("Scenario(", "Scenario(\n    bogus: 1,", 1),
    )
    .unwrap();
    let mut app = watched_app(&folder.0);
    assert_eq!(entry_ok(&app), Some(false));
    save(&path, &good, &mut app);
    assert_eq!(entry_ok(&app), Some(true));
    // A new file appears in the library; a removed one leaves it.
    std::fs::write(
        folder.0.join("second.ron"),
        good.replacen("id: \"ransomware-manufacturer\"", "id: \"second\"", 1),
    )
    .unwrap();
    for _ in 0..4 {
        app.update();
    }
    assert_eq!(
        app.world()
            .resource::<pressroom::app::Library>()
            .entries
            .len(),
        2
    );
    std::fs::remove_file(&path).unwrap();
    for _ in 0..4 {
        app.update();
    }
    let library = app.world().resource::<pressroom::app::Library>();
    assert_eq!(library.entries.len(), 1);
    assert!(library.entries[0].path.ends_with("second.ron"));
}

mod editor {
    use bevy_egui::egui;
    use pressroom::app::editor::{self, Mark};
    use pressroom::scenario::{Element, Stage};
    use pressroom::wording::{Checker, Context};
    use pressroom::{Lang, Playbook};

    fn underline_of(job: &egui::text::LayoutJob, text: &str, piece: &str) -> egui::Color32 {
        let at = text.find(piece).unwrap();
        let section = job
            .sections
            .iter()
            .find(|s| {
                let (a, b): (usize, usize) = (s.byte_range.start.into(), s.byte_range.end.into());
                a <= at && at < b
            })
            .unwrap();
        section.format.underline.color
    }

    #[test]
    fn findings_are_underlined_over_their_characters_and_errors_win() {
        let style = egui::Style::default();
        let text = "当社のVPN装置がランサムウェアに感染したとみられます。";
        // Characters, not bytes: "VPN" is 3..6, "ランサムウェア" 9..16, "とみられます" 21..27.
        let marks = [
            Mark {
                start: 3,
                end: 6,
                error: false,
            },
            Mark {
                start: 9,
                end: 16,
                error: false,
            },
            Mark {
                start: 12,
                end: 14,
                error: true,
            },
            Mark {
                start: 21,
                end: 27,
                error: true,
            },
        ];
        let job = editor::underlined(&style, text, &marks);
        let joined: String = job
            .sections
            .iter()
            .map(|s| {
                let (a, b): (usize, usize) = (s.byte_range.start.into(), s.byte_range.end.into());
                &job.text[a..b]
            })
            .collect();
        assert_eq!(joined, text, "every character drawn once, in order");
        let (warn, error) = (style.visuals.warn_fg_color, style.visuals.error_fg_color);
        assert_eq!(underline_of(&job, text, "VPN"), warn);
        assert_eq!(underline_of(&job, text, "ラン"), warn);
        assert_eq!(
            underline_of(&job, text, "ムウ"),
            error,
            "the overlapping error wins"
        );
        assert_eq!(underline_of(&job, text, "とみられます"), error);
        assert_eq!(underline_of(&job, text, "当社"), egui::Color32::TRANSPARENT);
        // Marks past the end (a stale finding while typing) do not panic.
        let short = editor::underlined(
            &style,
            "短い",
            &[Mark {
                start: 1,
                end: 40,
                error: true,
            }],
        );
        assert_eq!(short.text, "短い");
    }

    #[test]
    fn the_finding_under_the_caret_is_the_one_explained() {
        let playbook = Playbook::default_playbook();
        let checker = Checker::new(&playbook);
        let text = "本日、サーバーダウンが発生しました。おそらく原因は調査中です。";
        let findings = checker.check(text, &Context::default());
        let jargon = text.chars().position(|c| c == 'サ').unwrap();
        let found = editor::finding_at(&findings, jargon + 2).expect("a finding at the jargon");
        assert_eq!(found.rule, "wording.jargon");
        assert!(editor::finding_at(&findings, 0).is_none());
        assert_eq!(
            editor::marks(&findings).len(),
            findings.iter().filter(|f| f.span.is_some()).count()
        );
    }

    #[test]
    fn the_template_has_a_placeholder_for_each_element_of_the_stage() {
        for lang in Lang::ALL {
            for stage in [Stage::FirstNotice, Stage::Update, Stage::FinalReport] {
                let elements = Element::defaults_for(stage);
                let org = if lang == Lang::Ja {
                    "株式会社テスト"
                } else {
                    "Test Ltd."
                };
                let text = editor::template(elements, org, lang);
                assert_eq!(
                    editor::placeholders(&text),
                    elements.len(),
                    "{lang} {stage:?}"
                );
                assert!(text.contains(org));
                let japanese = text.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c));
                assert_eq!(
                    japanese,
                    lang == Lang::Ja,
                    "{lang}: headings in the drill's language"
                );
            }
        }
        assert_eq!(editor::placeholders("書き終えた文面"), 0);
    }
}

/// The end of the scenario clock finishes the drill in the engine's own system, with no
/// screen drawn: letting time run out is enough for a score and a record.
#[test]
fn running_out_the_clock_finishes_the_drill_without_a_screen() {
    let (scenario, _) = load();
    let data = Scratch::new("clock-end");
    let mut app = app(&data.0, false);
    start(&mut app, &scenario, 2, Lang::Ja);
    send(&mut app, DrillCommand::Advance(scenario.duration + 60));
    app.update();
    let drill = app.world().resource::<Drill>();
    assert!(drill.score().is_some(), "the drill was not scored");
    assert!(matches!(drill.saved(), Some(Ok(_))));
    assert_eq!(screen(&app), Screen::Debrief);
}

/// The improvement plan is edited through commands the drill applies: lines are added with
/// the day's next free ID, edited, removed and saved into the record on disk.
#[test]
fn the_improvement_plan_is_edited_and_saved_through_commands() {
    let (scenario, _) = load();
    let data = Scratch::new("plan");
    let mut app = app(&data.0, false);
    start(&mut app, &scenario, 3, Lang::En);
    send(&mut app, DrillCommand::Finish);
    for issue in ["first", "second"] {
        send(
            &mut app,
            DrillCommand::Plan(PlanEdit::Add {
                issue: issue.into(),
                rule: Some("process.follow_up".into()),
            }),
        );
    }
    let plan = app
        .world()
        .resource::<Drill>()
        .record()
        .unwrap()
        .plan
        .clone();
    assert_eq!(plan.len(), 2);
    assert_ne!(plan[0].id, plan[1].id, "each line gets its own ID");
    let mut edited = plan[1].clone();
    edited.owner = "PR lead".into();
    edited.due = "not a date".into();
    edited.id = "tampered".into();
    send(&mut app, DrillCommand::Plan(PlanEdit::Set(1, edited)));
    send(&mut app, DrillCommand::Plan(PlanEdit::Remove(0)));
    let drill = app.world().resource::<Drill>();
    let plan = drill.record().unwrap().plan.clone();
    assert_eq!(plan.len(), 1);
    assert_eq!(plan[0].issue, "second");
    assert_eq!(plan[0].owner, "PR lead");
    assert_ne!(
        plan[0].id, "tampered",
        "the ID is the drill's, not the panel's"
    );
    assert_eq!(drill.bad_due_dates(), vec!["not a date"]);
    // A plan with a bad date is not saved.
    let saved = drill.saved().cloned().unwrap().unwrap();
    send(&mut app, DrillCommand::Plan(PlanEdit::Save));
    assert!(!std::fs::read_to_string(&saved).unwrap().contains("PR lead"));
    let mut fixed = plan[0].clone();
    fixed.due = "2026-07-01".into();
    send(&mut app, DrillCommand::Plan(PlanEdit::Set(0, fixed)));
    send(&mut app, DrillCommand::Plan(PlanEdit::Save));
    let on_disk = std::fs::read_to_string(&saved).unwrap();
    assert!(
        on_disk.contains("PR lead") && on_disk.contains("2026-07-01"),
        "{on_disk}"
    );
}

/// The format 2 models drill played in the app: a bilingual notice written in two editors
/// and submitted together, a role left with nobody, and the promise the first notice made
/// shown while the team waits; the score is what `pressroom run` gives the same answers.
#[test]
fn the_format_2_models_play_in_the_app_as_they_score_headless() {
    let playbook = Playbook::default_playbook();
    let path = root().join("tests/fixtures/models/drill.ron");
    let scenario = Scenario::load(&path, &playbook).unwrap().scenario;
    let src = std::fs::read_to_string(root().join("tests/fixtures/models/base.ron")).unwrap();
    let answers = pressroom::records::answers::parse(&src, &scenario).unwrap();
    let data = Scratch::new("models");
    let mut app = app(&data.0, false);
    let drill = Drill::start(
        scenario.clone(),
        &path,
        &playbook,
        1,
        Lang::En,
        STARTED.to_string(),
    );
    app.world_mut().insert_resource(drill);
    go(&mut app, Screen::Briefing);
    go(&mut app, Screen::Play);
    let first = scenario.find_decision("publish_first").unwrap();
    for a in &answers.actions {
        let now = app.world().resource::<Drill>().session().now();
        if a.at > now {
            send(&mut app, DrillCommand::Advance(a.at.0 - now.0));
        }
        // The bilingual notice goes in as a trainee types it: one version per editor.
        if let pressroom::session::Answer::Texts { ja, en } = &a.answer {
            send(
                &mut app,
                DrillCommand::WriteIn(a.decision, Lang::Ja, ja.clone()),
            );
            send(
                &mut app,
                DrillCommand::WriteIn(a.decision, Lang::En, en.clone()),
            );
            let drill = app.world().resource::<Drill>();
            assert_eq!(drill.draft_in(a.decision, Lang::En), Some(en.as_str()));
            assert!(drill.checker().compare_versions(ja, en).is_empty());
        }
        send(&mut app, DrillCommand::Answer(a.decision, a.answer.clone()));
        let drill = app.world().resource::<Drill>();
        assert_eq!(drill.refusal(), None, "the app refused {a:?}");
        if a.decision == first {
            // The first notice promised the update by 17:00: the play screen counts it down.
            let owed = drill.owed().expect("a promise is owed").clone();
            assert_eq!(
                Some(&owed),
                pressroom::scoring::owed(drill.session()).as_ref()
            );
            assert_eq!(owed.by, pressroom::scenario::SimTime(8 * 60));
            assert_eq!(owed.next, pressroom::scenario::Stage::Update);
            assert!(owed.words.unwrap().contains("5 pm today"));
        }
    }
    let after_update = app.world().resource::<Drill>().owed().cloned();
    assert_eq!(after_update, None, "every stage is out: nothing is owed");
    send(&mut app, DrillCommand::Finish);
    app.update();
    assert_eq!(screen(&app), Screen::Debrief);
    let checker = Checker::for_scenario(&playbook, &scenario);
    let outcome =
        pressroom::records::replay::play(&scenario, &playbook, &checker, &answers, 1).unwrap();
    let drill = app.world().resource::<Drill>();
    assert_eq!(drill.score().unwrap().total, outcome.score.total);
    assert_eq!(drill.score().unwrap().findings, outcome.score.findings);
}

#[test]
fn a_screens_status_line_does_not_follow_onto_the_next_screen() {
    let data = Scratch::new("notice");
    let mut app = app(&data.0, false);
    app.world_mut().resource_mut::<AppData>().notice = Some("exported to x.html".into());
    go(&mut app, Screen::History);
    assert_eq!(app.world().resource::<AppData>().notice, None);
    app.world_mut().resource_mut::<AppData>().notice = Some("records exported".into());
    go(&mut app, Screen::Settings);
    assert_eq!(app.world().resource::<AppData>().notice, None);
}
