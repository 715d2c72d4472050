//! The command line, in the manner of ripgrep's flags: clap parses raw arguments
//! ([`args`]), they are resolved once into a validated context, each command is one
//! function over the core, and one error type becomes the exit code in one place.
//! No subcommand opens the desktop app (see `main.rs`).

/// `eprintln!` for the CLI: neutralised for the terminal, and quiet on a closed stderr.
macro_rules! note {
    ($($arg:tt)*) => {
        $crate::cli::output::note(&format!($($arg)*))
    };
}

pub mod args;
mod author;
mod context;
mod data;
mod drill;
mod error;
mod output;

pub use args::{Cli, Command};

use context::Context;
use error::{Status, exit_code};
use std::process::ExitCode;

/// Runs a subcommand and returns the process exit code: 0 clean, 1 problems found, 2 bad usage.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    exit_code(Context::from_args(cli).and_then(|ctx| dispatch(&ctx, command)))
}

/// One function per command.
fn dispatch(ctx: &Context, command: &Command) -> Result<Status, error::CliError> {
    match command {
        Command::Check { paths, format } => author::check(ctx, paths, *format),
        Command::Upgrade {
            files,
            check,
            format,
        } => author::upgrade(ctx, files, *check, *format),
        Command::Lint {
            draft,
            stage,
            scenario,
            at,
            decision,
            deny,
            format,
        } => author::lint(
            ctx,
            author::LintArgs {
                draft,
                stage: *stage,
                scenario: scenario.as_deref(),
                at: at.as_deref(),
                decision: decision.as_deref(),
                deny: *deny,
                format: *format,
            },
        ),
        Command::Run {
            scenario,
            answers,
            seed,
            format,
            out,
            record,
            team,
        } => drill::run(
            ctx,
            drill::RunArgs {
                scenario,
                answers,
                seed: *seed,
                format: *format,
                out: out.as_deref(),
                record: record.as_deref(),
                team: team.as_deref(),
            },
        ),
        Command::Rescore {
            record,
            scenario,
            format,
        } => drill::rescore(ctx, record, scenario.as_deref(), *format),
        Command::History { team, format } => data::history(ctx, team.as_deref(), *format),
        Command::New { name } => author::new(ctx, name),
        Command::Analyze {
            scenario,
            samples,
            seed,
            format,
        } => author::analyze(ctx, scenario, *samples, *seed, *format),
        Command::Report {
            record,
            scenario,
            format,
            out,
        } => drill::report(ctx, record, scenario.as_deref(), *format, out.as_deref()),
        Command::Export { out, team } => data::export(ctx, out, team.as_deref()),
        Command::Import { records } => data::import(ctx, records),
        Command::Rules { format } => author::rules(ctx, *format),
    }
}
