//! Decisions: options and their effects, timing windows and needs, roles, drafts and inquiries.

use super::*;

impl Validator<'_> {
    pub(super) fn options(&mut self, options: &[OptionFile], path: &str) -> Vec<ChoiceOption> {
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

    pub(super) fn decision(
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
}
