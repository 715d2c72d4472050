//! `pressroom analyze`: explores a scenario's decision paths to show a trainer whether it
//! separates good play from bad. Seeded random play (every choice, a timing, a role
//! assignment, a prepared or a stock text, optional injects fired or not, the seed's
//! variations), plus three fixed strategies: the playbook's own best guess, doing nothing, and
//! the scenario's exemplary answers. Reports the best and worst reachable score, percentiles,
//! what was never reached or scored, and options that cannot change the score.

use crate::playbook::Playbook;
use crate::records::answers::Answers;
use crate::scenario::{DecisionKind, DecisionRef, InjectRef, Scenario, SimTime, Trigger};
use crate::scoring;
use crate::session::{Answer, DecisionState, Session};
use crate::wording::Checker;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

/// What `analyze` found about a scenario's decision paths.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// The scenario's ID.
    pub scenario: String,
    /// How many random paths were played.
    pub samples: usize,
    /// The seed they were drawn from.
    pub seed: u64,
    /// The most any answers file can score: an upper bound (100 less what no path can
    /// avoid losing, see [`crate::authoring::bound`]), and exactly the best score when a
    /// played path reaches it (`best_exact`).
    pub best_score: f64,
    /// The best score a played path reached: random play, the fixed strategies, and the
    /// search from the best of them.
    pub best_found: f64,
    /// Whether `best_found` reaches `best_score`, so the best is exact.
    pub best_exact: bool,
    /// Answers files the search played.
    pub search_evaluations: usize,
    /// The worst score a played path reached (the total never goes below 0).
    pub worst_score: f64,
    /// The exemplary answers' score on their own seed, when the scenario ships them.
    pub exemplary_score: Option<f64>,
    /// Whether no explored path beat the exemplary answers.
    pub exemplary_reaches_best: Option<bool>,
    /// The playbook's own strategy (best option, roles that meet their needs, publishing
    /// mid-window, the cleanest prepared text).
    pub greedy_score: f64,
    /// Score percentiles over the random samples: p0, p10, p25, p50, p75, p90, p100.
    pub percentiles: BTreeMap<String, f64>,
    /// What no explored path reached.
    pub unreached: Unreached,
    /// Playbook rules no explored path ever scored.
    pub unexercised_rules: Vec<String>,
    /// Options that can never change the score: the same effects as another option of the
    /// same decision, with nothing in the scenario depending on which was chosen.
    pub inert_options: Vec<InertOption>,
}

/// Injects and decisions no explored path reached.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Unreached {
    /// Inject IDs.
    pub injects: Vec<String>,
    /// Decision IDs.
    pub decisions: Vec<String>,
    /// Milestone IDs (format 2): a meeting no explored path held.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<String>,
}

/// An option whose choice never changes the score.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct InertOption {
    /// Its decision's ID.
    pub decision: String,
    /// Its ID.
    pub option: String,
    /// The option it cannot be told apart from.
    pub same_as: String,
}

/// What one explored path saw.
struct Path {
    total: f64,
    injects: Vec<bool>,
    decisions: Vec<bool>,
    milestones: Vec<bool>,
}

/// Stock texts for written answers: a plain holding statement and a hedged, leaky one, in
/// both languages, so sampling sees both good and bad wording without a writer's help.
const STOCK_TEXTS: [&str; 4] = [
    "現在、事実関係を調査中です。確認でき次第、改めてお知らせいたします。お問い合わせは窓口までお願いいたします。",
    "おそらくサーバーがダウンしたと思われます。担当の田中(tanaka@example.co.jp)が対応中で、二度と発生しません。",
    "We are investigating and will share confirmed facts as soon as we have them. Questions: our helpline.",
    "We believe the server probably crashed. Our engineer (bob@example.com) says it will never happen again.",
];

/// The most random paths `analyze` plays: past this the percentiles do not move, and the
/// time would run to hours.
pub const MAX_SAMPLES: usize = 1_000_000;

/// Explores `samples` random paths from `seed`, plus the fixed strategies.
pub fn analyze(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    exemplary: Option<&Answers>,
    samples: usize,
    seed: u64,
) -> Analysis {
    analyze_with_progress(scenario, playbook, exemplary, samples, seed, &mut |_, _| {})
}

/// What the explored paths add up to, kept as they are played so memory does not grow with
/// the number of samples: the best and worst totals, what any path reached, and a count of
/// totals per tenth of a point (totals are rounded to 0.1), from which percentiles are exact.
struct Summary {
    best: f64,
    worst: f64,
    injects: Vec<bool>,
    decisions: Vec<bool>,
    milestones: Vec<bool>,
    tenths: Vec<u64>,
    sampled: u64,
}

impl Summary {
    fn new(s: &Scenario) -> Summary {
        Summary {
            best: f64::MIN,
            worst: f64::MAX,
            injects: vec![false; s.injects.len()],
            decisions: vec![false; s.decisions.len()],
            milestones: vec![false; s.milestones.len()],
            tenths: vec![0; 1001],
            sampled: 0,
        }
    }

    fn add(&mut self, p: &Path) {
        self.best = self.best.max(p.total);
        self.worst = self.worst.min(p.total);
        for (seen, now) in self.injects.iter_mut().zip(&p.injects) {
            *seen |= now;
        }
        for (seen, now) in self.decisions.iter_mut().zip(&p.decisions) {
            *seen |= now;
        }
        for (seen, now) in self.milestones.iter_mut().zip(&p.milestones) {
            *seen |= now;
        }
    }

    fn sample(&mut self, p: &Path) {
        self.add(p);
        let bin = (p.total * 10.0).round().clamp(0.0, 1000.0) as usize;
        self.tenths[bin] += 1;
        self.sampled += 1;
    }

    /// The sampled totals' percentiles, as if every total had been kept and sorted.
    fn percentiles(&self) -> BTreeMap<String, f64> {
        let mut out = BTreeMap::new();
        if self.sampled == 0 {
            return out;
        }
        for p in [0, 10, 25, 50, 75, 90, 100] {
            let i = ((p as f64 / 100.0) * (self.sampled - 1) as f64).round() as u64;
            let mut seen = 0;
            for (bin, n) in self.tenths.iter().enumerate() {
                seen += n;
                if seen > i {
                    out.insert(format!("p{p:02}"), bin as f64 / 10.0);
                    break;
                }
            }
        }
        out
    }
}

/// [`analyze`], calling `progress(done, samples)` as the random paths are played (the CLI
/// shows it on a terminal).
pub fn analyze_with_progress(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    exemplary: Option<&Answers>,
    samples: usize,
    seed: u64,
    progress: &mut dyn FnMut(usize, usize),
) -> Analysis {
    let samples = samples.min(MAX_SAMPLES);
    // The same prepared drafts are checked on many paths: remember what was found.
    let checker = Checker::for_scenario(playbook, scenario).memoized();
    let mut summary = Summary::new(scenario);
    // One drill, started again for each sample: its memory is reused.
    let mut drill = None;
    for i in 0..samples {
        let mut rng = ChaCha8Rng::seed_from_u64(seed.wrapping_add(i as u64));
        let drill_seed = rng.random();
        let path = play_in(
            &mut drill,
            (scenario, playbook, &checker),
            drill_seed,
            Strategy::Random(&mut rng),
        )
        .0;
        summary.sample(&path);
        if i % 1000 == 999 {
            progress(i + 1, samples);
        }
    }
    progress(samples, samples);
    let (greedy, greedy_actions) =
        play_recorded(scenario, playbook, &checker, seed, Strategy::Greedy);
    let greedy_score = greedy.total;
    summary.add(&greedy);
    summary.add(&play(scenario, playbook, &checker, seed, Strategy::Idle));
    let exemplary_path = exemplary.and_then(|a| {
        crate::records::replay::play(scenario, playbook, &checker, a, a.seed.unwrap_or(1))
            .ok()
            .map(|o| observe(&o.session, o.score.total))
    });
    let exemplary_score = exemplary_path.as_ref().map(|p| p.total);
    if let Some(p) = &exemplary_path {
        summary.add(p);
    }

    // The exact part: what no answers file can beat, and a search from the best known
    // answers (the exemplary, the playbook's strategy) that tries to reach it.
    let bound = crate::authoring::bound::upper_bound(scenario, playbook);
    let mut starts = vec![crate::authoring::bound::answers_from(greedy_actions, seed)];
    if let Some(a) = exemplary {
        starts.insert(0, a.clone());
    }
    let mut search_evaluations = 0;
    for start in starts {
        if summary.best + 0.05 >= bound {
            break;
        }
        let s = start.seed.unwrap_or(seed);
        let found = crate::authoring::bound::search(scenario, playbook, &checker, start, s, bound);
        search_evaluations += found.evaluations;
        summary.best = summary.best.max(found.total);
    }
    let best_found = summary.best;
    debug_assert!(
        best_found <= bound + 1e-9,
        "{best_found} beats the bound {bound}"
    );
    let best_score = bound.max(best_found);
    let worst_score = summary.worst;
    let mut unreached = Unreached::default();
    for (i, inj) in scenario.injects.iter().enumerate() {
        if !summary.injects[i] {
            unreached.injects.push(inj.id.clone());
        }
    }
    for (i, d) in scenario.decisions.iter().enumerate() {
        if !summary.decisions[i] {
            unreached.decisions.push(d.id.clone());
        }
    }
    for (i, m) in scenario.milestones.iter().enumerate() {
        if !summary.milestones[i] {
            unreached.milestones.push(m.id.clone());
        }
    }
    // From coverage, the same lists the scorer walks: what no path through the scenario
    // can score (a test plays every bundled scenario to show coverage is exact).
    let covered = crate::scoring::coverage::rules(scenario, playbook);
    let unexercised_rules = playbook
        .rules
        .iter()
        .filter(|r| !covered.contains(&r.id))
        .map(|r| r.id.clone())
        .collect();
    Analysis {
        scenario: scenario.id.clone(),
        samples,
        seed,
        best_score,
        best_found,
        best_exact: best_found + 0.05 >= best_score,
        search_evaluations,
        worst_score,
        exemplary_score,
        exemplary_reaches_best: exemplary_score.map(|e| e + 0.05 >= best_score),
        greedy_score,
        percentiles: summary.percentiles(),
        unreached,
        unexercised_rules,
        inert_options: inert_options(scenario),
    }
}

fn observe(session: &Session, total: f64) -> Path {
    let s = &*session.scenario;
    Path {
        total,
        injects: (0..s.injects.len())
            .map(|i| session.arrived_at(InjectRef(i)).is_some())
            .collect(),
        decisions: (0..s.decisions.len())
            .map(|i| !matches!(session.decision(DecisionRef(i)), DecisionState::Waiting))
            .collect(),
        milestones: (0..s.milestones.len())
            .map(|i| {
                session
                    .milestone_at(crate::scenario::MilestoneRef(i))
                    .is_some()
            })
            .collect(),
    }
}

/// What a path will do about one decision.
#[derive(Debug, Clone, PartialEq)]
enum Plan {
    /// Not open yet: nothing chosen.
    NotYetOpen,
    /// Answer it at this time, this way.
    AnswerAt(SimTime, Answer),
    /// Answered, or left to expire.
    Done,
}

enum Strategy<'r> {
    Random(&'r mut ChaCha8Rng),
    Greedy,
    Idle,
}

/// Plays one path: each decision, once open, is answered at a moment the strategy picks
/// (or left to expire); optional injects are fired at random in random play.
fn play(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    checker: &Checker,
    seed: u64,
    strategy: Strategy<'_>,
) -> Path {
    play_recorded(scenario, playbook, checker, seed, strategy).0
}

/// [`play_recorded`] in `drill`, a drill of the same scenario played before (restarted
/// with `seed`), or in a new one left there.
fn play_in(
    drill: &mut Option<Session>,
    (scenario, playbook, checker): (&Arc<Scenario>, &Playbook, &Checker),
    seed: u64,
    strategy: Strategy<'_>,
) -> (Path, Vec<(SimTime, DecisionRef, Answer)>) {
    let session = match drill {
        Some(s) => {
            s.restart(seed);
            s
        }
        None => drill.insert(Session::unlogged(scenario, seed)),
    };
    play_session(session, playbook, checker, strategy)
}

/// [`play`], with the answers the path gave, in the order given.
fn play_recorded(
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    checker: &Checker,
    seed: u64,
    strategy: Strategy<'_>,
) -> (Path, Vec<(SimTime, DecisionRef, Answer)>) {
    play_in(&mut None, (scenario, playbook, checker), seed, strategy)
}

/// Plays `session`, just started, to its end with `strategy`, and scores it.
fn play_session(
    session: &mut Session,
    playbook: &Playbook,
    checker: &Checker,
    mut strategy: Strategy<'_>,
) -> (Path, Vec<(SimTime, DecisionRef, Answer)>) {
    let scenario = &Arc::clone(&session.scenario);
    let mut given: Vec<(SimTime, DecisionRef, Answer)> = Vec::new();
    let mut plan: Vec<Plan> = vec![Plan::NotYetOpen; scenario.decisions.len()];
    let mut fires: Vec<(SimTime, InjectRef)> = Vec::new();
    if let Strategy::Random(rng) = &mut strategy {
        for (i, inj) in scenario.injects.iter().enumerate() {
            if inj.optional && rng.random_bool(0.5) {
                fires.push((
                    SimTime(rng.random_range(0..=scenario.duration)),
                    InjectRef(i),
                ));
            }
        }
    }
    let mut open = Vec::new();
    loop {
        let now = session.now();
        open.clear();
        open.extend(session.open_decisions());
        for &d in &open {
            if plan[d.0] == Plan::NotYetOpen {
                plan[d.0] = match choose(session, checker, d, now, &mut strategy) {
                    Some((at, answer)) => Plan::AnswerAt(at, answer),
                    None => Plan::Done,
                };
            }
        }
        for (at, inj) in &fires {
            if *at <= now {
                session.fire(*inj);
            }
        }
        fires.retain(|(at, _)| *at > now);
        let mut answered = false;
        for (i, planned) in plan.iter_mut().enumerate() {
            if let Plan::AnswerAt(at, answer) = planned
                && *at <= now
                && matches!(session.decision(DecisionRef(i)), DecisionState::Open { .. })
            {
                if session.answer(DecisionRef(i), answer.clone()).is_ok() {
                    given.push((now, DecisionRef(i), answer.clone()));
                }
                *planned = Plan::Done;
                answered = true;
            }
        }
        if answered {
            continue; // answers may open more decisions at this same minute
        }
        let next_planned = plan
            .iter()
            .filter_map(|p| match p {
                Plan::AnswerAt(t, _) => Some(*t),
                _ => None,
            })
            .chain(fires.iter().map(|(t, _)| *t))
            .filter(|t| *t > now)
            .min();
        let next = match (session.next_event_time().filter(|t| *t > now), next_planned) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => match a.or(b) {
                Some(t) => t,
                None => break,
            },
        };
        if next > session.end() || session.is_over() {
            break;
        }
        session.advance_to(next);
    }
    session.finish();
    let total = scoring::total(session, playbook, checker);
    (observe(session, total), given)
}

/// When and how to answer decision `d`, opened at `now`.
fn choose(
    session: &Session,
    checker: &Checker,
    d: DecisionRef,
    now: SimTime,
    strategy: &mut Strategy<'_>,
) -> Option<(SimTime, Answer)> {
    let scenario = &*session.scenario;
    let dec = scenario.decision(d);
    match strategy {
        Strategy::Idle => None,
        Strategy::Greedy => {
            let at = match &dec.kind {
                DecisionKind::Timing(t) => {
                    SimTime(now.0.max((t.window.from.0 + t.window.to.0) / 2))
                }
                _ => now,
            };
            Some((at, best_answer(session, checker, d, at)))
        }
        Strategy::Random(rng) => {
            if rng.random_bool(0.1) {
                return None;
            }
            let at = match &dec.kind {
                DecisionKind::Timing(t) => {
                    let picks = [
                        now.0,
                        t.window.from.0,
                        (t.window.from.0 + t.window.to.0) / 2,
                        t.window.to.0,
                        t.window.to.0 + 120,
                        now.0 + rng.random_range(0..=scenario.duration.saturating_sub(now.0)),
                    ];
                    SimTime(picks[rng.random_range(0..picks.len())].max(now.0))
                }
                _ => now.plus(rng.random_range(0..=30)),
            };
            Some((at, random_answer(scenario, d, rng)))
        }
    }
}

/// Any valid answer to `d`, drawn from `rng`: a random option, random people in the roles,
/// a prepared or a stock text.
pub fn random_answer(scenario: &Scenario, d: DecisionRef, rng: &mut impl Rng) -> Answer {
    match &scenario.decision(d).kind {
        DecisionKind::Choice { options } => {
            Answer::Choice(options[rng.random_range(0..options.len())].id.clone())
        }
        DecisionKind::Timing(_) => Answer::Publish,
        DecisionKind::Roles(r) => Answer::Roles(
            r.roles
                .iter()
                .map(|role| {
                    let p = rng.random_range(0..scenario.cast.len());
                    (role.id.clone(), scenario.cast[p].id.clone())
                })
                .collect(),
        ),
        DecisionKind::Draft(x) if !x.candidates.is_empty() && rng.random_bool(0.6) => {
            Answer::Candidate(
                x.candidates[rng.random_range(0..x.candidates.len())]
                    .id
                    .clone(),
            )
        }
        DecisionKind::Draft(_) => {
            Answer::Text(STOCK_TEXTS[rng.random_range(0..STOCK_TEXTS.len())].into())
        }
        DecisionKind::Inquiry(q) if !q.answers.is_empty() && rng.random_bool(0.7) => {
            Answer::Choice(q.answers[rng.random_range(0..q.answers.len())].id.clone())
        }
        DecisionKind::Inquiry(_) => {
            Answer::Text(STOCK_TEXTS[rng.random_range(0..STOCK_TEXTS.len())].into())
        }
    }
}

/// The playbook's own best guess for `d` at `at`: the option worth most, for each role the
/// first person who meets its needs (not holding another role), the prepared text with the
/// fewest wording findings.
fn best_answer(session: &Session, checker: &Checker, d: DecisionRef, at: SimTime) -> Answer {
    let scenario = &*session.scenario;
    // The option worth most in all, the first of equals.
    let best = |options: &[crate::scenario::ChoiceOption]| {
        let worth =
            |o: &&crate::scenario::ChoiceOption| o.effects.iter().map(|e| e.points).sum::<u32>();
        Answer::Choice(
            options
                .iter()
                .rev()
                .max_by_key(worth)
                .map(|o| o.id.clone())
                .unwrap_or_default(),
        )
    };
    match &scenario.decision(d).kind {
        DecisionKind::Choice { options } => best(options),
        DecisionKind::Inquiry(q) if !q.answers.is_empty() => best(&q.answers),
        DecisionKind::Inquiry(_) => Answer::Text(STOCK_TEXTS[0].into()),
        DecisionKind::Timing(_) => Answer::Publish,
        DecisionKind::Roles(r) => {
            let mut taken = BTreeSet::new();
            let mut chosen = BTreeMap::new();
            for role in &r.roles {
                let fits = |p: usize| {
                    session
                        .role_unmet(role, crate::scenario::PersonRef(p), at)
                        .is_none()
                };
                let pick = (0..scenario.cast.len())
                    .find(|p| fits(*p) && (r.allow_doubling || !taken.contains(p)))
                    .or_else(|| (0..scenario.cast.len()).find(|p| fits(*p)))
                    .unwrap_or(0);
                taken.insert(pick);
                chosen.insert(role.id.clone(), scenario.cast[pick].id.clone());
            }
            Answer::Roles(chosen)
        }
        DecisionKind::Draft(x) => {
            let ctx_text = |text: &str| {
                let ctx = session.wording_context((&x.required, x.readers), at, text);
                checker.check(text, &ctx).len()
            };
            x.candidates
                .iter()
                .min_by_key(|c| ctx_text(c.text.get(session.lang)))
                .map(|c| Answer::Candidate(c.id.clone()))
                .unwrap_or_else(|| Answer::Text(STOCK_TEXTS[0].into()))
        }
    }
}

/// Options with the same effects as an earlier option of the same decision, when nothing in
/// the scenario is triggered by choosing either.
fn inert_options(scenario: &Scenario) -> Vec<InertOption> {
    let triggered: BTreeSet<(usize, usize)> = scenario
        .injects
        .iter()
        .map(|i| &i.when)
        .chain(scenario.decisions.iter().filter_map(|d| d.opens.as_ref()))
        .filter_map(|t| match t {
            Trigger::AfterOption(d, o) => Some((d.0, *o)),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for (di, d) in scenario.decisions.iter().enumerate() {
        let options = match &d.kind {
            DecisionKind::Choice { options } => options,
            DecisionKind::Inquiry(q) => &q.answers,
            _ => continue,
        };
        let effects = |o: &crate::scenario::ChoiceOption| {
            let mut e: Vec<(String, u32)> = o
                .effects
                .iter()
                .map(|e| (e.rule.clone(), e.points))
                .collect();
            e.sort();
            e
        };
        for (i, o) in options.iter().enumerate() {
            if triggered.contains(&(di, i)) {
                continue;
            }
            if let Some(same) = options[..i].iter().enumerate().find(|(j, earlier)| {
                !triggered.contains(&(di, *j)) && effects(earlier) == effects(o)
            }) {
                out.push(InertOption {
                    decision: d.id.clone(),
                    option: o.id.clone(),
                    same_as: same.1.id.clone(),
                });
            }
        }
    }
    out
}

impl Analysis {
    /// The analysis as text, in `lang`.
    pub fn render(&self, lang: crate::Lang) -> String {
        let ja = lang == crate::Lang::Ja;
        let t = |j: &'static str, e: &'static str| if ja { j } else { e };
        let mut o = String::new();
        o.push_str(&format!(
            "{}: {} ({} {} {}, {} {})\n",
            t("分析", "analysis"),
            self.scenario,
            self.samples,
            t("通りの無作為な進め方と", "random paths plus"),
            t(
                "3つの定型(模範・手順どおり・何もしない)",
                "3 fixed ones (exemplary, playbook's, idle)"
            ),
            t("シード", "seed"),
            self.seed
        ));
        o.push_str(&format!(
            "  {}: {:.1} ({})   {}: {:.1}\n",
            t("最高点", "best"),
            self.best_score,
            if self.best_exact {
                t(
                    "厳密: この点に届く回答がある",
                    "exact: an answers file reaches it",
                )
            } else {
                t(
                    "上限: ここまで届く回答は未発見",
                    "upper bound: no answers file found reaching it",
                )
            },
            t("最低点", "worst"),
            self.worst_score
        ));
        if !self.best_exact {
            o.push_str(&format!(
                "  {}: {:.1}\n",
                t("見つかった最高点", "best found"),
                self.best_found
            ));
        }
        match (self.exemplary_score, self.exemplary_reaches_best) {
            (Some(e), Some(reach)) => o.push_str(&format!(
                "  {}: {e:.1} ({})\n",
                t("模範回答", "exemplary"),
                if reach {
                    t("最高点に届いている", "reaches the best")
                } else {
                    t(
                        "最高点に届いていない: 模範回答を見直してください",
                        "does not reach the best: revisit the exemplary answers",
                    )
                }
            )),
            _ => o.push_str(&format!(
                "  {}\n",
                t(
                    "模範回答がありません (answers/NAME.exemplary.ron)",
                    "no exemplary answers (answers/NAME.exemplary.ron)"
                )
            )),
        }
        o.push_str(&format!(
            "  {}: {:.1}\n",
            t("手順どおりの定型", "playbook's strategy"),
            self.greedy_score
        ));
        let ps: Vec<String> = ["p00", "p10", "p25", "p50", "p75", "p90", "p100"]
            .iter()
            .filter_map(|k| self.percentiles.get(*k).map(|v| format!("{k} {v:.1}")))
            .collect();
        o.push_str(&format!(
            "  {}: {}\n",
            t("分布", "distribution"),
            ps.join("  ")
        ));
        let list = |o: &mut String, head: &str, items: &[String]| {
            if items.is_empty() {
                o.push_str(&format!("  {head}: {}\n", t("なし", "none")));
            } else {
                o.push_str(&format!("  {head}: {}\n", items.join(", ")));
            }
        };
        list(
            &mut o,
            t("届かない情報", "injects never reached"),
            &self.unreached.injects,
        );
        list(
            &mut o,
            t("開かない判断", "decisions never reached"),
            &self.unreached.decisions,
        );
        if !self.unreached.milestones.is_empty() {
            list(
                &mut o,
                t("達しない節目", "milestones never reached"),
                &self.unreached.milestones,
            );
        }
        list(
            &mut o,
            t("採点されない規則", "rules never scored"),
            &self.unexercised_rules,
        );
        let inert: Vec<String> = self
            .inert_options
            .iter()
            .map(|i| format!("{}.{} (= {})", i.decision, i.option, i.same_as))
            .collect();
        list(
            &mut o,
            t(
                "点数を変えない選択肢",
                "options that never change the score",
            ),
            &inert,
        );
        o
    }
}
