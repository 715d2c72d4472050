//! The data-folder commands, one function each: `history`, `export` and `import`.

use super::args::Format;
use super::context::Context;
use super::error::{CliError, Status};
use super::output::{json, print_out, terminal};
use crate::reports::history::{History, Records};
use crate::text::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// `pressroom history`: past drills with per-area scores and the trend.
pub(super) fn history(
    ctx: &Context,
    team: Option<&str>,
    format: Format,
) -> Result<Status, CliError> {
    let data = ctx.data("history")?;
    let records = Records::read(data);
    known_team("history", &records, team)?;
    let history = records.history(team);
    let out = match format {
        Format::Text => {
            let mut text = history.render(ctx.lang, crate::host::local_offset());
            if let Some(team) = team {
                let open = records.open_actions(team);
                if !open.is_empty() {
                    text.push_str(if ctx.lang == Lang::Ja {
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
            terminal(text)
        }
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                data_dir: String,
                trend: Option<f64>,
                #[serde(flatten)]
                history: &'a History,
                /// Each rule's earned share per drill, in the order of `drills`.
                rules: BTreeMap<String, Vec<Option<f64>>>,
                open_actions: Vec<crate::records::record::Improvement>,
            }
            json(&Out {
                data_dir: data.root.display().to_string(),
                trend: history.trend(),
                history: &history,
                rules: records.by_rule(team),
                open_actions: team
                    .map(|t| {
                        records
                            .open_actions(t)
                            .into_iter()
                            .map(|(p, _)| p)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        }
    };
    print_out(&out);
    Ok(Status::Clean)
}

/// `pressroom export`: copies records out of the data folder.
pub(super) fn export(ctx: &Context, out: &Path, team: Option<&str>) -> Result<Status, CliError> {
    let data = ctx.data("export")?;
    if team.is_some() {
        // Only a named team needs the folder read first.
        known_team("export", &Records::read(data), team)?;
    }
    let n = data.export_records(out, team).map_err(|e| {
        CliError::usage(
            format!("pressroom export: {}: 書き出せません: {e}", out.display()),
            format!("pressroom export: {}: {e}", out.display()),
        )
    })?;
    match ctx.lang {
        Lang::Ja => note!(
            "pressroom export: 記録 {n} 件を {} に写しました",
            out.display()
        ),
        Lang::En => note!(
            "pressroom export: {n} record(s) copied to {}",
            out.display()
        ),
    }
    Ok(Status::Clean)
}

/// `pressroom import`: adds exported records to the data folder, each checked first.
pub(super) fn import(ctx: &Context, records: &[PathBuf]) -> Result<Status, CliError> {
    let data = ctx.data("import")?;
    if let Some(missing) = records
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_err())
    {
        return Err(CliError::usage(
            format!(
                "pressroom import: {}: そのファイルはありません",
                missing.display()
            ),
            format!("pressroom import: {}: no such file", missing.display()),
        ));
    }
    let mut failed = false;
    let mut importer = data.importer();
    for path in records {
        match importer.import(path) {
            Ok(Some(saved)) => note!(
                "{}: {} {}",
                path.display(),
                ctx.lang.pick("取り込みました:", "imported as"),
                saved.display()
            ),
            Ok(None) => note!(
                "{}: {}",
                path.display(),
                ctx.lang.pick(
                    "すでにデータフォルダーにあります",
                    "already in the data folder"
                )
            ),
            Err(why) => {
                note!(
                    "{}: {}: {why}",
                    path.display(),
                    ctx.lang.pick("取り込めませんでした", "not imported")
                );
                failed = true;
            }
        }
    }
    Ok(if failed {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// A team named with `--team` must have drills here; a typo is told the nearest name.
fn known_team(command: &str, records: &Records, team: Option<&str>) -> Result<(), CliError> {
    let Some(team) = team else {
        return Ok(());
    };
    let teams = records.teams();
    if teams.iter().any(|t| t == team) {
        return Ok(());
    }
    let hint = crate::source::diagnostic::suggestion(team, teams.iter().map(String::as_str));
    let (ja_hint, en_hint) = match &hint {
        Some(h) => (
            format!("(記録のあるチーム: {})", teams.join("、")),
            format!("; {h}"),
        ),
        None => (
            "(ここにはまだどのチームの訓練記録もありません)".to_string(),
            "; no team has drills here yet".to_string(),
        ),
    };
    Err(CliError::usage(
        format!("pressroom {command}: チーム「{team}」の訓練記録はありません{ja_hint}"),
        format!("pressroom {command}: no drills of team `{team}`{en_hint}"),
    ))
}
