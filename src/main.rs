//! The `pressroom` binary: a subcommand runs the CLI; no subcommand opens the desktop app.

use clap::Parser;
use pressroom::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => open_app(cli),
    }
}

#[cfg(feature = "gui")]
fn open_app(cli: Cli) -> ExitCode {
    pressroom::app::run(&pressroom::app::Options {
        playbook: cli.playbook,
        lang: cli.lang,
        data_dir: cli.data_dir,
        screenshot_dir: cli.screenshot_dir,
        scenario: cli.scenario,
        answers: cli.answers,
        exit_after_first_frame: cli.exit_after_first_frame,
    })
}

#[cfg(not(feature = "gui"))]
fn open_app(_cli: Cli) -> ExitCode {
    eprintln!(
        "pressroom: this build has no desktop app (built without the `gui` feature); try `pressroom --help`"
    );
    ExitCode::from(2)
}
