//! The `pressroom` binary: a subcommand runs the CLI; no subcommand opens the desktop app.

use pressroom::cli::{self, Cli};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match cli::parse_from(std::env::args_os().collect()) {
        Ok(cli) => cli,
        // Help and the version go to standard output, errors to standard error; a closed
        // pipe is not an error worth a panic.
        Err((text, to_stdout, code)) => {
            let _ = if to_stdout {
                std::io::stdout().write_all(text.as_bytes())
            } else {
                std::io::stderr().write_all(text.as_bytes())
            };
            return code;
        }
    };
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
        window_size: cli.window_size,
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
