//! The one error type of the command line and the one place it becomes an exit code:
//! 0 clean, 1 problems found (a check failed, a score changed), 2 bad usage or unreadable input.

use crate::source::diagnostic::Diagnostic;
use std::process::ExitCode;

/// How a command that ran to the end came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    /// Nothing wrong: exit 0.
    Clean,
    /// The command ran and found problems (errors in a scenario, a changed score): exit 1.
    Problems,
}

/// A command that could not do its work: the lines to print on standard error and the code.
#[derive(Debug)]
pub(super) struct CliError {
    lines: Vec<String>,
    code: u8,
}

impl CliError {
    /// Bad usage or input that cannot be read: exit 2.
    pub fn usage(line: impl Into<String>) -> CliError {
        CliError::usage_lines(vec![line.into()])
    }

    /// Several lines of bad usage: exit 2.
    pub fn usage_lines(lines: Vec<String>) -> CliError {
        CliError { lines, code: 2 }
    }

    /// A file's diagnostics as `path:line:col` lines, then why the command stopped: exit 2.
    pub fn diagnostics(path: &str, diags: &[Diagnostic], why: &str) -> CliError {
        let mut lines: Vec<String> = diags.iter().map(|d| d.render(path)).collect();
        lines.push(format!("pressroom: {why}"));
        CliError::usage_lines(lines)
    }

    /// The command ran but what it was given no longer works (a record that no longer
    /// replays): exit 1.
    pub fn failed(lines: Vec<String>) -> CliError {
        CliError { lines, code: 1 }
    }
}

/// Turns a command's outcome into the process exit code, printing an error's lines.
pub(super) fn exit_code(result: Result<Status, CliError>) -> ExitCode {
    match result {
        Ok(Status::Clean) => ExitCode::SUCCESS,
        Ok(Status::Problems) => ExitCode::from(1),
        Err(e) => {
            for line in &e.lines {
                note!("{line}");
            }
            ExitCode::from(e.code)
        }
    }
}
