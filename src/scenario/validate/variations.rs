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
                .set_ja(format!("{p}% は確率として使えません"))
                .set_hint_in(Some(crate::text::Text::new(
                    "確率は0から100です",
                    "a chance is 0 to 100",
                )));
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
                        )
                        .set_ja("遅れの `min` が `max` より大きくなっています");
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
                        .set_ja("遅れには \"0m\" や \"40m\" のような長さが要ります")
                        .set_hint_in(Some(crate::text::Text::new(
                            "`min: \"0m\", max: \"40m\"` のように書いてください",
                            "write `min: \"0m\", max: \"40m\"`",
                        )));
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
                    )
                    .set_ja("`OneOf` には選べるインジェクトが二つ以上要ります");
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
