//! Deadlines: when each falls, the rule it scores under and its grace.

use super::*;

impl Validator<'_> {
    pub(super) fn deadline(&mut self, d: &DeadlineFile, i: usize) -> Deadline {
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
                    .set_ja(format!("`{g}` は猶予の長さとして使えません"))
                    .set_hint_in(Some(crate::text::Text::new(
                        "期限の後、点が0になるまでの長さを書いてください。例: \"2h\"",
                        "give how long after the deadline points fall to nothing, e.g. \"2h\"",
                    )));
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
}
