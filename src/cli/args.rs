//! Raw command-line arguments as clap parses them: the global options and one variant per
//! command. Nothing here is validated beyond what clap checks; `context` resolves the rest.

use crate::scenario::Stage;
use crate::text::Lang;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "pressroom",
    version,
    about = "Tabletop drills for deciding when to go public about an incident, what to say, and who does what",
    long_about = "Tabletop drills for deciding when to go public about an incident, what to say, and who does what.\n\nWith no command, opens the desktop app on the bundled scenarios."
)]
/// The command line as clap parses it.
pub struct Cli {
    /// An organisation's playbook (RON) to score against instead of the bundled one.
    #[arg(long, global = true, value_name = "FILE")]
    pub playbook: Option<PathBuf>,

    /// Language of text output: ja or en (default: from the system locale).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// The folder for settings, drill records and exports (default: PRESSROOM_DATA_DIR, else
    /// the platform's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Open the app, photograph each screen into DIR as PNG, and exit.
    #[arg(long, value_name = "DIR")]
    pub screenshot_dir: Option<PathBuf>,

    /// With --screenshot-dir: the scenario file to play (default: the first bundled one).
    #[arg(long, value_name = "FILE", requires = "screenshot_dir")]
    pub scenario: Option<PathBuf>,

    /// With --screenshot-dir: an answers file to replay through the app before the debrief.
    #[arg(long, value_name = "FILE", requires = "screenshot_dir")]
    pub answers: Option<PathBuf>,

    /// The window's size in pixels, as WIDTHxHEIGHT (default: 1280x720).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window_size: Option<(u32, u32)>,

    /// Open the app, report how long the first interactive frame of the title screen took to
    /// appear, and exit (for start-up measurements).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    /// The command; none opens the app.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Rewrite format 1 scenario and answers files as format 2, keeping comments and layout.
    Upgrade {
        /// The files to upgrade.
        #[arg(value_name = "FILE", required = true)]
        files: Vec<PathBuf>,
        /// Only say which files need upgrading; write nothing (exit 1 if any does).
        #[arg(long)]
        check: bool,
        /// Output: text for people, json for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Validate scenario files or folders and show which rules and sections they exercise.
    Check {
        /// Files or folders to check (default: scenarios/).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output: text for people, json for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check a draft announcement's wording, alone or against a scenario's facts.
    Lint {
        /// The draft as a UTF-8 text file; `-` reads standard input.
        #[arg(value_name = "DRAFT")]
        draft: PathBuf,
        /// The stage the draft is for; decides which elements it must contain.
        #[arg(long, value_enum, default_value_t = StageArg::First)]
        stage: StageArg,
        /// A scenario whose fact ledger, organisation and private terms the draft is checked against.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// When the draft is published, e.g. +2h or 2026-06-15T10:00:00+09:00 (needs --scenario).
        #[arg(
            long,
            value_name = "TIME",
            requires = "scenario",
            conflicts_with = "decision"
        )]
        at: Option<String>,
        /// The draft decision it answers; its stage, elements and opening time are used (needs --scenario).
        #[arg(long, value_name = "ID", requires = "scenario")]
        decision: Option<String>,
        /// Exit 1 when any finding has severity error.
        #[arg(long)]
        deny: bool,
        /// Output: text for people, json for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Play a scenario headless from an answers file and print the debrief.
    Run {
        /// The scenario file to play.
        #[arg(value_name = "SCENARIO")]
        scenario: PathBuf,
        /// The answers to play (see docs/answers-format.md).
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// The seed that draws the scenario's variations (default: the answers file's, else 1).
        #[arg(long)]
        seed: Option<u64>,
        /// Output: the text debrief, json, or Markdown.
        #[arg(long, value_enum, default_value_t = DebriefFormat::Text)]
        format: DebriefFormat,
        /// Write the debrief to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Also write the drill record (RON) to FILE.
        #[arg(long, value_name = "FILE")]
        record: Option<PathBuf>,
        /// Save the drill record in the data folder under this team, joining its history.
        #[arg(long, value_name = "NAME")]
        team: Option<String>,
    },
    /// List past drills from the data folder with their scores and the trend.
    History {
        /// Only this team's drills.
        #[arg(long, value_name = "NAME")]
        team: Option<String>,
        /// Output: text for people, json for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Replay a drill record and check that it still gives the recorded score.
    Rescore {
        /// The drill record (RON) to replay.
        #[arg(value_name = "RECORD")]
        record: PathBuf,
        /// The scenario file, if not where the record says.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// Output: the text debrief, json, or Markdown.
        #[arg(long, value_enum, default_value_t = DebriefFormat::Text)]
        format: DebriefFormat,
    },
    /// Write a commented scenario skeleton that passes `check`, to fill in (in --lang).
    New {
        /// The scenario's ID, or a path ending in .ron (the ID is then the file's name).
        #[arg(value_name = "NAME")]
        name: PathBuf,
    },
    /// Explore a scenario's decision paths: best and worst reachable score, the spread, what is
    /// never reached or scored, and whether the exemplary answers reach the best.
    Analyze {
        /// The scenario file to explore.
        #[arg(value_name = "SCENARIO")]
        scenario: PathBuf,
        /// Random paths to play, besides the fixed strategies.
        #[arg(long, default_value_t = 500)]
        samples: usize,
        /// The seed the random paths are drawn from.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Output: text for people, json for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the after-action report of a drill record: summary, timeline, scores, notes, plan.
    Report {
        /// The drill record (RON) to report on.
        #[arg(value_name = "RECORD")]
        record: PathBuf,
        /// The scenario file, if not where the record says.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
        /// Output: Markdown or self-contained HTML.
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Write the report to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Copy drill records from the data folder into a folder, to move them to another machine.
    Export {
        /// The folder to copy the records into (created if missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Only this team's records.
        #[arg(long, value_name = "NAME")]
        team: Option<String>,
    },
    /// Add drill records (exported elsewhere) to the data folder; each is checked first.
    Import {
        /// The record files to add.
        #[arg(value_name = "RECORD", required = true)]
        records: Vec<PathBuf>,
    },
    /// List the playbook's rules with their titles, explanations and cited sections.
    Rules {
        /// Output: text for people, json for tools.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

/// How a debrief is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DebriefFormat {
    /// Plain text for a terminal.
    Text,
    /// JSON for tools.
    Json,
    /// Markdown.
    Md,
}

/// How an after-action report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    Md,
    /// One self-contained HTML file.
    Html,
}

/// The stage a draft is linted for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    /// A first notice.
    First,
    /// An update.
    Update,
    /// A final report.
    Final,
}

impl StageArg {
    /// The scenario stage it stands for.
    pub fn stage(self) -> Stage {
        match self {
            StageArg::First => Stage::FirstNotice,
            StageArg::Update => Stage::Update,
            StageArg::Final => Stage::FinalReport,
        }
    }
}

/// Output for commands that print a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for people.
    Text,
    /// JSON for tools.
    Json,
}

/// `1280x720` (or `1280×720`): a window size, each side 320–7680 pixels.
fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("`{s}` is not WIDTHxHEIGHT, e.g. 1280x720"))?;
    let side = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=7680).contains(n))
            .ok_or_else(|| format!("`{v}` is not a side of 320 to 7680 pixels"))
    };
    Ok((side(w)?, side(h)?))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s)
        .ok_or_else(|| format!("`{s}` is not a language Pressroom speaks; use ja or en"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn a_window_size_reads_as_width_by_height() {
        assert_eq!(parse_size("1280x720"), Ok((1280, 720)));
        assert_eq!(parse_size("1366×768"), Ok((1366, 768)));
        assert_eq!(parse_size("1920X1080"), Ok((1920, 1080)));
        for bad in ["1280", "x720", "10x10", "1280x-1", "99999x720", ""] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
