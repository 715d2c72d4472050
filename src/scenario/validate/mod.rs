//! Validation: a [`ScenarioFile`] becomes a [`Scenario`], or every problem in the file is
//! reported at once, each with a stable code, the place in the writer's text and a hint.

use super::file::*;
use super::time::{parse_moment, parse_span};
use super::*;
use crate::playbook::Playbook;
use crate::source::diagnostic::{Diagnostic, suggestion_in};
use std::collections::HashMap;

mod deadlines;
/// The longest span a scenario clock may run: 60 days, beyond any disclosure drill.
pub const MAX_DURATION: u32 = 60 * 24 * 60;

mod decisions;
mod facts;
mod format2;
mod injects;
mod people;
mod reachability;
mod variations;

/// A scenario that passed validation, with the warnings it still deserves.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The checked scenario, shared by every drill played on it.
    pub scenario: std::sync::Arc<Scenario>,
    /// What `check` warns about but does not stop.
    pub warnings: Vec<Diagnostic>,
}

/// Parses and checks a scenario's text against a playbook.
pub fn validate(src: &str, playbook: &Playbook) -> Result<Loaded, Vec<Diagnostic>> {
    if let Some(d) = crate::source::version::not_a_scenario(src) {
        return Err(vec![d]);
    }
    crate::source::version::check(src, super::VERSIONS).map_err(|d| vec![d])?;
    let file: ScenarioFile = crate::source::load::parse_all(src)?;
    let mut v = Validator {
        diags: Vec::new(),
        playbook,
        languages: Vec::new(),
        start: DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").expect("a fixed date parses"),
        duration: None,
        ids: Ids::default(),
    };
    let scenario = v.scenario(&file, src);
    let mut diags = v.diags;
    crate::source::locate::place(&mut diags, src);
    if diags.iter().any(Diagnostic::is_error) {
        Err(crate::source::diagnostic::capped(diags))
    } else {
        Ok(Loaded {
            scenario: std::sync::Arc::new(scenario),
            warnings: diags,
        })
    }
}

#[derive(Default)]
struct Ids {
    cast: HashMap<String, usize>,
    facts: HashMap<String, usize>,
    injects: HashMap<String, usize>,
    decisions: HashMap<String, usize>,
    deadlines: HashMap<String, usize>,
    milestones: HashMap<String, usize>,
    /// Every role of every roles decision: its decision and index.
    roles: HashMap<String, (usize, usize)>,
    /// The organisation's own departments and their names.
    departments: HashMap<String, Text>,
    /// Option IDs of each choice and inquiry decision.
    options: HashMap<String, Vec<String>>,
}

struct Validator<'a> {
    diags: Vec<Diagnostic>,
    playbook: &'a Playbook,
    languages: Vec<Lang>,
    start: DateTime<FixedOffset>,
    /// The clock's span once read; `None` until then (or when it is wrong).
    duration: Option<u32>,
    ids: Ids,
}

fn sorted_keys(map: &HashMap<String, usize>) -> Vec<&str> {
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

impl Validator<'_> {
    fn error(
        &mut self,
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::error(code, message).field(path));
        self.diags.last_mut().expect("just pushed")
    }

    fn warning(
        &mut self,
        code: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.diags
            .push(Diagnostic::warning(code, message).field(path));
        self.diags.last_mut().expect("just pushed")
    }

    fn scenario(&mut self, f: &ScenarioFile, src: &str) -> Scenario {
        self.id_syntax(&f.id, "id");
        self.languages(&f.languages);
        self.format_2_fields(f);
        if f.minutes == 0 {
            self.error("invalid-value", "minutes", "a drill cannot take 0 minutes")
                .set_ja("0分の訓練はできません")
                .set_hint_in(Some(crate::text::Text::new(
                    "部屋で訓練にかける分数を書いてください。例: 60",
                    "give the minutes a drill takes in the room, e.g. 60",
                )));
        }
        self.clock(&f.clock);
        self.collect_ids(f);
        self.departments(f);

        self.text(&f.title, "title", true);
        self.text(&f.summary, "summary", true);
        self.text(&f.organisation.name, "organisation.name", true);
        self.text(&f.organisation.industry, "organisation.industry", false);
        self.text(&f.organisation.about, "organisation.about", false);
        self.text(&f.briefing.situation, "briefing.situation", true);
        self.text(&f.briefing.role, "briefing.role", true);
        for (i, o) in f.briefing.objectives.iter().enumerate() {
            self.text(o, &format!("briefing.objectives[{i}]"), true);
        }

        let cast = f
            .cast
            .iter()
            .enumerate()
            .map(|(i, p)| self.person(p, i))
            .collect::<Vec<_>>();
        if cast.is_empty() {
            self.error("empty-cast", "cast", "the scenario has no cast")
                .set_ja("シナリオに登場人物がいません")
                .set_hint_in(Some(crate::text::Text::new(
                    "チームが頼れる人を加えてください: 広報、法務、IT、役員",
                    "add the people the team can call on: PR, legal, IT, an executive",
                )));
        }
        let deadlines = f
            .deadlines
            .iter()
            .enumerate()
            .map(|(i, d)| self.deadline(d, i))
            .collect();
        let facts = f
            .facts
            .iter()
            .enumerate()
            .map(|(i, x)| self.fact(x, i))
            .collect::<Vec<_>>();
        let injects = f
            .injects
            .iter()
            .enumerate()
            .map(|(i, x)| self.inject(x, i))
            .collect::<Vec<_>>();
        let decisions = f
            .decisions
            .iter()
            .enumerate()
            .map(|(i, d)| self.decision(d, i, f, &cast))
            .collect::<Vec<_>>();
        let variations = f
            .variations
            .iter()
            .enumerate()
            .map(|(i, x)| self.variation(x, i))
            .collect();
        let milestones = f
            .milestones
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let path = format!("milestones[{i}]");
                self.text(&m.label, &format!("{path}.label"), true);
                Milestone {
                    id: m.id.clone(),
                    label: m.label.clone(),
                    when: self.trigger(&m.when, &format!("{path}.when")),
                }
            })
            .collect();
        let wording = self.wording(&f.wording);
        self.unused_deadlines(f);
        if f.decisions.is_empty() {
            self.error(
                "no-decisions",
                "decisions",
                "the scenario asks the team for no decision",
            )
            .set_ja("シナリオがチームに判断を一つも求めていません")
            .set_hint_in(Some(crate::text::Text::new(
                "少なくとも公表の時期と文面の判断を一つずつ加えてください",
                "add at least a timing and a draft decision",
            )));
        }
        if !facts.iter().any(|x: &Fact| x.core)
            && decisions.iter().any(
                |d: &Decision| matches!(&d.kind, DecisionKind::Timing(t) if !t.own_prerequisites),
            )
        {
            self.warning(
                "no-core-fact",
                "facts",
                "no fact is marked `core: true`, so publishing early cannot be scored",
            )
            .set_ja("`core: true` の事実がないため、早すぎる公表を採点できません")
            .set_hint_in(Some(crate::text::Text::new(
                "公表の前に確かめるべき事実に `core: true` を付けてください",
                "mark the facts that must be confirmed before publishing with `core: true`",
            )));
        }

        let scenario = Scenario {
            id: f.id.clone(),
            title: f.title.clone(),
            summary: f.summary.clone(),
            languages: self.languages.clone(),
            difficulty: f.difficulty,
            minutes: f.minutes,
            tags: f.tags.clone(),
            organisation: Organisation {
                name: f.organisation.name.clone(),
                industry: f.organisation.industry.clone(),
                about: f.organisation.about.clone(),
            },
            briefing: Briefing {
                situation: f.briefing.situation.clone(),
                role: f.briefing.role.clone(),
                objectives: f.briefing.objectives.clone(),
            },
            cast,
            start: self.start,
            duration: self.duration.unwrap_or(0),
            deadlines,
            facts,
            injects,
            decisions,
            variations,
            milestones,
            departments: f
                .organisation
                .departments
                .iter()
                .map(|d| (d.id.clone(), d.label.clone()))
                .collect(),
            wording,
            format: f.format,
            source: std::sync::Arc::from(src),
            derived: Default::default(),
        };
        self.reachability(&scenario);
        scenario
    }

    fn id_syntax(&mut self, id: &str, path: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
        if !ok {
            self.error("bad-id", path, format!("`{id}` is not a valid ID"))
                .set_ja(format!("`{id}` はIDとして使えません"))
                .set_hint_in(Some(crate::text::Text::new(
                    "IDは半角の小文字・数字・`_`・`-` で64文字まで。例: `ceo_call`",
                    "IDs use lower-case ASCII letters, digits, `_` and `-` (at most 64), e.g. `ceo_call`",
                )));
        }
    }

    fn languages(&mut self, codes: &[String]) {
        if codes.is_empty() {
            self.error(
                "unknown-language",
                "languages",
                "the scenario declares no language",
            )
            .set_ja("シナリオの言語が宣言されていません")
            .set_hint_in(Some(crate::text::Text::new(
                "`languages: [\"ja\"]`、`[\"en\"]`、`[\"ja\", \"en\"]` のいずれかを書いてください",
                "write `languages: [\"ja\"]`, `[\"en\"]` or `[\"ja\", \"en\"]`",
            )));
        }
        for (i, code) in codes.iter().enumerate() {
            match Lang::from_code(code) {
                Some(lang) if !self.languages.contains(&lang) => self.languages.push(lang),
                Some(_) => {
                    self.warning(
                        "duplicate-language",
                        format!("languages[{i}]"),
                        format!("`{code}` is listed twice"),
                    )
                    .set_ja(format!("`{code}` が二度書かれています"));
                }
                None => {
                    self.error(
                        "unknown-language",
                        format!("languages[{i}]"),
                        format!("`{code}` is not a language Pressroom speaks"),
                    )
                    .set_ja(format!("`{code}` は Pressroom が扱う言語ではありません"))
                    .set_hint_in(Some(crate::text::Text::new(
                        "\"ja\"(日本語)か \"en\"(英語)を使ってください",
                        "use \"ja\" (Japanese) or \"en\" (English)",
                    )));
                }
            }
        }
    }

    fn clock(&mut self, c: &ClockFile) {
        match DateTime::parse_from_rfc3339(c.start.trim()) {
            Ok(start) => self.start = start,
            Err(_) => {
                self.error("bad-time", "clock.start", format!("`{}` is not a date-time with an offset", c.start))
                    .set_ja(format!("`{}` は時差付きの日時ではありません", c.start))
                    .set_hint_in(Some(crate::text::Text::new(
                        "例: \"2026-03-12T08:30:00+09:00\"(日付、`T`、時刻、UTCからの時差)",
                        "write e.g. \"2026-03-12T08:30:00+09:00\" (date, `T`, time, and the offset from UTC)",
                    )));
            }
        }
        match parse_span(&c.duration) {
            Ok(0) => {
                self.error("bad-time", "clock.duration", "the scenario lasts no time")
                    .set_ja("シナリオの長さが0です")
                    .set_hint_in(Some(crate::text::Text::new(
                        "シナリオが描く時間の長さを書いてください。例: \"6h\"、\"3d\"",
                        "give the simulated span the scenario covers, e.g. \"6h\" or \"3d\"",
                    )));
            }
            Ok(d) if d > MAX_DURATION => {
                self.error(
                    "bad-time",
                    "clock.duration",
                    format!(
                        "`{}` is longer than a drill can cover ({} at most)",
                        c.duration,
                        SimTime(MAX_DURATION)
                    ),
                )
                .set_ja(format!(
                    "`{}` は訓練が描ける長さ(最長 {})を超えています",
                    c.duration,
                    SimTime(MAX_DURATION)
                ))
                .set_hint_in(Some(crate::text::Text::new(
                    "公表の訓練は数時間から数日です。長い話は複数のシナリオに分けてください",
                    "a disclosure drill covers hours or days; split a longer story into several scenarios",
                )));
            }
            Ok(d) => self.duration = Some(d),
            Err(why) => {
                self.error(
                    "bad-time",
                    "clock.duration",
                    format!("`{}`: {why}", c.duration),
                )
                .set_ja(format!("`{}` は時間の長さとして読めません", c.duration))
                .set_hint_in(Some(crate::text::Text::new(
                    "\"6h\"、\"90m\"、\"3d\" のように書いてください",
                    "write a span such as \"6h\", \"90m\" or \"3d\"",
                )));
            }
        }
    }

    fn collect_ids(&mut self, f: &ScenarioFile) {
        fn table<'x>(
            v: &mut Validator<'_>,
            what: &str,
            list: &str,
            ids: impl Iterator<Item = &'x String>,
        ) -> HashMap<String, usize> {
            let mut map = HashMap::new();
            for (i, id) in ids.enumerate() {
                let path = format!("{list}[{i}].id");
                v.id_syntax(id, &path);
                if let Some(first) = map.insert(id.clone(), i) {
                    map.insert(id.clone(), first);
                    let what_ja = match what {
                        "person" => "人物",
                        "fact" => "事実",
                        "inject" => "インジェクト",
                        "decision" => "判断",
                        "deadline" => "期限",
                        "variation" => "変化",
                        _ => "節目",
                    };
                    v.error(
                        "duplicate-id",
                        path,
                        format!("{what} `{id}` is defined twice"),
                    )
                    .set_ja(format!("{what_ja} `{id}` が二度定義されています"))
                    .set_hint_in(Some(crate::text::Text::new(
                        format!("一つ目は {list}[{first}] です。こちらには別のIDを付けてください"),
                        format!("the first is {list}[{first}]; give this one another ID"),
                    )));
                }
            }
            map
        }
        self.ids.cast = table(self, "person", "cast", f.cast.iter().map(|p| &p.id));
        self.ids.facts = table(self, "fact", "facts", f.facts.iter().map(|p| &p.id));
        self.ids.injects = table(self, "inject", "injects", f.injects.iter().map(|p| &p.id));
        self.ids.decisions = table(
            self,
            "decision",
            "decisions",
            f.decisions.iter().map(|p| &p.id),
        );
        self.ids.deadlines = table(
            self,
            "deadline",
            "deadlines",
            f.deadlines.iter().map(|p| &p.id),
        );
        table(
            self,
            "variation",
            "variations",
            f.variations.iter().map(|p| &p.id),
        );
        self.ids.milestones = table(
            self,
            "milestone",
            "milestones",
            f.milestones.iter().map(|p| &p.id),
        );
        for (i, d) in f.decisions.iter().enumerate() {
            if let DecisionKindFile::Roles(r) = &d.kind {
                for (j, role) in r.roles.iter().enumerate() {
                    self.ids.roles.entry(role.id.clone()).or_insert((i, j));
                }
            }
        }
        for d in &f.decisions {
            let options = match &d.kind {
                DecisionKindFile::Choice(c) => c.options.iter().map(|o| o.id.clone()).collect(),
                DecisionKindFile::Inquiry(q) => q.answers.iter().map(|o| o.id.clone()).collect(),
                _ => Vec::new(),
            };
            self.ids.options.insert(d.id.clone(), options);
        }
    }

    fn text(&mut self, t: &Text, path: &str, required: bool) {
        if t.is_empty() {
            if required {
                let each = self
                    .languages
                    .iter()
                    .map(|l| format!("{l}: \"…\""))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.error("empty-text", path, "this text is empty")
                    .set_ja("この文が空です")
                    .set_hint_in(Some(crate::text::Text::new(
                        format!("宣言したすべての言語で書いてください: ({each})"),
                        format!("write it for every declared language: ({each})"),
                    )));
            }
            return;
        }
        for lang in self.languages.clone() {
            if !t.has(lang) {
                self.error(
                    "missing-translation",
                    path,
                    format!("this text has no `{lang}` version"),
                )
                .set_ja(format!("この文には `{lang}` の版がありません"))
                .set_hint_in(Some(crate::text::Text::new(
                    format!(
                        "シナリオは `languages` で `{lang}` を宣言しています。`{lang}: \"…\"` を加えるか、その言語を外してください"
                    ),
                    format!(
                        "the scenario declares `{lang}` in `languages`; add `{lang}: \"…\"` or remove the language"
                    ),
                )));
            }
        }
    }

    fn moment(&mut self, text: &str, path: &str) -> SimTime {
        match parse_moment(text, self.start) {
            Ok(t) => {
                if let Some(duration) = self.duration
                    && t.0 > duration
                {
                    self.error(
                        "time-outside-scenario",
                        path,
                        format!("{t} is after the scenario ends ({})", SimTime(duration)),
                    )
                    .set_ja(format!(
                        "{t} はシナリオの終わり({})より後です",
                        SimTime(duration)
                    ))
                    .set_hint_in(Some(crate::text::Text::new(
                        "時計の中に収めるか、`clock.duration` を延ばしてください",
                        "move it inside the clock, or lengthen `clock.duration`",
                    )));
                }
                t
            }
            Err(why) => {
                self.diags
                    .push(crate::scenario::time::bad_time(text, &why).field(path));
                SimTime::START
            }
        }
    }

    fn window(&mut self, w: &WindowFile, path: &str) -> Window {
        let from = self.moment(&w.from, &format!("{path}.from"));
        let to = self.moment(&w.to, &format!("{path}.to"));
        if from >= to {
            let what = if from == to { "empty" } else { "inverted" };
            let ja = if from == to { "空" } else { "逆向き" };
            self.error(
                "bad-window",
                path,
                format!("the window is {what}: it runs from {from} to {to}"),
            )
            .set_ja(format!("時間帯が{ja}です({from} から {to})"))
            .set_hint_in(Some(crate::text::Text::new(
                "`from` は `to` より前にしてください",
                "`from` must come before `to`",
            )));
        }
        Window { from, to }
    }

    fn reference(
        &mut self,
        kind: &'static str,
        code: &'static str,
        id: &str,
        path: &str,
    ) -> Option<usize> {
        let map = match kind {
            "person" => &self.ids.cast,
            "fact" => &self.ids.facts,
            "inject" => &self.ids.injects,
            "decision" => &self.ids.decisions,
            "milestone" => &self.ids.milestones,
            _ => &self.ids.deadlines,
        };
        if let Some(&i) = map.get(id) {
            return Some(i);
        }
        let hint = crate::source::diagnostic::suggestion_in(id, sorted_keys(map));
        let kind_ja = match kind {
            "person" => "人物",
            "fact" => "事実",
            "inject" => "インジェクト",
            "decision" => "判断",
            "milestone" => "節目",
            _ => "期限",
        };
        self.error(code, path, format!("there is no {kind} `{id}`"))
            .set_ja(format!("{kind_ja} `{id}` はありません"))
            .set_hint_in(hint);
        None
    }

    fn person_ref(&mut self, id: &str, path: &str) -> PersonRef {
        PersonRef(
            self.reference("person", "unknown-person", id, path)
                .unwrap_or(0),
        )
    }

    fn fact_ref(&mut self, id: &str, path: &str) -> FactRef {
        FactRef(
            self.reference("fact", "unknown-fact", id, path)
                .unwrap_or(0),
        )
    }

    fn inject_ref(&mut self, id: &str, path: &str) -> InjectRef {
        InjectRef(
            self.reference("inject", "unknown-inject", id, path)
                .unwrap_or(0),
        )
    }

    fn decision_ref(&mut self, id: &str, path: &str) -> DecisionRef {
        DecisionRef(
            self.reference("decision", "unknown-decision", id, path)
                .unwrap_or(0),
        )
    }

    fn milestone_ref(&mut self, id: &str, path: &str) -> MilestoneRef {
        MilestoneRef(
            self.reference("milestone", "unknown-milestone", id, path)
                .unwrap_or(0),
        )
    }

    /// Points a scenario puts on one rule: 0 to 100 (the playbook's weight scales them).
    fn points_of_a_rule(&mut self, points: u32, path: String, message: impl FnOnce() -> String) {
        if points > 100 {
            self.error("invalid-value", path, message())
                .set_ja(format!(
                    "{points} 点は一つの規則に載せられる点を超えています"
                ))
                .set_hint_in(Some(crate::text::Text::new(
                    "0から100で書いてください。プレイブックの重みが掛かります",
                    "use 0 to 100; the playbook's weight scales it",
                )));
        }
    }

    fn option_ref(&mut self, decision: &str, option: &str, path: &str) -> usize {
        let Some(options) = self.ids.options.get(decision) else {
            return 0;
        };
        if let Some(i) = options.iter().position(|o| o == option) {
            return i;
        }
        let hint = if options.is_empty() {
            Some(crate::text::Text::new(
                format!("`{decision}` は選択肢のある判断(選択式・問い合わせ)ではありません"),
                format!("`{decision}` is not a choice or inquiry with options"),
            ))
        } else {
            suggestion_in(option, options.iter().map(String::as_str))
        };
        self.error(
            "unknown-option",
            path,
            format!("decision `{decision}` has no option `{option}`"),
        )
        .set_ja(format!(
            "判断 `{decision}` に選択肢 `{option}` はありません"
        ))
        .set_hint_in(hint);
        0
    }

    fn rule(&mut self, id: &str, path: &str) {
        if let Some(d) = crate::playbook::unknown_rule(self.playbook, id) {
            self.diags.push(d.field(path));
        }
    }

    fn trigger(&mut self, t: &TriggerFile, path: &str) -> Trigger {
        match t {
            TriggerFile::Start => Trigger::Start,
            TriggerFile::At(at) => Trigger::At(self.moment(at, path)),
            TriggerFile::AfterInject(id) => Trigger::AfterInject(self.inject_ref(id, path)),
            TriggerFile::AfterDecision(id) => Trigger::AfterDecision(self.decision_ref(id, path)),
            TriggerFile::AfterOption { decision, option } => {
                let d = self.decision_ref(decision, &format!("{path}.decision"));
                let o = self.option_ref(decision, option, &format!("{path}.option"));
                Trigger::AfterOption(d, o)
            }
            TriggerFile::AfterPublish(stage) => Trigger::AfterPublish(*stage),
            TriggerFile::AfterMilestone(id) => {
                Trigger::AfterMilestone(self.milestone_ref(id, path))
            }
        }
    }

    fn sender(&mut self, s: &SenderFile, path: &str) -> Sender {
        match s {
            SenderFile::Person(id) => Sender::Person(self.person_ref(id, path)),
            SenderFile::Outside(name) => {
                self.text(name, path, true);
                Sender::Outside(name.clone())
            }
        }
    }
}
