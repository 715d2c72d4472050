//! The `pressroom` binary: a subcommand runs the CLI; no subcommand opens the desktop app.

use clap::Parser;
use pressroom::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => open_app(&cli),
    }
}

#[cfg(feature = "gui")]
fn open_app(cli: &Cli) -> ExitCode {
    pressroom::app::run(cli)
}

#[cfg(not(feature = "gui"))]
fn open_app(_cli: &Cli) -> ExitCode {
    eprintln!(
        "pressroom: this build has no desktop app (built without the `gui` feature); try `pressroom --help`"
    );
    ExitCode::from(2)
}
