//! The drill commands, one function each: `run` (play answers headless), `rescore` (replay a
//! record and compare) and `report` (the after-action report of a record).

use super::args::{DebriefFormat, ReportFormat};
use super::context::Context;
use super::error::{CliError, Status};
use super::output::{print_out, terminal, write_out};
use crate::playbook::Playbook;
use crate::records::record::Record;
use crate::records::{answers, replay};
use crate::reports::debrief;
use crate::scenario::Scenario;
use crate::scoring::Score;
use crate::session::Session;
use crate::text::Lang;
use crate::wording::Checker;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What `pressroom run` plays and where its outputs go.
pub(super) struct RunArgs<'a> {
    pub scenario: &'a Path,
    pub answers: &'a Path,
    pub seed: Option<u64>,
    pub format: DebriefFormat,
    pub out: Option<&'a Path>,
    pub record: Option<&'a Path>,
    pub team: Option<&'a str>,
}

/// `pressroom run`: plays a scenario from an answers file and prints the debrief; with
/// `--record` or `--team` also writes the drill record.
pub(super) fn run(ctx: &Context, args: RunArgs<'_>) -> Result<Status, CliError> {
    let playbook = &ctx.playbook;
    let loaded = load_scenario(args.scenario, playbook)?;
    let answers_shown = args.answers.display().to_string();
    let answers_src = crate::source::load::read_text(args.answers).map_err(|d| {
        CliError::diagnostics(
            &answers_shown,
            &[d],
            (
                "回答ファイルを読めません",
                "the answers file cannot be read",
            ),
        )
    })?;
    // `answers::parse` places its own diagnostics.
    let parsed = answers::parse(&answers_src, &loaded).map_err(|diags| {
        CliError::diagnostics(
            &answers_shown,
            &diags,
            (
                "回答ファイルにエラーがあります",
                "the answers file has errors",
            ),
        )
    })?;
    let seed = args.seed.or(parsed.seed).unwrap_or(1);
    let checker = Checker::for_scenario(playbook, &loaded);
    let outcome = replay::play(&loaded, playbook, &checker, &parsed, seed).map_err(|diags| {
        CliError::diagnostics(
            &answers_shown,
            &answers::locate(diags, &answers_src),
            (
                "この回答ではシナリオを進められません",
                "the answers cannot be played",
            ),
        )
    })?;
    let text = render_debrief(&outcome.session, &outcome.score, playbook, ctx, args.format);
    if args.record.is_some() || args.team.is_some() {
        let stamp = crate::host::wall_clock_now();
        let wall: Vec<Option<String>> =
            parsed.actions.iter().map(|_| Some(stamp.clone())).collect();
        let mut rec = Record::new(
            &loaded,
            Some(crate::records::record::scenario_path(args.scenario)),
            playbook,
            seed,
            outcome.session.lang,
            &parsed,
            &wall,
            &outcome.score,
        );
        rec.started = Some(stamp);
        if let Some(team) = args.team {
            rec.team = Some(team.to_string());
        }
        if let Some(path) = args.record {
            crate::store::atomic::write_atomically(path, rec.to_ron().as_bytes()).map_err(|e| {
                CliError::usage(
                    format!("pressroom run: {} に書き込めません: {e}", path.display()),
                    format!("pressroom run: cannot write {}: {e}", path.display()),
                )
            })?;
        }
        if args.team.is_some() {
            let data = ctx.data("run")?;
            let saved = data.save_record(&rec).map_err(|e| {
                CliError::usage(
                    format!(
                        "pressroom run: {} に訓練記録を保存できません: {e}",
                        data.records().display()
                    ),
                    format!(
                        "pressroom run: cannot save the record in {}: {e}",
                        data.records().display()
                    ),
                )
            })?;
            note!(
                "pressroom run: {} {}",
                ctx.lang.pick("訓練記録を保存しました:", "record saved to"),
                saved.display()
            );
        }
    }
    write_out(args.out, &text)?;
    Ok(Status::Clean)
}

/// `pressroom rescore`: replays a record and says whether it still gives its score.
pub(super) fn rescore(
    ctx: &Context,
    record: &Path,
    scenario: Option<&Path>,
    format: DebriefFormat,
) -> Result<Status, CliError> {
    let (rec, loaded, changed) = open_record(record, scenario, &ctx.playbook)?;
    let checker = Checker::for_scenario(&ctx.playbook, &loaded);
    let outcome = replay_record("rescore", record, &rec, &loaded, &ctx.playbook, &checker)?;
    print_out(&render_debrief(
        &outcome.session,
        &outcome.score,
        &ctx.playbook,
        ctx,
        format,
    ));
    for c in &changed {
        note!("pressroom rescore: {}: {c}", ctx.lang.pick("注意", "note"));
    }
    if rec.result.model < crate::scoring::MODEL {
        match ctx.lang {
            Lang::Ja => note!(
                "pressroom rescore: この記録は採点モデル {} で {:.1} 点でした。モデル {} では {:.1} 点です(docs/scoring.md を参照)",
                rec.result.model,
                rec.result.total,
                crate::scoring::MODEL,
                outcome.score.total
            ),
            Lang::En => note!(
                "pressroom rescore: the record was scored under scoring model {} ({:.1}); model {} scores it {:.1} (see docs/scoring.md)",
                rec.result.model,
                rec.result.total,
                crate::scoring::MODEL,
                outcome.score.total
            ),
        }
        return Ok(Status::Clean);
    }
    if (outcome.score.total - rec.result.total).abs() < 0.05 {
        note!(
            "pressroom rescore: {}: {:.1}",
            ctx.lang
                .pick("記録と同じ点数になりました", "score reproduced"),
            rec.result.total
        );
        Ok(Status::Clean)
    } else {
        let see_above = if changed.is_empty() {
            ""
        } else {
            ctx.lang.pick("(上の注意を参照)", " (see the notes above)")
        };
        match ctx.lang {
            Lang::Ja => note!(
                "pressroom rescore: いまの点数は {:.1}、記録では {:.1} です{see_above}",
                outcome.score.total,
                rec.result.total
            ),
            Lang::En => note!(
                "pressroom rescore: the score is now {:.1}; the record says {:.1}{see_above}",
                outcome.score.total,
                rec.result.total
            ),
        }
        Ok(Status::Problems)
    }
}

/// `pressroom report`: the after-action report of a record, as Markdown or HTML.
pub(super) fn report(
    ctx: &Context,
    record: &Path,
    scenario: Option<&Path>,
    format: ReportFormat,
    out: Option<&Path>,
) -> Result<Status, CliError> {
    let (rec, loaded, changed) = open_record(record, scenario, &ctx.playbook)?;
    let checker = Checker::for_scenario(&ctx.playbook, &loaded);
    let outcome = replay_record("report", record, &rec, &loaded, &ctx.playbook, &checker)?;
    for c in &changed {
        note!("pressroom report: {}: {c}", ctx.lang.pick("注意", "note"));
    }
    let report = crate::reports::report::Report {
        record: &rec,
        session: &outcome.session,
        score: &outcome.score,
        playbook: &ctx.playbook,
        lang: ctx.lang,
    };
    let text = match format {
        ReportFormat::Md => report.markdown(),
        ReportFormat::Html => report.html(),
    };
    write_out(out, &text)?;
    Ok(Status::Clean)
}

/// Loads a scenario a command plays; its errors are printed as `check` prints them.
pub(super) fn load_scenario(path: &Path, playbook: &Playbook) -> Result<Arc<Scenario>, CliError> {
    Scenario::load(path, playbook)
        .map(|l| l.scenario)
        .map_err(|diags| {
            CliError::diagnostics(
                &path.display().to_string(),
                &diags,
                (
                    "シナリオにエラーがあります。`pressroom check` で確かめてください",
                    "the scenario has errors; run `pressroom check` on it",
                ),
            )
        })
}

/// Reads a record and the scenario it was played on (`--scenario`, else where the record
/// says), with notes on what changed since.
fn open_record(
    record: &Path,
    scenario: Option<&Path>,
    playbook: &Playbook,
) -> Result<(Record, Arc<Scenario>, Vec<&'static str>), CliError> {
    let src = crate::source::load::read_text(record).map_err(|d| {
        let line = format!("pressroom: {}: {}", record.display(), d.message);
        CliError::usage(line.as_str(), line.as_str())
    })?;
    let rec = Record::read(&src).map_err(|diags| {
        CliError::diagnostics(
            &record.display().to_string(),
            &diags,
            (
                "Pressroom が読める訓練記録ではありません",
                "this is not a drill record Pressroom can read",
            ),
        )
    })?;
    let Some(path) = scenario
        .map(Path::to_path_buf)
        .or(rec.scenario_path.as_ref().map(PathBuf::from))
    else {
        return Err(CliError::usage(
            "pressroom: 記録にシナリオの場所がありません。--scenario FILE で指定してください",
            "pressroom: the record does not say where its scenario is; give --scenario FILE",
        ));
    };
    let loaded = Scenario::load(&path, playbook)
        .map_err(|diags| {
            CliError::diagnostics(
                &path.display().to_string(),
                &diags,
                (
                    "シナリオにエラーがあります。正しいものを --scenario FILE で指定してください",
                    "the scenario has errors; give the right one with --scenario FILE",
                ),
            )
        })?
        .scenario;
    if loaded.id != rec.scenario {
        return Err(CliError::usage(
            format!(
                "pressroom: {} はシナリオ `{}` ですが、記録は `{}` のものです",
                path.display(),
                loaded.id,
                rec.scenario
            ),
            format!(
                "pressroom: {} is scenario `{}`, but the record is of `{}`",
                path.display(),
                loaded.id,
                rec.scenario
            ),
        ));
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

/// Replays a record's actions on its scenario; what no longer plays is an exit-1 failure.
fn replay_record(
    command: &str,
    path: &Path,
    rec: &Record,
    scenario: &Arc<Scenario>,
    playbook: &Playbook,
    checker: &Checker,
) -> Result<replay::Outcome, CliError> {
    let answers = rec.answers(scenario).map_err(|e| {
        CliError::failed(
            Vec::new(),
            format!("pressroom {command}: 記録の回答を読めません: {e}"),
            format!("pressroom {command}: {e}"),
        )
    })?;
    replay::play(scenario, playbook, checker, &answers, rec.seed).map_err(|mut diags| {
        let shown = path.display().to_string();
        // Placed in the record itself, with a hint for a record, not for an answers file.
        if let Ok(src) = crate::source::load::read_text(path) {
            crate::source::locate::place(&mut diags, &src);
        }
        let diags: Vec<_> = diags
            .into_iter()
            .map(|d| {
                d.hint_in(crate::text::Text::new(
                    "この訓練を記録した後にシナリオが変わりました。記録したときの版を --scenario FILE で指定してください",
                    "the scenario has changed since this drill was recorded; give the version it was played on with --scenario FILE",
                ))
            })
            .collect();
        CliError::failed_diagnostics(
            &shown,
            &diags,
            format!("pressroom {command}: 記録された操作は、このシナリオではもう再生できません"),
            format!("pressroom {command}: the recorded actions no longer play on this scenario"),
        )
    })
}

fn render_debrief(
    session: &Session,
    score: &Score,
    playbook: &Playbook,
    ctx: &Context,
    format: DebriefFormat,
) -> String {
    match format {
        DebriefFormat::Json => debrief::json(session, score),
        DebriefFormat::Md => debrief::render(session, score, playbook, ctx.lang, true),
        DebriefFormat::Text => terminal(debrief::render(session, score, playbook, ctx.lang, false)),
    }
}
