//! The wording checker: finds what is wrong with an announcement's text, each finding tied to
//! a `wording.*` rule of the playbook, with the span of the original text, a message in
//! Japanese and English and, where one is known, a suggestion. No language model: phrase lists
//! from the playbook (one Aho–Corasick pass over NFKC-normalised text), patterns for personal
//! and internal detail, parsed counts compared with the fact ledger.

mod absolute;
mod anchors;
mod bilingual;
mod blame;
mod clause;
mod memo;
pub(crate) mod normalize;
pub(crate) mod numbers;
pub(crate) mod patterns;
pub mod promise;
pub mod readability;

use crate::playbook::rule;
use crate::playbook::{Playbook, Severity};
use crate::scenario::{Element, Fact, FactStatus, JargonTerm, Readers, Sensitivity};
use crate::text::{Lang, Text};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use anchors::Shape;
use normalize::{Normalized, phrase};
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// A character range `[start, end)` of the checked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// First character (inclusive).
    pub start: usize,
    /// Last character (exclusive).
    pub end: usize,
}

/// A wording problem in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule.
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// Where in the text; `None` for an element that is missing.
    pub span: Option<Span>,
    /// The words it is about.
    pub excerpt: String,
    /// What is wrong.
    pub message: Text,
    /// What to write instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Text>,
    /// Sections of the procedure the rule cites.
    pub sections: Vec<String>,
}

/// What the checker knows beyond the text itself.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// Elements the stage requires; empty checks none.
    pub required: Vec<Element>,
    /// The organisation's name, expected in the header.
    pub organisation: Option<&'a Text>,
    /// The fact ledger at the moment of publication.
    pub ledger: Vec<(&'a Fact, FactStatus)>,
    /// Texts published earlier in the same incident.
    pub published: Vec<&'a str>,
    /// Each ledger fact's value as known then, in the ledger's order; empty means each
    /// fact's own `count`.
    pub values: Vec<Value>,
    /// Terms the scenario says must never be public, beyond its facts' own.
    pub never_public: Vec<&'a str>,
    /// Whether findings may name what the team has not been told: true after the drill (the
    /// debrief shows everything), false while it runs (the editor, `lint --at`, practice
    /// feedback), when a fact not yet settled is never quoted: "this states as settled
    /// something not yet confirmed" is all a finding says of it.
    pub reveal: bool,
    /// Who reads the text: a term its readers know is not jargon to them.
    pub readers: Readers,
}

impl Context<'_> {
    /// The fact's words for a message, where they may be shown: always after the drill,
    /// during it only once the fact is settled (its text is the investigation's finding).
    fn quote<'f>(&self, fact: &'f Fact, status: FactStatus) -> Option<(&'f str, &'f str)> {
        (self.reveal || matches!(status, FactStatus::Confirmed | FactStatus::Refuted))
            .then(|| (fact.text.get(Lang::Ja), fact.text.get(Lang::En)))
    }
}

/// A fact's value as the team knew it at a moment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Value {
    /// The count then, if the fact has one.
    pub count: Option<u64>,
    /// Counts it had earlier that a later value replaced (an estimate, a raw count).
    pub superseded: Vec<u64>,
    /// The date then, if the fact has one.
    pub date: Option<chrono::NaiveDate>,
    /// Dates it had earlier that a later one replaced.
    pub superseded_dates: Vec<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum List {
    Hedge,
    Investigating,
    Jargon,
    Blame,
    Overpromise,
    Vague,
    Denial,
    Assertion,
    Subject,
    Cue(Element),
    /// A word that tells a shape may be near ([`anchors`]): found in the same pass as the
    /// phrases, never a finding itself.
    Anchor(Shape),
}

#[derive(Debug, Clone)]
struct Pattern {
    list: List,
    /// The phrase as listed, for messages.
    listed: String,
    /// Plain alternative, for jargon, in both languages.
    plain: Option<Text>,
    /// Readers who know the term (jargon only).
    known_to: Vec<Readers>,
    /// Letters or digits at its edges must not continue a word ("likely" is not in "unlikely").
    word_start: bool,
    word_end: bool,
}

/// A checker built once per playbook; `check` is then cheap enough for every keystroke.
pub struct Checker {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    rules: Vec<(String, Severity, Vec<String>)>,
    /// Findings already made, for one scenario's `analyze` run ([`Checker::memoized`]).
    memo: Option<memo::Memo>,
}

struct Hit {
    pattern: usize,
    start: usize,
    end: usize,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[0-9]{4}|令和 ?[0-9元]+)年 ?[0-9]{1,2}月 ?[0-9]{1,2}日|[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}|(?:january|february|march|april|may|june|july|august|september|october|november|december) [0-9]{1,2},? [0-9]{4}|[0-9]{1,2} (?:january|february|march|april|may|june|july|august|september|october|november|december) [0-9]{4}")
        .expect("date pattern compiles")
});
static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"株式会社|\(株\)|有限会社|合同会社|一般社団法人|(?-u:\b)co\.,? ?ltd(?-u:\b)|(?-u:\b)inc(?-u:\b)|(?-u:\b)corporation(?-u:\b)|(?-u:\b)corp(?-u:\b)|(?-u:\b)ltd(?-u:\b)|(?-u:\b)llc(?-u:\b)|(?-u:\b)plc(?-u:\b)|(?-u:\b)gmbh(?-u:\b)")
        .expect("company pattern compiles")
});

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl Checker {
    /// A checker with the playbook's phrase lists.
    pub fn new(playbook: &Playbook) -> Checker {
        Checker::with_jargon(playbook, &[])
    }

    /// A checker with the playbook's lists and a scenario's own jargon added: the words of
    /// this incident (a card scheme's terms, a plant's) with their plain alternatives.
    pub fn for_scenario(playbook: &Playbook, scenario: &crate::scenario::Scenario) -> Checker {
        let phrases = &scenario.wording.phrases;
        if crate::playbook::file::phrase_book_is_empty(phrases) {
            Checker::with_jargon(playbook, &scenario.wording.jargon)
        } else {
            Checker::with_jargon(&playbook.with_phrases(phrases), &scenario.wording.jargon)
        }
    }

    fn with_jargon(playbook: &Playbook, extra: &[JargonTerm]) -> Checker {
        let mut patterns = Vec::new();
        let mut texts = Vec::new();
        // A phrase listed twice in one list is one pattern: duplicates (an organisation's
        // playbook may repeat the bundled lists) cost nothing, in time linear in the lists.
        let mut seen: std::collections::HashSet<(List, String)> = std::collections::HashSet::new();
        let mut add = |list: List, listed: &str, plain: Option<Text>, known_to: &[Readers]| {
            let norm = phrase(listed);
            if norm.is_empty() {
                return;
            }
            // An English word is found in its plural too ("vulnerabilities", "endpoints").
            for form in english_plurals(&norm) {
                if !seen.insert((list, form.clone())) {
                    continue;
                }
                patterns.push(Pattern {
                    list,
                    listed: listed.trim().to_string(),
                    plain: plain.clone(),
                    known_to: known_to.to_vec(),
                    word_start: form.starts_with(is_word),
                    word_end: form.ends_with(is_word),
                });
                texts.push(form);
            }
        };
        for lang in Lang::ALL {
            let p = playbook.phrases(lang);
            for (list, items) in [
                (List::Hedge, &p.hedges),
                (List::Investigating, &p.investigating),
                (List::Blame, &p.blame),
                (List::Overpromise, &p.overpromise),
                (List::Vague, &p.vague),
                (List::Denial, &p.denials),
                (List::Assertion, &p.assertions),
                (List::Subject, &p.cues.subject),
                (List::Cue(Element::Overview), &p.cues.overview),
                (List::Cue(Element::Impact), &p.cues.impact),
                (List::Cue(Element::Cause), &p.cues.cause),
                (List::Cue(Element::Countermeasures), &p.cues.countermeasures),
                (List::Cue(Element::Apology), &p.cues.apology),
                (List::Cue(Element::Contact), &p.cues.contact),
                (List::Cue(Element::NextUpdate), &p.cues.next_update),
            ] {
                for item in items {
                    add(list, item, None, &[]);
                }
            }
            for j in &p.jargon {
                add(
                    List::Jargon,
                    &j.term,
                    Some(Text::new(j.plain.as_str(), j.plain.as_str())),
                    &j.known_to,
                );
            }
        }
        for j in extra {
            add(List::Jargon, &j.term, Some(j.plain.clone()), &j.known_to);
        }
        // The shapes' anchor words, as they are: no plurals, no word edges.
        for (word, shape) in anchors::words() {
            patterns.push(Pattern {
                list: List::Anchor(shape),
                listed: word.to_string(),
                plain: None,
                known_to: Vec::new(),
                word_start: false,
                word_end: false,
            });
            texts.push(word.to_string());
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .expect("phrase automaton builds");
        let rules = playbook
            .rules
            .iter()
            .filter(|r| r.id.starts_with("wording."))
            .map(|r| (r.id.clone(), r.severity, r.sections.clone()))
            .collect();
        Checker {
            automaton,
            patterns,
            rules,
            memo: None,
        }
    }

    /// This checker, remembering what it found: a text checked again in the same context
    /// gives back the same findings without a second check. Only for one scenario's run
    /// (`analyze`), which checks the same prepared drafts on many paths: drop it with the
    /// scenario.
    pub fn memoized(mut self) -> Checker {
        self.memo = Some(memo::Memo::default());
        self
    }

    /// Every phrase-list entry the checker looks for (for benchmarks and tests): the
    /// playbook's and the scenario's lists, without the shapes' own anchor words.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.patterns
            .iter()
            .filter(|p| !matches!(p.list, List::Anchor(_)))
            .map(|p| p.listed.as_str())
    }

    fn rule(&self, id: &str) -> (Severity, Vec<String>) {
        self.rules
            .iter()
            .find(|(r, _, _)| r == id)
            .map(|(_, s, secs)| (*s, secs.clone()))
            .unwrap_or((Severity::Warning, Vec::new()))
    }

    /// Checks `text` and returns its findings, ordered by place, then rule.
    pub fn check(&self, text: &str, ctx: &Context<'_>) -> Vec<Finding> {
        match &self.memo {
            Some(memo) => memo.get_or(text, ctx, || self.check_now(text, ctx)),
            None => self.check_now(text, ctx),
        }
    }

    fn check_now(&self, text: &str, ctx: &Context<'_>) -> Vec<Finding> {
        let norm = Normalized::new(text);
        let (hits, anchors) = self.phrase_hits(&norm.text);
        let mut out = Report {
            checker: self,
            norm: &norm,
            original: text,
            findings: Vec::new(),
        };
        let spans_of = |list: List| -> Vec<(usize, usize)> {
            hits.iter()
                .filter(|h| self.patterns[h.pattern].list == list)
                .map(|h| (h.start, h.end))
                .collect()
        };
        let investigating = spans_of(List::Investigating);
        let shapes = patterns::scan_with(&norm.text, &anchors);
        let identifiers: Vec<(usize, usize)> = shapes.iter().map(|h| (h.start, h.end)).collect();
        let investigating = Spans::new(investigating);
        let identifiers = Spans::new(identifiers);
        let overlaps = |spans: &Spans, s: usize, e: usize| spans.overlaps(s, e);

        // Present-but-wrong phrases; within a list, the longest of nested matches counts.
        let wrong = longest(&hits, |h| self.patterns[h.pattern].list);
        let sentences = &norm.sentences;
        let sentence_of = |at: usize| sentence_at(sentences, at);
        // Advice to readers promises nothing: "絶対にパスワードを教えないでください". The
        // phrase's own words do not count ("ご安心ください" is the promise itself).
        let advice = |h: &Hit| {
            let (s, e) = sentence_of(h.start);
            let rest = [&norm.text[s..h.start], " ", &norm.text[h.end.min(e)..e]].concat();
            clause::advises(&rest)
        };
        let glossed = glossed_terms(&norm.text, &wrong, |h| {
            (self.patterns[h.pattern].list == List::Jargon)
                .then(|| self.patterns[h.pattern].listed.to_lowercase())
        });
        for &h in &wrong {
            let p = &self.patterns[h.pattern];
            match p.list {
                List::Hedge
                    if !overlaps(&investigating, h.start, h.end)
                        && !counterfactual(&norm.text, sentence_of(h.start).0, h.start, h.end) =>
                {
                    out.hedge(h)
                }
                // A term inside an address or host name is that identifier's problem, not jargon.
                List::Jargon
                    if !p.known_to.contains(&ctx.readers)
                        && !glossed.contains(&p.listed.to_lowercase())
                        && !overlaps(&identifiers, h.start, h.end) =>
                {
                    out.jargon(h, p.plain.clone().unwrap_or_default())
                }
                List::Blame => out.blame(h.start, h.end),
                List::Overpromise if !advice(h) => out.overpromise(h.start, h.end, false),
                _ => {}
            }
        }

        // Blame and absolute promises by the shape of a sentence.
        for (s, e) in blame::find(&norm.text, sentences, anchors.starts(Shape::Blame)) {
            out.blame(s, e);
        }
        // A sentence that states what is not known, or whose promise a listed phrase already
        // names, is not judged again.
        let listed = Spans::new(
            wrong
                .iter()
                .filter(|h| self.patterns[h.pattern].list == List::Overpromise)
                .map(|h| (h.start, h.end))
                .collect(),
        );
        let quiet = |s: usize, e: usize| overlaps(&investigating, s, e) || overlaps(&listed, s, e);
        let at = anchors.starts(Shape::Absolute);
        for (s, e) in absolute::find(&norm.text, sentences, at, quiet) {
            out.overpromise(s, e, true);
        }

        // Personal data and internal detail by shape, then the scenario's own terms.
        // Shapes in normalised text (as characters of the original) and shapes that need the
        // writer's capitals, reported alike.
        let found = shapes
            .into_iter()
            .map(|h| {
                let (s, e) = norm.span(h.start, h.end);
                (h.kind, s, e)
            })
            .chain(
                patterns::scan_original(text)
                    .into_iter()
                    .map(|(kind, s, e)| (kind, norm.char_index(s), norm.char_index(e))),
            );
        for (kind, s, e) in found {
            let (ja, en) = kind.describe();
            let rule = if kind.is_personal() {
                rule::WORDING_PERSONAL_DATA
            } else {
                rule::WORDING_INTERNAL_DETAIL
            };
            out.char_finding(
                rule,
                s,
                e,
                Text::new(
                    format!("{ja}が含まれています。"),
                    format!("This contains {en}."),
                ),
                Some(Text::new(
                    "公表文からは削除してください。",
                    "Remove it from public text.",
                )),
            );
        }
        for term in &ctx.never_public {
            out.never_public(term, rule::WORDING_INTERNAL_DETAIL);
        }
        for (fact, _) in &ctx.ledger {
            let rule = if fact.sensitivity == Sensitivity::Personal {
                rule::WORDING_PERSONAL_DATA
            } else {
                rule::WORDING_INTERNAL_DETAIL
            };
            for term in &fact.never_public {
                out.never_public(term, rule);
            }
        }

        self.counts_and_vagueness(&mut out, &wrong, sentences, &anchors, ctx);
        dates(&mut out, sentences, ctx);
        self.claims(&mut out, &hits, sentences, ctx);
        self.elements(&mut out, &hits, ctx);

        let mut findings = out.findings;
        findings.sort_by(|a, b| (a.span, &a.rule).cmp(&(b.span, &b.rule)));
        findings.dedup_by(|a, b| a.rule == b.rule && a.span.is_some() && a.span == b.span);
        // A span reported as personal or internal by two routes is reported once.
        // Findings come sorted by span start, so a span overlaps an earlier one of its rule
        // exactly when it starts before the furthest end kept for that rule: linear, not a scan
        // of everything kept.
        let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
        let mut reach: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for f in findings {
            let dup = match f.span {
                Some(b) if b.start < b.end => reach.get(&f.rule).is_some_and(|&end| b.start < end),
                Some(b) => kept.iter().any(|k| {
                    k.rule == f.rule
                        && matches!(k.span, Some(a) if a.start < b.end && b.start < a.end)
                }),
                None => false,
            };
            if !dup {
                if let Some(b) = f.span {
                    let end = reach.entry(f.rule.clone()).or_insert(0);
                    *end = (*end).max(b.end);
                }
                kept.push(f);
            }
        }
        kept
    }

    /// The phrases in normalised `text`, and the shapes' anchor words apart.
    fn phrase_hits(&self, text: &str) -> (Vec<Hit>, anchors::Anchors) {
        let mut hits = Vec::new();
        let mut anchored = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            if let List::Anchor(shape) = p.list {
                anchored.push((shape, m.start(), m.end()));
                continue;
            }
            if (p.word_start && text[..m.start()].chars().next_back().is_some_and(is_word))
                || (p.word_end && text[m.end()..].chars().next().is_some_and(is_word))
            {
                continue;
            }
            hits.push(Hit {
                pattern: m.pattern().as_usize(),
                start: m.start(),
                end: m.end(),
            });
        }
        (hits, anchors::Anchors::from_hits(anchored))
    }

    fn counts_and_vagueness(
        &self,
        out: &mut Report<'_>,
        wrong: &[&Hit],
        sentences: &[(usize, usize)],
        anchors: &anchors::Anchors,
        ctx: &Context<'_>,
    ) {
        let value = |i: usize, f: &Fact| match ctx.values.get(i) {
            Some(v) => v.count,
            None => f.count,
        };
        let counted: Vec<(&Fact, FactStatus, u64)> = ctx
            .ledger
            .iter()
            .enumerate()
            .filter_map(|(i, (f, s))| value(i, f).map(|c| (*f, *s, c)))
            .collect();
        // Values a later one replaced, with their fact, its status and the value now.
        let superseded: Vec<(&Fact, FactStatus, u64, Option<u64>)> = ctx
            .ledger
            .iter()
            .enumerate()
            .flat_map(|(i, (f, status))| {
                let now = value(i, f);
                ctx.values
                    .get(i)
                    .map(|v| v.superseded.clone())
                    .unwrap_or_default()
                    .into_iter()
                    .map(move |old| (*f, *status, old, now))
            })
            .collect();
        let confirmed_facts: Vec<(&Fact, u64)> = counted
            .iter()
            .filter(|(_, s, _)| *s == FactStatus::Confirmed)
            .map(|(f, _, c)| (*f, *c))
            .collect();
        let confirmed: Vec<u64> = confirmed_facts.iter().map(|(_, c)| *c).collect();
        let earlier: Vec<numbers::Count> = ctx
            .published
            .iter()
            .flat_map(|t| numbers::counts(&Normalized::new(t).text))
            .collect();
        let text = &out.norm.text;
        let all_counts = numbers::counts_in(text, sentences, numbers::count_anchors(text, anchors));
        // For each confirmed count, the units the text gives it in.
        let stated: Vec<Vec<&str>> = confirmed_facts
            .iter()
            .map(|(_, v)| {
                all_counts
                    .iter()
                    .filter(|o| o.matches(*v))
                    .map(|o| o.unit.as_str())
                    .collect()
            })
            .collect();
        for c in &all_counts {
            if confirmed.iter().any(|&v| c.matches(v)) {
                continue;
            }
            let current = counted.iter().any(|(_, _, v)| c.matches(*v));
            if !current
                && let Some((fact, status, old, now)) =
                    superseded.iter().find(|(_, _, old, _)| c.matches(*old))
            {
                // A notice that says it corrects the earlier figure may name it.
                if !corrects(&out.norm.text, sentences, c.start, c.end) {
                    let now_ja = now.map_or("調査中".to_string(), group);
                    let now_en = now.map_or("under investigation".to_string(), group);
                    let message = match ctx.quote(fact, *status) {
                        Some((ja, en)) => Text::new(
                            format!("{}は「{ja}」の古い数字です(現在は{now_ja})。", group(*old)),
                            format!(
                                "{} is an earlier figure for \"{en}\" (now {now_en}).",
                                group(*old)
                            ),
                        ),
                        None => Text::new(
                            format!("{}は古い数字です(現在は{now_ja})。", group(*old)),
                            format!("{} is an earlier figure (now {now_en}).", group(*old)),
                        ),
                    };
                    out.span_finding(
                        rule::WORDING_INCONSISTENT,
                        c.start,
                        c.end,
                        message,
                        Some(Text::new(
                            "現在の数字を書き、前回の数字を改める場合は「訂正」と明記しましょう。",
                            "Give the current figure; if you mention the old one, say it is a correction.",
                        )),
                    );
                }
                continue;
            }
            if let Some((fact, status, _)) = counted.iter().find(|(_, _, v)| c.matches(*v)) {
                if *status != FactStatus::Confirmed {
                    let message = match ctx.quote(fact, *status) {
                        Some((ja, en)) => Text::new(
                            format!("この数字は、まだ確認されていない事実(「{ja}」)のものです。"),
                            format!("This number belongs to a fact not yet confirmed (\"{en}\")."),
                        ),
                        None => Text::new(
                            "この数字はまだ確認されていません。",
                            "This number is not confirmed yet.",
                        ),
                    };
                    out.span_finding(
                        rule::WORDING_UNCONFIRMED_CLAIM,
                        c.start,
                        c.end,
                        message,
                        Some(Text::new(
                            "確認が取れるまでは「調査中」と書きましょう。",
                            "Say it is under investigation until it is confirmed.",
                        )),
                    );
                }
                continue;
            }
            // A number that matches nothing is wrong where it counts what a confirmed count
            // counts: its sentence names the fact, or it counts in the unit the text gives
            // the confirmed number in, or the text never gives that number. A notice may
            // give other numbers: "40 customer accounts" beside "38,000 employees".
            let (ss, se) = sentence_at(sentences, c.start);
            let sentence = &out.norm.text[ss..se];
            let about = confirmed_facts.iter().zip(&stated).find(|((f, _), units)| {
                units.is_empty()
                    || units.contains(&c.unit.as_str())
                    || f.keywords
                        .iter()
                        .any(|k| sentence.contains(phrase(k).as_str()))
            });
            if let Some(((_, v), _)) = about {
                out.span_finding(
                    rule::WORDING_INCONSISTENT,
                    c.start,
                    c.end,
                    Text::new(
                        format!("確認済みの数字({})と一致しません。", group(*v)),
                        format!("This does not match the confirmed number ({}).", group(*v)),
                    ),
                    Some(Text::new(
                        format!("確認済みの数字 {} を書きましょう。", group(*v)),
                        format!("Use the confirmed number, {}.", group(*v)),
                    )),
                );
            } else if earlier.iter().any(|e| e.unit == c.unit)
                && !earlier
                    .iter()
                    .any(|e| e.unit == c.unit && c.matches(e.value))
            {
                out.span_finding(
                    rule::WORDING_INCONSISTENT,
                    c.start,
                    c.end,
                    Text::new(
                        "以前の発表の数字と食い違っています。",
                        "This contradicts the number in an earlier announcement.",
                    ),
                    Some(Text::new(
                        "数字を改めるなら、前回との違いとその理由を明記しましょう。",
                        "If the number changed, say so and why.",
                    )),
                );
            }
        }
        let known = confirmed.first().copied();
        // Without a ledger, a vague phrase is vague where the text itself gives the number.
        let own_count = ctx.ledger.is_empty() && !all_counts.is_empty();
        if own_count || known.is_some() {
            for h in wrong {
                if self.patterns[h.pattern].list != List::Vague {
                    continue;
                }
                let suggestion = match known {
                    Some(v) => Text::new(
                        format!("確認済みの数字 {} を書きましょう。", group(v)),
                        format!("Give the confirmed number, {}.", group(v)),
                    ),
                    None => Text::new(
                        "件数が確定しているなら、数字で書きましょう。",
                        "If the number is known, give it.",
                    ),
                };
                out.span_finding(
                    rule::WORDING_VAGUE,
                    h.start,
                    h.end,
                    Text::new(
                        "数が分かっているのにぼかした表現です。",
                        "This is vague where the number is known.",
                    ),
                    Some(suggestion),
                );
            }
        }
    }

    /// Sentences that settle what the ledger has not settled, or contradict what it has.
    fn claims(
        &self,
        out: &mut Report<'_>,
        hits: &[Hit],
        bounds: &[(usize, usize)],
        ctx: &Context<'_>,
    ) {
        if !ctx.ledger.iter().any(|(f, _)| !f.keywords.is_empty()) {
            return;
        }
        let norm = out.norm;
        let text = &norm.text;
        // Per list, its hits by start, so a sentence finds its own in logarithmic time.
        let mut by_list: std::collections::HashMap<List, Vec<(usize, usize)>> =
            std::collections::HashMap::new();
        for h in hits {
            by_list
                .entry(self.patterns[h.pattern].list)
                .or_default()
                .push((h.start, h.end));
        }
        for v in by_list.values_mut() {
            v.sort_unstable();
        }
        // Whether `list` has a hit inside `[s, e)` that `keep` accepts.
        let hit_in = |list: List, s: usize, e: usize, keep: &dyn Fn(usize, usize) -> bool| {
            by_list.get(&list).is_some_and(|v| {
                let from = v.partition_point(|&(a, _)| a < s);
                v[from..]
                    .iter()
                    .take_while(|&&(a, _)| a < e)
                    .any(|&(a, b)| b <= e && keep(a, b))
            })
        };
        // Whether a quotation in `quoted` holds `[a, b)`.
        let in_quote = |quoted: &[(usize, usize)], a: usize, b: usize| {
            quoted.iter().any(|&(qs, qe)| qs <= a && b <= qe)
        };
        let within_outside = |list: List, s: usize, e: usize, quoted: &[(usize, usize)]| {
            hit_in(list, s, e, &|a, b| !in_quote(quoted, a, b))
        };
        // A predicate of its own: a verb form (Japanese denials are verbs too; an English
        // "no" or "not" is not, so a list after "No" stays in its clause).
        let predicate = |s: usize, e: usize| {
            hit_in(List::Assertion, s, e, &|_, _| true)
                || hit_in(List::Denial, s, e, &|a, b| !text[a..b].is_ascii())
        };
        // Whether each ledger fact is written as a negative, worked out when a clause names it.
        let mut negative: Vec<Option<bool>> = vec![None; ctx.ledger.len()];
        for &(s, e) in bounds {
            // A quotation that holds its own predicate is someone else's words.
            let quoted: Vec<(usize, usize)> = clause::quotations(text, s, e)
                .into_iter()
                .filter(|&(qs, qe)| predicate(qs, qe))
                .collect();
            for (cs, ce) in clause::split(text, s, e, predicate) {
                let words = &text[cs..ce];
                if within_outside(List::Hedge, cs, ce, &quoted)
                    || within_outside(List::Investigating, cs, ce, &quoted)
                    || clause::claims_nothing(words)
                {
                    continue;
                }
                let denies = within_outside(List::Denial, cs, ce, &quoted);
                let asserts = within_outside(List::Assertion, cs, ce, &quoted);
                if !denies && !asserts {
                    continue;
                }
                for (i, (fact, status)) in ctx.ledger.iter().enumerate() {
                    let Some((k, kw)) = fact.keywords.iter().map(|k| phrase(k)).find_map(|k| {
                        words
                            .match_indices(&k)
                            .map(|(i, _)| cs + i)
                            .find(|&at| !in_quote(&quoted, at, at + k.len()))
                            .map(|at| (at, k))
                    }) else {
                        continue;
                    };
                    let (ks, ke) = (k, k + kw.len());
                    // Whether the clause says what the fact says (a negative fact is said by
                    // a denial).
                    let states =
                        denies == *negative[i].get_or_insert_with(|| self.written_negative(fact));
                    self.claim(out, (fact, *status), states, (ks, ke), (cs, ce), ctx);
                }
            }
        }
    }

    /// Whether a fact is written as a negative ("no card data was stored"): a clause that
    /// repeats it states it, where a denial of any other fact denies it.
    fn written_negative(&self, fact: &Fact) -> bool {
        Lang::ALL.iter().filter(|l| fact.text.has(**l)).any(|l| {
            self.phrase_hits(&phrase(fact.text.get(*l)))
                .0
                .iter()
                .any(|h| self.patterns[h.pattern].list == List::Denial)
        })
    }

    /// A clause's claim about one fact, against the fact's status: unconfirmed, or
    /// contradicting what was confirmed or refuted. The finding points at the fact's words and
    /// quotes the clause it judged.
    fn claim(
        &self,
        out: &mut Report<'_>,
        (fact, status): (&Fact, FactStatus),
        states: bool,
        (ks, ke): (usize, usize),
        (cs, ce): (usize, usize),
        ctx: &Context<'_>,
    ) {
        let (ja, en) = (fact.text.get(Lang::Ja), fact.text.get(Lang::En));
        let unconfirmed = match ctx.quote(fact, status) {
            Some(_) => Text::new(
                format!("「{ja}」はまだ確認されていないのに、確定したように書いています。"),
                format!("\"{en}\" is not confirmed yet, but this states it as settled."),
            ),
            None => Text::new(
                "まだ確認されていないことを、確定したように書いています。",
                "This states as settled something not yet confirmed.",
            ),
        };
        let before = out.findings.len();
        match status {
            FactStatus::Unknown | FactStatus::Suspected => out.span_finding(
                rule::WORDING_UNCONFIRMED_CLAIM,
                ks,
                ke,
                unconfirmed,
                Some(Text::new(
                    "「現在調査中です」と書き、判明次第お知らせすると伝えましょう。",
                    "Say it is under investigation and that you will report once known.",
                )),
            ),
            FactStatus::Confirmed if !states => out.span_finding(
                rule::WORDING_INCONSISTENT,
                ks,
                ke,
                Text::new(
                    format!("確認済みの事実「{ja}」を否定しています。"),
                    format!("This denies a confirmed fact: \"{en}\"."),
                ),
                None,
            ),
            FactStatus::Refuted if states => out.span_finding(
                rule::WORDING_INCONSISTENT,
                ks,
                ke,
                Text::new(
                    format!("否定された事柄「{ja}」を事実のように書いています。"),
                    format!("This states as fact something that was refuted: \"{en}\"."),
                ),
                None,
            ),
            _ => {}
        }
        // The clause judged, in the writer's words, is the finding's excerpt.
        if let Some(f) = out.findings.get_mut(before) {
            let (s, e) = out.norm.span(cs, ce);
            f.excerpt = out.norm.original(out.original, s, e).trim().to_string();
        }
    }

    fn elements(&self, out: &mut Report<'_>, hits: &[Hit], ctx: &Context<'_>) {
        if ctx.required.is_empty() {
            return;
        }
        let mut present = [false; 17];
        for h in hits {
            present[list_key(self.patterns[h.pattern].list)] = true;
        }
        let has = |list: List| present[list_key(list)];
        for element in &ctx.required {
            let present = match element {
                Element::Header => {
                    let mut missing_ja = Vec::new();
                    let mut missing_en = Vec::new();
                    let company = match ctx.organisation {
                        Some(name) => Lang::ALL
                            .iter()
                            .filter(|l| name.has(**l))
                            .any(|l| out.norm.text.contains(&phrase(name.get(*l)))),
                        None => COMPANY.is_match(&out.norm.text),
                    };
                    if !company {
                        missing_ja.push("会社名");
                        missing_en.push("the company name");
                    }
                    if !DATE.is_match(&out.norm.text) {
                        missing_ja.push("日付");
                        missing_en.push("the date");
                    }
                    if !has(List::Subject) && !subject_line(&out.norm.text, ctx) {
                        missing_ja.push("件名");
                        missing_en.push("a subject line");
                    }
                    if !missing_ja.is_empty() {
                        out.missing(
                            rule::WORDING_HEADER,
                            Text::new(
                                format!("冒頭に{}がありません。", missing_ja.join("・")),
                                format!("The header lacks {}.", missing_en.join(", ")),
                            ),
                        );
                    }
                    continue;
                }
                Element::Cause => has(List::Cue(Element::Cause)) || has(List::Investigating),
                other => has(List::Cue(*other)),
            };
            if !present {
                let (ja, en) = element_words(*element);
                out.missing(
                    element.rule(),
                    Text::new(
                        format!("{ja}が書かれていません。"),
                        format!("The text does not give {en}."),
                    ),
                );
            }
        }
    }
}

/// Whether one of the first lines is a subject: an explicit `Subject:` or 件名: line, or a
/// title line that names the matter (short, not a sentence, and more than the date or the
/// organisation's name alone).
fn subject_line(text: &str, ctx: &Context<'_>) -> bool {
    let org: Vec<String> = ctx
        .organisation
        .map(|name| {
            Lang::ALL
                .iter()
                .filter(|l| name.has(**l))
                .map(|l| phrase(name.get(*l)))
                .collect()
        })
        .unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(4)
        .any(|line| {
            if ["subject:", "件名:", "title:", "re:"]
                .iter()
                .any(|p| line.starts_with(p))
            {
                return line
                    .split_once(':')
                    .is_some_and(|(_, rest)| !rest.trim().is_empty());
            }
            let mut rest = DATE.replace_all(line, "").to_string();
            for o in &org {
                rest = rest.replace(o.as_str(), "");
            }
            let rest = COMPANY.replace_all(&rest, "");
            let words = rest.chars().filter(|c| c.is_alphanumeric()).count();
            // A salutation ("Dear customers", 「お客様各位」) names nobody's incident.
            let salutation = ["dear ", "to our ", "hello", "hi "]
                .iter()
                .any(|p| line.starts_with(p))
                || line.ends_with("各位")
                || line.ends_with('様');
            // "Statement from Fennel Foods Inc." ends with an abbreviation, not a sentence.
            let abbreviation = ["inc.", "ltd.", "co.", "corp.", "plc.", "llc."]
                .iter()
                .any(|a| line.ends_with(a));
            !salutation
                && line.chars().count() <= 80
                && (abbreviation || !line.ends_with(['。', '.', '!', '?', ',', ':', '、']))
                && words >= 6
        })
}

fn element_words(e: Element) -> (&'static str, &'static str) {
    match e {
        Element::Header => ("会社名・日付・件名", "company, date and subject"),
        Element::Overview => ("何が起きたか(概要)", "what happened"),
        Element::Impact => ("影響の範囲", "who or what is affected"),
        Element::Cause => (
            "原因(または調査中であること)",
            "the cause, or that it is under investigation",
        ),
        Element::Countermeasures => (
            "対応と再発防止策",
            "what is being done and how recurrence will be prevented",
        ),
        Element::Apology => ("おわび", "an apology"),
        Element::Contact => ("問い合わせ先", "where to ask"),
        Element::NextUpdate => ("次の報告の予定", "when the next update will come"),
    }
}

/// A normalised phrase and, for an English word or phrase ending in a letter, its plural:
/// "endpoint" → "endpoints", "vulnerability" → "vulnerabilities", "patch" → "patches".
/// Other forms (a verb's "-ed") are listed in the playbook where they are meant.
fn english_plurals(norm: &str) -> Vec<String> {
    let mut forms = vec![norm.to_string()];
    let last_word = norm.rsplit(' ').next().unwrap_or(norm);
    if !norm.is_ascii()
        || last_word.len() < 3
        || !last_word.ends_with(|c: char| c.is_ascii_lowercase())
    {
        return forms;
    }
    let plural = if let Some(stem) = norm.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if norm.ends_with('s') {
        return forms;
    } else if ["x", "z", "ch", "sh"].iter().any(|e| norm.ends_with(e)) {
        format!("{norm}es")
    } else {
        format!("{norm}s")
    };
    forms.push(plural);
    forms
}

/// 3200 → "3,200".
fn group(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a term is explained in parentheses right after it: "ランサムウェア(身代金を…)".
/// (NFKC has already turned full-width parentheses into ASCII ones.)
/// Spans sorted by start with the furthest end so far, so "does any overlap [s, e)?" is a
/// binary search rather than a scan: the checker stays linear in its findings.
struct Spans {
    spans: Vec<(usize, usize)>,
    reach: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<(usize, usize)>) -> Spans {
        spans.sort_unstable();
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|&(_, b)| {
                furthest = furthest.max(b);
                furthest
            })
            .collect();
        Spans { spans, reach }
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        let n = self.spans.partition_point(|&(a, _)| a < e);
        n > 0 && self.reach[n - 1] > s
    }
}

/// What follows a term that is explained where it is used: a gloss in brackets, 「…とは」,
/// "X, a program that…", "X (…)", "X, which…".
const GLOSS_AFTER: [&str; 20] = [
    "(",
    "とは",
    "という",
    "と呼ばれる",
    "、つまり",
    "、すなわち",
    ", a ",
    ", an ",
    ", which ",
    ", meaning",
    ", i.e.",
    ", that is",
    " - ",
    " – ",
    " — ",
    ": ",
    " is a ",
    " is an ",
    " refers to",
    " means ",
];

/// Whether the term `[start, end)` of `text` is explained where it stands: a gloss after
/// it, or the term itself in brackets after the plain words ("…のプログラム(ランサムウェア)").
fn explained(text: &str, start: usize, end: usize) -> bool {
    let after = &text[end..];
    let glossed = |after: &str| {
        GLOSS_AFTER
            .iter()
            .any(|g| after.starts_with(g) || (*g == "(" && after.trim_start().starts_with('(')))
    };
    // The gloss may follow the noun the term qualifies: "a phishing e-mail, a fake message…",
    // 「ランサムウェア攻撃(…)」.
    let head_noun = |after: &str| -> Option<usize> {
        if let Some(rest) = after.strip_prefix(' ') {
            let word = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))?;
            (word > 0).then_some(1 + word)
        } else {
            let n: usize = after
                .chars()
                .take_while(|c| matches!(*c as u32, 0x4E00..=0x9FFF | 0x30A1..=0x30FA | 0x30FC))
                .take(4)
                .map(char::len_utf8)
                .sum();
            (n > 0).then_some(n)
        }
    };
    // After the noun, only a gloss that plainly explains counts: brackets, ", a …", a dash.
    let strong = |after: &str| {
        [
            "(",
            " (",
            ", a ",
            ", an ",
            " - ",
            " – ",
            " — ",
            "とは",
            "という",
            "と呼ばれる",
        ]
        .iter()
        .any(|g| after.starts_with(g))
    };
    glossed(after)
        || head_noun(after).is_some_and(|n| strong(&after[n..]))
        || (text[..start].ends_with('(') && after.starts_with(')'))
}

/// Whether the line holding byte `at` is a heading: among the first lines, short, and not
/// ending as a sentence does.
fn in_heading(text: &str, at: usize) -> bool {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = text[line_start..line_end].trim();
    let line_no = text[..line_start].matches('\n').count();
    line_no < 4 && line.chars().count() <= 80 && !line.ends_with(['。', '.', '!', '?', ','])
}

/// The jargon terms (by `term_of`, lower case) that are explained at their first use in
/// the body of `text` (a heading before it does not count as the first use): such a term is
/// not jargon anywhere in that text.
fn glossed_terms(
    text: &str,
    hits: &[&Hit],
    term_of: impl Fn(&Hit) -> Option<String>,
) -> std::collections::BTreeSet<String> {
    // Each term's first use in the body, or in a heading where the body never uses it.
    let mut first: std::collections::BTreeMap<String, (bool, &Hit)> =
        std::collections::BTreeMap::new();
    for &h in hits {
        let Some(term) = term_of(h) else { continue };
        let body = !in_heading(text, h.start);
        match first.get(&term) {
            Some((true, _)) => {}
            Some((false, _)) if !body => {}
            _ => {
                first.insert(term, (body, h));
            }
        }
    }
    first
        .into_iter()
        .filter(|(_, (_, h))| explained(text, h.start, h.end))
        .map(|(t, _)| t)
        .collect()
}

/// Within each list, a match inside a longer match of the same list is dropped
/// ("と思われ" inside "と思われます"). Sorting by list, start, then longest first, a hit is
/// inside an earlier one exactly when it ends no later than the furthest end seen so far.
fn longest(hits: &[Hit], list_of: impl Fn(&Hit) -> List) -> Vec<&Hit> {
    let mut order: Vec<(usize, &Hit)> = hits
        .iter()
        .map(|h| (list_of(h), h))
        .filter(|(l, _)| {
            matches!(
                l,
                List::Hedge | List::Jargon | List::Blame | List::Overpromise | List::Vague
            )
        })
        .map(|(l, h)| (list_key(l), h))
        .collect();
    order.sort_by_key(|(k, h)| (*k, h.start, std::cmp::Reverse(h.end)));
    let mut kept = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (k, h) in order {
        match current {
            Some((list, end)) if list == k && h.end <= end => continue,
            Some((list, end)) if list == k => current = Some((list, end.max(h.end))),
            _ => current = Some((k, h.end)),
        }
        kept.push(h);
    }
    kept.sort_by_key(|h| (h.start, h.end));
    kept
}

fn list_key(list: List) -> usize {
    match list {
        List::Hedge => 0,
        List::Investigating => 1,
        List::Jargon => 2,
        List::Blame => 3,
        List::Overpromise => 4,
        List::Vague => 5,
        List::Denial => 6,
        List::Assertion => 7,
        List::Subject => 8,
        List::Cue(e) => 9 + e as usize,
        // Anchors never reach the lists that are sorted by key.
        List::Anchor(_) => usize::MAX,
    }
}

struct Report<'a> {
    checker: &'a Checker,
    norm: &'a Normalized,
    /// The writer's text, as the finding quotes it.
    original: &'a str,
    findings: Vec<Finding>,
}

impl Report<'_> {
    fn span_finding(
        &mut self,
        rule: &str,
        start: usize,
        end: usize,
        message: Text,
        suggestion: Option<Text>,
    ) {
        let (s, e) = self.norm.span(start, end);
        self.char_finding(rule, s, e, message, suggestion);
    }

    /// A finding on characters `[s, e)` of the original text.
    fn char_finding(
        &mut self,
        rule: &str,
        s: usize,
        e: usize,
        message: Text,
        suggestion: Option<Text>,
    ) {
        let (severity, sections) = self.checker.rule(rule);
        self.findings.push(Finding {
            rule: rule.to_string(),
            severity,
            span: Some(Span { start: s, end: e }),
            excerpt: self.norm.original(self.original, s, e).to_string(),
            message,
            suggestion,
            sections,
        });
    }

    fn missing(&mut self, rule: &str, message: Text) {
        let (severity, sections) = self.checker.rule(rule);
        self.findings.push(Finding {
            rule: rule.to_string(),
            severity,
            span: None,
            excerpt: String::new(),
            message,
            suggestion: None,
            sections,
        });
    }

    fn hedge(&mut self, h: &Hit) {
        self.span_finding(
            rule::WORDING_SPECULATION,
            h.start,
            h.end,
            Text::new("推測やぼかした言い方です。", "This is a guess or a hedge."),
            Some(Text::new(
                "確認できた事実だけを書き、未確認のことは「調査中」と明記しましょう。",
                "State only what is confirmed; say plainly what is still under investigation.",
            )),
        );
    }

    /// Every place a never-public term appears, under `rule`.
    fn never_public(&mut self, term: &str, rule: &str) {
        let needle = phrase(term);
        if needle.is_empty() {
            return;
        }
        let found: Vec<usize> = self
            .norm
            .text
            .match_indices(&needle)
            .map(|(s, _)| s)
            .collect();
        for s in found {
            self.span_finding(
                rule,
                s,
                s + needle.len(),
                Text::new(
                    format!("「{term}」は公表してはならない情報です。"),
                    format!("\"{term}\" must never be made public."),
                ),
                Some(Text::new(
                    "削除するか、一般的な表現に置き換えてください。",
                    "Remove it or replace it with a general description.",
                )),
            );
        }
    }

    fn jargon(&mut self, h: &Hit, plain: Text) {
        let (pja, pen) = (plain.get(Lang::Ja), plain.get(Lang::En));
        let listed = &self.checker.patterns[h.pattern].listed;
        self.span_finding(
            rule::WORDING_JARGON,
            h.start,
            h.end,
            Text::new(
                format!("「{listed}」は一般の読み手に伝わりにくい専門用語です。"),
                format!("\"{listed}\" is jargon a lay reader may not follow."),
            ),
            Some(Text::new(
                format!("「{pja}」と言い換えましょう。"),
                format!("Say \"{pen}\" instead."),
            )),
        );
    }

    /// Blame-shifting or defensive words, from the playbook's list or by sentence shape.
    fn blame(&mut self, start: usize, end: usize) {
        self.span_finding(
            rule::WORDING_BLAME,
            start,
            end,
            Text::new(
                "責任を他者に転嫁する、または弁解がましい表現です。",
                "This shifts blame or sounds defensive.",
            ),
            Some(Text::new(
                "他者の責任には触れず、自社が取っている対応を書きましょう。",
                "Leave others' responsibility out; say what your company is doing.",
            )),
        );
    }

    /// A promise nobody can keep: a listed phrase, or (`absolute`) a word that admits no
    /// exception about an outcome.
    fn overpromise(&mut self, start: usize, end: usize, absolute: bool) {
        let message = if absolute {
            Text::new(
                "守れる保証のない、例外を認めない約束です。",
                "This is an absolute promise nobody can guarantee.",
            )
        } else {
            Text::new(
                "守れる保証のない約束です。",
                "This is a promise nobody can guarantee.",
            )
        };
        self.span_finding(
            rule::WORDING_OVERPROMISE,
            start,
            end,
            message,
            Some(Text::new(
                "「再発防止に全力で取り組みます」のように、取り組みを具体的に書きましょう。",
                "Describe the concrete prevention work instead of guaranteeing the outcome.",
            )),
        );
    }
}

/// The sentence of `sentences` that holds byte `at`; an empty span at `at` past the last.
fn sentence_at(sentences: &[(usize, usize)], at: usize) -> (usize, usize) {
    let i = sentences.partition_point(|&(_, e)| e <= at);
    sentences.get(i).copied().unwrap_or((at, at))
}

/// Whether the hedge at `at` is a counterfactual after a negative subject ("no company could
/// have stopped it"), which guesses nothing.
fn counterfactual(text: &str, sentence_start: usize, at: usize, end: usize) -> bool {
    let modal = ["could ", "might ", "may ", "would "]
        .iter()
        .any(|m| text[at..end].starts_with(m));
    if !modal {
        return false;
    }
    let before = &text[sentence_start..at];
    let words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
    words
        .iter()
        .any(|w| matches!(*w, "no" | "nobody" | "nothing" | "none" | "no-one"))
}

/// Words that mark a sentence as correcting an earlier figure.
const CORRECTION_CUES: [&str; 20] = [
    "訂正",
    "修正",
    "改め",
    "当初",
    "前回",
    "先にお知らせ",
    "お知らせした",
    "お知らせしました",
    "第一報",
    "第1報",
    "既報",
    "確認の結果",
    "corrected",
    "correction",
    "revised",
    "previously",
    "earlier",
    "initially",
    "instead of",
    "we said",
];

/// Whether the sentences holding `[start, end)` of normalised `text` say they correct a
/// figure.
fn corrects(text: &str, sentences: &[(usize, usize)], start: usize, end: usize) -> bool {
    let from = sentence_at(sentences, start).0;
    let to = sentence_at(sentences, end.saturating_sub(1).max(start))
        .1
        .max(end);
    let sentence = &text[from..to];
    CORRECTION_CUES.iter().any(|c| sentence.contains(c))
}

/// The calendar dates a text names, as (year if given, month, day) and their byte span,
/// leaving out the first line (a notice's own date sits in its header).
fn dates_in(text: &str) -> Vec<(Option<i32>, u32, u32, usize, usize)> {
    let header_end = text
        .trim_start()
        .find('\n')
        .map_or(0, |i| i + (text.len() - text.trim_start().len()));
    let mut out = promise::calendar_dates(text);
    out.retain(|(_, _, _, s, _)| *s >= header_end);
    out
}

/// A date a later value replaced, stated after the correction, is `wording.inconsistent`
/// (unless the sentence says it corrects it): the team knew better by then.
fn dates(out: &mut Report<'_>, sentences: &[(usize, usize)], ctx: &Context<'_>) {
    use chrono::Datelike;
    let facts: Vec<(&Fact, FactStatus, &Value)> = ctx
        .ledger
        .iter()
        .zip(&ctx.values)
        .filter(|(_, v)| !v.superseded_dates.is_empty())
        .map(|((f, s), v)| (*f, *s, v))
        .collect();
    if facts.is_empty() {
        return;
    }
    let same = |d: &chrono::NaiveDate, (y, m, dd): (Option<i32>, u32, u32)| {
        d.month() == m && d.day() == dd && y.is_none_or(|y| y == d.year())
    };
    let show = |d: &chrono::NaiveDate| {
        (
            format!("{}月{}日", d.month(), d.day()),
            d.format("%-d %B %Y").to_string(),
        )
    };
    for (y, m, d, start, end) in dates_in(&out.norm.text) {
        for (fact, status, value) in &facts {
            let current = value.date.is_some_and(|c| same(&c, (y, m, d)));
            let Some(old) = value.superseded_dates.iter().find(|o| same(o, (y, m, d))) else {
                continue;
            };
            if current || corrects(&out.norm.text, sentences, start, end) {
                continue;
            }
            let (old_ja, old_en) = show(old);
            let (now_ja, now_en) = value.date.as_ref().map_or(
                ("調査中".to_string(), "under investigation".to_string()),
                show,
            );
            let message = match ctx.quote(fact, *status) {
                Some((ja, en)) => Text::new(
                    format!("{old_ja}は「{ja}」の古い日付です(現在は{now_ja})。"),
                    format!("{old_en} is an earlier date for \"{en}\" (now {now_en})."),
                ),
                None => Text::new(
                    format!("{old_ja}は古い日付です(現在は{now_ja})。"),
                    format!("{old_en} is an earlier date (now {now_en})."),
                ),
            };
            out.span_finding(
                rule::WORDING_INCONSISTENT,
                start,
                end,
                message,
                Some(Text::new(
                    "現在わかっている日付を書き、改める場合は「訂正」と明記しましょう。",
                    "Give the date as now known; if you mention the old one, say it is a correction.",
                )),
            );
        }
    }
}
