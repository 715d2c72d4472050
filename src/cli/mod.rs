//! The command line: raw arguments (clap) become one validated command, which runs over the
//! core and prints text for people or JSON for tools. No subcommand opens the desktop app.

use crate::authoring::check;
use crate::playbook::Playbook;
use crate::reports::rules as rules_report;
use crate::scenario::{Scenario, Stage};
use crate::text::Lang;
use crate::wording::Checker;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "pressroom",
    version,
    about = "Tabletop drills for deciding when to go public about an incident, what to say, and who does what",
    long_about = "Tabletop drills for deciding when to go public about an incident, what to say, and who does what.\n\nWith no command, opens the desktop app on the bundled scenarios."
)]
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

    /// Open the app, report how long the first interactive frame of the title screen took to
    /// appear, and exit (for start-up measurements).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate scenario files or folders and show which rules and sections they exercise.
    Check {
        /// Files or folders to check (default: scenarios/).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Play a scenario headless from an answers file and print the debrief.
    Run {
        #[arg(value_name = "SCENARIO")]
        scenario: PathBuf,
        /// The answers to play (see docs/answers-format.md).
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// The seed that draws the scenario's variations (default: the answers file's, else 1).
        #[arg(long)]
        seed: Option<u64>,
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
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Replay a drill record and check that it still gives the recorded score.
    Rescore {
        #[arg(value_name = "RECORD")]
        record: PathBuf,
        /// The scenario file, if not where the record says.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
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
        #[arg(value_name = "SCENARIO")]
        scenario: PathBuf,
        /// Random paths to play, besides the fixed strategies.
        #[arg(long, default_value_t = 500)]
        samples: usize,
        /// The seed the random paths are drawn from.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Write the after-action report of a drill record: summary, timeline, scores, notes, plan.
    Report {
        #[arg(value_name = "RECORD")]
        record: PathBuf,
        /// The scenario file, if not where the record says.
        #[arg(long, value_name = "FILE")]
        scenario: Option<PathBuf>,
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
        #[arg(value_name = "RECORD", required = true)]
        records: Vec<PathBuf>,
    },
    /// List the playbook's rules with their titles, explanations and cited sections.
    Rules {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DebriefFormat {
    Text,
    Json,
    Md,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StageArg {
    First,
    Update,
    Final,
}

impl StageArg {
    pub fn stage(self) -> Stage {
        match self {
            StageArg::First => Stage::FirstNotice,
            StageArg::Update => Stage::Update,
            StageArg::Final => Stage::FinalReport,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s)
        .ok_or_else(|| format!("`{s}` is not a language Pressroom speaks; use ja or en"))
}

/// The UI language: `--lang`, else the system locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
pub fn system_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .map(|v| Lang::from_locale(&v))
        .unwrap_or(Lang::En)
}

/// Loads the playbook named on the command line, or the bundled one.
pub fn load_playbook(path: Option<&PathBuf>) -> Result<Playbook, String> {
    match path {
        None => Ok(Playbook::default_playbook()),
        Some(p) => Playbook::load(p).map_err(|diags| {
            let shown = p.display().to_string();
            diags
                .iter()
                .map(|d| d.render(&shown))
                .collect::<Vec<_>>()
                .join("\n")
        }),
    }
}

/// Runs a subcommand and returns the process exit code: 0 clean, 1 problems found, 2 bad usage.
pub fn run(cli: &Cli, command: &Command) -> ExitCode {
    let lang = cli.lang.unwrap_or_else(system_lang);
    let playbook = match load_playbook(cli.playbook.as_ref()) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{msg}\npressroom: the playbook has errors; nothing was checked");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Check { paths, format } => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from(crate::BUNDLED_SCENARIOS)]
            } else {
                paths.clone()
            };
            let report = match check::check_paths(&paths, &playbook) {
                Ok(r) => r,
                Err(msg) => {
                    eprintln!("pressroom check: {msg}");
                    return ExitCode::from(2);
                }
            };
            let out = match format {
                Format::Text => check::render_text(&report, &playbook, lang),
                Format::Json => {
                    serde_json::to_string_pretty(&report).expect("report serialises") + "\n"
                }
            };
            print_out(&out);
            if report.has_errors() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Lint {
            draft,
            stage,
            scenario,
            at,
            decision,
            deny,
            format,
        } => {
            let shown = draft.display().to_string();
            let read = if shown == "-" {
                let mut s = String::new();
                std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
            } else {
                std::fs::read(draft).and_then(|b| {
                    String::from_utf8(b).map_err(|_| {
                        std::io::Error::other("the draft is not UTF-8 text; save it as UTF-8")
                    })
                })
            };
            let text = match read {
                Ok(t) => t.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(t),
                Err(e) => {
                    eprintln!("pressroom lint: {shown}: {e}");
                    return ExitCode::from(2);
                }
            };
            let loaded = match scenario {
                None => None,
                Some(path) => match Scenario::load(path, &playbook) {
                    Ok(l) => Some(l.scenario),
                    Err(diags) => {
                        let p = path.display().to_string();
                        for d in diags {
                            eprintln!("{}", d.render(&p));
                        }
                        eprintln!(
                            "pressroom lint: the scenario has errors; run `pressroom check {p}`"
                        );
                        return ExitCode::from(2);
                    }
                },
            };
            let target = crate::authoring::lint::Target {
                stage: stage.stage(),
                scenario: loaded.as_ref(),
                at: at.as_deref(),
                decision: decision.as_deref(),
            };
            let checker = Checker::new(&playbook);
            let report = match crate::authoring::lint::lint(&shown, &text, &target, &checker) {
                Ok(r) => r,
                Err(msg) => {
                    eprintln!("pressroom lint: {msg}");
                    return ExitCode::from(2);
                }
            };
            let out = match format {
                Format::Text => crate::authoring::lint::render_text(&report, &playbook, lang),
                Format::Json => {
                    serde_json::to_string_pretty(&report).expect("report serialises") + "\n"
                }
            };
            print_out(&out);
            if *deny && report.errors > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Run {
            scenario,
            answers,
            seed,
            format,
            out,
            record,
            team,
        } => {
            let loaded = match load_scenario(scenario, &playbook) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let answers_shown = answers.display().to_string();
            let answers_src = match crate::source::load::read_text(answers) {
                Ok(src) => src,
                Err(d) => {
                    return usage_diags(&answers_shown, &[d], "the answers file cannot be read");
                }
            };
            // `answers::parse` places its own diagnostics.
            let parsed = match crate::records::answers::parse(&answers_src, &loaded) {
                Ok(a) => a,
                Err(diags) => {
                    return usage_diags(&answers_shown, &diags, "the answers file has errors");
                }
            };
            let seed = seed.or(parsed.seed).unwrap_or(1);
            let checker = Checker::new(&playbook);
            let outcome =
                match crate::records::replay::play(&loaded, &playbook, &checker, &parsed, seed) {
                    Ok(o) => o,
                    Err(diags) => {
                        return usage_diags(
                            &answers_shown,
                            &crate::records::answers::locate(diags, &answers_src),
                            "the answers cannot be played",
                        );
                    }
                };
            let text = render_debrief(&outcome.session, &outcome.score, &playbook, lang, *format);
            if record.is_some() || team.is_some() {
                let stamp = wall_clock_now();
                let wall: Vec<Option<String>> =
                    parsed.actions.iter().map(|_| Some(stamp.clone())).collect();
                let mut rec = crate::records::record::Record::new(
                    &loaded,
                    Some(crate::records::record::scenario_path(scenario)),
                    &playbook,
                    seed,
                    outcome.session.lang,
                    &parsed,
                    &wall,
                    &outcome.score,
                );
                rec.started = Some(stamp);
                if team.is_some() {
                    rec.team = team.clone();
                }
                if let Some(path) = record
                    && let Err(e) =
                        crate::store::atomic::write_atomically(path, rec.to_ron().as_bytes())
                {
                    eprintln!("pressroom run: cannot write {}: {e}", path.display());
                    return ExitCode::from(2);
                }
                if team.is_some() {
                    let Some(data) = crate::store::data::DataDir::resolve(cli.data_dir.as_deref())
                    else {
                        eprintln!("pressroom run: no data folder; give --data-dir DIR");
                        return ExitCode::from(2);
                    };
                    match data.save_record(&rec) {
                        Ok(p) => eprintln!("pressroom run: record saved to {}", p.display()),
                        Err(e) => {
                            eprintln!(
                                "pressroom run: cannot save the record in {}: {e}",
                                data.records().display()
                            );
                            return ExitCode::from(2);
                        }
                    }
                }
            }
            write_out(out.as_ref(), &text)
        }
        Command::Rescore {
            record,
            scenario,
            format,
        } => {
            let (rec, loaded, changed) = match open_record(record, scenario.as_ref(), &playbook) {
                Ok(x) => x,
                Err(code) => return code,
            };
            let checker = Checker::new(&playbook);
            let outcome = match replay_record("rescore", record, &rec, &loaded, &playbook, &checker)
            {
                Ok(o) => o,
                Err(code) => return code,
            };
            print_out(&render_debrief(
                &outcome.session,
                &outcome.score,
                &playbook,
                lang,
                *format,
            ));
            for c in &changed {
                eprintln!("pressroom rescore: note: {c}");
            }
            if (outcome.score.total - rec.result.total).abs() < 0.05 {
                eprintln!(
                    "pressroom rescore: score reproduced: {:.1}",
                    rec.result.total
                );
                ExitCode::SUCCESS
            } else {
                eprintln!(
                    "pressroom rescore: the score is now {:.1}; the record says {:.1}{}",
                    outcome.score.total,
                    rec.result.total,
                    if changed.is_empty() {
                        ""
                    } else {
                        " (see the notes above)"
                    }
                );
                ExitCode::from(1)
            }
        }
        Command::History { team, format } => {
            let Some(data) = crate::store::data::DataDir::resolve(cli.data_dir.as_deref()) else {
                eprintln!("pressroom history: no data folder; give --data-dir DIR");
                return ExitCode::from(2);
            };
            let records = crate::reports::history::Records::read(&data);
            let history = records.history(team.as_deref());
            let out = match format {
                Format::Text => {
                    let mut text = history.render(lang);
                    if let Some(team) = team {
                        let open = records.open_actions(team);
                        if !open.is_empty() {
                            text.push_str(if lang == Lang::Ja {
                                "\n未完了の是正措置:\n"
                            } else {
                                "\nOpen corrective actions:\n"
                            });
                        }
                        for (p, _) in open {
                            text.push_str(&format!(
                                "  [{}] {} → {} ({}, {})\n",
                                p.id, p.issue, p.action, p.owner, p.due
                            ));
                        }
                    }
                    text
                }
                Format::Json => {
                    #[derive(serde::Serialize)]
                    struct Out<'a> {
                        data_dir: String,
                        trend: Option<f64>,
                        #[serde(flatten)]
                        history: &'a crate::reports::history::History,
                        /// Each rule's earned share per drill, in the order of `drills`.
                        rules: std::collections::BTreeMap<String, Vec<Option<f64>>>,
                        open_actions: Vec<crate::records::record::Improvement>,
                    }
                    serde_json::to_string_pretty(&Out {
                        data_dir: data.root.display().to_string(),
                        trend: history.trend(),
                        history: &history,
                        rules: records.by_rule(team.as_deref()),
                        open_actions: team
                            .as_deref()
                            .map(|t| {
                                records
                                    .open_actions(t)
                                    .into_iter()
                                    .map(|(p, _)| p)
                                    .collect()
                            })
                            .unwrap_or_default(),
                    })
                    .expect("history serialises")
                        + "\n"
                }
            };
            print_out(&out);
            ExitCode::SUCCESS
        }
        Command::New { name } => {
            let path = if name.extension().is_some_and(|e| e == "ron") {
                name.clone()
            } else {
                PathBuf::from(format!("{}.ron", name.display()))
            };
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !crate::authoring::skeleton::valid_id(&id) {
                eprintln!(
                    "pressroom new: `{id}` cannot be a scenario ID; use lowercase letters, digits, - and _, starting with a letter (e.g. cloud-bucket-leak)"
                );
                return ExitCode::from(2);
            }
            if path.exists() {
                eprintln!(
                    "pressroom new: {} already exists; choose another name or remove it first",
                    path.display()
                );
                return ExitCode::from(2);
            }
            let text = crate::authoring::skeleton::scenario(&id, lang);
            if let Err(e) = std::fs::write(&path, text) {
                eprintln!("pressroom new: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            eprintln!(
                "pressroom new: wrote {}; fill in the 〔…〕/[…] parts, then `pressroom check {}`",
                path.display(),
                path.display()
            );
            if let Some(data) = crate::store::data::DataDir::resolve(cli.data_dir.as_deref()) {
                eprintln!(
                    "pressroom new: to see it in the app, save it in {}",
                    data.scenarios().display()
                );
            }
            ExitCode::SUCCESS
        }
        Command::Analyze {
            scenario,
            samples,
            seed,
            format,
        } => {
            let loaded = match load_scenario(scenario, &playbook) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let exemplary = crate::store::library::exemplary_answers(scenario, &loaded);
            let analysis = crate::authoring::analyze::analyze(
                &loaded,
                &playbook,
                exemplary.as_ref(),
                *samples,
                *seed,
            );
            let out = match format {
                Format::Text => analysis.render(lang),
                Format::Json => {
                    serde_json::to_string_pretty(&analysis).expect("analysis serialises") + "\n"
                }
            };
            print_out(&out);
            ExitCode::SUCCESS
        }
        Command::Report {
            record,
            scenario,
            format,
            out,
        } => {
            let (rec, loaded, changed) = match open_record(record, scenario.as_ref(), &playbook) {
                Ok(x) => x,
                Err(code) => return code,
            };
            let checker = Checker::new(&playbook);
            let outcome = match replay_record("report", record, &rec, &loaded, &playbook, &checker)
            {
                Ok(o) => o,
                Err(code) => return code,
            };
            for c in &changed {
                eprintln!("pressroom report: note: {c}");
            }
            let report = crate::reports::report::Report {
                record: &rec,
                session: &outcome.session,
                score: &outcome.score,
                playbook: &playbook,
                lang,
            };
            let text = match format {
                ReportFormat::Md => report.markdown(),
                ReportFormat::Html => report.html(),
            };
            write_out(out.as_ref(), &text)
        }
        Command::Export { out, team } => {
            let Some(data) = crate::store::data::DataDir::resolve(cli.data_dir.as_deref()) else {
                eprintln!("pressroom export: no data folder; give --data-dir DIR");
                return ExitCode::from(2);
            };
            match data.export_records(out, team.as_deref()) {
                Ok(n) => {
                    eprintln!(
                        "pressroom export: {n} record(s) copied to {}",
                        out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("pressroom export: {}: {e}", out.display());
                    ExitCode::from(2)
                }
            }
        }
        Command::Import { records } => {
            let Some(data) = crate::store::data::DataDir::resolve(cli.data_dir.as_deref()) else {
                eprintln!("pressroom import: no data folder; give --data-dir DIR");
                return ExitCode::from(2);
            };
            let mut failed = false;
            for path in records {
                match data.import_record(path) {
                    Ok(Some(saved)) => {
                        eprintln!("{}: imported as {}", path.display(), saved.display())
                    }
                    Ok(None) => eprintln!("{}: already in the data folder", path.display()),
                    Err(why) => {
                        eprintln!("{}: not imported: {why}", path.display());
                        failed = true;
                    }
                }
            }
            if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Rules { format } => {
            let out = match format {
                Format::Text => rules_report::render_text(&playbook, lang),
                Format::Json => rules_report::render_json(&playbook) + "\n",
            };
            print_out(&out);
            ExitCode::SUCCESS
        }
    }
}

/// Loads a scenario a command plays; its errors are printed as `check` prints them.
fn load_scenario(path: &std::path::Path, playbook: &Playbook) -> Result<Scenario, ExitCode> {
    Scenario::load(path, playbook)
        .map(|l| l.scenario)
        .map_err(|diags| {
            usage_diags(
                &path.display().to_string(),
                &diags,
                "the scenario has errors; run `pressroom check` on it",
            )
        })
}

/// Reads a record and the scenario it was played on (`--scenario`, else where the record
/// says), with notes on what changed since; errors are printed and become the exit code.
fn open_record(
    record: &std::path::Path,
    scenario: Option<&PathBuf>,
    playbook: &Playbook,
) -> Result<(crate::records::record::Record, Scenario, Vec<&'static str>), ExitCode> {
    let src = std::fs::read_to_string(record).map_err(|e| {
        eprintln!("pressroom: {}: {e}", record.display());
        ExitCode::from(2)
    })?;
    let rec = crate::records::record::Record::parse(&src).map_err(|e| {
        eprintln!("pressroom: {}: {e}", record.display());
        ExitCode::from(2)
    })?;
    let Some(path) = scenario
        .cloned()
        .or(rec.scenario_path.as_ref().map(PathBuf::from))
    else {
        eprintln!("pressroom: the record does not say where its scenario is; give --scenario FILE");
        return Err(ExitCode::from(2));
    };
    let loaded = match Scenario::load(&path, playbook) {
        Ok(l) => l.scenario,
        Err(diags) => {
            return Err(usage_diags(
                &path.display().to_string(),
                &diags,
                "the scenario has errors; give the right one with --scenario FILE",
            ));
        }
    };
    if loaded.id != rec.scenario {
        eprintln!(
            "pressroom: {} is scenario `{}`, but the record is of `{}`",
            path.display(),
            loaded.id,
            rec.scenario
        );
        return Err(ExitCode::from(2));
    }
    let mut changed = Vec::new();
    if loaded.content_hash() != rec.scenario_hash {
        changed.push("the scenario file has changed since this drill was recorded");
    }
    if playbook.hash != rec.playbook_hash {
        changed.push("the playbook has changed since this drill was recorded");
    }
    Ok((rec, loaded, changed))
}

/// Replays a record's actions on its scenario; what no longer plays is printed, exit 1.
fn replay_record<'s>(
    command: &str,
    path: &std::path::Path,
    rec: &crate::records::record::Record,
    scenario: &'s Scenario,
    playbook: &Playbook,
    checker: &Checker,
) -> Result<crate::records::replay::Outcome<'s>, ExitCode> {
    let answers = rec.answers(scenario).map_err(|e| {
        eprintln!("pressroom {command}: {e}");
        ExitCode::from(1)
    })?;
    crate::records::replay::play(scenario, playbook, checker, &answers, rec.seed).map_err(|diags| {
        for d in diags {
            eprintln!("{}", d.render(&path.display().to_string()));
        }
        eprintln!("pressroom {command}: the recorded actions no longer play on this scenario");
        ExitCode::from(1)
    })
}

/// The wall clock as RFC 3339, for a record's stamps (never for a score).
pub fn wall_clock_now() -> String {
    #[allow(clippy::disallowed_methods)]
    let now = std::time::SystemTime::now();
    chrono::DateTime::<chrono::Utc>::from(now).to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn render_debrief(
    session: &crate::session::Session<'_>,
    score: &crate::scoring::Score,
    playbook: &Playbook,
    lang: Lang,
    format: DebriefFormat,
) -> String {
    match format {
        DebriefFormat::Json => crate::reports::debrief::json(session, score),
        DebriefFormat::Md => crate::reports::debrief::render(session, score, playbook, lang, true),
        DebriefFormat::Text => {
            crate::reports::debrief::render(session, score, playbook, lang, false)
        }
    }
}

fn usage_diags(path: &str, diags: &[crate::Diagnostic], why: &str) -> ExitCode {
    for d in diags {
        eprintln!("{}", d.render(path));
    }
    eprintln!("pressroom: {why}");
    ExitCode::from(2)
}

fn write_out(path: Option<&PathBuf>, text: &str) -> ExitCode {
    match path {
        None => {
            print_out(text);
            ExitCode::SUCCESS
        }
        Some(p) => match crate::store::atomic::write_atomically(p, text.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("pressroom: cannot write {}: {e}", p.display());
                ExitCode::from(2)
            }
        },
    }
}

/// Prints to standard output, ignoring a closed pipe (`pressroom rules | head`).
fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}
