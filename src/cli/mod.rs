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
mod help_ja;
mod output;

pub use args::{Cli, Command};

use context::Context;
use error::{Status, exit_code};
use std::process::ExitCode;

/// The output language the raw arguments ask for (`--lang ja`, `--lang=en`), if any.
fn lang_asked(args: &[std::ffi::OsString]) -> Option<crate::text::Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter()
        .enumerate()
        .find_map(|(i, a)| match a.strip_prefix("--lang") {
            Some("") => args
                .get(i + 1)
                .and_then(|v| crate::text::Lang::from_code(v)),
            Some(v) => v.strip_prefix('=').and_then(crate::text::Lang::from_code),
            None => None,
        })
}

/// Parses `args` (the program's name first) in the output language they ask for, else the
/// system's: under Japanese, `--help` and clap's own errors are Japanese too. A request for
/// help or the version, or an error, comes back as the text to print and the exit code.
pub fn parse_from(args: Vec<std::ffi::OsString>) -> Result<Cli, (String, bool, ExitCode)> {
    use clap::error::ErrorKind;
    use clap::{CommandFactory, FromArgMatches};
    let lang = lang_asked(&args).unwrap_or_else(crate::host::system_lang);
    let mut cmd = Cli::command();
    if lang == crate::text::Lang::Ja {
        cmd = help_ja::localize(cmd);
    }
    let names: Vec<String> = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str().map(str::to_string))
        .collect();
    let clap_error = |e: clap::Error, cmd: &mut clap::Command| {
        let shown = matches!(
            e.kind(),
            ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        );
        // Help asked for goes to standard output with success; help shown because a
        // command is missing is an error.
        let to_stdout = shown && e.kind() != ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand;
        let text = if lang == crate::text::Lang::Ja && !shown {
            // The usage of the command the error is about, if one was named.
            let named = names.iter().find(|n| cmd.find_subcommand(n).is_some());
            let usage = match named.and_then(|n| cmd.find_subcommand_mut(n)) {
                Some(sc) => sc.render_usage().to_string(),
                None => cmd.render_usage().to_string(),
            };
            let usage = usage.trim_start_matches("Usage:").trim().to_string();
            help_ja::error(&e, &usage)
        } else {
            e.render().to_string()
        };
        (
            text,
            to_stdout,
            ExitCode::from(if to_stdout { 0 } else { 2 }),
        )
    };
    match cmd.try_get_matches_from_mut(args) {
        Ok(m) => Cli::from_arg_matches(&m).map_err(|e| clap_error(e, &mut cmd)),
        Err(e) => Err(clap_error(e, &mut cmd)),
    }
}

/// Runs a subcommand and returns the process exit code: 0 clean, 1 problems found, 2 bad usage.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    // The language errors are said in, even when the context cannot be built.
    exit_code(
        Context::from_args(cli).and_then(|ctx| dispatch(&ctx, command)),
        context::lang_of(cli),
    )
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
