//! Headless play: a scenario, a playbook, a seed and answers become a finished drill and its
//! score. `pressroom run`, the app's replay, `rescore` and the tests all go through here.

use crate::playbook::Playbook;
use crate::records::answers::{Action, Answers, Review, Step};
use crate::scenario::{InjectRef, Scenario, SimTime};
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

/// What a replay drives: the engine itself (`run`, `rescore`, `report`), the app's drill
/// (resuming after a crash) or the commands the screenshot walk sends.
pub trait Player {
    /// Lets scenario time pass to `t`.
    fn advance_to(&mut self, t: SimTime);
    /// The facilitator fires an optional inject now.
    fn fire(&mut self, inject: InjectRef);
    /// Answers a decision now; a refusal says why.
    fn answer(&mut self, action: &Action) -> Result<(), String>;
    /// Asks now for a stage's text to be reviewed; a refusal says why.
    fn ask_review(&mut self, review: &Review) -> Result<(), String>;
}

/// The one replay: each fired inject and answer of `steps`, in the drill's own order (see
/// `Answers::steps`), with time let pass to each. Returns the actions refused, with why.
pub fn drive<'a>(
    steps: impl IntoIterator<Item = Step<'a>>,
    player: &mut impl Player,
) -> Vec<(&'a Action, String)> {
    let mut refused = Vec::new();
    for step in steps {
        player.advance_to(step.at());
        match step {
            Step::Fire(f) => player.fire(f.inject),
            Step::Review(r) => {
                // A review the drill refuses (the stage already out) is the team's late ask:
                // it simply came to nothing, as in the room.
                let _ = player.ask_review(r);
            }
            Step::Answer(a) => {
                if let Err(why) = player.answer(a) {
                    refused.push((a, why));
                }
            }
        }
    }
    refused
}

/// The engine as a [`Player`]: a refused answer becomes a diagnostic at its action, with a
/// hint from the state the decision was in.
struct Engine {
    session: Session,
    diags: Vec<Diagnostic>,
}

impl Player for Engine {
    fn advance_to(&mut self, t: SimTime) {
        self.session.advance_to(t);
    }

    fn fire(&mut self, inject: InjectRef) {
        self.session.fire(inject);
    }

    fn ask_review(&mut self, r: &Review) -> Result<(), String> {
        self.session
            .ask_review(r.decision, r.role, r.done)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    fn answer(&mut self, a: &Action) -> Result<(), String> {
        let Err(e) = self.session.answer(a.decision, a.answer.clone()) else {
            return Ok(());
        };
        let (hint_ja, hint) = match (&e, self.session.decision(a.decision)) {
            (crate::session::AnswerError::AlreadyOut(_), _) => (
                "段階を公表する操作より前に、文面を取り下げてください",
                "reopen the draft before the action that publishes its stage",
            ),
            (crate::session::AnswerError::NotAnswered(_), _) => (
                "`Reopen` は文面の回答の後に置きます(その回答を取り下げるため)",
                "a `Reopen` goes after the draft's answer, to take it back",
            ),
            (_, DecisionState::Waiting) => (
                "インジェクトやきっかけで判断が始まった後へ、この操作を移してください",
                "move the action later, to when an inject or trigger has opened the decision",
            ),
            (_, DecisionState::Expired { .. }) => (
                "判断の `due` より前へ、この操作を移してください",
                "move the action earlier, before the decision's `due` time",
            ),
            _ => (
                "各判断には一度だけ答えます。文面を書き直すなら、新しい回答の前に `Reopen` を置いてください",
                "answer each decision once; to write a draft again, put `Reopen` before the new answer",
            ),
        };
        let id = &self.session.scenario.decision(a.decision).id;
        self.diags.push(
            Diagnostic::error("bad-answer", format!("at {}: {e}", a.at))
                .ja(format!("{}: {}", a.at, e.text().get(crate::text::Lang::Ja)))
                .field(format!("{}.decision", a.field))
                .hint_in(crate::text::Text::new(
                    format!("{hint_ja}(判断 `{id}`)"),
                    format!("{hint} (decision `{id}`)"),
                )),
        );
        Err(e.to_string())
    }
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
    let mut engine = Engine {
        session,
        diags: Vec::new(),
    };
    drive(answers.steps(), &mut engine);
    let Engine { mut session, diags } = engine;
    if !diags.is_empty() {
        return Err(diags);
    }
    session.finish();
    let score = scoring::score(&session, playbook, checker);
    Ok(Outcome { session, score })
}
