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
                date: c
                    .date
                    .as_ref()
                    .and_then(|d| self.date(d, &format!("{path}.timeline[{j}].date"))),
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
                .set_ja(format!("`{term}` は短すぎて探せません"))
                .set_hint_in(Some(crate::text::Text::new(
                    "探す語句は2文字以上にしてください",
                    "a term to look for has at least two characters",
                )));
            }
        }
        if x.core && x.initially == FactStatus::Unknown && x.timeline.is_empty() {
            self.warning(
                "fact-never-settles",
                format!("{path}.core"),
                "this core fact never becomes known, so publishing can never be on time",
            )
            .set_ja("この中核の事実は確定しないため、公表が間に合うことはありません")
            .set_hint_in(Some(crate::text::Text::new(
                "確定または否定する `timeline` の項目を加えてください",
                "add a `timeline` entry that confirms or refutes it",
            )));
        }
        Fact {
            id: x.id.clone(),
            text: x.text.clone(),
            sensitivity: x.sensitivity,
            initially: x.initially,
            timeline,
            count: x.count,
            date: x
                .date
                .as_ref()
                .and_then(|d| self.date(d, &format!("{path}.date"))),
            core: x.core,
            never_public: x.never_public.clone(),
            keywords: x.keywords.clone(),
        }
    }

    /// A calendar date as `"2026-06-12"`.
    fn date(&mut self, text: &str, path: &str) -> Option<chrono::NaiveDate> {
        match chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                self.error("bad-time", path, format!("`{text}` is not a date"))
                    .set_ja(format!("`{text}` は日付ではありません"))
                    .set_hint_in(Some(crate::text::Text::new(
                        "日付は \"2026-06-12\"(年-月-日)のように書いてください",
                        "write the date as \"2026-06-12\" (year, month, day)",
                    )));
                None
            }
        }
    }
}
