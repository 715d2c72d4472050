//! The playbook: the procedure's rules as data (area, bilingual title and explanation, cited
//! sections, weight, severity) and the wording checker's phrase lists, validated and merged.

pub mod file;
pub(crate) mod index;
pub mod rule;

pub use file::{Area, Cues, Jargon, PhraseBook, Phrases, Severity};
pub use rule::{RULES, SECTIONS, TIMING_RULES, TOP_SECTIONS, WORDING_PRESENT_RULES, top_section};

use crate::source::diagnostic::{Diagnostic, suggestion};
use crate::source::load;
use crate::text::{Lang, Text};
use file::{PlaybookFile, RuleFile};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// The playbook format this Pressroom writes.
pub const FORMAT: u32 = 1;

/// The playbook formats this Pressroom reads.
pub const VERSIONS: crate::source::version::Versions = crate::source::version::Versions {
    kind: "playbook",
    current: FORMAT,
    oldest: 1,
};

/// The default playbook, built from the documented procedure and bundled in the binary.
pub const DEFAULT_SOURCE: &str = include_str!("../../assets/playbook/default.ron");

/// A section of the procedure.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// Its ID.
    pub id: String,
    /// Its heading.
    pub heading: Text,
}

/// A rule of the procedure, checked.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// Its ID.
    pub id: String,
    /// Its area.
    pub area: Area,
    /// Its title.
    pub title: Text,
    /// What it asks.
    pub explanation: Text,
    /// The sections it cites.
    pub sections: Vec<String>,
    /// How much its points count.
    pub weight: f64,
    /// How much a finding of it matters.
    pub severity: Severity,
}

/// A checked playbook: every rule has a known area and cited sections, every contract rule is
/// present, weights are positive.
#[derive(Debug, Clone, Serialize)]
pub struct Playbook {
    /// Its ID.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// The sections it cites.
    pub sections: Vec<Section>,
    /// Its rules, the contract's and its own.
    pub rules: Vec<Rule>,
    /// Phrase lists for the wording checker.
    pub phrases: PhraseBook,
    /// SHA-256 of the source text(s), so records can tell when the playbook changed.
    pub hash: String,
    /// Each rule's citation in both languages, built once: findings carry it.
    #[serde(skip)]
    citations: std::collections::HashMap<String, Text, IdHash>,
    /// Each rule's position in `rules`, for the scorer's many lookups: a perfect hash of
    /// the IDs, and a map where no perfect hash was found.
    #[serde(skip)]
    index: std::collections::HashMap<String, usize, IdHash>,
    #[serde(skip)]
    fast: index::RuleIndex,
}

/// A hash for short rule IDs, eight bytes at a step: the scorer looks a rule up for every
/// finding, and the default hasher's defence against crafted keys buys nothing for a
/// playbook's own IDs.
type IdHash = std::hash::BuildHasherDefault<IdHasher>;

/// A multiply-rotate hash over 8-byte words (as rustc's own maps hash their keys).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl IdHasher {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl std::hash::Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Playbook {
    /// The bundled default playbook.
    pub fn default_playbook() -> Playbook {
        Playbook::from_source(DEFAULT_SOURCE).expect("the bundled playbook is checked by tests")
    }

    /// Reads an organisation's playbook file.
    pub fn load(path: &Path) -> Result<Playbook, Vec<Diagnostic>> {
        let src = load::read_text(path).map_err(|d| vec![d])?;
        Playbook::from_source(&src)
    }

    /// Reads a playbook from its text.
    pub fn from_source(src: &str) -> Result<Playbook, Vec<Diagnostic>> {
        match Playbook::check_source(src) {
            (Some(playbook), _) => Ok(playbook),
            (None, diags) => Err(diags),
        }
    }

    /// The playbook if it has no errors, and every diagnostic (warnings too), located.
    pub fn check_source(src: &str) -> (Option<Playbook>, Vec<Diagnostic>) {
        if let Err(d) = crate::source::version::check(src, VERSIONS) {
            return (None, vec![d]);
        }
        let file: PlaybookFile = match load::parse_all(src) {
            Ok(f) => f,
            Err(d) => return (None, d),
        };
        let mut diags = Vec::new();
        let playbook = build(file, src, &mut diags);
        crate::source::locate::place(&mut diags, src);
        let ok = !diags.iter().any(Diagnostic::is_error);
        (
            ok.then_some(playbook),
            crate::source::diagnostic::capped(diags),
        )
    }

    /// A rule by ID.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rule_index(id).map(|i| &self.rules[i])
    }

    /// A rule's position in `rules`.
    #[inline]
    pub fn rule_index(&self, id: &str) -> Option<usize> {
        // The index is built with the playbook; a rule list changed since is searched.
        let found = match self.fast.candidate(id) {
            Some(None) => None,
            Some(Some(i)) => Some(i),
            None => self.index.get(id).copied(),
        };
        match found.and_then(|i| self.rules.get(i).map(|r| (i, r))) {
            Some((i, r)) if index::same(&r.id, id) => Some(i),
            // Not a rule, or a rule list changed since: a search says which.
            _ => self.rules.iter().position(|r| r.id == id),
        }
    }

    /// A section by ID.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// This playbook with a scenario's own phrases added to its lists (for that scenario's
    /// wording checker only).
    pub fn with_phrases(&self, add: &PhraseBook) -> Playbook {
        let mut out = self.clone();
        extend_phrases(&mut out.phrases.ja, add.ja.clone());
        extend_phrases(&mut out.phrases.en, add.en.clone());
        out
    }

    /// The phrase lists of a language.
    pub fn phrases(&self, lang: Lang) -> &Phrases {
        match lang {
            Lang::Ja => &self.phrases.ja,
            Lang::En => &self.phrases.en,
        }
    }

    /// "S1.1 初動対応と情報収集のポイント; S11 …": how a rule cites the procedure.
    pub fn citation(&self, rule: &Rule, lang: Lang) -> String {
        rule.sections
            .iter()
            .map(|s| match self.section(s) {
                Some(sec) => format!("{} {}", s, sec.heading.get(lang)),
                None => s.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A rule's citation in both languages (cached; empty for an unknown rule).
    pub fn citation_text(&self, rule_id: &str) -> Text {
        self.citations.get(rule_id).cloned().unwrap_or_default()
    }

    /// Sections cited by each rule, for coverage tables.
    pub fn sections_of(&self, rule_id: &str) -> BTreeSet<String> {
        self.rule(rule_id)
            .map(|r| r.sections.iter().cloned().collect())
            .unwrap_or_default()
    }
}

fn hash_of(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn build(file: PlaybookFile, src: &str, diags: &mut Vec<Diagnostic>) -> Playbook {
    let (mut sections, mut rules, mut phrases, hash) = match file.extends.as_deref() {
        None => (
            Vec::new(),
            Vec::new(),
            PhraseBook::default(),
            hash_of(&[src]),
        ),
        Some("default") => {
            let base = Playbook::default_playbook();
            (
                base.sections,
                base.rules,
                base.phrases,
                hash_of(&[DEFAULT_SOURCE, src]),
            )
        }
        Some(other) => {
            diags.push(
                Diagnostic::error(
                    "unknown-playbook",
                    format!("`{other}` is not a playbook this one can extend"),
                )
                .field("extends")
                .hint("write `extends: \"default\"` or leave `extends` out"),
            );
            (
                Vec::new(),
                Vec::new(),
                PhraseBook::default(),
                hash_of(&[src]),
            )
        }
    };
    // With an unknown base, missing rules, sections and references are a consequence of that
    // one error, not errors of their own.
    let known_base = !matches!(file.extends.as_deref(), Some(b) if b != "default");
    if file.id.trim().is_empty() {
        diags.push(Diagnostic::error("bad-id", "the playbook's id is empty").field("id"));
    }

    for (i, s) in file.sections.iter().enumerate() {
        let path = format!("sections[{i}]");
        if sections.iter().any(|x: &Section| x.id == s.id) {
            diags.push(
                Diagnostic::error(
                    "duplicate-id",
                    format!("section `{}` is defined twice", s.id),
                )
                .field(format!("{path}.id")),
            );
            continue;
        }
        if s.heading.is_empty() {
            diags.push(
                Diagnostic::error("empty-text", format!("section `{}` has no heading", s.id))
                    .field(format!("{path}.heading")),
            );
        }
        sections.push(Section {
            id: s.id.clone(),
            heading: s.heading.clone(),
        });
    }
    let section_ids: Vec<String> = sections.iter().map(|s| s.id.clone()).collect();

    for (i, r) in file.rules.iter().enumerate() {
        let path = format!("rules[{i}]");
        if rules.iter().any(|x: &Rule| x.id == r.id) {
            diags.push(
                Diagnostic::error("duplicate-id", format!("rule `{}` is defined twice", r.id))
                    .field(format!("{path}.id"))
                    .hint("to change a bundled rule's weight or severity, use `reweight`"),
            );
            continue;
        }
        if known_base {
            check_rule(r, &path, &section_ids, diags);
        }
        rules.push(Rule {
            id: r.id.clone(),
            area: r.area,
            title: r.title.clone(),
            explanation: r.explanation.clone(),
            sections: r.sections.clone(),
            weight: r.weight,
            severity: r.severity,
        });
    }

    for (i, rw) in file.reweight.iter().enumerate().filter(|_| known_base) {
        let path = format!("reweight[{i}]");
        let hint = suggestion(&rw.rule, rules.iter().map(|r| r.id.as_str()));
        match rules.iter_mut().find(|r| r.id == rw.rule) {
            None => diags.push(
                Diagnostic::error(
                    "unknown-rule",
                    format!("there is no rule `{}` to reweight", rw.rule),
                )
                .field(format!("{path}.rule"))
                .maybe_hint(hint),
            ),
            Some(rule) => {
                if let Some(w) = rw.weight {
                    if !(w.is_finite() && w > 0.0 && w <= 100.0) {
                        diags.push(bad_weight(w, &format!("{path}.weight")));
                    }
                    rule.weight = w;
                }
                if let Some(s) = rw.severity {
                    rule.severity = s;
                }
            }
        }
    }

    let missing_rules: Vec<&str> = RULES
        .iter()
        .copied()
        .filter(|id| !rules.iter().any(|r| r.id == *id))
        .collect();
    if known_base && !missing_rules.is_empty() {
        diags.push(
            Diagnostic::error(
                "missing-rule",
                format!("the playbook lacks {} of the procedure's rule IDs: {}", missing_rules.len(), shorten(&missing_rules)),
            )
            .field("rules")
            .hint("every playbook keeps the procedure's rule IDs; add them, or write `extends: \"default\"`"),
        );
    }
    let missing_sections: Vec<&str> = SECTIONS
        .iter()
        .copied()
        .filter(|id| !section_ids.iter().any(|s| s == id))
        .collect();
    if known_base && !missing_sections.is_empty() {
        diags.push(
            Diagnostic::error(
                "missing-section",
                format!(
                    "the playbook lacks {} of the procedure's sections: {}",
                    missing_sections.len(),
                    shorten(&missing_sections)
                ),
            )
            .field("sections")
            .hint("add each section with its heading, or write `extends: \"default\"`"),
        );
    }

    check_phrases(&phrases, &file.phrases, diags);
    extend_phrases(&mut phrases.ja, file.phrases.ja);
    extend_phrases(&mut phrases.en, file.phrases.en);

    let mut playbook = Playbook {
        id: file.id,
        name: file.name,
        sections,
        rules,
        phrases,
        hash,
        citations: std::collections::HashMap::default(),
        index: std::collections::HashMap::default(),
        fast: index::RuleIndex::default(),
    };
    playbook.fast = index::RuleIndex::build(playbook.rules.iter().map(|r| r.id.as_str()));
    if !playbook.fast.is_built() {
        playbook.index = playbook
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
    }
    playbook.citations = playbook
        .rules
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                Text::new(
                    playbook.citation(r, Lang::Ja),
                    playbook.citation(r, Lang::En),
                ),
            )
        })
        .collect();
    playbook
}

fn shorten(ids: &[&str]) -> String {
    let shown: Vec<&str> = ids.iter().take(6).copied().collect();
    if ids.len() > shown.len() {
        format!("{} and {} more", shown.join(", "), ids.len() - shown.len())
    } else {
        shown.join(", ")
    }
}

fn bad_weight(w: f64, path: &str) -> Diagnostic {
    Diagnostic::error("bad-weight", format!("weight {w} is not allowed"))
        .field(path)
        .hint("a weight is a number above 0 and at most 100; 1.0 is normal, 2.0 counts twice")
}

fn check_rule(r: &RuleFile, path: &str, section_ids: &[String], diags: &mut Vec<Diagnostic>) {
    let prefix = r.id.split('.').next().unwrap_or("");
    let valid_id = r.id.split('.').count() == 2
        && r.id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.');
    if !valid_id {
        diags.push(
            Diagnostic::error("bad-id", format!("`{}` is not a rule ID", r.id))
                .field(format!("{path}.id"))
                .hint("a rule ID is `area.name` in lower case, e.g. `process.press_log`"),
        );
    } else if prefix != r.area.key() {
        diags.push(
            Diagnostic::error(
                "area-mismatch",
                format!(
                    "rule `{}` starts with `{prefix}.` but its area is {:?}",
                    r.id, r.area
                ),
            )
            .field(format!("{path}.area"))
            .hint(format!("name it `{}.…` or change its area", r.area.key())),
        );
    }
    if r.sections.is_empty() {
        diags.push(
            Diagnostic::error(
                "no-citation",
                format!("rule `{}` cites no section of the procedure", r.id),
            )
            .field(format!("{path}.sections"))
            .hint("every rule cites the section(s) it comes from, e.g. [\"S1.1\"]"),
        );
    }
    for (j, s) in r.sections.iter().enumerate() {
        if !section_ids.contains(s) {
            diags.push(
                Diagnostic::error(
                    "unknown-section",
                    format!("section `{s}` is not in the playbook"),
                )
                .field(format!("{path}.sections[{j}]"))
                .maybe_hint(suggestion(s, section_ids.iter().map(String::as_str))),
            );
        }
    }
    if !(r.weight.is_finite() && r.weight > 0.0 && r.weight <= 100.0) {
        diags.push(bad_weight(r.weight, &format!("{path}.weight")));
    }
    for (field, text) in [("title", &r.title), ("explanation", &r.explanation)] {
        for lang in Lang::ALL {
            if !text.has(lang) {
                diags.push(
                    Diagnostic::error(
                        "missing-translation",
                        format!("rule `{}` has no {field} in `{lang}`", r.id),
                    )
                    .field(format!("{path}.{field}"))
                    .hint(format!(
                        "add `{lang}: \"…\"`: rules are shown in Japanese and English"
                    )),
                );
            }
        }
    }
}

fn extend_phrases(base: &mut Phrases, add: Phrases) {
    base.hedges.extend(add.hedges);
    base.investigating.extend(add.investigating);
    base.jargon.extend(add.jargon);
    base.blame.extend(add.blame);
    base.overpromise.extend(add.overpromise);
    base.vague.extend(add.vague);
    base.denials.extend(add.denials);
    base.assertions.extend(add.assertions);
    let (c, a) = (&mut base.cues, add.cues);
    c.subject.extend(a.subject);
    c.overview.extend(a.overview);
    c.impact.extend(a.impact);
    c.cause.extend(a.cause);
    c.countermeasures.extend(a.countermeasures);
    c.apology.extend(a.apology);
    c.contact.extend(a.contact);
    c.next_update.extend(a.next_update);
}

/// Empty phrases, and phrases the file lists twice or that the base already has, reported
/// at the file's own entries.
fn check_phrases(base: &PhraseBook, file: &PhraseBook, diags: &mut Vec<Diagnostic>) {
    for (lang, b, f) in [("ja", &base.ja, &file.ja), ("en", &base.en, &file.en)] {
        fn lists(p: &Phrases) -> [(&'static str, Vec<&String>); 8] {
            [
                ("hedges", p.hedges.iter().collect()),
                ("investigating", p.investigating.iter().collect()),
                ("jargon", p.jargon.iter().map(|j| &j.term).collect()),
                ("blame", p.blame.iter().collect()),
                ("overpromise", p.overpromise.iter().collect()),
                ("vague", p.vague.iter().collect()),
                ("denials", p.denials.iter().collect()),
                ("assertions", p.assertions.iter().collect()),
            ]
        }
        for ((name, base_list), (_, list)) in lists(b).into_iter().zip(lists(f)) {
            let mut seen: BTreeSet<&str> = base_list.iter().map(|p| p.trim()).collect();
            for (i, phrase) in list.iter().enumerate() {
                let path = format!("phrases.{lang}.{name}[{i}]");
                if phrase.trim().is_empty() {
                    diags.push(
                        Diagnostic::error(
                            "empty-text",
                            format!("an empty phrase in `{lang}.{name}`"),
                        )
                        .field(path),
                    );
                } else if !seen.insert(phrase.trim()) {
                    diags.push(
                        Diagnostic::warning(
                            "duplicate-phrase",
                            format!("`{phrase}` is listed twice in `{lang}.{name}`"),
                        )
                        .field(path)
                        .hint(
                            "remove this one; a phrase is matched once however often it is listed",
                        ),
                    );
                }
            }
        }
    }
}

/// Whether `id` is a rule this playbook knows; otherwise a diagnostic with the nearest name.
pub fn unknown_rule(playbook: &Playbook, id: &str) -> Option<Diagnostic> {
    if playbook.rule(id).is_some() {
        return None;
    }
    Some(
        Diagnostic::error(
            "unknown-rule",
            format!("`{id}` is not a rule of the playbook"),
        )
        .maybe_hint(suggestion(id, playbook.rules.iter().map(|r| r.id.as_str()))),
    )
}
