//! The trainer's commands, one function each: `check`, `lint`, `new`, `analyze`, `rules`,
//! `upgrade`.

use super::args::{Format, StageArg};
use super::context::Context;
use super::error::{CliError, Status};
use super::output::{json, print_out, terminal};
use crate::authoring::{analyze, check, lint, skeleton};
use crate::reports::rules as rules_report;
use crate::scenario::Scenario;
use crate::text::Lang;
use crate::wording::Checker;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `pressroom check`: validates scenario files and prints the coverage table.
pub(super) fn check(ctx: &Context, paths: &[PathBuf], format: Format) -> Result<Status, CliError> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(crate::BUNDLED_SCENARIOS)]
    } else {
        paths.to_vec()
    };
    let report = check::check_paths(&paths, &ctx.playbook).map_err(|msg| {
        CliError::usage(
            format!("pressroom check: {msg}"),
            format!("pressroom check: {msg}"),
        )
    })?;
    print_out(&match format {
        Format::Text => terminal(check::render_text(&report, &ctx.playbook, ctx.lang)),
        Format::Json => json(&report),
    });
    Ok(if report.has_errors() {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// What `pressroom lint` was asked to check the draft against.
pub(super) struct LintArgs<'a> {
    pub draft: &'a Path,
    pub stage: StageArg,
    pub scenario: Option<&'a Path>,
    pub at: Option<&'a str>,
    pub decision: Option<&'a str>,
    pub deny: bool,
    pub format: Format,
}

/// `pressroom lint`: checks a draft's wording, alone or against a scenario's facts.
pub(super) fn lint(ctx: &Context, args: LintArgs<'_>) -> Result<Status, CliError> {
    let shown = args.draft.display().to_string();
    let limit = lint::MAX_DRAFT_BYTES;
    let read = if shown == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), limit + 1),
            &mut bytes,
        )
        .map_err(|e| e.to_string())
        .and_then(|_| {
            if bytes.len() as u64 > limit {
                Err(lint::too_long())
            } else {
                Ok(bytes)
            }
        })
    } else {
        crate::source::load::read_bounded(args.draft, limit).map_err(|e| match e {
            crate::source::load::Bounded::TooLarge(_) => lint::too_long(),
            e => e.to_string(),
        })
    };
    let text = match read.and_then(|b| {
        crate::source::load::decode(b).map_err(|d| {
            format!(
                "{}:{}: the draft is not UTF-8 text; save it as UTF-8",
                d.line, d.column
            )
        })
    }) {
        Ok(t) => t,
        Err(e) => {
            return Err(CliError::usage(
                format!("pressroom lint: {shown}: 読めません: {e}"),
                format!("pressroom lint: {shown}: {e}"),
            ));
        }
    };
    let loaded = match args.scenario {
        None => None,
        Some(path) => match Scenario::load(path, &ctx.playbook) {
            Ok(l) => Some(l.scenario),
            Err(diags) => {
                let p = path.display().to_string();
                let lines: Vec<String> = diags.iter().map(|d| d.render_in(&p, ctx.lang)).collect();
                return Err(CliError::usage_lines(
                    lines,
                    format!(
                        "pressroom lint: シナリオにエラーがあります。`pressroom check {p}` で確かめてください"
                    ),
                    format!("pressroom lint: the scenario has errors; run `pressroom check {p}`"),
                ));
            }
        },
    };
    let target = lint::Target {
        stage: args.stage.stage(),
        scenario: loaded.as_deref(),
        at: args.at,
        decision: args.decision,
    };
    let checker = match loaded.as_deref() {
        Some(s) => Checker::for_scenario(&ctx.playbook, s),
        None => Checker::new(&ctx.playbook),
    };
    let report = lint::lint(&shown, &text, &target, &checker).map_err(|msg| {
        CliError::usage(
            format!("pressroom lint: {msg}"),
            format!("pressroom lint: {msg}"),
        )
    })?;
    print_out(&match args.format {
        Format::Text => terminal(lint::render_text(&report, &ctx.playbook, ctx.lang)),
        Format::Json => json(&report),
    });
    Ok(if args.deny && report.errors > 0 {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// `pressroom new`: writes a commented scenario skeleton that passes `check`.
pub(super) fn new(ctx: &Context, name: &Path) -> Result<Status, CliError> {
    let path = if name.extension().is_some_and(|e| e == "ron") {
        name.to_path_buf()
    } else {
        PathBuf::from(format!("{}.ron", name.display()))
    };
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !skeleton::valid_id(&id) {
        return Err(CliError::usage(
            format!(
                "pressroom new: `{id}` はシナリオ ID にできません。英小文字で始め、英小文字・数字・- と _ だけを使ってください(例: cloud-bucket-leak)"
            ),
            format!(
                "pressroom new: `{id}` cannot be a scenario ID; use lowercase letters, digits, - and _, starting with a letter (e.g. cloud-bucket-leak)"
            ),
        ));
    }
    if path.exists() {
        return Err(CliError::usage(
            format!(
                "pressroom new: {} はすでにあります。別の名前にするか、先に削除してください",
                path.display()
            ),
            format!(
                "pressroom new: {} already exists; choose another name or remove it first",
                path.display()
            ),
        ));
    }
    let text = skeleton::scenario(&id, ctx.lang);
    std::fs::write(&path, text).map_err(|e| {
        CliError::usage(
            format!("pressroom new: {} に書き込めません: {e}", path.display()),
            format!("pressroom new: cannot write {}: {e}", path.display()),
        )
    })?;
    match ctx.lang {
        Lang::Ja => note!(
            "pressroom new: {} を書きました。〔…〕/[…] の所を埋めてから `pressroom check {}` を実行してください",
            path.display(),
            path.display()
        ),
        Lang::En => note!(
            "pressroom new: wrote {}; fill in the 〔…〕/[…] parts, then `pressroom check {}`",
            path.display(),
            path.display()
        ),
    }
    if let Some(data) = ctx.data_if_any() {
        note!(
            "pressroom new: {} {}",
            ctx.lang.pick(
                "アプリで使うには、次の場所に保存してください:",
                "to see it in the app, save it in"
            ),
            data.scenarios().display()
        );
    }
    Ok(Status::Clean)
}

/// `pressroom analyze`: best and worst reachable scores, the spread and dead ends.
pub(super) fn analyze(
    ctx: &Context,
    scenario: &Path,
    samples: usize,
    seed: u64,
    format: Format,
) -> Result<Status, CliError> {
    if samples > analyze::MAX_SAMPLES {
        return Err(CliError::usage(
            format!(
                "pressroom analyze: --samples {samples} は上限 {} を超えています(それ以上は分布が変わらず、何時間もかかります)",
                analyze::MAX_SAMPLES
            ),
            format!(
                "pressroom analyze: --samples {samples} is more than {} (the percentiles do not move past that, and it would take hours)",
                analyze::MAX_SAMPLES
            ),
        ));
    }
    let loaded = super::drill::load_scenario(scenario, &ctx.playbook)?;
    let exemplary = crate::store::library::exemplary_answers(scenario, &loaded);
    // Progress on a terminal only, so pipes and CI logs stay clean.
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr()) && samples >= 10_000;
    let mut progress = |done: usize, all: usize| {
        if tty {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\ranalyze: {done} / {all} paths");
            if done == all {
                let _ = writeln!(err);
            }
        }
    };
    let analysis = analyze::analyze_with_progress(
        &loaded,
        &ctx.playbook,
        exemplary.as_ref(),
        samples,
        seed,
        &mut progress,
    );
    print_out(&match format {
        Format::Text => terminal(analysis.render(ctx.lang)),
        Format::Json => json(&analysis),
    });
    Ok(Status::Clean)
}

/// `pressroom rules`: the playbook's rules with titles, explanations and sections.
pub(super) fn rules(ctx: &Context, format: Format) -> Result<Status, CliError> {
    print_out(&match format {
        Format::Text => terminal(rules_report::render_text(&ctx.playbook, ctx.lang)),
        Format::Json => rules_report::render_json(&ctx.playbook) + "\n",
    });
    Ok(Status::Clean)
}

/// `pressroom upgrade`: rewrites each format 1 file as format 2 in place (atomically), or
/// with `--check` only says which need it.
pub(super) fn upgrade(
    ctx: &Context,
    files: &[PathBuf],
    check_only: bool,
    format: Format,
) -> Result<Status, CliError> {
    use crate::authoring::upgrade::{Outcome, upgrade_text};
    let ja = ctx.lang == crate::text::Lang::Ja;
    let mut lines: Vec<String> = Vec::new();
    let mut rows: Vec<serde_json::Value> = Vec::new();
    let mut failed = false;
    let mut pending = false;
    for file in files {
        let shown = file.display().to_string();
        let result = crate::source::load::read_text(file)
            .map_err(|d| vec![d])
            .and_then(|src| upgrade_text(&src, &ctx.playbook));
        match result {
            Err(diags) => {
                failed = true;
                for d in &diags {
                    lines.push(d.render_in(&shown, ctx.lang).trim_end().to_string());
                }
                rows.push(serde_json::json!({ "file": shown, "outcome": "error",
                    "diagnostics": diags }));
            }
            Ok(Outcome::Current { kind, format: n }) => {
                lines.push(if ja {
                    format!("{shown}: すでに形式 {n} です")
                } else {
                    format!("{shown}: already format {n}")
                });
                rows.push(serde_json::json!({ "file": shown, "outcome": "current",
                    "kind": kind, "format": n }));
            }
            Ok(Outcome::Upgraded {
                kind,
                from,
                to,
                line,
                text,
            }) => {
                pending = true;
                if !check_only {
                    // A file saved with a byte-order mark keeps it: only the version changes.
                    let mut bytes = Vec::with_capacity(text.len() + 3);
                    if had_bom(file) {
                        bytes.extend_from_slice("\u{feff}".as_bytes());
                    }
                    bytes.extend_from_slice(text.as_bytes());
                    crate::store::atomic::write_atomically(file, &bytes).map_err(|e| {
                        CliError::usage(
                            format!("pressroom upgrade: {shown}: 書き込めません: {e}"),
                            format!("pressroom upgrade: {shown}: cannot write: {e}"),
                        )
                    })?;
                }
                let verb = match (check_only, ja) {
                    (true, true) => "更新が必要です",
                    (false, true) => "更新しました",
                    (true, false) => "needs upgrading",
                    (false, false) => "upgraded",
                };
                lines.push(if ja {
                    format!("{shown}:{line}: 形式 {from} → {to}: {verb}")
                } else {
                    format!("{shown}:{line}: format {from} → {to}: {verb}")
                });
                rows.push(serde_json::json!({ "file": shown, "outcome":
                    if check_only { "needs_upgrade" } else { "upgraded" },
                    "kind": kind, "from": from, "to": to, "line": line }));
            }
        }
    }
    print_out(&match format {
        Format::Text => terminal(lines.join("\n") + "\n"),
        Format::Json => json(&rows),
    });
    Ok(if failed || (check_only && pending) {
        Status::Problems
    } else {
        Status::Clean
    })
}

/// Whether a file starts with a UTF-8 byte-order mark (which reading strips).
fn had_bom(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 3];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| head == [0xEF, 0xBB, 0xBF])
}
