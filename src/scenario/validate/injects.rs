//! Injects: when each arrives, who sends it and which decisions it opens.

use super::*;

impl Validator<'_> {
    pub(super) fn inject(&mut self, x: &InjectFile, i: usize) -> Inject {
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
        if let Some(to) = &x.to {
            self.department(to, &format!("{path}.to"));
        }
        Inject {
            id: x.id.clone(),
            when,
            from,
            channel: x.channel,
            subject: x.subject.clone(),
            body: x.body.clone(),
            opens,
            optional: x.optional,
            to: x.to.clone(),
        }
    }
}
