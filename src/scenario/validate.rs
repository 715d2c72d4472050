//! Validation: a [`ScenarioFile`] becomes a [`Scenario`], or every problem in the file is
//! reported at once, each with a stable code, the place in the writer's text and a hint.

use super::file::*;
use super::time::{TIME_HINT, parse_moment, parse_span};
use super::*;
use crate::playbook::Playbook;
use crate::source::diagnostic::{Diagnostic, suggestion};
use std::collections::HashMap;

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
    crate::source::version::check(src, super::VERSIONS).map_err(|d| vec![d])?;
    let file: ScenarioFile = crate::source::load::parse(src).map_err(|d| vec![d])?;
    let mut v = Validator {
        diags: Vec::new(),
        playbook,
        languages: Vec::new(),
        start: DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").expect("a fixed date parses"),
        duration: u32::MAX,
        ids: Ids::default(),
    };
    let scenario = v.scenario(&file, src);
    let mut diags = v.diags;
    crate::source::locate::place(&mut diags, src);
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
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
    /// Option IDs of each choice and inquiry decision.
    options: HashMap<String, Vec<String>>,
}

struct Validator<'a> {
    diags: Vec<Diagnostic>,
    playbook: &'a Playbook,
    languages: Vec<Lang>,
    start: DateTime<FixedOffset>,
    duration: u32,
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
        if f.minutes == 0 {
            self.error("invalid-value", "minutes", "a drill cannot take 0 minutes")
                .hint = Some("give the minutes a drill takes in the room, e.g. 60".into());
        }
        self.clock(&f.clock);
        self.collect_ids(f);

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
                .hint =
                Some("add the people the team can call on: PR, legal, IT, an executive".into());
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
        if f.decisions.is_empty() {
            self.error(
                "no-decisions",
                "decisions",
                "the scenario asks the team for no decision",
            )
            .hint = Some("add at least a timing and a draft decision".into());
        }
        if !facts.iter().any(|x: &Fact| x.core)
            && decisions
                .iter()
                .any(|d: &Decision| matches!(d.kind, DecisionKind::Timing(_)))
        {
            self.warning(
                "no-core-fact",
                "facts",
                "no fact is marked `core: true`, so publishing early cannot be scored",
            )
            .hint = Some(
                "mark the facts that must be confirmed before publishing with `core: true`".into(),
            );
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
            duration: if self.duration == u32::MAX {
                0
            } else {
                self.duration
            },
            deadlines,
            facts,
            injects,
            decisions,
            variations,
            source: std::sync::Arc::from(src),
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
            self.error("bad-id", path, format!("`{id}` is not a valid ID")).hint =
                Some("IDs use lower-case ASCII letters, digits, `_` and `-` (at most 64), e.g. `ceo_call`".into());
        }
    }

    fn languages(&mut self, codes: &[String]) {
        if codes.is_empty() {
            self.error(
                "unknown-language",
                "languages",
                "the scenario declares no language",
            )
            .hint = Some("write `languages: [\"ja\"]`, `[\"en\"]` or `[\"ja\", \"en\"]`".into());
        }
        for (i, code) in codes.iter().enumerate() {
            match Lang::from_code(code) {
                Some(lang) if !self.languages.contains(&lang) => self.languages.push(lang),
                Some(_) => {
                    self.warning(
                        "duplicate-language",
                        format!("languages[{i}]"),
                        format!("`{code}` is listed twice"),
                    );
                }
                None => {
                    self.error(
                        "unknown-language",
                        format!("languages[{i}]"),
                        format!("`{code}` is not a language Pressroom speaks"),
                    )
                    .hint = Some("use \"ja\" (Japanese) or \"en\" (English)".into());
                }
            }
        }
    }

    fn clock(&mut self, c: &ClockFile) {
        match DateTime::parse_from_rfc3339(c.start.trim()) {
            Ok(start) => self.start = start,
            Err(_) => {
                self.error("bad-time", "clock.start", format!("`{}` is not a date-time with an offset", c.start))
                    .hint = Some("write e.g. \"2026-03-12T08:30:00+09:00\" (date, `T`, time, and the offset from UTC)".into());
            }
        }
        match parse_span(&c.duration) {
            Ok(0) => {
                self.error("bad-time", "clock.duration", "the scenario lasts no time")
                    .hint = Some(
                    "give the simulated span the scenario covers, e.g. \"6h\" or \"3d\"".into(),
                );
            }
            Ok(d) => self.duration = d,
            Err(why) => {
                self.error(
                    "bad-time",
                    "clock.duration",
                    format!("`{}`: {why}", c.duration),
                )
                .hint = Some("write a span such as \"6h\", \"90m\" or \"3d\"".into());
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
                    v.error(
                        "duplicate-id",
                        path,
                        format!("{what} `{id}` is defined twice"),
                    )
                    .hint = Some(format!(
                        "the first is {list}[{first}]; give this one another ID"
                    ));
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
                self.error("empty-text", path, "this text is empty").hint = Some(format!(
                    "write it for every declared language: ({})",
                    self.languages
                        .iter()
                        .map(|l| format!("{l}: \"…\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
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
                .hint = Some(format!(
                    "the scenario declares `{lang}` in `languages`; add `{lang}: \"…\"` or remove the language"
                ));
            }
        }
    }

    fn moment(&mut self, text: &str, path: &str) -> SimTime {
        match parse_moment(text, self.start) {
            Ok(t) => {
                if t.0 > self.duration {
                    self.error(
                        "time-outside-scenario",
                        path,
                        format!(
                            "{t} is after the scenario ends ({})",
                            SimTime(self.duration)
                        ),
                    )
                    .hint = Some("move it inside the clock, or lengthen `clock.duration`".into());
                }
                t
            }
            Err(why) => {
                self.error("bad-time", path, format!("`{text}`: {why}"))
                    .hint = Some(TIME_HINT.into());
                SimTime::START
            }
        }
    }

    fn window(&mut self, w: &WindowFile, path: &str) -> Window {
        let from = self.moment(&w.from, &format!("{path}.from"));
        let to = self.moment(&w.to, &format!("{path}.to"));
        if from >= to {
            let what = if from == to { "empty" } else { "inverted" };
            self.error(
                "bad-window",
                path,
                format!("the window is {what}: it runs from {from} to {to}"),
            )
            .hint = Some("`from` must come before `to`".into());
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
            _ => &self.ids.deadlines,
        };
        if let Some(&i) = map.get(id) {
            return Some(i);
        }
        let hint = suggestion(id, sorted_keys(map));
        self.error(code, path, format!("there is no {kind} `{id}`"))
            .hint = hint;
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

    fn option_ref(&mut self, decision: &str, option: &str, path: &str) -> usize {
        let Some(options) = self.ids.options.get(decision) else {
            return 0;
        };
        if let Some(i) = options.iter().position(|o| o == option) {
            return i;
        }
        let hint = if options.is_empty() {
            Some(format!(
                "`{decision}` is not a choice or inquiry with options"
            ))
        } else {
            suggestion(option, options.iter().map(String::as_str))
        };
        self.error(
            "unknown-option",
            path,
            format!("decision `{decision}` has no option `{option}`"),
        )
        .hint = hint;
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

    fn person(&mut self, p: &PersonFile, i: usize) -> Person {
        let path = format!("cast[{i}]");
        self.text(&p.name, &format!("{path}.name"), true);
        self.text(&p.title, &format!("{path}.title"), true);
        self.text(&p.note, &format!("{path}.note"), false);
        let unavailable = p
            .unavailable
            .iter()
            .enumerate()
            .map(|(j, w)| self.window(w, &format!("{path}.unavailable[{j}]")))
            .collect();
        Person {
            id: p.id.clone(),
            name: p.name.clone(),
            department: p.department,
            title: p.title.clone(),
            can_approve: p.can_approve,
            unavailable,
            note: p.note.clone(),
        }
    }

    fn deadline(&mut self, d: &DeadlineFile, i: usize) -> Deadline {
        let path = format!("deadlines[{i}]");
        let at = self.moment(&d.at, &format!("{path}.at"));
        self.text(&d.label, &format!("{path}.label"), true);
        self.text(&d.basis, &format!("{path}.basis"), false);
        self.rule(&d.rule, &format!("{path}.rule"));
        let grace = match &d.grace {
            None => 60,
            Some(g) => match parse_span(g) {
                Ok(0) | Err(_) => {
                    self.error(
                        "bad-time",
                        format!("{path}.grace"),
                        format!("`{g}` is not a usable grace span"),
                    )
                    .hint = Some(
                        "give how long after the deadline points fall to nothing, e.g. \"2h\""
                            .into(),
                    );
                    60
                }
                Ok(m) => m,
            },
        };
        Deadline {
            id: d.id.clone(),
            at,
            label: d.label.clone(),
            rule: d.rule.clone(),
            stage: d.stage,
            grace,
            basis: d.basis.clone(),
        }
    }

    fn fact(&mut self, x: &FactFile, i: usize) -> Fact {
        let path = format!("facts[{i}]");
        self.text(&x.text, &format!("{path}.text"), true);
        let timeline = x
            .timeline
            .iter()
            .enumerate()
            .map(|(j, c)| FactChange {
                when: self.trigger(&c.when, &format!("{path}.timeline[{j}].when")),
                status: c.status,
            })
            .collect();
        let terms = x
            .never_public
            .iter()
            .enumerate()
            .map(|(j, t)| (format!("{path}.never_public[{j}]"), t))
            .chain(
                x.keywords
                    .iter()
                    .enumerate()
                    .map(|(j, t)| (format!("{path}.keywords[{j}]"), t)),
            );
        for (term_path, term) in terms {
            if term.trim().chars().count() < 2 {
                self.error(
                    "invalid-value",
                    term_path,
                    format!("`{term}` is too short to look for"),
                )
                .hint = Some("a term to look for has at least two characters".into());
            }
        }
        if x.core && x.initially == FactStatus::Unknown && x.timeline.is_empty() {
            self.warning(
                "fact-never-settles",
                format!("{path}.core"),
                "this core fact never becomes known, so publishing can never be on time",
            )
            .hint = Some("add a `timeline` entry that confirms or refutes it".into());
        }
        Fact {
            id: x.id.clone(),
            text: x.text.clone(),
            sensitivity: x.sensitivity,
            initially: x.initially,
            timeline,
            count: x.count,
            core: x.core,
            never_public: x.never_public.clone(),
            keywords: x.keywords.clone(),
        }
    }

    fn inject(&mut self, x: &InjectFile, i: usize) -> Inject {
        let path = format!("injects[{i}]");
        let when = self.trigger(&x.when, &format!("{path}.when"));
        let from = self.sender(&x.from, &format!("{path}.from"));
        self.text(&x.subject, &format!("{path}.subject"), false);
        self.text(&x.body, &format!("{path}.body"), true);
        let opens = x
            .opens
            .iter()
            .enumerate()
            .map(|(j, d)| self.decision_ref(d, &format!("{path}.opens[{j}]")))
            .collect();
        Inject {
            id: x.id.clone(),
            when,
            from,
            channel: x.channel,
            subject: x.subject.clone(),
            body: x.body.clone(),
            opens,
            optional: x.optional,
        }
    }

    fn options(&mut self, options: &[OptionFile], path: &str) -> Vec<ChoiceOption> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut out = Vec::new();
        for (j, o) in options.iter().enumerate() {
            let p = format!("{path}[{j}]");
            self.id_syntax(&o.id, &format!("{p}.id"));
            if let Some(first) = seen.insert(&o.id, j) {
                self.error(
                    "duplicate-id",
                    format!("{p}.id"),
                    format!("option `{}` is defined twice", o.id),
                )
                .hint = Some(format!("the first is {path}[{first}]"));
            }
            self.text(&o.label, &format!("{p}.label"), true);
            self.text(&o.feedback, &format!("{p}.feedback"), false);
            for (k, e) in o.effects.iter().enumerate() {
                self.rule(&e.rule, &format!("{p}.effects[{k}].rule"));
                if e.points > 100 {
                    self.error(
                        "invalid-value",
                        format!("{p}.effects[{k}].points"),
                        format!("{} points is more than a rule can carry", e.points),
                    )
                    .hint = Some("use 0 to 100; the playbook's weight scales it".into());
                }
            }
            out.push(ChoiceOption {
                id: o.id.clone(),
                label: o.label.clone(),
                feedback: o.feedback.clone(),
                effects: o
                    .effects
                    .iter()
                    .map(|e| Effect {
                        rule: e.rule.clone(),
                        points: e.points,
                    })
                    .collect(),
            });
        }
        out
    }

    fn decision(
        &mut self,
        d: &DecisionFile,
        i: usize,
        f: &ScenarioFile,
        cast: &[Person],
    ) -> Decision {
        let path = format!("decisions[{i}]");
        self.text(&d.title, &format!("{path}.title"), true);
        self.text(&d.prompt, &format!("{path}.prompt"), true);
        let opens = d
            .opens
            .as_ref()
            .map(|t| self.trigger(t, &format!("{path}.opens")));
        let due = d
            .due
            .as_ref()
            .map(|t| self.moment(t, &format!("{path}.due")));
        if let (Some(Trigger::At(open)), Some(due)) = (opens, due)
            && due <= open
        {
            self.error(
                "bad-window",
                format!("{path}.due"),
                format!("the decision is due at {due}, before it opens at {open}"),
            )
            .hint = Some("make `due` later than `opens`".into());
        }
        let kp = format!("{path}.kind");
        let no_effect = |v: &mut Validator<'_>, why: &str| {
            v.error(
                "no-scoring-effect",
                kp.clone(),
                format!("decision `{}` scores nothing: {why}", d.id),
            )
            .hint = Some(
                "name a playbook rule and points in an `effects` entry, or give `points` above 0"
                    .into(),
            );
        };
        let kind = match &d.kind {
            DecisionKindFile::Choice(c) => {
                let options = self.options(&c.options, &format!("{kp}.options"));
                if options.len() < 2 {
                    self.error(
                        "too-few-options",
                        format!("{kp}.options"),
                        "a choice needs at least two options",
                    )
                    .hint = Some("add the tempting wrong answer as well as the right one".into());
                }
                if !options
                    .iter()
                    .any(|o| o.effects.iter().any(|e| e.points > 0))
                {
                    no_effect(self, "no option earns points for any rule");
                }
                DecisionKind::Choice { options }
            }
            DecisionKindFile::Timing(t) => {
                let window = self.window(&t.window, &format!("{kp}.window"));
                let deadline = t.deadline.as_ref().and_then(|id| {
                    self.reference(
                        "deadline",
                        "unknown-deadline",
                        id,
                        &format!("{kp}.deadline"),
                    )
                    .map(DeadlineRef)
                });
                let needs = t
                    .needs
                    .iter()
                    .enumerate()
                    .map(|(j, n)| {
                        let np = format!("{kp}.needs[{j}]");
                        self.rule(&n.rule, &format!("{np}.rule"));
                        if n.decision == d.id {
                            self.error(
                                "invalid-value",
                                format!("{np}.decision"),
                                "a timing decision cannot need itself",
                            );
                        }
                        let decision = self.decision_ref(&n.decision, &format!("{np}.decision"));
                        let option = n
                            .option
                            .as_ref()
                            .map(|o| self.option_ref(&n.decision, o, &format!("{np}.option")));
                        Need {
                            rule: n.rule.clone(),
                            decision,
                            option,
                        }
                    })
                    .collect();
                if t.points == 0 {
                    no_effect(self, "its points are 0");
                }
                DecisionKind::Timing(Timing {
                    stage: t.stage,
                    window,
                    deadline,
                    needs,
                    points: t.points,
                })
            }
            DecisionKindFile::Roles(r) => {
                let mut roles = Vec::new();
                let mut seen: HashMap<&str, usize> = HashMap::new();
                for (j, role) in r.roles.iter().enumerate() {
                    let rp = format!("{kp}.roles[{j}]");
                    self.id_syntax(&role.id, &format!("{rp}.id"));
                    if seen.insert(&role.id, j).is_some() {
                        self.error(
                            "duplicate-id",
                            format!("{rp}.id"),
                            format!("role `{}` is defined twice", role.id),
                        );
                    }
                    self.text(&role.name, &format!("{rp}.name"), true);
                    self.rule(&role.rule, &format!("{rp}.rule"));
                    let model = Role {
                        id: role.id.clone(),
                        name: role.name.clone(),
                        rule: role.rule.clone(),
                        departments: role.departments.clone(),
                        must_approve: role.must_approve,
                        must_be_available: false,
                        points: role.points,
                    };
                    if !cast.is_empty()
                        && !cast
                            .iter()
                            .any(|p| model.unmet_by(p, SimTime::START).is_none())
                    {
                        let mut needs = Vec::new();
                        if !role.departments.is_empty() {
                            needs.push(format!("a department among {:?}", role.departments));
                        }
                        if role.must_approve {
                            needs.push("`can_approve: true`".to_string());
                        }
                        self.error(
                            "unfillable-role",
                            rp.clone(),
                            format!("no cast member can hold role `{}`", role.id),
                        )
                        .hint = Some(format!(
                            "add a person with {}, or relax the role",
                            needs.join(" and ")
                        ));
                    }
                    roles.push(Role {
                        must_be_available: role.must_be_available,
                        ..model
                    });
                }
                if roles.is_empty() {
                    self.error(
                        "no-scoring-effect",
                        format!("{kp}.roles"),
                        "a roles decision needs at least one role",
                    );
                } else if roles.iter().all(|r| r.points == 0) {
                    no_effect(self, "every role's points are 0");
                }
                if !r.allow_doubling && !f.cast.is_empty() && roles.len() > f.cast.len() {
                    self.error(
                        "unfillable-role",
                        format!("{kp}.roles"),
                        format!(
                            "{} roles but only {} people, and no one may hold two",
                            roles.len(),
                            f.cast.len()
                        ),
                    )
                    .hint =
                        Some("add people, remove a role or write `allow_doubling: true`".into());
                }
                DecisionKind::Roles(Roles {
                    roles,
                    allow_doubling: r.allow_doubling,
                })
            }
            DecisionKindFile::Draft(x) => {
                let mut seen: HashMap<&str, usize> = HashMap::new();
                let candidates = x
                    .candidates
                    .iter()
                    .enumerate()
                    .map(|(j, c)| {
                        let cp = format!("{kp}.candidates[{j}]");
                        self.id_syntax(&c.id, &format!("{cp}.id"));
                        if seen.insert(&c.id, j).is_some() {
                            self.error(
                                "duplicate-id",
                                format!("{cp}.id"),
                                format!("candidate `{}` is defined twice", c.id),
                            );
                        }
                        self.text(&c.label, &format!("{cp}.label"), true);
                        self.text(&c.text, &format!("{cp}.text"), true);
                        Candidate {
                            id: c.id.clone(),
                            label: c.label.clone(),
                            text: c.text.clone(),
                        }
                    })
                    .collect();
                if x.points == 0 {
                    no_effect(self, "its points are 0");
                }
                let required = match &x.required {
                    Some(list) => {
                        let mut list = list.clone();
                        list.sort();
                        list.dedup();
                        list
                    }
                    None => Element::defaults_for(x.stage).to_vec(),
                };
                DecisionKind::Draft(Draft {
                    stage: x.stage,
                    required,
                    candidates,
                    points: x.points,
                })
            }
            DecisionKindFile::Inquiry(q) => {
                let from = self.sender(&q.from, &format!("{kp}.from"));
                self.text(&q.question, &format!("{kp}.question"), true);
                let about = q
                    .about
                    .iter()
                    .enumerate()
                    .map(|(j, id)| self.fact_ref(id, &format!("{kp}.about[{j}]")))
                    .collect();
                let answers = self.options(&q.answers, &format!("{kp}.answers"));
                let scored_answers = answers
                    .iter()
                    .any(|o| o.effects.iter().any(|e| e.points > 0));
                if !(scored_answers || (q.free_text && q.points > 0)) {
                    no_effect(
                        self,
                        "no answer earns points and free-text answers are off or worth 0",
                    );
                }
                if answers.is_empty() && !q.free_text {
                    self.error(
                        "too-few-options",
                        format!("{kp}.answers"),
                        "the inquiry can be answered neither by picking nor by writing",
                    )
                    .hint =
                        Some("add `answers`, or leave `free_text` at its default `true`".into());
                }
                DecisionKind::Inquiry(Inquiry {
                    from,
                    channel: q.channel,
                    question: q.question.clone(),
                    about,
                    answers,
                    free_text: q.free_text,
                    points: q.points,
                })
            }
        };
        Decision {
            id: d.id.clone(),
            title: d.title.clone(),
            prompt: d.prompt.clone(),
            opens,
            due,
            owner: d.owner,
            kind,
        }
    }

    fn variation(&mut self, x: &VariationFile, i: usize) -> Variation {
        let path = format!("variations[{i}].kind");
        self.text(&x.note, &format!("variations[{i}].note"), false);
        let percent = |v: &mut Validator<'_>, p: u8| {
            if p > 100 {
                v.error(
                    "invalid-value",
                    format!("{path}.percent"),
                    format!("{p}% is not a chance"),
                )
                .hint = Some("a chance is 0 to 100".into());
            }
        };
        let kind = match &x.kind {
            VariationKindFile::Delay { inject, min, max } => {
                let inject = self.inject_ref(inject, &format!("{path}.inject"));
                let lo = parse_span(min);
                let hi = parse_span(max);
                match (lo, hi) {
                    (Ok(lo), Ok(hi)) if lo <= hi => VariationKind::Delay {
                        inject,
                        min: lo,
                        max: hi,
                    },
                    (Ok(_), Ok(_)) => {
                        self.error(
                            "bad-window",
                            path.clone(),
                            "the delay's `min` is above its `max`",
                        );
                        VariationKind::Delay {
                            inject,
                            min: 0,
                            max: 0,
                        }
                    }
                    _ => {
                        self.error(
                            "bad-time",
                            path.clone(),
                            "a delay needs spans such as \"0m\" and \"40m\"",
                        )
                        .hint = Some("write `min: \"0m\", max: \"40m\"`".into());
                        VariationKind::Delay {
                            inject,
                            min: 0,
                            max: 0,
                        }
                    }
                }
            }
            VariationKindFile::OneOf { injects } => {
                if injects.len() < 2 {
                    self.error(
                        "too-few-options",
                        format!("{path}.injects"),
                        "`OneOf` needs at least two injects to choose from",
                    );
                }
                let injects = injects
                    .iter()
                    .enumerate()
                    .map(|(j, id)| self.inject_ref(id, &format!("{path}.injects[{j}]")))
                    .collect();
                VariationKind::OneOf { injects }
            }
            VariationKindFile::Chance { inject, percent: p } => {
                percent(self, *p);
                VariationKind::Chance {
                    inject: self.inject_ref(inject, &format!("{path}.inject")),
                    percent: *p,
                }
            }
            VariationKindFile::Unavailable {
                person,
                window,
                percent: p,
            } => {
                percent(self, *p);
                let person = self.person_ref(person, &format!("{path}.person"));
                let window = self.window(window, &format!("{path}.window"));
                VariationKind::Unavailable {
                    person,
                    window,
                    percent: *p,
                }
            }
        };
        Variation {
            id: x.id.clone(),
            note: x.note.clone(),
            kind,
        }
    }

    /// Injects and decisions that nothing can bring about are errors: a writer forgot a link.
    fn reachability(&mut self, s: &Scenario) {
        if self
            .diags
            .iter()
            .any(|d| d.is_error() && d.code.starts_with("unknown-"))
        {
            return; // unresolved references would make the answer meaningless
        }
        let mut injects = vec![false; s.injects.len()];
        let mut decisions = vec![false; s.decisions.len()];
        loop {
            let mut changed = false;
            let stages: Vec<Stage> = s
                .decisions
                .iter()
                .zip(&decisions)
                .filter(|(_, r)| **r)
                .filter_map(|(d, _)| match &d.kind {
                    DecisionKind::Timing(t) => Some(t.stage),
                    _ => None,
                })
                .collect();
            let fires = |t: &Trigger, injects: &[bool], decisions: &[bool]| match t {
                Trigger::Start | Trigger::At(_) => true,
                Trigger::AfterInject(i) => injects[i.0],
                Trigger::AfterDecision(d) | Trigger::AfterOption(d, _) => decisions[d.0],
                Trigger::AfterPublish(stage) => stages.contains(stage),
            };
            for (i, inj) in s.injects.iter().enumerate() {
                if !injects[i] && fires(&inj.when, &injects, &decisions) {
                    injects[i] = true;
                    changed = true;
                }
            }
            for (i, d) in s.decisions.iter().enumerate() {
                if decisions[i] {
                    continue;
                }
                let by_trigger = d
                    .opens
                    .as_ref()
                    .is_some_and(|t| fires(t, &injects, &decisions));
                let by_inject = s
                    .injects
                    .iter()
                    .enumerate()
                    .any(|(j, inj)| injects[j] && inj.opens.contains(&DecisionRef(i)));
                if by_trigger || by_inject {
                    decisions[i] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for (i, reached) in injects.iter().enumerate() {
            if !reached {
                self.error("unreachable", format!("injects[{i}].when"), format!("inject `{}` can never arrive", s.injects[i].id))
                    .hint = Some("what it waits for never happens; trigger it by a time or by something that happens".into());
            }
        }
        for (i, reached) in decisions.iter().enumerate() {
            if !reached {
                let d = &s.decisions[i];
                let hint = if d.opens.is_none()
                    && !s
                        .injects
                        .iter()
                        .any(|inj| inj.opens.contains(&DecisionRef(i)))
                {
                    "nothing opens it: add `opens: Start` (or a time) or list it in an inject's `opens`"
                } else {
                    "what opens it never happens; open it by a time or by an inject that arrives"
                };
                self.error(
                    "unreachable",
                    format!("decisions[{i}].id"),
                    format!("decision `{}` can never open", d.id),
                )
                .hint = Some(hint.into());
            }
        }
    }
}
