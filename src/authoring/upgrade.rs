//! `pressroom upgrade`: rewrites a format 1 scenario or answers file as format 2 by editing
//! its text, not by serialising it again, so every comment, blank line and layout choice of
//! the writer stays. Format 2 reads every format 1 field as before; only the version line
//! changes, and the result is checked before anything is written.

use crate::playbook::Playbook;
use crate::source::diagnostic::Diagnostic;
use crate::source::version;
use serde::Serialize;

/// What kind of file was upgraded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A scenario.
    Scenario,
    /// An answers file.
    Answers,
}

/// What upgrading one text comes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    /// The text was rewritten from `from` to the current format.
    Upgraded {
        /// The kind of file.
        kind: Kind,
        /// The format it was in.
        from: u32,
        /// The format it is in now.
        to: u32,
        /// The line the version was on.
        line: usize,
        /// The new text.
        #[serde(skip)]
        text: String,
    },
    /// The text is in the current format already.
    Current {
        /// The kind of file.
        kind: Kind,
        /// Its format.
        format: u32,
    },
}

/// Upgrades one text. The rewritten scenario is validated against `playbook` (an answers
/// file is only read for its shape: it needs its scenario to be checked in full).
pub fn upgrade_text(src: &str, playbook: &Playbook) -> Result<Outcome, Vec<Diagnostic>> {
    let (kind, versions) = match version::root_name(src) {
        Some("Scenario") => (Kind::Scenario, crate::scenario::VERSIONS),
        Some("Answers") => (Kind::Answers, crate::records::answers::VERSIONS),
        Some(other) => {
            return Err(vec![
                Diagnostic::error(
                    "wrong-type",
                    format!("this is a `{other}`, not a scenario or answers file"),
                )
                .at(1, 1)
                .hint("`upgrade` rewrites scenarios and answers files; records and playbooks keep their own formats"),
            ]);
        }
        None => {
            return Err(vec![
                Diagnostic::error("wrong-type", "this is not a scenario or answers file")
                    .at(1, 1)
                    .hint("a scenario opens with `Scenario(`, an answers file with `Answers(`"),
            ]);
        }
    };
    version::check(src, versions).map_err(|d| vec![d])?;
    let Some((from, line, column)) = version::find(src) else {
        return Err(vec![
            Diagnostic::error("missing-field", "the file has no `format: N` line")
                .at(1, 1)
                .hint("add `format: 1,` as the first field, then upgrade"),
        ]);
    };
    if from == versions.current {
        return Ok(Outcome::Current { kind, format: from });
    }
    // Replace the digits where `find` says they start; nothing else in the text moves.
    let line_start: usize = src.split_inclusive('\n').take(line - 1).map(str::len).sum();
    let start = line_start
        + src[line_start..]
            .char_indices()
            .nth(column - 1)
            .map_or(0, |(i, _)| i);
    let digits = src[start..].bytes().take_while(u8::is_ascii_digit).count();
    let text = format!(
        "{}{}{}",
        &src[..start],
        versions.current,
        &src[start + digits..]
    );
    match kind {
        Kind::Scenario => {
            crate::scenario::validate(&text, playbook)?;
        }
        Kind::Answers => {
            crate::source::load::parse_all::<crate::records::answers::AnswersFile>(&text)?;
        }
    }
    Ok(Outcome::Upgraded {
        kind,
        from,
        to: versions.current,
        line,
        text,
    })
}
