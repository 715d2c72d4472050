//! The words that tell the checker a shape may be in a text (blame, an absolute promise, a
//! count, a name with an honorific, an identifier named in Japanese). They are found in the
//! checker's one phrase pass, so each shape's pattern reads only the sentences that can hold
//! it instead of the whole text.
//!
//! Every list here is a necessary condition, not a finding: each match of a shape's pattern
//! contains at least one of its words. The words themselves live with their shapes
//! ([`super::blame::ANCHORS`], [`super::absolute::ANCHORS`], [`super::numbers::UNITS_JA`] and
//! [`super::numbers::UNITS_EN`], [`super::patterns::HONORIFICS`], [`super::patterns::NAMED`]),
//! so a new alternative in a pattern and its word are written side by side.

#[cfg(test)]
use std::sync::LazyLock;

/// Which shape a word stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Shape {
    Blame,
    Absolute,
    /// A counting unit (件, 名, "customers").
    Unit,
    /// 様, さん, 氏: a person's name may come before it.
    Honorific,
    /// A word that names an identifier in Japanese (バージョン, ポート, パスワード, 〒).
    Named(super::patterns::Named),
}

/// Every anchor word with its shape, for the checker's phrase pass.
pub(super) fn words() -> impl Iterator<Item = (&'static str, Shape)> {
    let lists: [(&'static [&'static str], Shape); 5] = [
        (super::blame::ANCHORS, Shape::Blame),
        (super::absolute::ANCHORS, Shape::Absolute),
        (super::numbers::UNITS_JA, Shape::Unit),
        (super::numbers::UNITS_EN, Shape::Unit),
        (&super::patterns::HONORIFICS, Shape::Honorific),
    ];
    lists
        .into_iter()
        .flat_map(|(list, shape)| list.iter().map(move |w| (*w, shape)))
        .chain(
            super::patterns::NAMED
                .iter()
                .map(|&(w, named)| (w, Shape::Named(named))),
        )
}

/// The bundled playbook's checker, for tests that read a text outside a check: they find
/// the anchor words in the same pass a check does.
#[cfg(test)]
static CHECKER: LazyLock<super::Checker> =
    LazyLock::new(|| super::Checker::new(&crate::Playbook::default_playbook()));

/// Where the anchor words are in a normalised text, in order of place.
pub(super) struct Anchors {
    hits: Vec<(Shape, usize, usize)>,
}

impl Anchors {
    /// Every anchor word in normalised `text`, overlapping ones included, as a check finds
    /// them.
    #[cfg(test)]
    pub(super) fn of(text: &str) -> Anchors {
        CHECKER.phrase_hits(text).1
    }

    /// The anchor words found (shape, start, end), in any order.
    pub(super) fn from_hits(mut hits: Vec<(Shape, usize, usize)>) -> Anchors {
        hits.sort_unstable_by_key(|h| (h.1, h.2));
        Anchors { hits }
    }

    /// The byte spans of `shape`'s words, in order of place.
    pub(super) fn of_shape(&self, shape: Shape) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.hits
            .iter()
            .filter(move |h| h.0 == shape)
            .map(|h| (h.1, h.2))
    }

    /// Where `shape`'s words start, in increasing order.
    pub(super) fn starts(&self, shape: Shape) -> impl Iterator<Item = usize> + '_ {
        self.of_shape(shape).map(|(s, _)| s)
    }

    pub(super) fn has(&self, shape: Shape) -> bool {
        self.hits.iter().any(|h| h.0 == shape)
    }
}

/// Whether the sentence `[s, e)` of `text` was cut by a line break alone (a hard-wrapped
/// line, a heading run into its text), not by a mark or a blank line: a shape may run on
/// into the next one.
fn runs_on(text: &str, (s, e): (usize, usize)) -> bool {
    text[s..e].strip_suffix('\n').is_some_and(|body| {
        let body = body.trim_end_matches([' ', '\t', '\r']);
        !body.is_empty() && !body.ends_with(['。', '!', '?', '.'])
    })
}

/// The stretches of `text` a shape with words at byte offsets `at` (in increasing order)
/// can be in: each word's sentence, joined with its neighbours across a bare line break.
/// In order, and not overlapping.
pub(super) fn regions(
    text: &str,
    sentences: &[(usize, usize)],
    at: impl Iterator<Item = usize>,
) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for a in at {
        if out.last().is_some_and(|&(_, e)| a < e) {
            continue;
        }
        let i = sentences.partition_point(|&(_, e)| e <= a);
        if i >= sentences.len() {
            continue;
        }
        let (mut first, mut last) = (i, i);
        while first > 0 && runs_on(text, sentences[first - 1]) {
            first -= 1;
        }
        while last + 1 < sentences.len() && runs_on(text, sentences[last]) {
            last += 1;
        }
        out.push((sentences[first].0, sentences[last].1));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wording::normalize::Normalized;

    #[test]
    fn a_region_is_the_sentence_joined_across_bare_line_breaks() {
        let n = Normalized::new("First line.\nWe are not\nresponsible for it.\nOther.\n\nLast");
        let at = n.text.find("responsible").unwrap();
        let r = regions(&n.text, &n.sentences, [at].into_iter());
        assert_eq!(r.len(), 1);
        assert_eq!(&n.text[r[0].0..r[0].1], "we are not\nresponsible for it.\n");
    }

    #[test]
    fn words_of_every_shape_are_found_even_inside_each_other() {
        let n = Normalized::new("どの会社でも防げません。田中様、1,200名、バージョン7");
        let a = Anchors::of(&n.text);
        assert!(a.has(Shape::Blame));
        assert!(a.has(Shape::Honorific));
        // 社 of どの会社 is a unit word too.
        assert_eq!(a.of_shape(Shape::Unit).count(), 2);
        assert!(a.has(Shape::Named(crate::wording::patterns::Named::Version)));
        assert!(!a.has(Shape::Absolute));
    }

    /// Reading only the sentences with anchor words finds what reading every sentence finds,
    /// on every text of the labelled corpus and the wording fixtures: no shape has a match
    /// without one of its words.
    #[test]
    fn anchored_reading_misses_nothing_on_the_corpus() {
        #[derive(serde::Deserialize)]
        struct Item {
            text: String,
        }
        let mut texts: Vec<String> = Vec::new();
        for corpus in [
            include_str!("../../tests/fixtures/wording/corpus-ja.ron"),
            include_str!("../../tests/fixtures/wording/corpus-en.ron"),
        ] {
            let items: Vec<Item> = ron::from_str(corpus).expect("corpus parses");
            texts.extend(items.into_iter().map(|i| i.text));
        }
        assert!(texts.len() > 100);
        texts.push(include_str!("../../tests/fixtures/wording/good_first_ja.txt").to_string());
        let mut found = [0usize; 3];
        for original in &texts {
            let n = Normalized::new(original);
            let (text, sentences) = (&n.text, &n.sentences);
            let anchors = Anchors::of(text);
            let every = || sentences.iter().map(|s| s.0);
            let blame = crate::wording::blame::find(text, sentences, anchors.starts(Shape::Blame));
            assert_eq!(
                blame,
                crate::wording::blame::find(text, sentences, every()),
                "{original}"
            );
            let absolute = |at: &mut dyn Iterator<Item = usize>| {
                crate::wording::absolute::find(text, sentences, at, |_, _| false)
            };
            let promised = absolute(&mut anchors.starts(Shape::Absolute));
            assert_eq!(promised, absolute(&mut every()), "{original}");
            let numbers = crate::wording::numbers::count_anchors(text, &anchors);
            let counts = crate::wording::numbers::counts_in(text, sentences, numbers);
            assert_eq!(
                counts,
                crate::wording::numbers::counts_in(text, sentences, every()),
                "{original}"
            );
            // Read within sentences, the counts are those of the whole text.
            assert_eq!(counts, crate::wording::numbers::counts(text), "{original}");
            found[0] += blame.len();
            found[1] += promised.len();
            found[2] += counts.len();
        }
        // The corpus has every shape, so the comparison compared something.
        assert!(found.iter().all(|&f| f >= 5), "{found:?}");
    }
}
