//! Facts: their sensitivity, their timeline of status changes, counts, keywords and never-public terms.

use super::*;

impl Validator<'_> {
    pub(super) fn fact(&mut self, x: &FactFile, i: usize) -> Fact {
        let path = format!("facts[{i}]");
        self.text(&x.text, &format!("{path}.text"), true);
        let timeline = x
            .timeline
            .iter()
            .enumerate()
            .map(|(j, c)| FactChange {
                when: self.trigger(&c.when, &format!("{path}.timeline[{j}].when")),
                status: c.status,
                count: c.count,
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
}
