//! Scoring: turns a finished drill into findings, one per rule a decision touches, each with
//! the rule, its points and maximum, the evidence (the choice, the time, the span of text), a
//! message in Japanese and English and the procedure clause it cites, so a trainee can read
//! every point and argue with it. Totals per area and overall are on a 0–100 scale.

use crate::playbook::{Area, Playbook, WORDING_PRESENT_RULES};
use crate::scenario::{
    ChoiceOption, DecisionKind, DecisionRef, Element, FactStatus, PersonRef, SimTime, Stage,
};
use crate::session::{Answer, DecisionState, Session};
use crate::text::{Lang, Text};
use crate::wording::{Checker, Span};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: String,
    pub area: Area,
    /// The rule's severity in the playbook: a finding of an error rule that earns nothing caps
    /// the grade at B.
    pub severity: crate::playbook::Severity,
    pub points: f64,
    pub max: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<SimTime>,
    /// What the trainee did: the choice, the moment, the words.
    pub evidence: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Why these points.
    pub message: Text,
    /// The procedure clause(s): "S1.1 初動対応と情報収集のポイント".
    pub citation: Text,
}

impl Finding {
    pub fn lost(&self) -> f64 {
        self.max - self.points
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub points: f64,
    pub max: f64,
    /// 0–100.
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// 0–100: the mean of the area scores, so timing, roles, process and wording count
    /// alike however many decisions each has.
    pub total: f64,
    pub grade: &'static str,
    /// Error rules that earned nothing, which keep the grade from A.
    pub broken: Vec<String>,
    pub areas: BTreeMap<&'static str, AreaScore>,
    /// Rules that earned full marks, the weightiest first.
    pub strengths: Vec<String>,
    /// Rules that lost the most points.
    pub improvements: Vec<String>,
    pub findings: Vec<Finding>,
}

/// Grade bands: what a total means in words. An A also needs no error rule wholly broken:
/// a leaked host name is not made good by many sound choices elsewhere.
pub fn grade(total: f64, error_rule_broken: bool) -> &'static str {
    match total {
        t if t >= 90.0 && !error_rule_broken => "A",
        t if t >= 90.0 => "B",
        t if t >= 75.0 => "B",
        t if t >= 60.0 => "C",
        _ => "D",
    }
}

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
/// `timing.facts_confirmed`; a few minutes early costs only a little.
pub const EARLY_TOLERANCE: f64 = 60.0;

/// 0 at 0, 1 at 1, flat at both ends: a little early or late costs a little.
fn smoothstep(x: f64) -> f64 {
    let x = x.clamp(0.0, 1.0);
    x * x * (3.0 - 2.0 * x)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

struct Scorer<'a, 's> {
    session: &'a Session<'s>,
    playbook: &'a Playbook,
    findings: Vec<Finding>,
}

impl Scorer<'_, '_> {
    fn push(
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

    #[allow(clippy::too_many_arguments)]
    fn push_span(
        &mut self,
        rule: &str,
        fraction: f64,
        max_raw: f64,
        (decision, at): (Option<&str>, Option<SimTime>),
        evidence: Text,
        span: Option<Span>,
        message: Text,
    ) {
        let Some(r) = self.playbook.rule(rule) else {
            return;
        };
        let max = max_raw * r.weight;
        if max <= 0.0 {
            return;
        }
        self.findings.push(Finding {
            rule: rule.to_string(),
            area: r.area,
            severity: r.severity,
            points: max * fraction.clamp(0.0, 1.0),
            max,
            decision: decision.map(str::to_string),
            at,
            evidence,
            span,
            message,
            citation: self.playbook.citation_text(rule),
        });
    }
}

/// A decision the seed kept from this drill: it never opened, and every inject that would
/// have opened it was left out by a variation. Nobody can be scored on a question never asked.
/// (A decision that stayed shut because of what the trainee did is still scored as missed.)
fn never_offered(session: &Session<'_>, d: DecisionRef) -> bool {
    if !matches!(session.decision(d), DecisionState::Waiting) {
        return false;
    }
    let scenario = session.scenario;
    let suppressed = |i: usize| session.draws.suppressed[i];
    let openers: Vec<usize> = scenario
        .injects
        .iter()
        .enumerate()
        .filter(|(_, inj)| inj.opens.contains(&d))
        .map(|(i, _)| i)
        .collect();
    let by_trigger = match &scenario.decision(d).opens {
        None => None,
        Some(crate::scenario::Trigger::AfterInject(x)) => Some(suppressed(x.0)),
        Some(_) => Some(false),
    };
    match (openers.is_empty(), by_trigger) {
        (true, None) => false,
        (true, Some(s)) => s,
        (false, None) => openers.iter().all(|i| suppressed(*i)),
        (false, Some(s)) => s && openers.iter().all(|i| suppressed(*i)),
    }
}

fn not_answered() -> Text {
    Text::new("未回答", "Not answered")
}

/// Scores a finished drill.
pub fn score(session: &Session<'_>, playbook: &Playbook, checker: &Checker) -> Score {
    let mut s = Scorer {
        session,
        playbook,
        findings: Vec::new(),
    };
    let scenario = session.scenario;
    for (i, d) in scenario.decisions.iter().enumerate() {
        if never_offered(session, DecisionRef(i)) {
            continue;
        }
        let (answer, at) = match session.decision(DecisionRef(i)) {
            DecisionState::Answered { answer, at, .. } => (Some(answer), Some(*at)),
            _ => (None, None),
        };
        let id = Some(d.id.as_str());
        match &d.kind {
            DecisionKind::Choice { options } => choice(
                &mut s,
                options,
                answer.and_then(|a| a.option_index(d)),
                answer.is_some(),
                (id, at),
            ),
            DecisionKind::Inquiry(q) => {
                if !q.answers.is_empty() && !matches!(answer, Some(Answer::Text(_))) {
                    choice(
                        &mut s,
                        &q.answers,
                        answer.and_then(|a| a.option_index(d)),
                        answer.is_some(),
                        (id, at),
                    );
                }
                let text = match answer {
                    Some(Answer::Text(t)) => Some(t.as_str()),
                    _ => None,
                };
                if q.free_text && (text.is_some() || q.answers.is_empty()) {
                    words(
                        &mut s,
                        checker,
                        text,
                        &[],
                        q.points as f64,
                        &[
                            "wording.speculation",
                            "wording.unconfirmed_claim",
                            "wording.inconsistent",
                        ],
                        (id, at),
                    );
                }
            }
            DecisionKind::Timing(t) => timing(&mut s, t, at, id),
            DecisionKind::Roles(r) => roles(&mut s, r, answer, at, id),
            DecisionKind::Draft(x) => {
                let text = answer.and_then(|a| a.text(d, session.lang));
                let mut rules: Vec<&str> = x.required.iter().map(|e| e.rule()).collect();
                rules.extend(WORDING_PRESENT_RULES);
                words(
                    &mut s,
                    checker,
                    text,
                    &x.required,
                    x.points as f64,
                    &rules,
                    (id, at),
                );
            }
        }
    }
    staged(&mut s);
    finish(s.findings)
}

fn choice(
    s: &mut Scorer<'_, '_>,
    options: &[ChoiceOption],
    chosen: Option<usize>,
    answered: bool,
    at: (Option<&str>, Option<SimTime>),
) {
    let mut rules: Vec<&str> = Vec::new();
    for o in options {
        for e in &o.effects {
            if !rules.contains(&e.rule.as_str()) {
                rules.push(&e.rule);
            }
        }
    }
    for rule in rules {
        let pts = |o: &ChoiceOption| {
            o.effects
                .iter()
                .filter(|e| e.rule == rule)
                .map(|e| e.points)
                .max()
                .unwrap_or(0)
        };
        let (best_i, best) = options
            .iter()
            .enumerate()
            .map(|(i, o)| (i, pts(o)))
            .max_by_key(|(i, p)| (*p, usize::MAX - i))
            .unwrap_or((0, 0));
        if best == 0 {
            continue;
        }
        let got = chosen.map(|c| pts(&options[c])).unwrap_or(0);
        let evidence = match chosen {
            Some(c) => Text::new(
                format!("選択: {}", options[c].label.get(Lang::Ja)),
                format!("Chose: {}", options[c].label.get(Lang::En)),
            ),
            None if answered => Text::new("選択肢以外の回答", "Answered outside the options"),
            None => not_answered(),
        };
        let mut message = chosen
            .map(|c| options[c].feedback.clone())
            .filter(|f| !f.is_empty())
            .unwrap_or_default();
        if got < best {
            let b = &options[best_i];
            let add = |base: &str, extra: String| {
                if base.is_empty() {
                    extra
                } else {
                    format!("{base} {extra}")
                }
            };
            message = Text::new(
                add(
                    message.get(Lang::Ja),
                    format!("手順に沿った選択: {}", b.label.get(Lang::Ja)),
                ),
                add(
                    message.get(Lang::En),
                    format!("The procedure's choice: {}", b.label.get(Lang::En)),
                ),
            );
        }
        s.push(
            rule,
            got as f64 / best as f64,
            best as f64,
            at,
            evidence,
            message,
        );
    }
}

fn timing(
    s: &mut Scorer<'_, '_>,
    t: &crate::scenario::Timing,
    at: Option<SimTime>,
    id: Option<&str>,
) {
    let session = s.session;
    let scenario = session.scenario;
    let p = t.points as f64;
    let stage = t.stage.label();
    let evidence = match at {
        Some(tp) => Text::new(
            format!("{}を{}に公表", stage.get(Lang::Ja), tp),
            format!("{} published at {tp}", stage.get(Lang::En)),
        ),
        None => Text::new(
            format!("{}を公表せず", stage.get(Lang::Ja)),
            format!("{} never published", stage.get(Lang::En)),
        ),
    };
    let where_ = (id, at);
    // Core facts settled first.
    let core: Vec<usize> = scenario
        .facts
        .iter()
        .enumerate()
        .filter(|(_, f)| f.core)
        .map(|(i, _)| i)
        .collect();
    if !core.is_empty() {
        let (fraction, message) = match at {
            None => (
                0.0,
                Text::new(
                    "公表していないため評価できません。",
                    "Nothing was published.",
                ),
            ),
            Some(tp) => {
                let mut worst: Option<(u32, &str, &str)> = None;
                for &f in &core {
                    let fact = &scenario.facts[f];
                    let settled = matches!(
                        session.status_at(crate::scenario::FactRef(f), tp),
                        FactStatus::Confirmed | FactStatus::Refuted
                    );
                    if settled {
                        continue;
                    }
                    let early = session
                        .settled_at(crate::scenario::FactRef(f))
                        .map_or(u32::MAX, |ts| ts.0.saturating_sub(tp.0));
                    if worst.is_none_or(|(w, _, _)| early > w) {
                        worst = Some((early, fact.text.get(Lang::Ja), fact.text.get(Lang::En)));
                    }
                }
                match worst {
                    None => (
                        1.0,
                        Text::new(
                            "中核の事実がすべて確認されてから公表しました。",
                            "All core facts were confirmed before publishing.",
                        ),
                    ),
                    Some((u32::MAX, ja, en)) => (
                        0.0,
                        Text::new(
                            format!("「{ja}」が確認されないまま公表しました。"),
                            format!("Published while \"{en}\" was never confirmed."),
                        ),
                    ),
                    Some((early, ja, en)) => (
                        1.0 - smoothstep(early as f64 / EARLY_TOLERANCE),
                        Text::new(
                            format!("「{ja}」の確認より{early}分早く公表しました。"),
                            format!("Published {early} min before \"{en}\" was confirmed."),
                        ),
                    ),
                }
            }
        };
        s.push(
            "timing.facts_confirmed",
            fraction,
            p,
            where_,
            evidence.clone(),
            message,
        );
    }
    // The playbook's window for a first notice: severity and spread set the pace.
    if t.stage == Stage::FirstNotice {
        let span = (t.window.to.0 - t.window.from.0).max(60) as f64;
        let (fraction, message) = match at {
            None => (
                0.0,
                Text::new("第一報を出していません。", "No first notice was published."),
            ),
            Some(tp) if tp <= t.window.to => (
                1.0,
                Text::new(
                    format!(
                        "目安の時間帯({}〜{})に間に合いました。",
                        t.window.from, t.window.to
                    ),
                    format!(
                        "Within the playbook's window ({}–{}).",
                        t.window.from, t.window.to
                    ),
                ),
            ),
            Some(tp) => {
                let late = tp.0 - t.window.to.0;
                (
                    1.0 - smoothstep(late as f64 / span),
                    Text::new(
                        format!(
                            "目安の時間帯の終わり({})より{late}分遅れました。",
                            t.window.to
                        ),
                        format!(
                            "{late} min after the playbook's window closed ({}).",
                            t.window.to
                        ),
                    ),
                )
            }
        };
        s.push(
            "timing.severity_weighed",
            fraction,
            p,
            where_,
            evidence.clone(),
            message,
        );
    }
    if let Some(dl) = t.deadline {
        let deadline = &scenario.deadlines[dl.0];
        let (fraction, message) = match at {
            None => (
                0.0,
                Text::new(
                    format!(
                        "期限「{}」までに公表しませんでした。",
                        deadline.label.get(Lang::Ja)
                    ),
                    format!(
                        "Nothing was published by the deadline \"{}\".",
                        deadline.label.get(Lang::En)
                    ),
                ),
            ),
            Some(tp) if tp <= deadline.at => (
                1.0,
                Text::new(
                    format!(
                        "期限「{}」({})に間に合いました。",
                        deadline.label.get(Lang::Ja),
                        deadline.at
                    ),
                    format!(
                        "Before the deadline \"{}\" ({}).",
                        deadline.label.get(Lang::En),
                        deadline.at
                    ),
                ),
            ),
            Some(tp) => {
                let late = tp.0 - deadline.at.0;
                (
                    1.0 - smoothstep(late as f64 / deadline.grace.max(1) as f64),
                    Text::new(
                        format!(
                            "期限「{}」より{late}分遅れました。",
                            deadline.label.get(Lang::Ja)
                        ),
                        format!(
                            "{late} min after the deadline \"{}\".",
                            deadline.label.get(Lang::En)
                        ),
                    ),
                )
            }
        };
        s.push(
            &deadline.rule,
            fraction,
            p,
            where_,
            evidence.clone(),
            message,
        );
    }
    for need in &t.needs {
        let d = scenario.decision(need.decision);
        let done = match (session.decision(need.decision), at) {
            (
                DecisionState::Answered {
                    answer, at: when, ..
                },
                Some(tp),
            ) => {
                *when <= tp
                    && need
                        .option
                        .is_none_or(|o| answer.option_index(d) == Some(o))
            }
            _ => false,
        };
        let what = match need.option {
            Some(o) => match &d.kind {
                DecisionKind::Choice { options } => options[o].label.clone(),
                DecisionKind::Inquiry(q) => q.answers[o].label.clone(),
                _ => d.title.clone(),
            },
            None => d.title.clone(),
        };
        let message = if done {
            Text::new(
                format!("公表前に「{}」を済ませました。", what.get(Lang::Ja)),
                format!("\"{}\" was done before publishing.", what.get(Lang::En)),
            )
        } else {
            Text::new(
                format!("公表前に「{}」が済んでいませんでした。", what.get(Lang::Ja)),
                format!("\"{}\" was not done before publishing.", what.get(Lang::En)),
            )
        };
        s.push(
            &need.rule,
            if done { 1.0 } else { 0.0 },
            p,
            where_,
            evidence.clone(),
            message,
        );
    }
}

/// A first notice followed by a later stage, where the scenario has both.
fn staged(s: &mut Scorer<'_, '_>) {
    let scenario = s.session.scenario;
    let timings: Vec<(usize, &crate::scenario::Timing)> = scenario
        .decisions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| match &d.kind {
            DecisionKind::Timing(t) => Some((i, t)),
            _ => None,
        })
        .collect();
    let Some((first_i, first)) = timings.iter().find(|(_, t)| t.stage == Stage::FirstNotice) else {
        return;
    };
    if !timings.iter().any(|(_, t)| t.stage != Stage::FirstNotice) {
        return;
    }
    let published = s.session.published();
    let first_at = published
        .iter()
        .find(|(st, _)| *st == Stage::FirstNotice)
        .map(|(_, t)| *t);
    let later = first_at.and_then(|f| {
        published
            .iter()
            .find(|(st, t)| *st != Stage::FirstNotice && *t >= f)
            .map(|(_, t)| *t)
    });
    let (fraction, message) = match (first_at, later) {
        (Some(f), Some(l)) => (
            1.0,
            Text::new(
                format!("第一報({f})のあと続報({l})を出しました。"),
                format!("A first notice ({f}) followed by an update ({l})."),
            ),
        ),
        (Some(f), None) => (
            0.5,
            Text::new(
                format!("第一報({f})のあと、続報を出していません。"),
                format!("A first notice ({f}) but no update after it."),
            ),
        ),
        _ => (
            0.0,
            Text::new(
                "第一報も続報も出していません。",
                "Neither a first notice nor an update was published.",
            ),
        ),
    };
    let id = scenario.decisions[*first_i].id.as_str();
    s.push(
        "timing.staged_updates",
        fraction,
        first.points as f64,
        (Some(id), first_at),
        Text::new(
            format!("公表: {}回", published.len()),
            format!("Publications: {}", published.len()),
        ),
        message,
    );
}

fn person_label(s: &Scorer<'_, '_>, p: PersonRef) -> Text {
    let person = s.session.scenario.person(p);
    Text::new(
        format!(
            "{} ({})",
            person.name.get(Lang::Ja),
            person.department.label().get(Lang::Ja)
        ),
        format!(
            "{} ({})",
            person.name.get(Lang::En),
            person.department.label().get(Lang::En)
        ),
    )
}

fn roles(
    s: &mut Scorer<'_, '_>,
    r: &crate::scenario::Roles,
    answer: Option<&Answer>,
    at: Option<SimTime>,
    id: Option<&str>,
) {
    let scenario = s.session.scenario;
    let assigned: BTreeMap<&str, PersonRef> = match answer {
        Some(Answer::Roles(map)) => map
            .iter()
            .filter_map(|(role, person)| {
                scenario
                    .cast
                    .iter()
                    .position(|p| &p.id == person)
                    .map(|i| (role.as_str(), PersonRef(i)))
            })
            .collect(),
        _ => BTreeMap::new(),
    };
    let t = at.unwrap_or(SimTime::START);
    let mut problems: Vec<Text> = Vec::new();
    for role in &r.roles {
        let (fraction, evidence, message) = match assigned.get(role.id.as_str()) {
            None => {
                problems.push(Text::new(
                    format!("「{}」が空いています", role.name.get(Lang::Ja)),
                    format!("nobody holds \"{}\"", role.name.get(Lang::En)),
                ));
                (
                    0.0,
                    Text::new(
                        format!("{}: 担当者なし", role.name.get(Lang::Ja)),
                        format!("{}: nobody", role.name.get(Lang::En)),
                    ),
                    Text::new(
                        "この役割に担当者がいません。",
                        "Nobody was given this role.",
                    ),
                )
            }
            Some(&p) => {
                let who = person_label(s, p);
                let evidence = Text::new(
                    format!("{}: {}", role.name.get(Lang::Ja), who.get(Lang::Ja)),
                    format!("{}: {}", role.name.get(Lang::En), who.get(Lang::En)),
                );
                match s.session.role_unmet(role, p, t) {
                    Some(why) => (0.0, evidence, why),
                    None => (
                        1.0,
                        evidence,
                        Text::new("条件を満たしています。", "Meets the role's requirements."),
                    ),
                }
            }
        };
        s.push(
            &role.rule,
            fraction,
            role.points as f64,
            (id, at),
            evidence,
            message,
        );
    }
    if !r.allow_doubling {
        let mut holders: BTreeMap<PersonRef, Vec<&str>> = BTreeMap::new();
        for (role, p) in &assigned {
            holders.entry(*p).or_default().push(role);
        }
        for (p, roles) in holders.iter().filter(|(_, v)| v.len() > 1) {
            let who = person_label(s, *p);
            problems.push(Text::new(
                format!(
                    "{} が{}つの役割を兼ねています",
                    who.get(Lang::Ja),
                    roles.len()
                ),
                format!("{} holds {} roles", who.get(Lang::En), roles.len()),
            ));
        }
    }
    let points = r.roles.iter().map(|x| x.points).max().unwrap_or(10) as f64;
    let (fraction, message) = if answer.is_none() {
        (
            0.0,
            Text::new("役割を決めていません。", "No roles were assigned."),
        )
    } else if problems.is_empty() {
        (
            1.0,
            Text::new(
                "必要な役割にそれぞれ一人の担当者がいます。",
                "Every required role has exactly one owner.",
            ),
        )
    } else {
        (
            0.0,
            Text::new(
                problems
                    .iter()
                    .map(|p| p.get(Lang::Ja).to_string())
                    .collect::<Vec<_>>()
                    .join("、"),
                problems
                    .iter()
                    .map(|p| p.get(Lang::En).to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        )
    };
    let evidence = if answer.is_some() {
        Text::new(
            format!("{}役割を割り当て", assigned.len()),
            format!("{} roles assigned", assigned.len()),
        )
    } else {
        not_answered()
    };
    s.push(
        "roles.clear_assignment",
        fraction,
        points,
        (id, at),
        evidence,
        message,
    );
}

/// Scores a text (draft or free-text answer) through the wording checker, one finding per rule.
fn words(
    s: &mut Scorer<'_, '_>,
    checker: &Checker,
    text: Option<&str>,
    required: &[Element],
    points: f64,
    rules: &[&str],
    at: (Option<&str>, Option<SimTime>),
) {
    let session = s.session;
    let per_rule = points / rules.len().max(1) as f64;
    let Some(text) = text else {
        for rule in rules {
            s.push(
                rule,
                0.0,
                per_rule,
                at,
                not_answered(),
                Text::new(
                    "文面がないため、この点は得られません。",
                    "No text was given, so this cannot be earned.",
                ),
            );
        }
        return;
    };
    let t = at.1.unwrap_or(session.now());
    let ctx = session.wording_context(required, t, text);
    let found = checker.check(text, &ctx);
    for rule in rules {
        let mine: Vec<_> = found.iter().filter(|f| f.rule == *rule).collect();
        let Some(first) = mine.first() else {
            s.push(
                rule,
                1.0,
                per_rule,
                at,
                Text::new("問題なし", "No problem found"),
                Text::new(
                    "この点で問題は見つかりませんでした。",
                    "No problem of this kind was found.",
                ),
            );
            continue;
        };
        let worst = mine.iter().map(|f| f.severity).max().expect("non-empty");
        let fraction = match worst {
            crate::playbook::Severity::Error => 0.0,
            crate::playbook::Severity::Warning => 0.5,
            crate::playbook::Severity::Info => 0.8,
        };
        let more = if mine.len() > 1 {
            format!(" (+{})", mine.len() - 1)
        } else {
            String::new()
        };
        let evidence = if first.excerpt.is_empty() {
            Text::new("該当箇所なし(要素の欠落)", "Missing from the text")
        } else {
            Text::new(
                format!("「{}」{more}", first.excerpt),
                format!("\"{}\"{more}", first.excerpt),
            )
        };
        let message = match &first.suggestion {
            Some(sg) => Text::new(
                format!("{} {}", first.message.get(Lang::Ja), sg.get(Lang::Ja)),
                format!("{} {}", first.message.get(Lang::En), sg.get(Lang::En)),
            ),
            None => first.message.clone(),
        };
        s.push_span(rule, fraction, per_rule, at, evidence, first.span, message);
    }
}

fn finish(mut findings: Vec<Finding>) -> Score {
    for f in &mut findings {
        f.points = round1(f.points);
        f.max = round1(f.max);
    }
    let sum = |it: &mut dyn Iterator<Item = &Finding>| {
        it.fold((0.0, 0.0), |(p, m), f| (p + f.points, m + f.max))
    };
    let mut areas = BTreeMap::new();
    let mut area_scores = Vec::new();
    for area in Area::ALL {
        let (ap, am) = sum(&mut findings.iter().filter(|f| f.area == area));
        if am > 0.0 {
            area_scores.push(100.0 * ap / am);
            areas.insert(
                area.key(),
                AreaScore {
                    points: round1(ap),
                    max: round1(am),
                    score: round1(100.0 * ap / am),
                },
            );
        }
    }
    let total = if area_scores.is_empty() {
        0.0
    } else {
        round1(area_scores.iter().sum::<f64>() / area_scores.len() as f64)
    };
    // Per rule: points and maximum over all its findings.
    let mut by_rule: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
    for f in &findings {
        let e = by_rule.entry(&f.rule).or_default();
        e.0 += f.points;
        e.1 += f.max;
    }
    let mut strengths: Vec<(&str, f64)> = by_rule
        .iter()
        .filter(|(_, (p, m))| p >= m)
        .map(|(r, (_, m))| (*r, *m))
        .collect();
    strengths.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let mut improvements: Vec<(&str, f64)> = by_rule
        .iter()
        .filter(|(_, (p, m))| p < m)
        .map(|(r, (p, m))| (*r, m - p))
        .collect();
    improvements.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let mut broken: Vec<String> = findings
        .iter()
        .filter(|f| f.severity == crate::playbook::Severity::Error && f.points == 0.0)
        .map(|f| f.rule.clone())
        .collect();
    broken.sort();
    broken.dedup();
    Score {
        total,
        grade: grade(total, !broken.is_empty()),
        broken,
        areas,
        strengths: strengths
            .into_iter()
            .take(3)
            .map(|(r, _)| r.to_string())
            .collect(),
        improvements: improvements
            .into_iter()
            .take(3)
            .map(|(r, _)| r.to_string())
            .collect(),
        findings,
    }
}
