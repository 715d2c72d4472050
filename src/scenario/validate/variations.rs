//! Variations: delays, one-of sets, chances and absences a seed draws.

use super::*;

impl Validator<'_> {
    pub(super) fn variation(&mut self, x: &VariationFile, i: usize) -> Variation {
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
}
