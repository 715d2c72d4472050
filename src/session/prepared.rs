//! What every drill of a scenario starts from, worked out once per scenario and shared by
//! its drills: the moments its clock fixes, in order, and the starting state that does not
//! depend on the seed. `analyze` plays thousands of drills of one scenario; each now starts
//! by copying this instead of sorting the scenario's clock again.

use crate::scenario::{FactStatus, Scenario, SimTime, Stage, Trigger};

/// What a moment of the scenario clock brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Clocked {
    Opens(usize),
    Deadline(usize),
    Milestone(usize),
    Change(usize, usize),
}

/// A scenario's starting state for its drills.
#[derive(Debug)]
pub(super) struct Prepared {
    /// Every moment the scenario fixes on the clock (a decision opening, a deadline, a
    /// milestone, a change of a fact), by time.
    pub(super) clock: Vec<(SimTime, Clocked)>,
    /// Every change of every fact's timeline, as (fact, change), in order.
    pub(super) changes: Vec<(usize, usize)>,
    /// Where each fact's changes start in a list of all of them.
    pub(super) change_base: Vec<usize>,
    /// The decisions that may open by a trigger of their own or close at their `due`.
    pub(super) live: Vec<usize>,
    /// Each fact's status at the start.
    pub(super) facts: Vec<FactStatus>,
    /// When each fact was settled at the start (those confirmed or refuted from the first).
    pub(super) settled_at: Vec<Option<SimTime>>,
    /// What waits on each thing that can happen: the only things worth checking again once
    /// it has happened.
    pub(super) deps: Deps,
}

/// Something that waits on a trigger: an inject, a milestone, a change of a fact (by its
/// place in the list of all changes) or a decision's opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Waiter {
    Inject(usize),
    Milestone(usize),
    Change(usize),
    Opens(usize),
}

/// For each thing that can happen in a drill (an inject arriving, a decision answered, a
/// stage published, a milestone reached), what waits on it. A trigger of time is the
/// clock's (`clock`); `Start` is checked when a drill starts.
#[derive(Debug, Default)]
pub(super) struct Deps {
    pub(super) inject: Vec<Vec<Waiter>>,
    /// After the decision is answered, or answered with one of its options.
    pub(super) decision: Vec<Vec<Waiter>>,
    /// By [`Stage::ALL`]'s order.
    pub(super) stage: [Vec<Waiter>; 3],
    pub(super) milestone: Vec<Vec<Waiter>>,
}

impl Deps {
    fn of(scenario: &Scenario, change_base: &[usize]) -> Deps {
        let mut deps = Deps {
            inject: vec![Vec::new(); scenario.injects.len()],
            decision: vec![Vec::new(); scenario.decisions.len()],
            stage: Default::default(),
            milestone: vec![Vec::new(); scenario.milestones.len()],
        };
        let mut add = |when: &Trigger, w: Waiter| {
            let list = match *when {
                Trigger::Start | Trigger::At(_) => return,
                Trigger::AfterInject(i) => &mut deps.inject[i.0],
                Trigger::AfterDecision(d) | Trigger::AfterOption(d, _) => &mut deps.decision[d.0],
                Trigger::AfterPublish(stage) => &mut deps.stage[stage_index(stage)],
                Trigger::AfterMilestone(m) => &mut deps.milestone[m.0],
            };
            if !list.contains(&w) {
                list.push(w);
            }
        };
        for (i, inj) in scenario.injects.iter().enumerate() {
            add(&inj.when, Waiter::Inject(i));
        }
        for (m, milestone) in scenario.milestones.iter().enumerate() {
            add(&milestone.when, Waiter::Milestone(m));
        }
        for (f, fact) in scenario.facts.iter().enumerate() {
            for (j, c) in fact.timeline.iter().enumerate() {
                add(&c.when, Waiter::Change(change_base[f] + j));
            }
        }
        for (d, decision) in scenario.decisions.iter().enumerate() {
            if let Some(when) = &decision.opens {
                add(when, Waiter::Opens(d));
            }
        }
        deps
    }
}

/// A stage's place in [`Stage::ALL`].
pub(super) fn stage_index(stage: Stage) -> usize {
    match stage {
        Stage::FirstNotice => 0,
        Stage::Update => 1,
        Stage::FinalReport => 2,
    }
}

impl Prepared {
    /// The starting state of `scenario`'s drills.
    pub(super) fn of(scenario: &Scenario) -> Prepared {
        let mut change_base = Vec::with_capacity(scenario.facts.len());
        let mut n = 0;
        for f in &scenario.facts {
            change_base.push(n);
            n += f.timeline.len();
        }
        Prepared {
            deps: Deps::of(scenario, &change_base),
            clock: clock_of(scenario),
            changes: scenario
                .facts
                .iter()
                .enumerate()
                .flat_map(|(f, fact)| (0..fact.timeline.len()).map(move |j| (f, j)))
                .collect(),
            change_base,
            live: scenario
                .decisions
                .iter()
                .enumerate()
                .filter(|(_, d)| d.opens.is_some() || d.due.is_some())
                .map(|(i, _)| i)
                .collect(),
            facts: scenario.facts.iter().map(|f| f.initially).collect(),
            settled_at: scenario
                .facts
                .iter()
                .map(|f| {
                    matches!(f.initially, FactStatus::Confirmed | FactStatus::Refuted)
                        .then_some(SimTime::START)
                })
                .collect(),
        }
    }
}

/// Every moment a scenario fixes on its clock, by time.
fn clock_of(scenario: &Scenario) -> Vec<(SimTime, Clocked)> {
    let mut out: Vec<(SimTime, Clocked)> = Vec::new();
    for (i, d) in scenario.decisions.iter().enumerate() {
        if let Some(Trigger::At(t)) = d.opens {
            out.push((t, Clocked::Opens(i)));
        }
    }
    for (i, d) in scenario.deadlines.iter().enumerate() {
        out.push((d.at, Clocked::Deadline(i)));
    }
    for (i, m) in scenario.milestones.iter().enumerate() {
        if let Trigger::At(t) = m.when {
            out.push((t, Clocked::Milestone(i)));
        }
    }
    for (f, fact) in scenario.facts.iter().enumerate() {
        for (j, c) in fact.timeline.iter().enumerate() {
            if let Trigger::At(t) = c.when {
                out.push((t, Clocked::Change(f, j)));
            }
        }
    }
    out.sort_unstable();
    out
}
