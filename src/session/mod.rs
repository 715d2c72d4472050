//! The drill engine: plays a validated scenario on its own simulated clock. It fires injects,
//! moves facts through the ledger, opens and closes decisions and applies answers, handing
//! back everything that happened as [`Event`]s. It never reads the wall clock; variation is
//! drawn once from the seed, so a seed replays exactly.

mod answer;
mod dirty;
mod prepared;
#[cfg(test)]
mod reference;

pub use answer::{Answer, AnswerError};
use prepared::{Clocked, Prepared};

use crate::scenario::{
    DecisionKind, DecisionRef, Department, FactRef, FactStatus, InjectRef, MilestoneRef, PersonRef,
    Scenario, SimTime, Stage, Trigger, VariationKind, Window,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::sync::Arc;

/// What happened, in the order it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    /// An inject arrived.
    InjectArrived {
        /// Its ID.
        inject: String,
        /// When.
        at: SimTime,
        /// The function it went to, in a team drill.
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<Department>,
    },
    /// The team asked for a stage's text to be reviewed.
    ReviewAsked {
        /// The timing decision of the stage.
        decision: String,
        /// When.
        at: SimTime,
    },
    /// A milestone was reached.
    MilestoneReached {
        /// Its ID.
        milestone: String,
        /// When.
        at: SimTime,
    },
    /// A fact's status changed.
    FactChanged {
        /// Its ID.
        fact: String,
        /// What it was.
        from: FactStatus,
        /// What it is now.
        to: FactStatus,
        /// When.
        at: SimTime,
    },
    /// A decision opened.
    DecisionOpened {
        /// Its ID.
        decision: String,
        /// When.
        at: SimTime,
    },
    /// A decision was answered.
    DecisionAnswered {
        /// Its ID.
        decision: String,
        /// When.
        at: SimTime,
    },
    /// A draft's answer was taken back, to be written again: the decision is open again.
    DecisionReopened {
        /// Its ID.
        decision: String,
        /// When.
        at: SimTime,
    },
    /// A decision closed unanswered.
    DecisionExpired {
        /// Its ID.
        decision: String,
        /// When.
        at: SimTime,
    },
    /// A stage was published.
    Published {
        /// Which.
        stage: Stage,
        /// When.
        at: SimTime,
    },
    /// A deadline passed.
    DeadlinePassed {
        /// Its ID.
        deadline: String,
        /// When.
        at: SimTime,
    },
}

/// Where a decision stands.
#[derive(Debug, Clone, PartialEq)]
pub enum DecisionState {
    /// Not open yet.
    Waiting,
    /// Open for an answer.
    Open {
        /// Since when.
        since: SimTime,
    },
    /// Answered.
    Answered {
        /// When it opened.
        opened: SimTime,
        /// When it was answered.
        at: SimTime,
        /// The answer.
        answer: Answer,
    },
    /// Closed unanswered.
    Expired {
        /// When it opened.
        opened: SimTime,
        /// When it closed.
        at: SimTime,
    },
}

/// What the seed decided for this drill.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Draws {
    /// Extra minutes before each inject arrives.
    pub delays: Vec<u32>,
    /// Injects that will never fire in this drill.
    pub suppressed: Vec<bool>,
    /// Extra windows when people cannot be reached.
    pub unavailable: Vec<(usize, Window)>,
}

/// The team's request that a stage's text be reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReviewAsk {
    /// The stage's timing decision.
    pub decision: DecisionRef,
    /// The review asked for; every review of the stage when `None`.
    pub role: Option<crate::scenario::RoleRef>,
    /// When it was asked for.
    pub at: SimTime,
    /// When the reviewer finished, where the answers file says so.
    pub done: Option<SimTime>,
}

/// One drill in progress: the scenario never changes; everything that does lives here.
#[derive(Debug, Clone)]
pub struct Session {
    /// The scenario played: shared, never changed by the drill.
    pub scenario: Arc<Scenario>,
    /// The seed the variations were drawn from.
    pub seed: u64,
    /// What the seed drew.
    pub draws: Draws,
    now: SimTime,
    arrived: Vec<Option<SimTime>>,
    facts: Vec<FactStatus>,
    /// When each fact last changed, for scoring "published before it was confirmed".
    settled_at: Vec<Option<SimTime>>,
    decisions: Vec<DecisionState>,
    published: Vec<(Stage, SimTime)>,
    /// The injects the clock brings (`Start`, `At`, with their drawn delays), by time then
    /// index, and how many of them have arrived: the next one is found without a scan, so a
    /// drill costs time linear in its injects.
    schedule: Vec<(SimTime, usize)>,
    cursor: usize,
    deadlines_passed: Vec<bool>,
    /// When each milestone was reached.
    milestones: Vec<Option<SimTime>>,
    /// The reviews the team asked for, in order.
    review_asks: Vec<ReviewAsk>,
    /// When each change of each fact's timeline came about, for values over time, all facts'
    /// changes in one list (see [`Session::change_slot`]).
    changes: Vec<Option<SimTime>>,
    /// Texts published so far (drafts answered) and when, for consistency checks.
    pub published_texts: Vec<(SimTime, String)>,
    /// The language the drill is played in: prepared drafts are read in it.
    pub lang: crate::text::Lang,
    /// Every event so far (empty in an [unlogged](Session::unlogged) drill).
    pub log: Vec<Event>,
    /// Whether events are built, handed back and logged: off for `analyze`'s many paths.
    logged: bool,
    /// How many things have happened so far, logged or not: how `advance_to` knows a
    /// moment brought something.
    happened: u64,
    /// Each change of a fact's status, in order: (when, fact, the new status), for
    /// [`Session::status_at`] without reading the log.
    fact_changes: Vec<(SimTime, usize, FactStatus)>,
    /// What every drill of the scenario starts from; its `clock` holds every moment the
    /// scenario fixes (a decision opening, a deadline, a milestone, a change of a fact), by
    /// time, and `clock_cursor` how far this drill has read them: the next one is found
    /// without a scan of the scenario.
    prepared: Arc<Prepared>,
    clock_cursor: usize,
    /// What may have become due since it was last checked: the clock's moments reached
    /// (up to `mark_cursor` in `prepared.clock`), and whatever waits on something that has
    /// happened. A settle checks these and nothing else.
    dirty: dirty::Dirty,
    mark_cursor: usize,
    /// The decisions that may yet open by a trigger of their own or close at their `due`,
    /// in index order (a decision answered or expired leaves it).
    live: Vec<usize>,
}

impl Session {
    /// Starts a drill at the scenario's start; the returned events are what is there at once.
    pub fn new(scenario: &Arc<Scenario>, seed: u64) -> (Session, Vec<Event>) {
        Session::start(scenario, seed, true)
    }

    /// [`Session::new`] for a drill nobody reads the events of: no event is built, handed
    /// back or logged, and every state and score is the same. For `analyze`'s many paths.
    pub fn unlogged(scenario: &Arc<Scenario>, seed: u64) -> Session {
        Session::start(scenario, seed, false).0
    }

    fn start(scenario: &Arc<Scenario>, seed: u64, logged: bool) -> (Session, Vec<Event>) {
        let mut s = Session {
            scenario: Arc::clone(scenario),
            seed,
            draws: Draws::default(),
            now: SimTime::START,
            arrived: Vec::new(),
            facts: Vec::new(),
            settled_at: Vec::new(),
            decisions: Vec::new(),
            published: Vec::new(),
            schedule: Vec::new(),
            cursor: 0,
            deadlines_passed: Vec::new(),
            milestones: Vec::new(),
            review_asks: Vec::new(),
            changes: Vec::new(),
            published_texts: Vec::new(),
            lang: scenario.languages[0],
            log: Vec::new(),
            logged,
            happened: 0,
            fact_changes: Vec::new(),
            prepared: scenario.derived.get(|| Prepared::of(scenario)),
            clock_cursor: 0,
            dirty: dirty::Dirty::default(),
            mark_cursor: 0,
            live: Vec::new(),
        };
        let events = s.restart(seed);
        (s, events)
    }

    /// Starts this drill again at the scenario's start with `seed`, as a new drill of the
    /// same scenario (logged or not, as this one) would start, keeping the memory it had:
    /// for `analyze`'s many paths. The returned events are what is there at once.
    pub fn restart(&mut self, seed: u64) -> Vec<Event> {
        // Every field by name, so a field added later cannot be left as the last drill
        // had it.
        let Session {
            scenario,
            seed: drill_seed,
            draws,
            now,
            arrived,
            facts,
            settled_at,
            decisions,
            published,
            schedule,
            cursor,
            deadlines_passed,
            milestones,
            review_asks,
            changes,
            published_texts,
            lang,
            log,
            logged: _,
            happened,
            fact_changes,
            prepared,
            clock_cursor,
            dirty,
            mark_cursor,
            live,
        } = self;
        *drill_seed = seed;
        draw_into(scenario, seed, draws);
        *now = SimTime::START;
        arrived.clear();
        arrived.resize(scenario.injects.len(), None);
        facts.clone_from(&prepared.facts);
        settled_at.clone_from(&prepared.settled_at);
        decisions.clear();
        decisions.resize(scenario.decisions.len(), DecisionState::Waiting);
        published.clear();
        schedule.clear();
        *cursor = 0;
        deadlines_passed.clear();
        deadlines_passed.resize(scenario.deadlines.len(), false);
        milestones.clear();
        milestones.resize(scenario.milestones.len(), None);
        review_asks.clear();
        changes.clear();
        changes.resize(prepared.changes.len(), None);
        published_texts.clear();
        *lang = scenario.languages[0];
        log.clear();
        *happened = 0;
        fact_changes.clear();
        *clock_cursor = 0;
        live.clone_from(&prepared.live);
        // At the start everything is checked once: what waits on `Start` is due now.
        *mark_cursor = 0;
        dirty.injects.reset(scenario.injects.len());
        dirty.milestones.fill(scenario.milestones.len());
        dirty.changes.fill(prepared.changes.len());
        dirty.opens.reset(scenario.decisions.len());
        for (d, decision) in scenario.decisions.iter().enumerate() {
            if decision.opens.is_some() {
                dirty.opens.set(d);
            }
        }
        for (i, inj) in self.scenario.injects.iter().enumerate() {
            if self.draws.suppressed[i] || inj.optional {
                continue;
            }
            match self.due(i) {
                Some(t) => self.schedule.push((t, i)),
                None => self.dirty.injects.set(i),
            }
        }
        self.schedule.sort_unstable();
        self.settle()
    }

    /// Where the scenario clock stands.
    pub fn now(&self) -> SimTime {
        self.now
    }

    /// When the scenario clock ends.
    pub fn end(&self) -> SimTime {
        SimTime(self.scenario.duration)
    }

    /// Whether the clock has reached the end.
    pub fn is_over(&self) -> bool {
        self.now >= self.end()
    }

    /// A fact's status now.
    pub fn fact_status(&self, f: FactRef) -> FactStatus {
        self.facts[f.0]
    }

    /// Every fact's status now, in the scenario's order.
    pub fn ledger(&self) -> &[FactStatus] {
        &self.facts
    }

    /// A fact's status at `t`, from the changes it went through.
    pub fn status_at(&self, f: FactRef, t: SimTime) -> FactStatus {
        self.fact_changes
            .iter()
            .rev()
            .find_map(|(at, fact, to)| (*fact == f.0 && *at <= t).then_some(*to))
            .unwrap_or(self.scenario.facts[f.0].initially)
    }

    /// What the wording checker needs to judge `text` as published at `at`: the organisation,
    /// the ledger as it stood then, and the other texts published before then, for a text
    /// that must hold `required` and is read by `readers`.
    pub fn wording_context<'a>(
        &'a self,
        (required, readers): (&[crate::scenario::Element], crate::scenario::Readers),
        at: SimTime,
        text: &str,
    ) -> crate::wording::Context<'a> {
        let scenario = &*self.scenario;
        crate::wording::Context {
            readers,
            // After the drill the debrief may name everything; while it runs, only what the
            // team has been told.
            reveal: self.is_over(),
            required: required.to_vec(),
            organisation: Some(&scenario.organisation.name),
            ledger: scenario
                .facts
                .iter()
                .enumerate()
                .map(|(f, fact)| (fact, self.status_at(FactRef(f), at)))
                .collect(),
            never_public: scenario
                .wording
                .never_public
                .iter()
                .map(String::as_str)
                .collect(),
            values: (0..scenario.facts.len())
                .map(|f| {
                    let (count, superseded) = self.counts_at(FactRef(f), at);
                    let (date, superseded_dates) = self.date_at(FactRef(f), at);
                    crate::wording::Value {
                        count,
                        superseded,
                        date,
                        superseded_dates,
                    }
                })
                .collect(),
            published: self
                .published_texts
                .iter()
                .filter(|(when, body)| *when < at && body != text)
                .map(|(_, b)| b.as_str())
                .collect(),
        }
    }

    /// A fact's count as the team knew it at `t`, with the counts it had replaced by then
    /// (earlier estimates and raw counts).
    pub fn counts_at(&self, f: FactRef, t: SimTime) -> (Option<u64>, Vec<u64>) {
        let fact = &self.scenario.facts[f.0];
        fact.value_at(
            t,
            fact.count,
            |c| c.count,
            |j| self.changes[self.change_slot(f.0, j)],
        )
    }

    /// A fact's count as the team knew it at `t`.
    pub fn count_at(&self, f: FactRef, t: SimTime) -> Option<u64> {
        self.counts_at(f, t).0
    }

    /// The counts of a fact that had been replaced by `t`: earlier estimates and raw counts.
    pub fn superseded_at(&self, f: FactRef, t: SimTime) -> Vec<u64> {
        self.counts_at(f, t).1
    }

    /// A fact's date as the team knew it at `t`, with the dates it had replaced by then.
    pub fn date_at(
        &self,
        f: FactRef,
        t: SimTime,
    ) -> (Option<chrono::NaiveDate>, Vec<chrono::NaiveDate>) {
        let fact = &self.scenario.facts[f.0];
        fact.value_at(
            t,
            fact.date,
            |c| c.date,
            |j| self.changes[self.change_slot(f.0, j)],
        )
    }

    /// Who held a role by `by`, by the roles decision's answer given by then: `None` when
    /// nobody was named yet, `Some(None)` when the team left the role empty on purpose.
    pub fn role_holder(
        &self,
        role: crate::scenario::RoleRef,
        by: SimTime,
    ) -> Option<Option<PersonRef>> {
        let scenario = &*self.scenario;
        let id = &scenario.role(role).id;
        match &self.decisions[role.decision.0] {
            DecisionState::Answered {
                answer: Answer::Roles(map),
                at,
                ..
            } if *at <= by => map
                .get(id)
                .map(|p| scenario.cast.iter().position(|c| &c.id == p).map(PersonRef)),
            _ => None,
        }
    }

    /// The reviews the team asked for so far.
    pub fn review_asks(&self) -> &[ReviewAsk] {
        &self.review_asks
    }

    /// The team asks, now, for the text of a stage to be reviewed: by the holder of `role`,
    /// or of every review the stage needs. `done` is when the reviewer finished, where an
    /// answers file knows it. A stage already out, or one that needs no review, refuses.
    pub fn ask_review(
        &mut self,
        decision: DecisionRef,
        role: Option<crate::scenario::RoleRef>,
        done: Option<SimTime>,
    ) -> Result<Vec<Event>, AnswerError> {
        let d = self.scenario.decision(decision);
        let wrong = || AnswerError::WrongKind {
            decision: d.id.clone(),
            expected: "a review only where its stage names `reviews`",
        };
        let DecisionKind::Timing(t) = &d.kind else {
            return Err(wrong());
        };
        if t.reviews.is_empty() || role.is_some_and(|r| !t.reviews.iter().any(|x| x.role == r)) {
            return Err(wrong());
        }
        match self.decisions[decision.0] {
            DecisionState::Answered { .. } => {
                return Err(AnswerError::AlreadyAnswered(d.id.clone()));
            }
            DecisionState::Expired { .. } => return Err(AnswerError::Expired(d.id.clone())),
            _ => {}
        }
        self.review_asks.push(ReviewAsk {
            decision,
            role,
            at: self.now,
            done: done.filter(|t| *t >= self.now),
        });
        let mut events = Vec::new();
        emit(&mut self.happened, self.logged, &mut events, || {
            Event::ReviewAsked {
                decision: d.id.clone(),
                at: self.now,
            }
        });
        self.log.extend(events.iter().cloned());
        Ok(events)
    }

    /// When a milestone was reached, if it has been.
    pub fn milestone_at(&self, m: MilestoneRef) -> Option<SimTime> {
        self.milestones[m.0]
    }

    /// When a fact became confirmed or refuted, if it has.
    pub fn settled_at(&self, f: FactRef) -> Option<SimTime> {
        self.settled_at[f.0]
    }

    /// When an inject arrived, if it has.
    pub fn arrived_at(&self, i: InjectRef) -> Option<SimTime> {
        self.arrived[i.0]
    }

    /// Where a decision stands.
    pub fn decision(&self, d: DecisionRef) -> &DecisionState {
        &self.decisions[d.0]
    }

    /// The decisions open now.
    pub fn open_decisions(&self) -> impl Iterator<Item = DecisionRef> + '_ {
        self.decisions
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s, DecisionState::Open { .. }))
            .map(|(i, _)| DecisionRef(i))
    }

    /// Each stage published so far, with when.
    pub fn published(&self) -> &[(Stage, SimTime)] {
        &self.published
    }

    /// Whether a person can be reached at `t`, counting the drill's drawn absences.
    pub fn available(&self, p: PersonRef, t: SimTime) -> bool {
        self.scenario.person(p).available_at(t)
            && !self
                .draws
                .unavailable
                .iter()
                .any(|(who, w)| *who == p.0 && w.contains(t))
    }

    /// Why person `p` cannot hold `role` at `t` in this drill (its drawn absences counted);
    /// `None` when they can.
    pub fn role_unmet(
        &self,
        role: &crate::scenario::Role,
        p: PersonRef,
        t: SimTime,
    ) -> Option<crate::Text> {
        role.unmet_by_reachable(self.scenario.person(p), self.available(p, t))
    }

    /// [`Session::role_unmet`]'s reason alone, without the explanation.
    pub fn role_unmet_reason(
        &self,
        role: &crate::scenario::Role,
        p: PersonRef,
        t: SimTime,
    ) -> Option<crate::scenario::Unmet> {
        role.unmet_reason(self.scenario.person(p), self.available(p, t))
    }

    /// When an inject is due by the clock, counting its drawn delay; `None` if it waits for
    /// something else or never fires in this drill.
    fn due(&self, i: usize) -> Option<SimTime> {
        let inj = &self.scenario.injects[i];
        if self.draws.suppressed[i] || inj.optional || self.arrived[i].is_some() {
            return None;
        }
        let base = match inj.when {
            Trigger::Start => SimTime::START,
            Trigger::At(t) => t,
            _ => return None,
        };
        Some(base.plus(self.draws.delays[i]))
    }

    /// The next moment something is scheduled to happen, if any before the end.
    pub fn next_event_time(&self) -> Option<SimTime> {
        let injects = self.schedule.get(self.cursor).map(|(t, _)| *t);
        // What the clock fixes and has not come about yet. (Once it comes about it stays so:
        // what is passed over here is never wanted again.)
        let clocked = self.prepared.clock[self.clock_cursor..]
            .iter()
            .find(|(t, c)| *t >= self.now && !self.clocked_done(*c))
            .map(|(t, _)| *t);
        // Only a decision with a `due` can close by the clock, and every such decision
        // still open is `live`.
        let due = self
            .live
            .iter()
            .filter_map(|&d| match self.decisions[d] {
                DecisionState::Open { .. } => self.scenario.decisions[d].due,
                _ => None,
            })
            .filter(|t| *t >= self.now)
            .min();
        [injects, clocked, due]
            .into_iter()
            .flatten()
            .filter(|t| *t >= self.now)
            .min()
            .filter(|t| *t <= self.end())
    }

    /// Where change `j` of fact `f` sits in `changes`.
    fn change_slot(&self, f: usize, j: usize) -> usize {
        self.prepared.change_base[f] + j
    }

    /// Whether what a moment of the clock brings has come about.
    fn clocked_done(&self, c: Clocked) -> bool {
        match c {
            Clocked::Opens(d) => !matches!(self.decisions[d], DecisionState::Waiting),
            Clocked::Deadline(i) => self.deadlines_passed[i],
            Clocked::Milestone(m) => self.milestones[m].is_some(),
            Clocked::Change(f, j) => self.changes[self.change_slot(f, j)].is_some(),
        }
    }

    /// Moves past the moments of the clock that have come about, at the front.
    fn skip_clocked(&mut self) {
        while let Some(&(_, c)) = self.prepared.clock.get(self.clock_cursor)
            && self.clocked_done(c)
        {
            self.clock_cursor += 1;
        }
    }

    /// Lets simulated time pass up to `t` (never backwards; never past the end).
    pub fn advance_to(&mut self, t: SimTime) -> Vec<Event> {
        let target = t.min(self.end()).max(self.now);
        let mut events = Vec::new();
        // Settling twice at one moment changes nothing: the first settles until nothing
        // more is due.
        let mut settled = false;
        while let Some(next) = self.next_event_time().filter(|n| *n <= target) {
            self.now = next;
            let before = self.happened;
            events.extend(self.settle());
            settled = next == target;
            if self.happened == before {
                break; // nothing was due after all; avoid spinning
            }
        }
        if !(settled && self.now == target) {
            self.now = target;
            events.extend(self.settle());
        }
        events
    }

    /// Lets `minutes` of scenario time pass.
    pub fn advance_by(&mut self, minutes: u32) -> Vec<Event> {
        self.advance_to(self.now.plus(minutes))
    }

    /// Jumps to the next scheduled event (or the end) and returns what happened.
    pub fn advance_to_next_event(&mut self) -> Vec<Event> {
        let next = self
            .next_event_time()
            .filter(|t| *t > self.now)
            .unwrap_or(self.end());
        self.advance_to(next)
    }

    /// Plays the clock out to the end: unanswered decisions expire, deadlines pass.
    pub fn finish(&mut self) -> Vec<Event> {
        let mut events = self.advance_to(self.end());
        let logged = events.len();
        for i in 0..self.decisions.len() {
            if let DecisionState::Open { since } = self.decisions[i] {
                self.expire(i, since, &mut events);
            }
        }
        self.log.extend(events[logged..].iter().cloned());
        events
    }

    /// Whether a trigger has fired by now.
    #[inline]
    fn fired(&self, t: &Trigger) -> bool {
        match *t {
            Trigger::Start => true,
            Trigger::At(at) => self.now >= at,
            Trigger::AfterInject(i) => self.arrived[i.0].is_some(),
            Trigger::AfterDecision(d) => {
                matches!(self.decisions[d.0], DecisionState::Answered { .. })
            }
            Trigger::AfterOption(d, o) => matches!(
                &self.decisions[d.0],
                DecisionState::Answered { answer, .. } if answer.option_index(self.scenario.decision(d)) == Some(o)
            ),
            Trigger::AfterPublish(stage) => self.published.iter().any(|(s, _)| *s == stage),
            Trigger::AfterMilestone(m) => self.milestones[m.0].is_some(),
        }
    }

    /// Applies everything that is now due, until nothing more changes. Each round checks, in
    /// index order, the injects, then the milestones, then the changes of facts, then the
    /// decisions; something that happens in a round is seen by what is checked after it in
    /// that round, and by everything in the next. Only what may have become due is checked
    /// ([`dirty::Dirty`]): what the clock has brought by now, and what waits on something
    /// that has happened since it was last found not ready.
    fn settle(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        #[cfg(test)]
        if reference::on() {
            self.rounds_by_scan(&mut events);
        } else {
            self.rounds(&mut events);
        }
        #[cfg(not(test))]
        self.rounds(&mut events);
        let now = self.now;
        for (i, d) in self.scenario.deadlines.iter().enumerate() {
            if !self.deadlines_passed[i] && d.at <= now {
                self.deadlines_passed[i] = true;
                emit(&mut self.happened, self.logged, &mut events, || {
                    Event::DeadlinePassed {
                        deadline: d.id.clone(),
                        at: d.at,
                    }
                });
            }
        }
        self.skip_clocked();
        self.log.extend(events.iter().cloned());
        events
    }

    /// [`Session::settle`]'s rounds, until one brings nothing.
    fn rounds(&mut self, events: &mut Vec<Event>) {
        let now = self.now;
        while let Some(&(t, i)) = self.schedule.get(self.cursor)
            && t <= now
        {
            self.dirty.injects.set(i);
            self.cursor += 1;
        }
        while let Some(&(t, c)) = self.prepared.clock.get(self.mark_cursor)
            && t <= now
        {
            match c {
                Clocked::Opens(d) => self.dirty.opens.set(d),
                Clocked::Milestone(m) => self.dirty.milestones.set(m),
                Clocked::Change(f, j) => self.dirty.changes.set(self.change_slot(f, j)),
                Clocked::Deadline(_) => {}
            }
            self.mark_cursor += 1;
        }
        loop {
            let mut changed = false;
            let mut from = 0;
            while let Some(i) = self.dirty.injects.take_from(from) {
                from = i + 1;
                if self.arrived[i].is_some() {
                    continue;
                }
                let inj = &self.scenario.injects[i];
                // A clocked inject is marked only once the clock has brought it; one a
                // trigger brings may be left out of this drill or wait for the facilitator.
                let ready = match inj.when {
                    Trigger::Start | Trigger::At(_) => true,
                    ref other => !self.draws.suppressed[i] && !inj.optional && self.fired(other),
                };
                if ready {
                    self.arrive(i, events);
                    changed = true;
                }
            }
            let mut from = 0;
            while let Some(m) = self.dirty.milestones.take_from(from) {
                from = m + 1;
                if self.milestones[m].is_none() && self.fired(&self.scenario.milestones[m].when) {
                    self.reach(m, events);
                    changed = true;
                }
            }
            // The changes whose trigger has fired come about now; each fact they touch
            // takes the status of its latest change come about. (No trigger waits on a
            // fact's status, so a fact that changes brings nothing else this round.)
            let mut touched = usize::MAX;
            let mut from = 0;
            while let Some(slot) = self.dirty.changes.take_from(from) {
                from = slot + 1;
                if self.changes[slot].is_some() {
                    continue;
                }
                let (f, j) = self.prepared.changes[slot];
                if self.fired(&self.scenario.facts[f].timeline[j].when) {
                    self.changes[slot] = Some(now);
                    if touched != f {
                        if touched != usize::MAX {
                            self.restate(touched, events);
                        }
                        touched = f;
                    }
                }
            }
            if touched != usize::MAX {
                self.restate(touched, events);
            }
            // The decisions the clock or a trigger may still open or close, in index order.
            self.live.retain(|&d| {
                matches!(
                    self.decisions[d],
                    DecisionState::Waiting | DecisionState::Open { .. }
                )
            });
            for k in 0..self.live.len() {
                let d = self.live[k];
                let decision = &self.scenario.decisions[d];
                match self.decisions[d] {
                    DecisionState::Waiting
                        if self.dirty.opens.take(d)
                            && decision.opens.as_ref().is_some_and(|t| self.fired(t)) =>
                    {
                        self.open(d, events);
                        // It may be past its `due` already: the next round closes it.
                        changed = true;
                    }
                    DecisionState::Open { since } if decision.due.is_some_and(|due| due <= now) => {
                        self.expire(d, since, events);
                    }
                    _ => {}
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// Gives fact `f` the status of its latest change come about (by the timeline's order);
    /// whether that changed it.
    fn restate(&mut self, f: usize, events: &mut Vec<Event>) -> bool {
        let now = self.now;
        let fact = &self.scenario.facts[f];
        let target = (0..fact.timeline.len())
            .rev()
            .find(|j| self.changes[self.change_slot(f, *j)].is_some())
            .map_or(fact.initially, |j| fact.timeline[j].status);
        if target == self.facts[f] {
            return false;
        }
        self.fact_changes.push((now, f, target));
        emit(&mut self.happened, self.logged, events, || {
            Event::FactChanged {
                fact: fact.id.clone(),
                from: self.facts[f],
                to: target,
                at: now,
            }
        });
        self.facts[f] = target;
        self.settled_at[f] =
            matches!(target, FactStatus::Confirmed | FactStatus::Refuted).then_some(now);
        true
    }

    /// Milestone `m` is reached now; what waits on it is checked next.
    fn reach(&mut self, m: usize, events: &mut Vec<Event>) {
        let now = self.now;
        self.milestones[m] = Some(now);
        emit(&mut self.happened, self.logged, events, || {
            Event::MilestoneReached {
                milestone: self.scenario.milestones[m].id.clone(),
                at: now,
            }
        });
        self.dirty.mark(&self.prepared.deps.milestone[m]);
    }

    fn arrive(&mut self, i: usize, events: &mut Vec<Event>) {
        self.arrived[i] = Some(self.now);
        let scenario = Arc::clone(&self.scenario);
        let inj = &scenario.injects[i];
        emit(&mut self.happened, self.logged, events, || {
            Event::InjectArrived {
                inject: inj.id.clone(),
                at: self.now,
                to: inj.to.clone(),
            }
        });
        self.dirty.mark(&self.prepared.deps.inject[i]);
        for d in &inj.opens {
            if matches!(self.decisions[d.0], DecisionState::Waiting) {
                self.open(d.0, events);
            }
        }
    }

    /// Closes decision `d`, open since `since`, unanswered now.
    fn expire(&mut self, d: usize, since: SimTime, events: &mut Vec<Event>) {
        self.decisions[d] = DecisionState::Expired {
            opened: since,
            at: self.now,
        };
        emit(&mut self.happened, self.logged, events, || {
            Event::DecisionExpired {
                decision: self.scenario.decisions[d].id.clone(),
                at: self.now,
            }
        });
    }

    fn open(&mut self, d: usize, events: &mut Vec<Event>) {
        self.decisions[d] = DecisionState::Open { since: self.now };
        emit(&mut self.happened, self.logged, events, || {
            Event::DecisionOpened {
                decision: self.scenario.decisions[d].id.clone(),
                at: self.now,
            }
        });
    }

    /// The facilitator fires an optional inject now.
    pub fn fire(&mut self, inject: InjectRef) -> Vec<Event> {
        let mut events = Vec::new();
        if self.arrived[inject.0].is_none() {
            self.arrive(inject.0, &mut events);
            self.log.extend(events.iter().cloned());
            events.extend(self.settle());
        }
        events
    }

    /// Answers an open decision at the current time.
    pub fn answer(
        &mut self,
        decision: DecisionRef,
        answer: Answer,
    ) -> Result<Vec<Event>, AnswerError> {
        if matches!(answer, Answer::Reopen) {
            return self.reopen(decision);
        }
        let d = self.scenario.decision(decision);
        let opened = match &self.decisions[decision.0] {
            DecisionState::Open { since } => *since,
            DecisionState::Waiting => return Err(AnswerError::NotOpen(d.id.clone())),
            DecisionState::Answered { .. } => {
                return Err(AnswerError::AlreadyAnswered(d.id.clone()));
            }
            DecisionState::Expired { .. } => return Err(AnswerError::Expired(d.id.clone())),
        };
        answer.check(&self.scenario, d)?;
        let mut events = Vec::new();
        emit(&mut self.happened, self.logged, &mut events, || {
            Event::DecisionAnswered {
                decision: d.id.clone(),
                at: self.now,
            }
        });
        match &d.kind {
            DecisionKind::Timing(t) => {
                self.published.push((t.stage, self.now));
                if self.logged {
                    events.push(Event::Published {
                        stage: t.stage,
                        at: self.now,
                    });
                }
            }
            DecisionKind::Draft(x) if x.is_public() => {
                for (_, text) in answer.texts(d, self.lang) {
                    self.published_texts.push((self.now, text.to_string()));
                }
            }
            _ => {}
        }
        self.decisions[decision.0] = DecisionState::Answered {
            opened,
            at: self.now,
            answer,
        };
        // What waits on this answer (or on the stage it published) is checked next.
        self.dirty.mark(&self.prepared.deps.decision[decision.0]);
        if let DecisionKind::Timing(t) = &d.kind {
            self.dirty
                .mark(&self.prepared.deps.stage[prepared::stage_index(t.stage)]);
        }
        self.log.extend(events.iter().cloned());
        events.extend(self.settle());
        Ok(events)
    }
}

impl Session {
    /// Whether the team may take back draft `decision`'s answer now ([`Answer::Reopen`]):
    /// when it was opened and answered, or why not.
    pub fn reopenable(&self, decision: DecisionRef) -> Result<(SimTime, SimTime), AnswerError> {
        let d = self.scenario.decision(decision);
        Answer::Reopen.check(&self.scenario, d)?;
        let (opened, written) = match &self.decisions[decision.0] {
            DecisionState::Answered { opened, at, .. } => (*opened, *at),
            DecisionState::Expired { .. } => return Err(AnswerError::Expired(d.id.clone())),
            _ => return Err(AnswerError::NotAnswered(d.id.clone())),
        };
        if let DecisionKind::Draft(x) = &d.kind
            && x.is_public()
            && self
                .published
                .iter()
                .any(|(stage, at)| *stage == x.stage && *at >= written)
        {
            return Err(AnswerError::AlreadyOut(d.id.clone()));
        }
        if d.due.is_some_and(|due| due <= self.now) {
            return Err(AnswerError::Expired(d.id.clone()));
        }
        Ok((opened, written))
    }

    /// Takes back a draft's answer now, so the team can write it again: the draft opens
    /// again as it was opened, and its text is no longer among those published. Time does
    /// not go back: whatever the first answer brought (an inject after it) stays. Refused
    /// for a decision that is not a draft, a draft not answered, a public draft whose stage
    /// went out after it was written, and a draft whose time to answer is over.
    fn reopen(&mut self, decision: DecisionRef) -> Result<Vec<Event>, AnswerError> {
        let scenario = Arc::clone(&self.scenario);
        let d = scenario.decision(decision);
        let (opened, written) = self.reopenable(decision)?;
        let DecisionKind::Draft(x) = &d.kind else {
            unreachable!("`reopenable` takes only a draft");
        };
        let DecisionState::Answered { answer, .. } = std::mem::replace(
            &mut self.decisions[decision.0],
            DecisionState::Open { since: opened },
        ) else {
            unreachable!("the state was read as answered above");
        };
        if x.is_public() {
            for (_, text) in answer.texts(d, self.lang) {
                if let Some(k) = self
                    .published_texts
                    .iter()
                    .position(|(at, t)| *at == written && t == text)
                {
                    self.published_texts.remove(k);
                }
            }
        }
        // A draft that may close at its `due` is watched by the clock again.
        if (d.opens.is_some() || d.due.is_some()) && !self.live.contains(&decision.0) {
            let k = self.live.partition_point(|&i| i < decision.0);
            self.live.insert(k, decision.0);
        }
        let mut events = Vec::new();
        emit(&mut self.happened, self.logged, &mut events, || {
            Event::DecisionReopened {
                decision: d.id.clone(),
                at: self.now,
            }
        });
        self.log.extend(events.iter().cloned());
        events.extend(self.settle());
        Ok(events)
    }
}

/// Counts one thing that happened and, in a logged drill, adds its event to `events`: an
/// unlogged drill builds none. (Fields, not `&mut self`, so the event may borrow the
/// scenario.)
fn emit(happened: &mut u64, logged: bool, events: &mut Vec<Event>, event: impl FnOnce() -> Event) {
    *happened += 1;
    if logged {
        events.push(event());
    }
}

/// Draws every variation point from the seed, in the order the scenario declares them.
pub fn draw(scenario: &Scenario, seed: u64) -> Draws {
    let mut draws = Draws::default();
    draw_into(scenario, seed, &mut draws);
    draws
}

/// [`draw`] into the lists of an earlier drill's draws.
fn draw_into(scenario: &Scenario, seed: u64, draws: &mut Draws) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    draws.delays.clear();
    draws.delays.resize(scenario.injects.len(), 0);
    draws.suppressed.clear();
    draws.suppressed.resize(scenario.injects.len(), false);
    draws.unavailable.clear();
    for v in &scenario.variations {
        match &v.kind {
            VariationKind::Delay { inject, min, max } => {
                draws.delays[inject.0] = rng.random_range(*min..=*max);
            }
            VariationKind::OneOf { injects } => {
                let keep = rng.random_range(0..injects.len());
                for (k, i) in injects.iter().enumerate() {
                    if k != keep {
                        draws.suppressed[i.0] = true;
                    }
                }
            }
            VariationKind::Chance { inject, percent } => {
                if rng.random_range(0..100u8) >= *percent {
                    draws.suppressed[inject.0] = true;
                }
            }
            VariationKind::Unavailable {
                person,
                window,
                percent,
            } => {
                if rng.random_range(0..100u8) < *percent {
                    draws.unavailable.push((person.0, *window));
                }
            }
        }
    }
}
