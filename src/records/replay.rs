//! Headless play: a scenario, a playbook, a seed and answers become a finished drill and its
//! score. `pressroom run`, the app's replay, `rescore` and the tests all go through here.

use crate::playbook::Playbook;
use crate::records::answers::{Answers, Step};
use crate::scenario::Scenario;
use crate::scoring::{self, Score};
use crate::session::{DecisionState, Session};
use crate::source::diagnostic::Diagnostic;
use crate::wording::Checker;
use std::sync::Arc;

/// A finished drill and its score.
pub struct Outcome {
    /// The drill as it ended.
    pub session: Session,
    /// Its score.
    pub score: Score,
}

/// Plays `answers` on `scenario` with `seed`; an action the drill cannot take (a decision not
/// open at that moment, say) is a diagnostic at that action.
pub fn play(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    checker: &Checker,
    answers: &Answers,
    seed: u64,
) -> Result<Outcome, Vec<Diagnostic>> {
    let (mut session, _) = Session::new(scenario, seed);
    if let Some(lang) = answers.lang {
        session.lang = lang;
    }
    let mut diags = Vec::new();
    for step in answers.steps() {
        session.advance_to(step.at());
        let a = match step {
            Step::Fire(f) => {
                session.fire(f.inject);
                continue;
            }
            Step::Answer(a) => a,
        };
        let d = scenario.decision(a.decision);
        if let Err(e) = session.answer(a.decision, a.answer.clone()) {
            let hint = match session.decision(a.decision) {
                DecisionState::Waiting => {
                    "move the action later, to when an inject or trigger has opened the decision"
                }
                DecisionState::Expired { .. } => {
                    "move the action earlier, before the decision's `due` time"
                }
                _ => "answer each decision once",
            };
            diags.push(
                Diagnostic::error("bad-answer", format!("at {}: {e}", a.at))
                    .field(format!("{}.decision", a.field))
                    .hint(format!("{hint} (decision `{}`)", d.id)),
            );
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    session.finish();
    let score = scoring::score(&session, playbook, checker);
    Ok(Outcome { session, score })
}
