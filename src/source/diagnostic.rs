//! Diagnostics: what a loader says about a file, with a stable code, a place and a fix hint.

use serde::Serialize;
use std::fmt;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Loads, but check says so.
    Warning,
    /// Does not load.
    Error,
}

/// One problem in one file. `line` and `column` are 1-based (columns count characters).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// A stable code (`unknown-field`).
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// Its line, from 1.
    pub line: usize,
    /// Its column (characters), from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// Where in the file's structure the problem sits, e.g. `facts[2].timeline[0].when`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// The message and hint in Japanese, where they are written: what `--lang ja` prints.
    /// JSON keeps the English only, so tools read one stable text. (Boxed: most
    /// diagnostics travel in `Result`s, and this keeps them small.)
    #[serde(skip)]
    pub ja: Option<Box<Japanese>>,
}

/// A diagnostic's words in Japanese.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Japanese {
    /// The message.
    pub message: Option<String>,
    /// The hint.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error with a code and message.
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            line: 1,
            column: 1,
            message: message.into(),
            hint: None,
            field: String::new(),
            ja: None,
        }
    }

    /// A warning with a code and message.
    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Placed at a line and column.
    pub fn at(mut self, line: usize, column: usize) -> Diagnostic {
        self.line = line.max(1);
        self.column = column.max(1);
        self
    }

    /// Placed at a field path, for `locate::place`.
    pub fn field(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = field.into();
        self
    }

    /// With a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        if let Some(j) = &mut self.ja {
            j.hint = None;
        }
        self
    }

    /// With a hint, if there is one.
    pub fn maybe_hint(mut self, hint: Option<String>) -> Diagnostic {
        if hint.is_some() {
            self.hint = hint;
            if let Some(j) = &mut self.ja {
                j.hint = None;
            }
        }
        self
    }

    /// With the message in Japanese too.
    pub fn ja(mut self, message: impl Into<String>) -> Diagnostic {
        self.ja.get_or_insert_default().message = Some(message.into());
        self
    }

    /// With a hint in both languages.
    pub fn hint_in(mut self, hint: crate::text::Text) -> Diagnostic {
        self.hint = Some(hint.get(crate::text::Lang::En).to_string());
        self.ja.get_or_insert_default().hint = Some(hint.get(crate::text::Lang::Ja).to_string());
        self
    }

    /// With a hint in both languages, if there is one.
    pub fn maybe_hint_in(self, hint: Option<crate::text::Text>) -> Diagnostic {
        match hint {
            Some(h) => self.hint_in(h),
            None => self,
        }
    }

    /// [`Diagnostic::ja`] for a diagnostic already pushed (the validator's `&mut`).
    pub fn set_ja(&mut self, message: impl Into<String>) -> &mut Diagnostic {
        self.ja.get_or_insert_default().message = Some(message.into());
        self
    }

    /// [`Diagnostic::hint_in`] for a diagnostic already pushed; `None` leaves no hint.
    pub fn set_hint_in(&mut self, hint: Option<crate::text::Text>) -> &mut Diagnostic {
        self.hint = hint
            .as_ref()
            .map(|h| h.get(crate::text::Lang::En).to_string());
        self.ja.get_or_insert_default().hint = hint
            .as_ref()
            .map(|h| h.get(crate::text::Lang::Ja).to_string());
        self
    }

    /// Whether it is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: error[code]: message`, then `  hint: …` on its own line.
    pub fn render(&self, path: &str) -> String {
        self.render_in(path, crate::text::Lang::En)
    }

    /// [`Diagnostic::render`] in `lang`: the Japanese message and hint where they are
    /// written (else the English). The place, the severity word and the code stay as they
    /// are, for editors and tools that read them.
    pub fn render_in(&self, path: &str, lang: crate::text::Lang) -> String {
        let ja = lang == crate::text::Lang::Ja;
        let japanese = self.ja.as_deref().filter(|_| ja);
        let message = japanese
            .and_then(|j| j.message.as_ref())
            .unwrap_or(&self.message);
        let mut out = format!(
            "{}:{}:{}: {}[{}]: {}",
            path, self.line, self.column, self.severity, self.code, message
        );
        let hint = japanese
            .and_then(|j| j.hint.as_ref())
            .or(self.hint.as_ref());
        if let Some(hint) = hint {
            out.push_str(if ja { "\n  ヒント: " } else { "\n  hint: " });
            out.push_str(hint);
        }
        out
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// The name in `candidates` closest to `wrong`, when it is close enough to be a typo.
pub fn nearest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (c, strsim::jaro_winkler(&wrong_lower, &c.to_lowercase())))
        .filter(|(_, score)| *score >= 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

/// "did you mean `x`?" when a near name exists, else the list of valid names (shortened).
pub fn suggestion<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<String> {
    suggestion_in(wrong, candidates).map(|t| t.get(crate::text::Lang::En).to_string())
}

/// [`suggestion`] in both languages.
pub fn suggestion_in<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<crate::text::Text> {
    if let Some(near) = nearest(wrong, candidates.clone()) {
        return Some(crate::text::Text::new(
            format!("`{near}` のことですか?"),
            format!("did you mean `{near}`?"),
        ));
    }
    let all: Vec<&str> = candidates.into_iter().collect();
    if all.is_empty() {
        return None;
    }
    let shown: Vec<String> = all.iter().take(12).map(|c| format!("`{c}`")).collect();
    let (more_ja, more_en) = if all.len() > 12 {
        (
            format!(" ほか{}件", all.len() - 12),
            format!(" and {} more", all.len() - 12),
        )
    } else {
        (String::new(), String::new())
    };
    Some(crate::text::Text::new(
        format!("次のいずれかです: {}{more_ja}", shown.join(", ")),
        format!("expected one of {}{more_en}", shown.join(", ")),
    ))
}

/// At most this many diagnostics are listed for one file, the way rustc stops: past it, one
/// more line says how many were left out.
pub const MAX_SHOWN: usize = 100;

/// The first [`MAX_SHOWN`] diagnostics (in place order), then one that says how many more
/// there were.
pub fn capped(mut diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diags.len() <= MAX_SHOWN {
        return diags;
    }
    let more = diags.len() - MAX_SHOWN;
    diags.truncate(MAX_SHOWN);
    let (line, column) = diags.last().map_or((1, 1), |d| (d.line, d.column));
    diags.push(
        Diagnostic::error(
            "too-many-problems",
            format!("{more} more problems are not listed"),
        )
        .at(line, column)
        .hint("fix the problems above and check again; a file this broken may be the wrong file"),
    );
    diags
}

/// Every diagnostic code Pressroom emits, with what it means. Codes are stable: tools and
/// trainers' notes refer to them. docs/scenario-format.md explains each with its fix.
pub const CODES: &[(&str, &str)] = &[
    // Reading and parsing
    ("unreadable", "the file cannot be read"),
    (
        "too-many-problems",
        "more problems than are listed; the rest are counted",
    ),
    ("not-utf8", "the file is not UTF-8 text"),
    ("file-too-large", "the file is over the size limit"),
    ("syntax", "the RON text is malformed"),
    ("unterminated-string", "a string is never closed"),
    ("too-deep", "values are nested too deeply"),
    ("unknown-field", "a field name the format does not have"),
    ("missing-field", "a required field is missing"),
    ("duplicate-field", "a field is given twice"),
    ("unknown-variant", "a kind or name the format does not have"),
    ("wrong-type", "a value of the wrong type"),
    ("invalid-value", "a value outside what is allowed"),
    // Scenario content
    (
        "unsupported-format",
        "a format version this Pressroom does not read",
    ),
    ("bad-id", "an ID with characters that are not allowed"),
    ("duplicate-id", "two things share one ID"),
    (
        "unknown-language",
        "a language code Pressroom does not speak",
    ),
    ("duplicate-language", "a language is declared twice"),
    ("empty-text", "a required text is empty"),
    ("missing-translation", "a text lacks a declared language"),
    ("bad-time", "a time or span that cannot be read"),
    (
        "time-outside-scenario",
        "a time after the scenario's clock ends",
    ),
    ("bad-window", "an empty or inverted time window"),
    ("unknown-person", "a reference to a person not in the cast"),
    ("unknown-fact", "a reference to a fact not in the ledger"),
    (
        "unknown-inject",
        "a reference to an inject that does not exist",
    ),
    (
        "unknown-decision",
        "a reference to a decision that does not exist",
    ),
    (
        "unknown-deadline",
        "a reference to a deadline that does not exist",
    ),
    (
        "unknown-option",
        "a reference to an option the decision does not have",
    ),
    ("unknown-rule", "a rule ID the playbook does not have"),
    (
        "unknown-milestone",
        "a reference to a milestone that does not exist",
    ),
    (
        "unknown-role",
        "a reference to a role no roles decision has",
    ),
    (
        "unknown-department",
        "a department the organisation does not declare",
    ),
    (
        "old-format",
        "a file in an older format that still reads; `upgrade` rewrites it",
    ),
    (
        "needs-format-2",
        "a format 2 field in a file that says format 1",
    ),
    (
        "unused-deadline",
        "a deadline no timing decision answers to, so nothing scores it",
    ),
    ("empty-cast", "the scenario has no people"),
    ("no-decisions", "the scenario asks for no decision"),
    (
        "no-core-fact",
        "no fact is marked core, so early publication cannot be scored",
    ),
    (
        "fact-never-settles",
        "a core fact is never confirmed or refuted",
    ),
    ("too-few-options", "a choice with fewer than two options"),
    ("no-scoring-effect", "a decision that scores nothing"),
    ("unfillable-role", "a role nobody in the cast can hold"),
    (
        "unreachable",
        "an inject or decision that nothing can bring about",
    ),
    // Answers files and drills
    (
        "wrong-scenario",
        "an answers file written for another scenario",
    ),
    ("out-of-order", "answers listed out of time order"),
    (
        "bad-answer",
        "an answer the decision cannot take at that moment",
    ),
    // Playbooks
    (
        "unknown-playbook",
        "`extends` names a playbook that does not exist",
    ),
    (
        "missing-rule",
        "a playbook drops one of the procedure's rule IDs",
    ),
    (
        "missing-section",
        "a playbook drops one of the procedure's sections",
    ),
    ("area-mismatch", "a rule's ID prefix and area disagree"),
    ("no-citation", "a rule cites no section"),
    (
        "unknown-section",
        "a rule cites a section the playbook does not have",
    ),
    (
        "bad-weight",
        "a weight that is not a positive number up to 100",
    ),
    ("duplicate-phrase", "a phrase listed twice"),
];
