//! Hot reload of scenario files: the library folders are looked at once a second; a changed,
//! new or removed file is read again. A broken save shows its errors (file:line:col) and
//! keeps the last good version; fixing it recovers without restarting, also for a file that
//! was broken when the app started. A change to the scenario being played offers a restart
//! on the new version.

use super::drill::Drill;
use super::{ActivePlaybook, Library};
use crate::store::library::{self, Entry};
use bevy::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

/// How often the folders are looked at, in seconds of real time.
const EVERY: f64 = 1.0;

/// What each file looked like when last read.
#[derive(Resource, Default)]
pub struct Watch {
    seen: HashMap<PathBuf, (Option<SystemTime>, u64)>,
    since: f64,
}

/// The scenario being played changed on disk: the new version, or why it cannot be read.
#[derive(Resource, Debug)]
pub struct ScenarioChanged {
    /// The file that changed.
    pub path: PathBuf,
    /// `Ok` when the new version loads; `Err` holds its diagnostics as `check` prints them.
    pub result: Result<std::sync::Arc<crate::Scenario>, Vec<String>>,
}

/// Watches the library folders and reloads what changed.
pub fn plugin(app: &mut App) {
    app.init_resource::<Watch>()
        .add_systems(Update, look.before(super::drill::apply_commands));
}

fn stamp(path: &std::path::Path) -> (Option<SystemTime>, u64) {
    std::fs::metadata(path).map_or((None, 0), |m| (m.modified().ok(), m.len()))
}

fn look(
    time: Res<Time<bevy::time::Real>>,
    mut watch: ResMut<Watch>,
    mut library: ResMut<Library>,
    playbook: Res<ActivePlaybook>,
    drill: Option<Res<Drill>>,
    mut commands: Commands,
    lang: Res<super::UiLang>,
) {
    watch.since += time.delta_secs_f64();
    let first = watch.seen.is_empty();
    if !first && watch.since < EVERY {
        return;
    }
    watch.since = 0.0;
    let folders = library.folders.clone();
    let mut present: Vec<(PathBuf, library::Origin)> = Vec::new();
    for (folder, origin) in &folders {
        if let Ok(files) = crate::source::walk::scenario_files(folder) {
            present.extend(files.into_iter().map(|f| (f, *origin)));
        }
    }
    if first {
        for (path, _) in &present {
            let s = stamp(path);
            watch.seen.insert(path.clone(), s);
        }
        return;
    }
    let mut changed = false;
    for (path, origin) in &present {
        let now = stamp(path);
        if watch.seen.get(path) == Some(&now) {
            continue;
        }
        watch.seen.insert(path.clone(), now);
        changed = true;
        let entry = library::load_entry(path, *origin, &playbook.0);
        if let Some(d) = &drill
            && d.scenario_path() == *path
            && d.score().is_none()
        {
            let shown = path.display().to_string();
            commands.insert_resource(ScenarioChanged {
                path: path.clone(),
                result: match &entry.scenario {
                    Ok(s) => Ok(s.clone()),
                    Err(diags) => Err(diags.iter().map(|x| x.render_in(&shown, lang.0)).collect()),
                },
            });
        }
        replace(&mut library.entries, entry);
    }
    let before = library.entries.len();
    library
        .entries
        .retain(|e| present.iter().any(|(p, _)| *p == e.path));
    watch
        .seen
        .retain(|p, _| present.iter().any(|(q, _)| q == p));
    if changed || library.entries.len() != before {
        // Keep the library in the order the folders list it.
        library.entries.sort_by_key(|e| {
            present
                .iter()
                .position(|(p, _)| *p == e.path)
                .unwrap_or(usize::MAX)
        });
    }
}

/// A broken save keeps the last good version in the library, marked with its errors.
fn replace(entries: &mut Vec<Entry>, mut entry: Entry) {
    match entries.iter_mut().find(|e| e.path == entry.path) {
        Some(old) => {
            if entry.scenario.is_err() {
                entry.last_good = match &old.scenario {
                    Ok(good) => Some(good.clone()),
                    Err(_) => old.last_good.take(),
                };
            }
            *old = entry;
        }
        None => entries.push(entry),
    }
}
