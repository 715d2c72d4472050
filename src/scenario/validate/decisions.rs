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
                .set_ja(format!("選択肢 `{}` が二度定義されています", o.id))
                .set_hint_in(Some(crate::text::Text::new(
                    format!("一つ目は {path}[{first}] です"),
                    format!("the first is {path}[{first}]"),
                )));
            }
            self.text(&o.label, &format!("{p}.label"), true);
            self.text(&o.feedback, &format!("{p}.feedback"), false);
            for (k, e) in o.effects.iter().enumerate() {
                self.rule(&e.rule, &format!("{p}.effects[{k}].rule"));
                self.points_of_a_rule(e.points, format!("{p}.effects[{k}].points"), || {
                    format!("{} points is more than a rule can carry", e.points)
                });
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
            .set_ja(format!(
                "判断の締め切り({due})が、始まる時刻({open})より前です"
            ))
            .set_hint_in(Some(crate::text::Text::new(
                "`due` を `opens` より後にしてください",
                "make `due` later than `opens`",
            )));
        }
        if let Some(owner) = &d.owner {
            self.department(owner, &format!("{path}.owner"));
        }
        let kp = format!("{path}.kind");
        let no_effect = |v: &mut Validator<'_>, (why_ja, why): (&str, &str)| {
            v.error(
                "no-scoring-effect",
                kp.clone(),
                format!("decision `{}` scores nothing: {why}", d.id),
            )
            .set_ja(format!("判断 `{}` は何も採点しません: {why_ja}", d.id))
            .set_hint_in(Some(crate::text::Text::new(
                "`effects` にプレイブックの規則と点を書くか、`points` を0より大きくしてください",
                "name a playbook rule and points in an `effects` entry, or give `points` above 0",
            )));
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
                    .set_ja("選択式の判断には、二つ以上の選択肢が要ります")
                    .set_hint_in(Some(crate::text::Text::new(
                        "正しい答えに加えて、選びたくなる誤った答えも入れてください",
                        "add the tempting wrong answer as well as the right one",
                    )));
                }
                if !options
                    .iter()
                    .any(|o| o.effects.iter().any(|e| e.points > 0))
                {
                    no_effect(
                        self,
                        (
                            "どの選択肢もどの規則の点も得ません",
                            "no option earns points for any rule",
                        ),
                    );
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
                    .map(|(j, n)| self.need(n, &d.id, &format!("{kp}.needs[{j}]")))
                    .collect();
                if t.points == 0 && t.rule_points.values().all(|p| *p == 0) {
                    no_effect(self, ("点が0です", "its points are 0"));
                }
                let (prerequisites, own_prerequisites) = match &t.facts {
                    Some(ids) => (
                        ids.iter()
                            .enumerate()
                            .map(|(j, id)| self.fact_ref(id, &format!("{kp}.facts[{j}]")))
                            .collect(),
                        true,
                    ),
                    None => (
                        f.facts
                            .iter()
                            .enumerate()
                            .filter(|(_, x)| x.core)
                            .map(|(i, _)| FactRef(i))
                            .collect(),
                        false,
                    ),
                };
                let reviews = t
                    .reviews
                    .iter()
                    .enumerate()
                    .filter_map(|(j, r)| {
                        let rp = format!("{kp}.reviews[{j}]");
                        self.rule(&r.rule, &format!("{rp}.rule"));
                        let lead = self.positive_span(&r.lead, &format!("{rp}.lead"), "a review");
                        let role = self.role_ref(&r.role, &format!("{rp}.role"))?;
                        Some(Review {
                            role,
                            lead,
                            rule: r.rule.clone(),
                        })
                    })
                    .collect();
                let approval = t.approval.as_ref().and_then(|a| {
                    let ap = format!("{kp}.approval");
                    self.rule(&a.rule, &format!("{ap}.rule"));
                    let role = self.role_ref(&a.role, &format!("{ap}.role"))?;
                    Some(Approval {
                        role,
                        rule: a.rule.clone(),
                    })
                });
                let follow_up = t.follow_up.as_ref().map(|x| {
                    self.positive_span(&x.within, &format!("{kp}.follow_up.within"), "a follow-up")
                });
                let timing = Timing {
                    stage: t.stage,
                    window,
                    deadline,
                    needs,
                    points: t.points,
                    rule_points: t.rule_points.clone(),
                    prerequisites,
                    own_prerequisites,
                    reviews,
                    approval,
                    follow_up,
                };
                self.rule_points(&timing, f, &kp);
                DecisionKind::Timing(timing)
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
                        )
                        .set_ja(format!("役割 `{}` が二度定義されています", role.id));
                    }
                    self.text(&role.name, &format!("{rp}.name"), true);
                    self.text(&role.feedback, &format!("{rp}.feedback"), false);
                    self.rule(&role.rule, &format!("{rp}.rule"));
                    let department_labels = role
                        .departments
                        .iter()
                        .enumerate()
                        .map(|(k, dep)| self.department(dep, &format!("{rp}.departments[{k}]")))
                        .collect();
                    let model = Role {
                        id: role.id.clone(),
                        name: role.name.clone(),
                        rule: role.rule.clone(),
                        departments: role.departments.clone(),
                        department_labels,
                        feedback: role.feedback.clone(),
                        must_approve: role.must_approve,
                        must_be_available: false,
                        points: role.points,
                    };
                    if !cast.is_empty()
                        && !cast
                            .iter()
                            .any(|p| model.unmet_by(p, SimTime::START).is_none())
                    {
                        let (mut needs, mut needs_ja) = (Vec::new(), Vec::new());
                        if !role.departments.is_empty() {
                            needs.push(format!("a department among {:?}", role.departments));
                            needs_ja.push(format!("部門が {:?} のいずれか", role.departments));
                        }
                        if role.must_approve {
                            needs.push("`can_approve: true`".to_string());
                            needs_ja.push("`can_approve: true`".to_string());
                        }
                        self.error(
                            "unfillable-role",
                            rp.clone(),
                            format!("no cast member can hold role `{}`", role.id),
                        )
                        .set_ja(format!("役割 `{}` を担える登場人物がいません", role.id))
                        .set_hint_in(Some(crate::text::Text::new(
                            format!(
                                "{}の人物を加えるか、役割の条件をゆるめてください",
                                needs_ja.join("かつ")
                            ),
                            format!(
                                "add a person with {}, or relax the role",
                                needs.join(" and ")
                            ),
                        )));
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
                    )
                    .set_ja("役割分担の判断には、一つ以上の役割が要ります");
                } else if roles.iter().all(|r| r.points == 0) {
                    no_effect(self, ("どの役割の点も0です", "every role's points are 0"));
                }
                if r.max_roles_per_person == Some(0) {
                    self.error(
                        "invalid-value",
                        format!("{kp}.max_roles_per_person"),
                        "a person who may hold no role cannot be given one",
                    )
                    .set_ja("役割を持てない人には役割を任せられません")
                    .set_hint_in(Some(crate::text::Text::new(
                        "1以上にするか、書かずにおいてください",
                        "give 1 or more, or leave it out",
                    )));
                }
                if let Some(points) = r.clear_points {
                    self.points_of_a_rule(points, format!("{kp}.clear_points"), || {
                        "more points than a rule can carry".into()
                    });
                }
                let max_per_person = match (r.max_roles_per_person, r.allow_doubling) {
                    (Some(m), _) => Some(m.max(1)),
                    (None, false) => Some(1),
                    (None, true) => None,
                };
                if let Some(m) = max_per_person
                    && !f.cast.is_empty()
                    && roles.len() > f.cast.len() * m as usize
                {
                    self.error(
                        "unfillable-role",
                        format!("{kp}.roles"),
                        format!(
                            "{} roles but only {} people, and no one may hold more than {m}",
                            roles.len(),
                            f.cast.len()
                        ),
                    )
                    .set_ja(format!(
                        "役割が{}あるのに人物は{}人で、一人{m}つまでしか持てません",
                        roles.len(),
                        f.cast.len()
                    ))
                    .set_hint_in(Some(crate::text::Text::new(
                        "人物を加えるか、役割を減らすか、`max_roles_per_person` を上げてください",
                        "add people, remove a role or raise `max_roles_per_person`",
                    )));
                }
                let not_together = r
                    .not_together
                    .iter()
                    .enumerate()
                    .filter_map(|(j, (a, b))| {
                        let np = format!("{kp}.not_together[{j}]");
                        let find = |v: &mut Validator<'_>, id: &str| {
                            let at = roles.iter().position(|x: &Role| x.id == id);
                            if at.is_none() {
                                v.error(
                                    "unknown-role",
                                    np.clone(),
                                    format!("this roles decision has no role `{id}`"),
                                )
                                .set_ja(format!("この役割分担の判断に役割 `{id}` はありません"))
                                .set_hint_in(
                                    crate::source::diagnostic::suggestion_in(
                                        id,
                                        roles.iter().map(|x| x.id.as_str()),
                                    ),
                                );
                            }
                            at
                        };
                        let (x, y) = (find(self, a), find(self, b));
                        if a == b {
                            self.error("invalid-value", np.clone(), "a role is paired with itself")
                                .set_ja("役割が自分自身と組になっています")
                                .set_hint_in(Some(crate::text::Text::new(
                                    "異なる二つの役割を書いてください",
                                    "name two different roles",
                                )));
                        }
                        Some((x?, y?))
                    })
                    .collect();
                DecisionKind::Roles(Roles {
                    roles,
                    allow_doubling: r.allow_doubling,
                    max_per_person,
                    not_together,
                    clear_points: r.clear_points,
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
                            )
                            .set_ja(format!("案 `{}` が二度定義されています", c.id));
                        }
                        self.text(&c.label, &format!("{cp}.label"), true);
                        self.text(&c.text, &format!("{cp}.text"), true);
                        if x.bilingual {
                            for lang in Lang::ALL {
                                if !c.text.has(lang) {
                                    self.error(
                                        "missing-translation",
                                        format!("{cp}.text"),
                                        format!("the stage is published in both languages, but this text has no `{lang}` version"),
                                    )
                                    .set_ja(format!("この段階は日英両方で公表しますが、この文面には `{lang}` の版がありません"))
                                    .set_hint_in(Some(crate::text::Text::new(
                                        format!("`{lang}: \"…\"` を加えるか、`bilingual: true` を外してください"),
                                        format!("add `{lang}: \"…\"`, or drop `bilingual: true`"),
                                    )));
                                }
                            }
                        }
                        Candidate {
                            id: c.id.clone(),
                            label: c.label.clone(),
                            text: c.text.clone(),
                        }
                    })
                    .collect();
                if x.points == 0 {
                    no_effect(self, ("点が0です", "its points are 0"));
                }
                let required = match &x.required {
                    Some(list) => {
                        let mut list = list.clone();
                        list.sort();
                        list.dedup();
                        list
                    }
                    None if x.audience == Audience::Public => {
                        Element::defaults_for(x.stage).to_vec()
                    }
                    None => Vec::new(),
                };
                if x.bilingual && x.audience != Audience::Public {
                    self.error(
                        "invalid-value",
                        format!("{kp}.bilingual"),
                        "only a public notice is published in two languages",
                    )
                    .set_ja("日英二言語で出すのは社外向けの公表文だけです")
                    .set_hint_in(Some(crate::text::Text::new(
                        "社内文書から `bilingual: true` を外してください",
                        "drop `bilingual: true` from the internal document",
                    )));
                }
                DecisionKind::Draft(Draft {
                    stage: x.stage,
                    required,
                    candidates,
                    points: x.points,
                    audience: x.audience,
                    bilingual: x.bilingual,
                    readers: x.readers.or(f.wording.readers).unwrap_or_default(),
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
                        (
                            "どの回答も点を得ず、自由記述は無効か0点です",
                            "no answer earns points and free-text answers are off or worth 0",
                        ),
                    );
                }
                if answers.is_empty() && !q.free_text {
                    self.error(
                        "too-few-options",
                        format!("{kp}.answers"),
                        "the inquiry can be answered neither by picking nor by writing",
                    )
                    .set_ja("この問い合わせには、選んでも書いても答えられません")
                    .set_hint_in(Some(crate::text::Text::new(
                        "`answers` を加えるか、`free_text` を既定の `true` のままにしてください",
                        "add `answers`, or leave `free_text` at its default `true`",
                    )));
                }
                let reply = q.reply.as_ref().map(|r| {
                    let rp = format!("{kp}.reply");
                    self.rule(&r.rule, &format!("{rp}.rule"));
                    let within = self.positive_span(&r.within, &format!("{rp}.within"), "a reply");
                    let grace = match &r.grace {
                        Some(g) => self.positive_span(g, &format!("{rp}.grace"), "a reply's grace"),
                        None => 60,
                    };
                    self.points_of_a_rule(r.points, format!("{rp}.points"), || {
                        "more points than a rule can carry".into()
                    });
                    Reply {
                        within,
                        grace,
                        rule: r.rule.clone(),
                        points: r.points,
                    }
                });
                DecisionKind::Inquiry(Inquiry {
                    from,
                    channel: q.channel,
                    question: q.question.clone(),
                    about,
                    answers,
                    free_text: q.free_text,
                    points: q.points,
                    reply,
                })
            }
        };
        Decision {
            id: d.id.clone(),
            title: d.title.clone(),
            prompt: d.prompt.clone(),
            opens,
            due,
            owner: d.owner.clone(),
            kind,
        }
    }

    /// A need of a timing decision: exactly one of a decision (with an option, maybe), a
    /// milestone or an inject.
    fn need(&mut self, n: &NeedFile, own: &str, np: &str) -> Need {
        self.rule(&n.rule, &format!("{np}.rule"));
        let named = [
            n.decision.is_some(),
            n.milestone.is_some(),
            n.inject.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        if named != 1 {
            self.error(
                "invalid-value",
                np,
                if named == 0 {
                    "this need names nothing to wait for"
                } else {
                    "this need names more than one thing to wait for"
                },
            )
            .set_ja(if named == 0 {
                "この条件は待つものを何も挙げていません"
            } else {
                "この条件は待つものを二つ以上挙げています"
            })
            .set_hint_in(Some(crate::text::Text::new(
                "一つだけ書いてください: `decision: Some(\"…\")`、`milestone: Some(\"…\")`、`inject: Some(\"…\")`",
                "name exactly one: `decision: Some(\"…\")`, `milestone: Some(\"…\")` or `inject: Some(\"…\")`",
            )));
        }
        if n.option.is_some() && n.decision.is_none() {
            self.error(
                "invalid-value",
                format!("{np}.option"),
                "an option needs its decision",
            )
            .set_ja("選択肢には、その判断も要ります")
            .set_hint_in(Some(crate::text::Text::new(
                "`decision` に選択の判断を書くか、`option` を外してください",
                "name the choice in `decision`, or drop `option`",
            )));
        }
        let target = if let Some(id) = &n.decision {
            if id == own {
                self.error(
                    "invalid-value",
                    format!("{np}.decision"),
                    "a timing decision cannot need itself",
                )
                .set_ja("公表の判断は自分自身を条件にできません");
            }
            let decision = self.decision_ref(id, &format!("{np}.decision"));
            let option = n
                .option
                .as_ref()
                .map(|o| self.option_ref(id, o, &format!("{np}.option")));
            NeedTarget::Decision(decision, option)
        } else if let Some(id) = &n.milestone {
            NeedTarget::Milestone(self.milestone_ref(id, &format!("{np}.milestone")))
        } else if let Some(id) = &n.inject {
            NeedTarget::Inject(self.inject_ref(id, &format!("{np}.inject")))
        } else {
            NeedTarget::Decision(DecisionRef(0), None)
        };
        Need {
            rule: n.rule.clone(),
            target,
        }
    }

    /// `rule_points` may only name rules this timing decision scores.
    fn rule_points(&mut self, t: &Timing, f: &ScenarioFile, kp: &str) {
        let mut scored: Vec<String> = Vec::new();
        if !t.prerequisites.is_empty() {
            scored.push(crate::playbook::rule::TIMING_FACTS_CONFIRMED.into());
        }
        if t.stage == Stage::FirstNotice {
            scored.push(crate::playbook::rule::TIMING_SEVERITY_WEIGHED.into());
            scored.push(crate::playbook::rule::TIMING_STAGED_UPDATES.into());
        }
        if let Some(dl) = t.deadline
            && let Some(d) = f.deadlines.get(dl.0)
        {
            scored.push(d.rule.clone());
        }
        scored.extend(t.needs.iter().map(|n| n.rule.clone()));
        scored.extend(t.reviews.iter().map(|r| r.rule.clone()));
        scored.extend(t.approval.iter().map(|a| a.rule.clone()));
        scored.push(crate::playbook::rule::PROCESS_FOLLOW_UP.into());
        for (rule, points) in &t.rule_points {
            self.rule(rule, &format!("{kp}.rule_points"));
            self.points_of_a_rule(*points, format!("{kp}.rule_points"), || {
                format!("{points} points for `{rule}` is more than a rule can carry")
            });
            if !scored.contains(rule) {
                self.error(
                    "invalid-value",
                    format!("{kp}.rule_points"),
                    format!("this timing decision does not score `{rule}`"),
                )
                .set_ja(format!("この公表の判断は `{rule}` を採点しません"))
                .set_hint_in(Some(crate::text::Text::new(
                    format!("採点するのは: {}", scored.join(", ")),
                    format!("it scores: {}", scored.join(", ")),
                )));
            }
        }
    }
}
