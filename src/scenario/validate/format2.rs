//! Format 2's own checks: which fields need `format: 2`, the organisation's departments,
//! roles named from timing decisions, the scenario's wording and deadlines nothing scores.

use super::*;

impl Validator<'_> {
    /// A format 1 file that uses a format 2 field is refused, with the way to upgrade: an
    /// older Pressroom would refuse it too, and the writer should know which one they wrote.
    pub(super) fn format_2_fields(&mut self, f: &ScenarioFile) {
        if f.format >= 2 {
            return;
        }
        let mut used: Vec<String> = Vec::new();
        if !f.milestones.is_empty() {
            used.push("milestones".into());
        }
        if !f.wording.jargon.is_empty()
            || !f.wording.never_public.is_empty()
            || f.wording.readers.is_some()
            || !crate::playbook::file::phrase_book_is_empty(&f.wording.phrases)
        {
            used.push("wording".into());
        }
        if !f.organisation.departments.is_empty() {
            used.push("organisation.departments".into());
        }
        for (i, x) in f.injects.iter().enumerate() {
            if x.to.is_some() {
                used.push(format!("injects[{i}].to"));
            }
            if matches!(x.when, TriggerFile::AfterMilestone(_)) {
                used.push(format!("injects[{i}].when"));
            }
        }
        for (i, x) in f.facts.iter().enumerate() {
            if x.date.is_some() {
                used.push(format!("facts[{i}].date"));
            }
            for (j, c) in x.timeline.iter().enumerate() {
                if c.count.is_some() {
                    used.push(format!("facts[{i}].timeline[{j}].count"));
                }
                if c.date.is_some() {
                    used.push(format!("facts[{i}].timeline[{j}].date"));
                }
            }
        }
        for (i, d) in f.decisions.iter().enumerate() {
            let kp = format!("decisions[{i}].kind");
            match &d.kind {
                DecisionKindFile::Timing(t) => {
                    if !t.rule_points.is_empty() {
                        used.push(format!("{kp}.rule_points"));
                    }
                    if t.facts.is_some() {
                        used.push(format!("{kp}.facts"));
                    }
                    if !t.reviews.is_empty() {
                        used.push(format!("{kp}.reviews"));
                    }
                    if t.approval.is_some() {
                        used.push(format!("{kp}.approval"));
                    }
                    if t.follow_up.is_some() {
                        used.push(format!("{kp}.follow_up"));
                    }
                    for (j, n) in t.needs.iter().enumerate() {
                        if n.milestone.is_some() || n.inject.is_some() {
                            used.push(format!("{kp}.needs[{j}]"));
                        }
                    }
                }
                DecisionKindFile::Roles(r) => {
                    if r.max_roles_per_person.is_some() {
                        used.push(format!("{kp}.max_roles_per_person"));
                    }
                    if !r.not_together.is_empty() {
                        used.push(format!("{kp}.not_together"));
                    }
                    if r.clear_points.is_some() {
                        used.push(format!("{kp}.clear_points"));
                    }
                    for (j, role) in r.roles.iter().enumerate() {
                        if !role.feedback.is_empty() {
                            used.push(format!("{kp}.roles[{j}].feedback"));
                        }
                    }
                }
                DecisionKindFile::Draft(x) => {
                    if x.audience != Audience::Public {
                        used.push(format!("{kp}.audience"));
                    }
                    if x.bilingual {
                        used.push(format!("{kp}.bilingual"));
                    }
                    if x.readers.is_some() {
                        used.push(format!("{kp}.readers"));
                    }
                }
                DecisionKindFile::Inquiry(q) => {
                    if q.reply.is_some() {
                        used.push(format!("{kp}.reply"));
                    }
                }
                DecisionKindFile::Choice(_) => {}
            }
        }
        for path in used {
            self.error(
                "needs-format-2",
                path.clone(),
                format!("`{path}` is a format 2 field, but this file says `format: 1`"),
            )
            .set_ja(format!(
                "`{path}` は形式 2 の項目ですが、このファイルは `format: 1` です"
            ))
            .set_hint_in(Some(Text::new(
                "`pressroom upgrade FILE` を実行してください(版の行を書き換え、コメントは残します)",
                "run `pressroom upgrade FILE` (it rewrites the version line and keeps your comments)",
            )));
        }
    }

    /// The organisation's own departments: IDs, names, and no clash with each other.
    pub(super) fn departments(&mut self, f: &ScenarioFile) {
        for (i, d) in f.organisation.departments.iter().enumerate() {
            let path = format!("organisation.departments[{i}]");
            self.id_syntax(&d.id, &format!("{path}.id"));
            self.text(&d.label, &format!("{path}.label"), true);
            if self
                .ids
                .departments
                .insert(d.id.clone(), d.label.clone())
                .is_some()
            {
                self.error(
                    "duplicate-id",
                    format!("{path}.id"),
                    format!("department `{}` is declared twice", d.id),
                )
                .set_ja(format!("部署 `{}` が二度宣言されています", d.id));
            }
        }
    }

    /// A department as written, checked: a declared one must exist. Returns its name.
    pub(super) fn department(&mut self, d: &Department, path: &str) -> Text {
        match d {
            Department::Dept(id) => match self.ids.departments.get(id) {
                Some(label) => label.clone(),
                None => {
                    let mut known: Vec<&str> =
                        self.ids.departments.keys().map(String::as_str).collect();
                    known.sort_unstable();
                    let hint = suggestion_in(id, known.iter().copied()).or_else(|| {
                        let declare = format!("(id: \"{id}\", label: (ja: \"…\", en: \"…\"))");
                        Some(Text::new(
                            format!("`organisation.departments` に宣言してください: {declare}"),
                            format!("declare it under `organisation.departments`: {declare}"),
                        ))
                    });
                    self.error(
                        "unknown-department",
                        path,
                        format!("the organisation declares no department `{id}`"),
                    )
                    .set_ja(format!("組織に部署 `{id}` は宣言されていません"))
                    .set_hint_in(hint);
                    d.label()
                }
            },
            other => other.label(),
        }
    }

    /// A role named by ID from outside its roles decision (a review, an approval).
    pub(super) fn role_ref(&mut self, id: &str, path: &str) -> Option<RoleRef> {
        if let Some(&(d, r)) = self.ids.roles.get(id) {
            return Some(RoleRef {
                decision: DecisionRef(d),
                role: r,
            });
        }
        let mut known: Vec<&str> = self.ids.roles.keys().map(String::as_str).collect();
        known.sort_unstable();
        let hint = suggestion_in(id, known.iter().copied()).or_else(|| {
            Some(if known.is_empty() {
                Text::new(
                    "この役割を持つ役割分担の判断を加え、誰が担うかを決められるようにしてください",
                    "add a roles decision with this role, so the drill says who holds it",
                )
            } else {
                Text::new(
                    format!("役割は次のとおりです: {}", known.join(", ")),
                    format!("the roles are: {}", known.join(", ")),
                )
            })
        });
        self.error(
            "unknown-role",
            path,
            format!("no roles decision has a role `{id}`"),
        )
        .set_ja(format!("役割 `{id}` を持つ役割分担の判断がありません"))
        .set_hint_in(hint);
        None
    }

    /// The scenario's own jargon and never-public terms.
    pub(super) fn wording(&mut self, w: &WordingFile) -> ScenarioWording {
        for (i, j) in w.jargon.iter().enumerate() {
            let path = format!("wording.jargon[{i}]");
            if j.term.trim().chars().count() < 2 {
                self.error(
                    "invalid-value",
                    format!("{path}.term"),
                    format!("`{}` is too short to look for", j.term),
                )
                .set_ja(format!("`{}` は短すぎて探せません", j.term))
                .set_hint_in(Some(two_characters()));
            }
            self.text(&j.plain, &format!("{path}.plain"), true);
        }
        for (i, t) in w.never_public.iter().enumerate() {
            if t.trim().chars().count() < 2 {
                self.error(
                    "invalid-value",
                    format!("wording.never_public[{i}]"),
                    format!("`{t}` is too short to look for"),
                )
                .set_ja(format!("`{t}` は短すぎて探せません"))
                .set_hint_in(Some(two_characters()));
            }
        }
        for (lang, p) in [("ja", &w.phrases.ja), ("en", &w.phrases.en)] {
            let lists: [(&str, &Vec<String>); 8] = [
                ("hedges", &p.hedges),
                ("investigating", &p.investigating),
                ("blame", &p.blame),
                ("overpromise", &p.overpromise),
                ("vague", &p.vague),
                ("denials", &p.denials),
                ("assertions", &p.assertions),
                ("cues.next_update", &p.cues.next_update),
            ];
            for (name, items) in lists {
                for (i, t) in items.iter().enumerate() {
                    if t.trim().chars().count() < 2 {
                        self.error(
                            "invalid-value",
                            format!("wording.phrases.{lang}.{name}[{i}]"),
                            format!("`{t}` is too short to look for"),
                        )
                        .set_ja(format!("`{t}` は短すぎて探せません"))
                        .set_hint_in(Some(two_characters()));
                    }
                }
            }
        }
        ScenarioWording {
            phrases: w.phrases.clone(),
            jargon: w
                .jargon
                .iter()
                .map(|j| JargonTerm {
                    term: j.term.trim().to_string(),
                    plain: j.plain.clone(),
                    known_to: j.known_to.clone(),
                })
                .collect(),
            readers: w.readers.unwrap_or_default(),
            never_public: w
                .never_public
                .iter()
                .map(|t| t.trim().to_string())
                .collect(),
        }
    }

    /// A deadline that no timing decision answers to scores nothing: say so, rather than
    /// let `check` count its rule as exercised.
    pub(super) fn unused_deadlines(&mut self, f: &ScenarioFile) {
        // A timing decision naming a deadline that does not exist is a typo already reported.
        let mistyped = f.decisions.iter().any(|d| {
            matches!(&d.kind, DecisionKindFile::Timing(t)
                if t.deadline.as_ref().is_some_and(|id| !self.ids.deadlines.contains_key(id)))
        });
        if mistyped {
            return;
        }
        for (i, dl) in f.deadlines.iter().enumerate() {
            let named = f.decisions.iter().any(|d| {
                matches!(&d.kind, DecisionKindFile::Timing(t) if t.deadline.as_deref() == Some(dl.id.as_str()))
            });
            if !named {
                self.warning(
                    "unused-deadline",
                    format!("deadlines[{i}].id"),
                    format!(
                        "no timing decision answers to deadline `{}`, so nothing scores it",
                        dl.id
                    ),
                )
                .set_ja(format!(
                    "期限 `{}` に応える公表の判断がないため、この期限は採点されません",
                    dl.id
                ))
                .set_hint_in(Some(Text::new(
                    format!(
                        "期限が求める段階の公表の判断に `deadline: Some(\"{}\")` と書いてください",
                        dl.id
                    ),
                    format!(
                        "write `deadline: Some(\"{}\")` in the timing decision of the stage it asks for",
                        dl.id
                    ),
                )));
            }
        }
    }

    /// A span such as `"30m"` that must be above zero.
    pub(super) fn positive_span(&mut self, text: &str, path: &str, what: &str) -> u32 {
        match parse_span(text) {
            Ok(m) if m > 0 => m,
            _ => {
                self.error(
                    "bad-time",
                    path,
                    format!("`{text}` is not a usable span for {what}"),
                )
                .set_ja(format!("`{text}` は時間の長さとして使えません({what})"))
                .set_hint_in(Some(Text::new(
                    "0 より長い時間を書いてください。例: \"30m\"、\"2h\"、\"1d\"",
                    "write a span above zero, e.g. \"30m\", \"2h\" or \"1d\"",
                )));
                1
            }
        }
    }
}

/// The hint for a term or phrase too short to look for.
fn two_characters() -> Text {
    Text::new(
        "探す語句は2文字以上にしてください",
        "a term or phrase to look for has at least two characters",
    )
}
