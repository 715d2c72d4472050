//! A reference settle for tests: every inject, milestone, change of a fact and decision is
//! checked in every round, as the engine once did. The engine checks only what may have
//! become due; a test plays drills both ways and finds them the same.

use super::{DecisionState, Event, Session, Trigger};
use std::cell::Cell;

thread_local! {
    static ON: Cell<bool> = const { Cell::new(false) };
}

/// Whether this thread's drills settle by the reference.
pub(super) fn on() -> bool {
    ON.with(Cell::get)
}

/// Runs `f` with this thread's drills settling by the reference.
pub(crate) fn by_scan<T>(f: impl FnOnce() -> T) -> T {
    ON.with(|c| c.set(true));
    let out = f();
    ON.with(|c| c.set(false));
    out
}

impl Session {
    /// [`Session::rounds`] by a full scan in every round.
    pub(super) fn rounds_by_scan(&mut self, events: &mut Vec<Event>) {
        let now = self.now;
        while let Some(&(t, _)) = self.schedule.get(self.cursor)
            && t <= now
        {
            self.cursor += 1;
        }
        loop {
            let mut changed = false;
            for i in 0..self.scenario.injects.len() {
                let inj = &self.scenario.injects[i];
                if self.arrived[i].is_some() || self.draws.suppressed[i] || inj.optional {
                    continue;
                }
                let ready = match inj.when {
                    Trigger::Start | Trigger::At(_) => self.due(i).is_some_and(|t| t <= now),
                    ref other => self.fired(other),
                };
                if ready {
                    self.arrive(i, events);
                    changed = true;
                }
            }
            for m in 0..self.scenario.milestones.len() {
                if self.milestones[m].is_none() && self.fired(&self.scenario.milestones[m].when) {
                    self.reach(m, events);
                    changed = true;
                }
            }
            let mut touched = usize::MAX;
            for slot in 0..self.changes.len() {
                let (f, j) = self.prepared.changes[slot];
                if self.changes[slot].is_none()
                    && self.fired(&self.scenario.facts[f].timeline[j].when)
                {
                    self.changes[slot] = Some(now);
                    if touched != f {
                        if touched != usize::MAX {
                            changed |= self.restate(touched, events);
                        }
                        touched = f;
                    }
                }
            }
            if touched != usize::MAX {
                changed |= self.restate(touched, events);
            }
            for d in 0..self.scenario.decisions.len() {
                let decision = &self.scenario.decisions[d];
                if decision.opens.is_none() && decision.due.is_none() {
                    continue;
                }
                match self.decisions[d] {
                    DecisionState::Waiting
                        if decision.opens.as_ref().is_some_and(|t| self.fired(t)) =>
                    {
                        self.open(d, events);
                        changed = true;
                    }
                    DecisionState::Open { since } if decision.due.is_some_and(|due| due <= now) => {
                        self.expire(d, since, events);
                        changed = true;
                    }
                    _ => {}
                }
            }
            if !changed {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::by_scan;
    use crate::scenario::{
        DecisionKind, DecisionRef, InjectRef, MilestoneRef, Scenario, SimTime, Stage, Trigger,
    };
    use crate::session::{Answer, Session};
    use proptest::prelude::*;
    use rand::{Rng, SeedableRng};
    use rand_chacha::ChaCha8Rng;
    use std::sync::{Arc, OnceLock};

    fn bundled() -> &'static [Arc<Scenario>] {
        static ALL: OnceLock<Vec<Arc<Scenario>>> = OnceLock::new();
        ALL.get_or_init(|| {
            let playbook = crate::playbook::Playbook::default_playbook();
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios");
            crate::source::walk::scenario_files(std::path::Path::new(dir))
                .expect("bundled scenarios")
                .iter()
                .map(|p| Scenario::load(p, &playbook).expect("valid").scenario)
                .collect()
        })
    }

    /// A random trigger of `s`: of time, or after one of its injects, decisions, options,
    /// stages or milestones.
    fn trigger(s: &Scenario, rng: &mut ChaCha8Rng) -> Trigger {
        let pick = |rng: &mut ChaCha8Rng, n: usize| rng.random_range(0..n.max(1));
        match rng.random_range(0..7) {
            0 => Trigger::Start,
            1 => Trigger::At(SimTime(rng.random_range(0..s.duration.max(1)))),
            2 => Trigger::AfterInject(InjectRef(pick(rng, s.injects.len()))),
            3 => Trigger::AfterDecision(DecisionRef(pick(rng, s.decisions.len()))),
            4 => {
                let d = pick(rng, s.decisions.len());
                let options = match &s.decisions[d].kind {
                    DecisionKind::Choice { options } => options.len(),
                    DecisionKind::Inquiry(q) => q.answers.len(),
                    _ => 1,
                };
                Trigger::AfterOption(DecisionRef(d), pick(rng, options))
            }
            5 => Trigger::AfterPublish(Stage::ALL[pick(rng, 3)]),
            _ if !s.milestones.is_empty() => {
                Trigger::AfterMilestone(MilestoneRef(pick(rng, s.milestones.len())))
            }
            _ => Trigger::Start,
        }
    }

    /// `s` with some of its triggers drawn again at random, chains and cycles included: the
    /// orders a scenario writer may use that the bundled ones do not.
    fn rewired(s: &Scenario, rng: &mut ChaCha8Rng) -> Scenario {
        let mut out = s.clone();
        for i in 0..out.injects.len() {
            if rng.random_bool(0.4) {
                out.injects[i].when = trigger(s, rng);
            }
        }
        for m in 0..out.milestones.len() {
            if rng.random_bool(0.5) {
                out.milestones[m].when = trigger(s, rng);
            }
        }
        for f in 0..out.facts.len() {
            for j in 0..out.facts[f].timeline.len() {
                if rng.random_bool(0.4) {
                    out.facts[f].timeline[j].when = trigger(s, rng);
                }
            }
        }
        for d in 0..out.decisions.len() {
            if rng.random_bool(0.3) {
                out.decisions[d].opens = Some(trigger(s, rng));
            }
            // A due the new opening may already have passed.
            if rng.random_bool(0.3) {
                out.decisions[d].due = Some(SimTime(rng.random_range(0..s.duration.max(1))));
            }
        }
        out
    }

    /// A random answer to `d` of the kind it takes.
    fn random_answer(s: &Scenario, d: DecisionRef, rng: &mut ChaCha8Rng) -> Answer {
        let pick = |rng: &mut ChaCha8Rng, n: usize| rng.random_range(0..n.max(1));
        let text = || Answer::Text("本日、障害が発生しました。".into());
        match &s.decision(d).kind {
            DecisionKind::Choice { options } => {
                Answer::Choice(options[pick(rng, options.len())].id.clone())
            }
            DecisionKind::Timing(_) => Answer::Publish,
            DecisionKind::Roles(r) => Answer::Roles(
                r.roles
                    .iter()
                    .map(|role| (role.id.clone(), s.cast[pick(rng, s.cast.len())].id.clone()))
                    .collect(),
            ),
            DecisionKind::Draft(x) if !x.candidates.is_empty() && rng.random_bool(0.5) => {
                Answer::Candidate(x.candidates[pick(rng, x.candidates.len())].id.clone())
            }
            DecisionKind::Inquiry(q) if !q.answers.is_empty() && rng.random_bool(0.7) => {
                Answer::Choice(q.answers[pick(rng, q.answers.len())].id.clone())
            }
            _ => text(),
        }
    }

    /// One drill played with random steps (answers, a draft taken back, an optional inject
    /// fired, time let pass), settling as the engine does or by the reference: everything
    /// that happened, and the state at the end.
    fn play(scenario: &Arc<Scenario>, seed: u64, scan: bool) -> (Vec<String>, String) {
        let run = || {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let (mut s, first) = Session::new(scenario, seed);
            let mut steps = vec![format!("{first:?}")];
            let mut guard = 0;
            while !s.is_over() && guard < 400 {
                guard += 1;
                let open: Vec<DecisionRef> = s.open_decisions().collect();
                let events = match rng.random_range(0..10) {
                    0..=4 if !open.is_empty() => {
                        let d = open[rng.random_range(0..open.len())];
                        let answer = random_answer(scenario, d, &mut rng);
                        format!("{:?}", s.answer(d, answer))
                    }
                    5 => {
                        let d = DecisionRef(rng.random_range(0..scenario.decisions.len()));
                        format!("{:?}", s.answer(d, Answer::Reopen))
                    }
                    6 => {
                        let i = rng.random_range(0..scenario.injects.len());
                        format!("{:?}", s.fire(InjectRef(i)))
                    }
                    7 => format!("{:?}", s.advance_by(rng.random_range(0..90))),
                    _ => format!("{:?}", s.advance_to_next_event()),
                };
                steps.push(events);
            }
            steps.push(format!("{:?}", s.finish()));
            let facts: Vec<_> = (0..scenario.facts.len())
                .map(|f| s.fact_status(crate::scenario::FactRef(f)))
                .collect();
            let decisions: Vec<_> = (0..scenario.decisions.len())
                .map(|d| format!("{:?}", s.decision(DecisionRef(d))))
                .collect();
            let end = format!("{:?} {facts:?} {decisions:?} {:?}", s.log, s.published());
            (steps, end)
        };
        if scan { by_scan(run) } else { run() }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// The engine checks only what may have become due; the reference checks
        /// everything in every round. On every bundled scenario, and on each with its
        /// triggers drawn again, the two play the same drill, event for event.
        #[test]
        fn a_settle_that_checks_only_what_may_be_due_plays_the_same_drill(
            seed in any::<u64>(),
            which in 0usize..64,
            rewire in any::<bool>(),
        ) {
            let all = bundled();
            let base = &all[which % all.len()];
            let scenario = if rewire {
                let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
                Arc::new(rewired(base, &mut rng))
            } else {
                Arc::clone(base)
            };
            let marked = play(&scenario, seed, false);
            let scanned = play(&scenario, seed, true);
            prop_assert_eq!(marked.0.len(), scanned.0.len());
            for (k, (a, b)) in marked.0.iter().zip(&scanned.0).enumerate() {
                prop_assert_eq!(a, b, "step {}", k);
            }
            prop_assert_eq!(marked.1, scanned.1);
        }
    }
}
