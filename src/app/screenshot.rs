//! `--screenshot-dir DIR [--scenario S] [--answers A] [--window-size WxH]`: the app walks
//! through every screen, replaying the answers if given (through the same `DrillCommand`s a
//! trainee sends), photographs each into a stable file name, `SCREEN-SIZE-LANG.png`
//! (`play-1280x720-ja.png`; the play screen once more in the projector view,
//! `play-projector-1280x720-ja.png`), and exits. For the README and for tests of the real
//! window under Xvfb.

use super::drill::{Drill, DrillCommand};
use super::screens::Screen;
use crate::records::answers::{Answers, Step};
use crate::records::replay::{Player, drive};
use crate::scenario::{DecisionKind, Scenario};
use crate::session::Answer;
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::PathBuf;

/// Frames to wait on a screen before photographing it, so fonts and layout have settled.
const SETTLE_FRAMES: u32 = 20;

/// The drill the screenshots show: a scenario and, optionally, answers to replay.
pub struct Replay {
    pub scenario: std::sync::Arc<Scenario>,
    pub path: PathBuf,
    pub answers: Option<Answers>,
}

/// One picture of the walk: a screen, in the projector view or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shot {
    screen: Screen,
    projector: bool,
}

impl Shot {
    /// Every picture, in order: each screen, and the play screen again in the projector view.
    fn all() -> Vec<Shot> {
        let mut out = Vec::new();
        for screen in Screen::ALL {
            out.push(Shot {
                screen,
                projector: false,
            });
            if screen == Screen::Play {
                out.push(Shot {
                    screen,
                    projector: true,
                });
            }
        }
        out
    }

    /// Its file name: `play-1280x720-ja.png`, `play-projector-1280x720-ja.png`.
    fn file_name(self, (w, h): (u32, u32), lang: crate::Lang) -> String {
        let view = if self.projector { "-projector" } else { "" };
        format!("{}{view}-{w}x{h}-{}.png", self.screen.key(), lang.code())
    }
}

#[derive(Resource)]
struct Shots {
    dir: PathBuf,
    /// Pictures still to take, in order.
    queue: Vec<Shot>,
    frames: u32,
    taken: bool,
    replay: Option<Replay>,
    /// Actions of the answers already sent.
    sent: usize,
}

/// Adds the screenshot walk to the app.
pub(super) fn install(app: &mut App, dir: PathBuf, replay: Option<Replay>) {
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("pressroom: cannot create {}: {e}", dir.display());
    }
    app.insert_resource(Shots {
        dir,
        queue: Shot::all(),
        frames: 0,
        taken: false,
        replay,
        sent: 0,
    })
    .add_systems(Update, step.before(super::drill::apply_commands));
}

#[allow(clippy::too_many_arguments)]
fn step(
    mut commands: Commands,
    mut shots: ResMut<Shots>,
    lang: Res<super::UiLang>,
    playbook: Res<super::ActivePlaybook>,
    drill: Option<Res<Drill>>,
    mut send: MessageWriter<DrillCommand>,
    mut next: ResMut<NextState<Screen>>,
    mut exit: MessageWriter<AppExit>,
    mut projector: ResMut<super::Projector>,
    window: Query<&Window, With<bevy::window::PrimaryWindow>>,
) {
    let Some(&shot) = shots.queue.first() else {
        exit.write(AppExit::Success);
        return;
    };
    let screen = shot.screen;
    shots.frames += 1;
    if shots.frames == 1 && projector.0 != shot.projector {
        projector.0 = shot.projector;
    }
    // The projector picture is the same screen seen again: nothing more is played for it.
    if shots.frames == 1 && !shot.projector {
        match (screen, drill) {
            (Screen::Briefing, _) => {
                let Some(replay) = shots.replay.as_ref() else {
                    eprintln!("pressroom: no playable scenario to photograph");
                    exit.write(AppExit::error());
                    return;
                };
                let seed = replay.answers.as_ref().and_then(|a| a.seed).unwrap_or(1);
                let lang = replay
                    .answers
                    .as_ref()
                    .and_then(|a| a.lang)
                    .unwrap_or(lang.0);
                commands.insert_resource(Drill::start(
                    replay.scenario.clone(),
                    &replay.path,
                    &playbook.0,
                    seed,
                    lang,
                    "2026-01-01T09:00:00Z".to_string(),
                ));
            }
            (Screen::Play, Some(d)) => {
                // An answers file of a team drill plays in team mode, facilitator console and all.
                if let Some(answers) = shots.replay.as_ref().and_then(|r| r.answers.as_ref())
                    && let Some(team) = &answers.team
                {
                    send.write(DrillCommand::Team {
                        name: team.clone(),
                        members: answers.members.clone(),
                        closes: Vec::new(),
                    });
                }
                // Replay up to the first written draft, and leave that text in the editor so
                // the picture shows the live findings; without answers, two hours in.
                let now = d.session().now();
                match shots.replay.as_ref().and_then(|r| r.answers.as_ref()) {
                    Some(answers) => {
                        let scenario = &*d.session().scenario;
                        let steps = answers.steps();
                        let stop = steps
                            .iter()
                            .position(|s| {
                                matches!(s, Step::Answer(a) if matches!(a.answer, Answer::Text(_))
                                    && matches!(scenario.decision(a.decision).kind, DecisionKind::Draft(_)))
                            })
                            .unwrap_or(steps.len());
                        let mut walk = Walk {
                            send: &mut send,
                            at: now,
                        };
                        drive(steps[..stop].iter().copied(), &mut walk);
                        let at = walk.at;
                        if let Some(Step::Answer(a)) = steps.get(stop) {
                            if a.at > at {
                                send.write(DrillCommand::Advance(a.at.0 - at.0));
                            }
                            if let Answer::Text(text) = &a.answer {
                                send.write(DrillCommand::Write(a.decision, text.clone()));
                            }
                        }
                        shots.sent = stop;
                    }
                    None => {
                        send.write(DrillCommand::Advance(120));
                    }
                }
            }
            (Screen::Debrief, Some(d)) => {
                if let Some(answers) = shots.replay.as_ref().and_then(|r| r.answers.as_ref()) {
                    let mut walk = Walk {
                        send: &mut send,
                        at: d.session().now(),
                    };
                    drive(answers.steps()[shots.sent..].iter().copied(), &mut walk);
                }
                send.write(DrillCommand::Finish);
            }
            (Screen::History, Some(d)) => {
                if let Some(why) = &d.refusal() {
                    eprintln!("pressroom: an answer was refused during the replay: {why}");
                }
            }
            _ => {}
        }
        next.set(screen);
    }
    if shots.frames == SETTLE_FRAMES && !shots.taken {
        let size = window
            .single()
            .map(|w| (w.physical_width(), w.physical_height()))
            .unwrap_or((1280, 720));
        let path = shots.dir.join(shot.file_name(size, lang.0));
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

/// The screenshot walk as the one replay drives it: each step becomes the commands a trainee
/// or facilitator would give (let time pass to it, then fire the inject or answer), applied
/// by the drill's own system over the next frames.
struct Walk<'a, 'w> {
    send: &'a mut MessageWriter<'w, DrillCommand>,
    at: crate::scenario::SimTime,
}

impl Player for Walk<'_, '_> {
    fn advance_to(&mut self, t: crate::scenario::SimTime) {
        if t > self.at {
            self.send.write(DrillCommand::Advance(t.0 - self.at.0));
            self.at = t;
        }
    }

    fn fire(&mut self, inject: crate::scenario::InjectRef) {
        self.send.write(DrillCommand::Fire(inject));
    }

    fn ask_review(&mut self, r: &crate::records::answers::Review) -> Result<(), String> {
        self.send.write(DrillCommand::AskReview {
            decision: r.decision,
            role: r.role,
            done: r.done,
        });
        Ok(())
    }

    fn answer(&mut self, a: &crate::records::answers::Action) -> Result<(), String> {
        self.send
            .write(DrillCommand::Answer(a.decision, a.answer.clone()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_is_photographed_and_the_play_screen_twice() {
        let all = Shot::all();
        assert_eq!(all.len(), Screen::ALL.len() + 1);
        let names: Vec<String> = all
            .iter()
            .map(|s| s.file_name((1280, 720), crate::Lang::Ja))
            .collect();
        assert!(names.contains(&"play-1280x720-ja.png".to_string()));
        assert!(names.contains(&"play-projector-1280x720-ja.png".to_string()));
        assert_eq!(
            Shot::all()[0].file_name((1920, 1080), crate::Lang::En),
            format!("{}-1920x1080-en.png", Screen::ALL[0].key())
        );
    }
}
