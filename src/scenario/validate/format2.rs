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
            .hint = Some(
                "run `pressroom upgrade FILE` (it rewrites the version line and keeps your comments)"
                    .into(),
            );
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
                );
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
                    let hint = suggestion(id, known.iter().copied()).or_else(|| {
                        Some(format!(
                            "declare it under `organisation.departments`: (id: \"{id}\", label: (ja: \"…\", en: \"…\"))"
                        ))
                    });
                    self.error(
                        "unknown-department",
                        path,
                        format!("the organisation declares no department `{id}`"),
                    )
                    .hint = hint;
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
        let hint = suggestion(id, known.iter().copied()).or_else(|| {
            Some(if known.is_empty() {
                "add a roles decision with this role, so the drill says who holds it".to_string()
            } else {
                format!("the roles are: {}", known.join(", "))
            })
        });
        self.error(
            "unknown-role",
            path,
            format!("no roles decision has a role `{id}`"),
        )
        .hint = hint;
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
                .hint = Some("a term to look for has at least two characters".into());
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
                .hint = Some("a term to look for has at least two characters".into());
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
                        .hint = Some("a phrase to look for has at least two characters".into());
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
                .hint = Some(format!(
                    "write `deadline: Some(\"{}\")` in the timing decision of the stage it asks for",
                    dl.id
                ));
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
                .hint = Some("write a span above zero, e.g. \"30m\", \"2h\" or \"1d\"".into());
                1
            }
        }
    }
}
