//! The one error type of the command line and the one place it becomes an exit code:
//! 0 clean, 1 problems found (a check failed, a score changed), 2 bad usage or unreadable input.

use crate::source::diagnostic::Diagnostic;
use crate::text::{Lang, Text};
use std::process::ExitCode;

/// How a command that ran to the end came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    /// Nothing wrong: exit 0.
    Clean,
    /// The command ran and found problems (errors in a scenario, a changed score): exit 1.
    Problems,
}

/// A command that could not do its work: the lines to print on standard error (each in both
/// languages; lines from elsewhere, such as diagnostics, are the same in both) and the code.
#[derive(Debug)]
pub(super) struct CliError {
    lines: Vec<Text>,
    code: u8,
}

/// Lines said the same in both languages (diagnostics, a playbook's errors).
fn as_is(lines: Vec<String>) -> Vec<Text> {
    lines
        .into_iter()
        .map(|l| Text::new(l.as_str(), l.as_str()))
        .collect()
}

/// Each diagnostic as a `path:line:col` line in both languages: the Japanese where it is
/// written.
fn diagnostic_lines(path: &str, diags: &[Diagnostic]) -> Vec<Text> {
    diags
        .iter()
        .map(|d| Text::new(d.render_in(path, Lang::Ja), d.render_in(path, Lang::En)))
        .collect()
}

impl CliError {
    /// Bad usage or input that cannot be read, in Japanese and English: exit 2.
    pub fn usage(ja: impl Into<String>, en: impl Into<String>) -> CliError {
        CliError::usage_lines(Vec::new(), ja, en)
    }

    /// Lines as they are, then why the command stopped in Japanese and English: exit 2.
    pub fn usage_lines(
        lines: Vec<String>,
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> CliError {
        let mut lines = as_is(lines);
        lines.push(Text::new(ja.into(), en.into()));
        CliError { lines, code: 2 }
    }

    /// A file's diagnostics as `path:line:col` lines, then why the command stopped: exit 2.
    pub fn diagnostics(path: &str, diags: &[Diagnostic], (ja, en): (&str, &str)) -> CliError {
        let mut lines = diagnostic_lines(path, diags);
        lines.push(Text::new(
            format!("pressroom: {ja}"),
            format!("pressroom: {en}"),
        ));
        CliError { lines, code: 2 }
    }

    /// [`CliError::failed`] for diagnostics, each in both languages.
    pub fn failed_diagnostics(
        path: &str,
        diags: &[Diagnostic],
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> CliError {
        let mut lines = diagnostic_lines(path, diags);
        lines.push(Text::new(ja.into(), en.into()));
        CliError { lines, code: 1 }
    }

    /// The command ran but what it was given no longer works (a record that no longer
    /// replays): the lines as they are, then why: exit 1.
    pub fn failed(lines: Vec<String>, ja: impl Into<String>, en: impl Into<String>) -> CliError {
        let mut e = CliError::usage_lines(lines, ja, en);
        e.code = 1;
        e
    }
}

/// Turns a command's outcome into the process exit code, printing an error's lines in `lang`.
pub(super) fn exit_code(result: Result<Status, CliError>, lang: Lang) -> ExitCode {
    match result {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Problems) => ExitCode::from(1),
        Err(e) => {
            for line in &e.lines {
                note!("{}", line.get(lang));
            }
            ExitCode::from(e.code)
        }
    }
}
