//! Reachability: injects and decisions nothing can bring about are the writer's missing links.

use super::*;

impl Validator<'_> {
    /// Injects and decisions that nothing can bring about are errors: a writer forgot a link.
    pub(super) fn reachability(&mut self, s: &Scenario) {
        if self
            .diags
            .iter()
            .any(|d| d.is_error() && d.code.starts_with("unknown-"))
        {
            return; // unresolved references would make the answer meaningless
        }
        let mut injects = vec![false; s.injects.len()];
        let mut decisions = vec![false; s.decisions.len()];
        let mut milestones = vec![false; s.milestones.len()];
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
            let reached = milestones.clone();
            let fires = |t: &Trigger, injects: &[bool], decisions: &[bool]| match t {
                Trigger::Start | Trigger::At(_) => true,
                Trigger::AfterInject(i) => injects[i.0],
                Trigger::AfterDecision(d) | Trigger::AfterOption(d, _) => decisions[d.0],
                Trigger::AfterPublish(stage) => stages.contains(stage),
                Trigger::AfterMilestone(m) => reached[m.0],
            };
            for (i, m) in s.milestones.iter().enumerate() {
                if !milestones[i] && fires(&m.when, &injects, &decisions) {
                    milestones[i] = true;
                    changed = true;
                }
            }
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
        for (i, reached) in milestones.iter().enumerate() {
            if !reached {
                self.error(
                    "unreachable",
                    format!("milestones[{i}].when"),
                    format!("milestone `{}` can never be reached", s.milestones[i].id),
                )
                .set_ja(format!("節目 `{}` に届くことはありません", s.milestones[i].id))
                .set_hint_in(Some(crate::text::Text::new(
                    "待っていることが起きません。時刻か、実際に起きることで届くようにしてください",
                    "what it waits for never happens; reach it by a time or by something that happens",
                )));
            }
        }
        for (i, reached) in injects.iter().enumerate() {
            if !reached {
                self.error("unreachable", format!("injects[{i}].when"), format!("inject `{}` can never arrive", s.injects[i].id))
                    .set_ja(format!("インジェクト `{}` が届くことはありません", s.injects[i].id))
                    .set_hint_in(Some(crate::text::Text::new(
                        "待っていることが起きません。時刻か、実際に起きることで届くようにしてください",
                        "what it waits for never happens; trigger it by a time or by something that happens",
                    )));
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
                    crate::text::Text::new(
                        "何もこれを始めません。`opens: Start`(または時刻)を書くか、インジェクトの `opens` に加えてください",
                        "nothing opens it: add `opens: Start` (or a time) or list it in an inject's `opens`",
                    )
                } else {
                    crate::text::Text::new(
                        "始めるきっかけが起きません。時刻か、届くインジェクトで始まるようにしてください",
                        "what opens it never happens; open it by a time or by an inject that arrives",
                    )
                };
                self.error(
                    "unreachable",
                    format!("decisions[{i}].id"),
                    format!("decision `{}` can never open", d.id),
                )
                .set_ja(format!("判断 `{}` が始まることはありません", d.id))
                .set_hint_in(Some(hint));
            }
        }
    }
}
