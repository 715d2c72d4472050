//! `--screenshot-dir DIR [--scenario S] [--answers A]`: the app walks through every screen,
//! replaying the answers if given (through the same `DrillCommand`s a trainee sends),
//! photographs each into a stable file name (`play-ja.png`), and exits. For the README and for
//! tests of the real window under Xvfb.

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

#[derive(Resource)]
struct Shots {
    dir: PathBuf,
    /// Screens still to photograph, in order.
    queue: Vec<Screen>,
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
        queue: Screen::ALL.to_vec(),
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
) {
    let Some(&screen) = shots.queue.first() else {
        exit.write(AppExit::Success);
        return;
    };
    shots.frames += 1;
    if shots.frames == 1 {
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
