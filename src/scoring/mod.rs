//! Scoring: turns a finished drill into findings, one per rule a decision touches, each with
//! the rule, its points and maximum, the evidence (the choice, the time, the span of text), a
//! message in Japanese and English and the procedure clause it cites, so a trainee can read
//! every point and argue with it. The total starts at 100 and loses, once per rule and drill
//! (or stage), what the rule's severity and weight put at stake (see [`totals`]).

//!
//! One file per rule family: each owns both which rules a decision scores (read by
//! [`coverage`], so `check`, `analyze` and the scorer cannot disagree) and the scoring itself.

mod choice;
pub mod coverage;
mod roles;
mod text;
mod timing;
pub mod totals;

pub(crate) use choice::cheapest_loss;

use crate::playbook::{Area, Playbook};
use crate::scenario::{DecisionKind, DecisionRef, SimTime};
use crate::session::{Answer, DecisionState, Session};
use crate::text::Text;
use crate::wording::{Checker, Span};
use serde::Serialize;
use std::collections::BTreeMap;

/// The scoring model: 2 is the undiluted, severity-weighted model of `docs/scoring.md`.
/// Records keep it, so a total from an earlier model is never compared with today's.
pub const MODEL: u32 = 2;

/// One scoring point: a rule, the points earned of its maximum, the evidence, why, and the clause of the procedure it cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule.
    pub rule: String,
    /// The area it counts in.
    pub area: Area,
    /// The rule's severity in the playbook: with its weight, what the rule puts at stake.
    pub severity: crate::playbook::Severity,
    /// The points earned of `max`.
    pub points: f64,
    /// The points at stake: the rule's severity cost times its weight, the same for every
    /// finding of the rule.
    pub max: f64,
    /// Whether this finding is the one its rule counts by in its unit (the drill, or a stage
    /// for a notice and its publication): a rule counts once there, by its worst finding.
    pub counted: bool,
    /// The rule's position in the playbook, to group findings by rule without comparing IDs.
    #[serde(skip)]
    pub(crate) rule_index: usize,
    /// Where the rule counts once (see `counted`).
    #[serde(skip)]
    pub(crate) unit: totals::Unit,
    /// The decision it scores, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    /// When it was decided, if it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<SimTime>,
    /// What the trainee did: the choice, the moment, the words.
    pub evidence: Text,
    /// The part of a text it points at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Why these points.
    pub message: Text,
    /// The procedure clause(s): "S1.1 初動対応と情報収集のポイント".
    pub citation: Text,
}

impl Finding {
    /// The points lost.
    pub fn lost(&self) -> f64 {
        self.max - self.points
    }

    /// Whether this finding lost points that a graver finding of its rule, in its unit,
    /// counts instead: every debrief says so beside it ([`not_counted_label`]).
    pub fn overruled(&self) -> bool {
        !self.counted && self.points < self.max
    }
}

/// What some findings take off the 100: the losses of those that are counted.
pub fn counted_loss<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> f64 {
    // A float sum of nothing is -0.0, which prints as "-0.0": adding 0.0 makes it 0.
    findings
        .into_iter()
        .filter(|f| f.counted)
        .map(Finding::lost)
        .sum::<f64>()
        + 0.0
}

/// What a debrief says beside an [overruled](Finding::overruled) finding.
pub fn not_counted_label() -> Text {
    Text::new(
        "同じ規則のより重い指摘で計上済み",
        "not counted: a graver finding of this rule counts",
    )
}

/// What a debrief says before the error rules that lost points (`Score::broken`).
pub fn broken_label() -> Text {
    Text::new(
        "手順が禁じていることに当たり、点を失った規則:",
        "Rules the procedure treats as errors that lost points:",
    )
}

/// An area's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    /// Points this area's rules lost (each counted once), before the area's cap.
    pub lost: f64,
    /// The most this area can take off the total: its weight in the procedure.
    pub cap: f64,
    /// What the area takes off the total: `lost`, at most `cap`.
    pub deducted: f64,
    /// 0–100: the area on its own, 100 less what it lost.
    pub score: f64,
    /// The exercise rating trainers use (HSEEP's P, S, M, U), from the findings.
    pub rating: Rating,
    /// The rules behind the rating: those that lost points, the gravest first.
    pub rating_rules: Vec<String>,
}

/// How a capability was performed, as HSEEP's after-action reports rate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Rating {
    /// Performed without challenges: no point lost.
    P,
    /// Performed with some challenges: points lost only on rules that are not errors, and
    /// fewer than [`totals::MAJOR_LOSS`].
    S,
    /// Performed with major challenges: a rule the procedure treats as an error lost
    /// points, or the area lost [`totals::MAJOR_LOSS`] or more.
    M,
    /// Unable to be performed: two or more error rules (or one in two units) lost at least
    /// half their stake; or an error rule lost and the area lost its whole cap on more than
    /// one rule; or the area lost half as much again as its cap.
    U,
}

impl Rating {
    /// The rating's letter.
    pub fn letter(self) -> &'static str {
        match self {
            Rating::P => "P",
            Rating::S => "S",
            Rating::M => "M",
            Rating::U => "U",
        }
    }

    /// What it means, in both languages.
    pub fn label(self) -> Text {
        match self {
            Rating::P => Text::new("P: 支障なく実施", "P: performed without challenges"),
            Rating::S => Text::new("S: 一部に課題", "S: performed with some challenges"),
            Rating::M => Text::new("M: 大きな課題", "M: performed with major challenges"),
            Rating::U => Text::new("U: 実施できず", "U: unable to be performed"),
        }
    }
}

/// A drill's score: totals, grade and every finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// 0–100: 100 less what each area lost, each area at most its cap.
    pub total: f64,
    /// The grade letter, from the total alone.
    pub grade: &'static str,
    /// Error rules that lost points: what the procedure forbids outright, done.
    pub broken: Vec<String>,
    /// Each area's score.
    pub areas: BTreeMap<&'static str, AreaScore>,
    /// Rules that earned full marks, the weightiest first.
    pub strengths: Vec<String>,
    /// Rules that lost the most points.
    pub improvements: Vec<String>,
    /// Every finding, in the order the decisions come.
    pub findings: Vec<Finding>,
}

impl Score {
    /// What came off the 100: each counted finding that lost points, the costliest first.
    pub fn deductions(&self) -> Vec<&Finding> {
        let mut out: Vec<&Finding> = self
            .findings
            .iter()
            .filter(|f| f.counted && f.points < f.max)
            .collect();
        out.sort_by(|a, b| b.lost().total_cmp(&a.lost()));
        out
    }
}

/// Grade bands: what a total means in words. Each error rule broken outright costs more
/// than 20, so one puts a drill in C and two in D; a few warnings keep an A or a B.
pub fn grade(total: f64) -> &'static str {
    match total {
        t if t >= 90.0 => "A",
        t if t >= 80.0 => "B",
        t if t >= 60.0 => "C",
        _ => "D",
    }
}

/// What a grade means, in both languages.
pub fn grade_label(grade: &str) -> Text {
    match grade {
        "A" => Text::new(
            "A: 手順どおりの判断ができています",
            "A: handled as the procedure asks",
        ),
        "B" => Text::new(
            "B: おおむね良好、改善点あり",
            "B: sound, with points to improve",
        ),
        "C" => Text::new(
            "C: 重要な手順の抜けがあります",
            "C: important steps were missed",
        ),
        _ => Text::new(
            "D: 手順の見直しが必要です",
            "D: the procedure needs rehearsing",
        ),
    }
}

/// Minutes before a core fact is confirmed at which publishing earns nothing for
/// `timing.facts_confirmed`: a minute or two is the clock's grain, ten is publishing what
/// is not yet known.
pub const EARLY_TOLERANCE: f64 = 10.0;

/// Minutes before the playbook's window opens at which a notice without what its stage
/// needs earns nothing for `timing.severity_weighed`.
pub const WINDOW_EARLY_TOLERANCE: f64 = 60.0;

/// 0 at 0, 1 at 1, flat at both ends: a little early or late costs a little.
pub(super) fn smoothstep(x: f64) -> f64 {
    let x = x.clamp(0.0, 1.0);
    x * x * (3.0 - 2.0 * x)
}

pub(super) fn round1(x: f64) -> f64 {
    round(x * 10.0) / 10.0
}

/// `f64::round` (half away from zero, the sign of a zero kept) without the C library's call:
/// the scorer rounds every finding of every path `analyze` plays.
#[inline]
fn round(y: f64) -> f64 {
    // Beyond 2^52 every float is whole; NaN and the infinities round to themselves.
    if y.is_nan() || y.abs() >= 4_503_599_627_370_496.0 {
        return y;
    }
    let t = y as i64 as f64; // toward zero, exactly, in this range
    let d = y - t; // exact: t and y share their leading bits
    let r = if d >= 0.5 {
        t + 1.0
    } else if d <= -0.5 {
        t - 1.0
    } else {
        t
    };
    r.copysign(y)
}

pub(super) struct Scorer<'a> {
    pub(super) session: &'a Session,
    pub(super) playbook: &'a Playbook,
    pub(super) findings: Vec<Finding>,
    /// In a quiet run, what each finding lost in its rule and unit, in place of the findings.
    pub(super) losses: Vec<totals::Loss>,
    /// In a quiet run, whether any rule was scored (a loss of 0 is not kept).
    pub(super) scored: bool,
    /// What each choice of the scenario scores, worked out once for the scenario.
    pub(super) choices: std::sync::Arc<choice::ChoicePlan>,
    /// Where the findings pushed now count (see [`Finding::counted`]).
    pub(super) unit: totals::Unit,
    /// The decision's own points, where its rules may be worth more or less than them
    /// (a timing decision's `rule_points`): a rule's stake is scaled by its points over
    /// these. `None`: every rule carries its stake as it is.
    pub(super) base_points: Option<f64>,
    /// Only the points are wanted ([`total`]): evidence, messages and citations are left
    /// empty, and the rule families skip building them.
    pub(super) quiet: bool,
}

impl Scorer<'_> {
    #[inline]
    pub(super) fn push(
        &mut self,
        rule: &str,
        got: f64,
        max_raw: f64,
        at: (Option<&str>, Option<SimTime>),
        evidence: Text,
        message: Text,
    ) {
        self.push_span(rule, got, max_raw, at, evidence, None, message);
    }

    /// Scores `rule` at `fraction` of its stake (`max_raw` of the decision's points), with
    /// the evidence and message a debrief shows. Inlined, so a quiet run's callers build
    /// and drop no text.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    pub(super) fn push_span(
        &mut self,
        rule: &str,
        fraction: f64,
        max_raw: f64,
        at: (Option<&str>, Option<SimTime>),
        evidence: Text,
        span: Option<Span>,
        message: Text,
    ) {
        if self.quiet {
            self.push_quiet(rule, fraction, max_raw);
        } else {
            self.push_finding(rule, fraction, max_raw, at, evidence, span, message);
        }
    }

    /// The rule at stake, its place and the points it carries and earns: `None` for a rule
    /// the playbook does not have or gives no weight.
    #[inline(always)]
    fn stake(
        &mut self,
        rule: &str,
        fraction: f64,
        max_raw: f64,
    ) -> Option<(usize, &crate::playbook::Rule, f64, f64)> {
        let index = self.playbook.rule_index(rule)?;
        let r = &self.playbook.rules[index];
        let at_stake = max_raw * r.weight > 0.0;
        if !at_stake {
            return None;
        }
        let scale = match self.base_points {
            Some(base) if base > 0.0 => max_raw / base,
            _ => 1.0,
        };
        let max = totals::stake(r) * scale;
        Some((index, r, max, max * fraction.clamp(0.0, 1.0)))
    }

    /// Only what the total needs: the rule, its unit, its area and what it lost, where it
    /// lost anything (a 0 never changes a sum or a worst).
    #[inline(never)]
    fn push_quiet(&mut self, rule: &str, fraction: f64, max_raw: f64) {
        // A rule met in full changes no total once a rule has been scored: it need not be
        // looked up.
        if self.scored && fraction >= 1.0 {
            return;
        }
        let unit = self.unit;
        let Some((index, r, max, points)) = self.stake(rule, fraction, max_raw) else {
            return;
        };
        let (area, lost) = (r.area, round1(max) - round1(points));
        self.scored = true;
        if lost != 0.0 {
            self.losses.push(totals::Loss::new(index, unit, area, lost));
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    fn push_finding(
        &mut self,
        rule: &str,
        fraction: f64,
        max_raw: f64,
        (decision, at): (Option<&str>, Option<SimTime>),
        evidence: Text,
        span: Option<Span>,
        message: Text,
    ) {
        let unit = self.unit;
        let Some((index, r, max, points)) = self.stake(rule, fraction, max_raw) else {
            return;
        };
        let (area, severity) = (r.area, r.severity);
        let citation = self.playbook.citation_text(rule);
        self.findings.push(Finding {
            rule: rule.to_string(),
            area,
            severity,
            points,
            max,
            counted: false,
            rule_index: index,
            unit,
            decision: decision.map(str::to_string),
            at,
            evidence,
            span,
            message,
            citation,
        });
    }
}

/// A decision that never opened in this drill: nobody can be scored on a question never
/// asked, whether the seed left its inject out or the team's path never led to it.
fn never_offered(session: &Session, d: DecisionRef) -> bool {
    matches!(session.decision(d), DecisionState::Waiting)
}

/// `make()`, unless only the points are wanted ([`Scorer::quiet`]): a message or evidence
/// built only for a debrief that reads it.
pub(super) fn say(quiet: bool, make: impl FnOnce() -> Text) -> Text {
    if quiet { Text::default() } else { make() }
}

pub(super) fn not_answered() -> Text {
    Text::new("未回答", "Not answered")
}

/// The rule (and its place in the playbook), when a rule given `max_raw` points by the
/// scenario can earn anything under `playbook`: the one test the scorer, [`coverage`] and
/// `analyze`'s bound apply. The scenario's points share a decision among its rules (and a
/// zero turns a rule off); what a rule costs in the total is its [`totals::stake`].
#[inline]
pub(crate) fn at_stake<'p>(
    playbook: &'p Playbook,
    rule: &str,
    max_raw: f64,
) -> Option<(usize, &'p crate::playbook::Rule)> {
    let index = playbook.rule_index(rule)?;
    let r = &playbook.rules[index];
    (max_raw * r.weight > 0.0).then_some((index, r))
}

/// Scores a draft: a public notice (in one language or both), or an internal document by
/// the rules its audience calls for.
fn draft(
    s: &mut Scorer<'_>,
    checker: &Checker,
    d: &crate::scenario::Decision,
    x: &crate::scenario::Draft,
    answer: Option<&Answer>,
    at: (Option<&str>, Option<SimTime>),
) {
    let session = s.session;
    let rules = text::draft_rules(x);
    let points = f64::from(x.points);
    let per_rule = points / rules.len().max(1) as f64;
    if x.audience == crate::scenario::Audience::Executive {
        let given = answer.and_then(|a| a.text(d, session.lang));
        let checked: Vec<&str> = rules
            .iter()
            .copied()
            .filter(|r| *r != crate::playbook::rule::PROCESS_EXEC_BRIEFING)
            .collect();
        text::score(
            s,
            checker,
            given,
            (&x.required, x.readers),
            per_rule * checked.len() as f64,
            &checked,
            at,
        );
        text::brief(s, given, per_rule, at);
        return;
    }
    // A public notice is judged as it went out: against the ledger at its stage's
    // publication. A notice whose stage never went out was never read by anyone, so only
    // the timing decision scores it.
    let (ledger_at, answer) = match publication(session, x, at.1) {
        Publication::Never => return,
        Publication::At(t) => (t, answer),
        // The stage went out before this text existed: what went out had no text.
        Publication::Before(t) => (t, None),
    };
    if !x.bilingual {
        let given = answer.and_then(|a| a.text(d, session.lang));
        let versions: Vec<(Option<crate::text::Lang>, &str)> =
            given.map(|t| (None, t)).into_iter().collect();
        text::score_versions(
            s,
            checker,
            &versions,
            Vec::new(),
            (&x.required, x.readers),
            points,
            &rules,
            at,
            ledger_at,
        );
        return;
    }
    let versions: Vec<(Option<crate::text::Lang>, &str)> = answer
        .map(|a| a.texts(d, session.lang))
        .unwrap_or_default()
        .into_iter()
        .map(|(l, t)| (Some(l), t))
        .collect();
    let extra = match versions.as_slice() {
        [(_, ja), (_, en)] => checker.compare_versions(ja, en),
        [(Some(l), _)] => {
            let (missing_ja, missing_en) = match l {
                crate::text::Lang::Ja => ("英語版", "English"),
                crate::text::Lang::En => ("日本語版", "Japanese"),
            };
            let (severity, sections) = (
                crate::playbook::Severity::Error,
                s.playbook
                    .rule(crate::playbook::rule::WORDING_INCONSISTENT)
                    .map(|r| r.sections.clone())
                    .unwrap_or_default(),
            );
            vec![crate::wording::Finding {
                rule: crate::playbook::rule::WORDING_INCONSISTENT.to_string(),
                severity,
                span: None,
                excerpt: String::new(),
                message: Text::new(
                    format!("この段階は日英両方で公表しますが、{missing_ja}がありません。"),
                    format!(
                        "This stage goes out in both languages, but the {missing_en} version is missing."
                    ),
                ),
                suggestion: Some(Text::new(
                    "両方の版を書き、同じ事実を伝えましょう。",
                    "Write both versions, giving the same facts.",
                )),
                sections,
            }]
        }
        _ => Vec::new(),
    };
    text::score_versions(
        s,
        checker,
        &versions,
        extra,
        (&x.required, x.readers),
        points,
        &rules,
        at,
        ledger_at,
    );
}

/// When a public draft went out.
enum Publication {
    /// Its stage never went out: nothing to judge.
    Never,
    /// The moment to judge it at.
    At(SimTime),
    /// The stage went out at this moment, before the text was written.
    Before(SimTime),
}

/// The moment a public draft answered at `written` went out: the first publication of its
/// stage at or after the text was written. A scenario with no timing decision for the
/// stage publishes the text as it is written. A stage published with no text written is
/// judged at that publication (and loses its wording points for the missing text).
fn publication(
    session: &Session,
    x: &crate::scenario::Draft,
    written: Option<SimTime>,
) -> Publication {
    let scenario = &*session.scenario;
    let timed = scenario
        .decisions
        .iter()
        .any(|d| matches!(&d.kind, DecisionKind::Timing(t) if t.stage == x.stage));
    if !timed {
        return Publication::At(written.unwrap_or(session.now()));
    }
    let times = || {
        session
            .published()
            .iter()
            .filter(|(stage, _)| *stage == x.stage)
            .map(|(_, at)| *at)
    };
    let after = times().filter(|at| written.is_none_or(|w| *at >= w)).min();
    match (after, times().min()) {
        (Some(at), _) => Publication::At(at),
        (None, Some(before)) => Publication::Before(before),
        (None, None) => Publication::Never,
    }
}

/// Scores a finished drill.
pub fn score(session: &Session, playbook: &Playbook, checker: &Checker) -> Score {
    totals::finish(run(session, playbook, checker, false).findings)
}

/// The total alone, exactly as [`score`] gives it, without building the evidence, messages
/// and citations a debrief reads: for `analyze`'s many paths.
pub fn total(session: &Session, playbook: &Playbook, checker: &Checker) -> f64 {
    let s = run(session, playbook, checker, true);
    totals::total_of_losses(s.losses, s.scored)
}

/// Runs every rule family over the drill.
fn run<'a>(
    session: &'a Session,
    playbook: &'a Playbook,
    checker: &Checker,
    quiet: bool,
) -> Scorer<'a> {
    let mut s = Scorer {
        session,
        playbook,
        findings: Vec::new(),
        // 64 losses fit the allocator's small blocks; more grow the list.
        losses: Vec::with_capacity(if quiet { 64 } else { 0 }),
        scored: false,
        choices: session
            .scenario
            .derived
            .get(|| choice::ChoicePlan::of(&session.scenario)),
        unit: totals::Unit::Drill,
        base_points: None,
        quiet,
    };
    let scenario = &*session.scenario;
    for (i, d) in scenario.decisions.iter().enumerate() {
        if never_offered(session, DecisionRef(i)) {
            continue;
        }
        s.unit = totals::Unit::of(d);
        let (answer, at) = match session.decision(DecisionRef(i)) {
            DecisionState::Answered { answer, at, .. } => (Some(answer), Some(*at)),
            _ => (None, None),
        };
        let id = Some(d.id.as_str());
        match &d.kind {
            DecisionKind::Choice { options } => choice::score(
                &mut s,
                (i, options),
                answer.and_then(|a| a.option_index(d)),
                answer.is_some(),
                (id, at),
            ),
            DecisionKind::Inquiry(q) => {
                if !q.answers.is_empty() && !matches!(answer, Some(Answer::Text(_))) {
                    choice::score(
                        &mut s,
                        (i, &q.answers),
                        answer.and_then(|a| a.option_index(d)),
                        answer.is_some(),
                        (id, at),
                    );
                }
                let given = match answer {
                    Some(Answer::Text(t)) => Some(t.as_str()),
                    _ => None,
                };
                if q.free_text && (given.is_some() || q.answers.is_empty()) {
                    text::score(
                        &mut s,
                        checker,
                        given,
                        (&[], scenario.wording.readers),
                        q.points as f64,
                        &text::FREE_TEXT_RULES,
                        (id, at),
                    );
                }
                if let Some(reply) = &q.reply {
                    timing::reply(&mut s, reply, DecisionRef(i), (id, at));
                }
            }
            DecisionKind::Timing(t) => {
                s.base_points = Some(f64::from(t.points));
                timing::score(&mut s, (DecisionRef(i), t), at, id);
                s.base_points = None;
            }
            DecisionKind::Roles(r) => roles::score(&mut s, r, answer, at, id),
            DecisionKind::Draft(x) => draft(&mut s, checker, d, x, answer, (id, at)),
        }
    }
    s.unit = totals::Unit::Drill;
    timing::staged(&mut s);
    s
}

/// What the last published notice owes: the next stage, by when, and the words that
/// promised it (`None` when the scenario's `follow_up` set the time). `None` when nothing
/// is owed: nothing published yet, no later stage, the next stage out already, or nothing
/// promised. Only the team's own published text is read, so it tells them nothing new.
pub fn owed(session: &Session) -> Option<Owed> {
    let scenario = &*session.scenario;
    let (stage, at) = *session.published().last()?;
    let t = scenario.decisions.iter().enumerate().find_map(|(i, d)| {
        match (&d.kind, session.decision(DecisionRef(i))) {
            (DecisionKind::Timing(t), DecisionState::Answered { at: when, .. })
                if t.stage == stage && *when == at =>
            {
                Some(t)
            }
            _ => None,
        }
    })?;
    let next = timing::next_stage(scenario, t)?;
    if !matches!(
        session.decision(DecisionRef(next)),
        DecisionState::Open { .. } | DecisionState::Waiting
    ) {
        return None;
    }
    let (by, words) = timing::promise(session, t, at)?;
    let next_stage = match &scenario.decisions[next].kind {
        DecisionKind::Timing(x) => x.stage,
        _ => stage,
    };
    Some(Owed {
        next: next_stage,
        by,
        words,
    })
}

/// The next stage a published notice owes, and by when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owed {
    /// The stage owed.
    pub next: crate::scenario::Stage,
    /// When it is owed by.
    pub by: SimTime,
    /// The words of the notice that promised it, if the text did.
    pub words: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::round;

    #[test]
    fn nothing_lost_prints_as_zero_not_minus_zero() {
        let none: [&super::Finding; 0] = [];
        let lost = super::counted_loss(none);
        assert_eq!(format!("{lost:.1}"), "0.0");
    }

    #[test]
    fn round_is_the_standard_librarys_round_bit_for_bit() {
        let mut edges = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            1.5,
            2.5,
            -2.5,
            0.499_999_999_999_999_94,
            -0.499_999_999_999_999_94,
            4_503_599_627_370_495.5,
            4_503_599_627_370_497.0,
            -4_503_599_627_370_495.5,
            1e300,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // Every tenth of a point a finding can carry, scaled as `round1` scales it, and
        // values either side of each half.
        for k in -20_000..20_000 {
            let x = f64::from(k) * 0.05;
            edges.extend([x, x * 10.0, f64::from_bits(x.to_bits() + 1), x - 1e-12]);
        }
        for y in edges {
            assert_eq!(round(y).to_bits(), y.round().to_bits(), "{y:e}");
        }
        assert!(round(f64::NAN).is_nan());
    }
}
