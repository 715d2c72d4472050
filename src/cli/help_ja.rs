//! The command line in Japanese: `--help` for every command and option, and clap's own
//! errors (an unknown option, a bad value, a missing file name), when the output language is
//! Japanese. The English texts are the doc comments in [`super::args`]; this table follows
//! them one for one, and a test checks that every option has its Japanese line.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command};

const ABOUT: &str =
    "インシデントをいつ公表し、何を書き、誰が何をするかを決める机上訓練のツールです。";
const LONG_ABOUT: &str = "インシデントをいつ公表し、何を書き、誰が何をするかを決める机上訓練のツールです。\n\nコマンドを付けずに起動すると、同梱のシナリオでデスクトップアプリが開きます。";

const FORMAT: &str = "出力形式: text(人が読む文)または json(ツール向け)。既定は text";
const DEBRIEF_FORMAT: &str =
    "出力形式: text(振り返りの文)、json、md(Markdown)のいずれか。既定は text";

/// The options every command takes, and the app's own.
const GLOBAL: &[(&str, &str)] = &[
    (
        "playbook",
        "同梱の手順書の代わりに採点に使う、組織の手順書(RON)",
    ),
    (
        "lang",
        "文字で出力する言語: ja または en(既定はシステムの言語設定)",
    ),
    (
        "data_dir",
        "設定・訓練記録・書き出しを置くフォルダー(既定は PRESSROOM_DATA_DIR、なければ OS のデータフォルダー)",
    ),
    (
        "screenshot_dir",
        "アプリを開き、各画面を PNG で DIR に撮って終了します",
    ),
    (
        "scenario",
        "--screenshot-dir と使う: 進めるシナリオファイル(既定は同梱の最初のもの)",
    ),
    (
        "answers",
        "--screenshot-dir と使う: 振り返りの前にアプリで再生する回答ファイル",
    ),
    (
        "window_size",
        "ウィンドウの大きさ(ピクセル、幅x高さ。既定は 1280x720)",
    ),
];

/// Each command: its name, what it does, and its arguments.
type Commands = &'static [(
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
)];

const COMMANDS: Commands = &[
    (
        "upgrade",
        "形式 1 のシナリオ・回答ファイルを、コメントと配置を残したまま形式 2 に書き換えます。",
        &[
            ("files", "書き換えるファイル"),
            (
                "check",
                "書き換えが必要なファイルを示すだけで、何も書きません(必要なものがあれば終了コード 1)",
            ),
            ("format", FORMAT),
        ],
    ),
    (
        "check",
        "シナリオファイルやフォルダーを検証し、どの規則と手順書の節を使うかを示します。",
        &[
            (
                "paths",
                "検証するファイルまたはフォルダー(既定は scenarios/)",
            ),
            ("format", FORMAT),
        ],
    ),
    (
        "lint",
        "公表文の下書きの文面を、単独で、またはシナリオの事実と照らして確認します。",
        &[
            (
                "draft",
                "下書き(UTF-8 のテキストファイル)。- で標準入力から読みます",
            ),
            (
                "stage",
                "下書きの段階: first(第1報)、update(続報)、final(最終報告)。含めるべき要素が決まります。既定は first",
            ),
            (
                "scenario",
                "事実の一覧・組織・非公開の語と照らし合わせるシナリオ",
            ),
            (
                "at",
                "公表する時刻。例: +2h、2026-06-15T10:00:00+09:00(--scenario が必要)",
            ),
            (
                "decision",
                "この下書きが答える判断の ID。その段階・要素・開始時刻を使います(--scenario が必要)",
            ),
            (
                "deny",
                "重大度が error の指摘が一つでもあれば終了コード 1 にします",
            ),
            ("format", FORMAT),
        ],
    ),
    (
        "run",
        "回答ファイルでシナリオを画面なしで進め、振り返りを表示します。",
        &[
            ("scenario", "進めるシナリオファイル"),
            (
                "answers",
                "再生する回答ファイル(docs/answers-format.md を参照)",
            ),
            (
                "seed",
                "シナリオの揺らぎを決めるシード(既定は回答ファイルの値、なければ 1)",
            ),
            ("format", DEBRIEF_FORMAT),
            ("out", "振り返りを標準出力ではなく FILE に書きます"),
            ("record", "訓練記録(RON)も FILE に書きます"),
            (
                "team",
                "訓練記録をこのチーム名でデータフォルダーに保存し、履歴に加えます",
            ),
        ],
    ),
    (
        "history",
        "データフォルダーの過去の訓練を、点数と推移とともに一覧します。",
        &[("team", "このチームの訓練だけ"), ("format", FORMAT)],
    ),
    (
        "rescore",
        "訓練記録を再生し、記録された点数が今も同じになるかを確かめます。",
        &[
            ("record", "再生する訓練記録(RON)"),
            ("scenario", "記録にある場所と違うときの、シナリオファイル"),
            ("format", DEBRIEF_FORMAT),
        ],
    ),
    (
        "new",
        "check を通る、コメント付きのシナリオのひな形を書き出します(--lang の言語で)。",
        &[(
            "name",
            "シナリオの ID、または .ron で終わるパス(その場合 ID はファイル名)",
        )],
    ),
    (
        "analyze",
        "シナリオの判断の道筋を調べます: 到達できる最高点と最低点、ばらつき、届かない・採点されない所、模範回答が最高点に届くか。",
        &[
            ("scenario", "調べるシナリオファイル"),
            (
                "samples",
                "決まった戦略のほかに試す、無作為の道筋の数(既定は 500)",
            ),
            ("seed", "無作為の道筋を引くシード(既定は 1)"),
            ("format", FORMAT),
        ],
    ),
    (
        "report",
        "訓練記録の事後報告書(概要・時系列・点数・メモ・改善計画)を書き出します。",
        &[
            ("record", "報告する訓練記録(RON)"),
            ("scenario", "記録にある場所と違うときの、シナリオファイル"),
            (
                "format",
                "出力形式: md(Markdown)または html(1 ファイルで完結する HTML)。既定は md",
            ),
            ("out", "報告書を標準出力ではなく FILE に書きます"),
        ],
    ),
    (
        "export",
        "データフォルダーの訓練記録をフォルダーに写し、別の PC へ移せるようにします。",
        &[
            ("out", "記録を写すフォルダー(なければ作ります)"),
            ("team", "このチームの記録だけ"),
        ],
    ),
    (
        "import",
        "別の場所で書き出した訓練記録をデータフォルダーに加えます。一つずつ先に検証します。",
        &[("records", "加える記録ファイル")],
    ),
    (
        "rules",
        "手順書の規則を、題名・説明・引用する節とともに一覧します。",
        &[("format", FORMAT)],
    ),
];

const TEMPLATE: &str = "{before-help}{name} {version}\n{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}";
const SUB_TEMPLATE: &str = "{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}";

/// One argument's help in Japanese, under Japanese headings, with the default and the
/// possible values said in the help line itself.
fn localize_arg(a: Arg, help: &'static str) -> Arg {
    let heading = if a.is_positional() {
        "引数"
    } else {
        "オプション"
    };
    let a = a.help(help).long_help(None).help_heading(heading);
    // A flag has no values to hide (and clap insists on that).
    if a.get_action().takes_values() {
        a.hide_default_value(true).hide_possible_values(true)
    } else {
        a
    }
}

/// Help and version flags that speak Japanese.
fn flags(cmd: Command, version: bool) -> Command {
    let cmd = cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .help("このヘルプを表示します")
            .help_heading("オプション"),
    );
    if !version {
        return cmd;
    }
    cmd.disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("版を表示します")
            .help_heading("オプション"),
    )
}

/// The command line with every user-facing text of its help in Japanese.
pub fn localize(cmd: Command) -> Command {
    let mut cmd = cmd
        .about(ABOUT)
        .long_about(LONG_ABOUT)
        .help_template(TEMPLATE)
        .subcommand_help_heading("コマンド")
        .subcommand_value_name("コマンド")
        .disable_help_subcommand(true);
    cmd = flags(cmd, true);
    for (id, help) in GLOBAL {
        cmd = cmd.mut_arg(*id, |a| localize_arg(a, help));
    }
    for (name, about, args) in COMMANDS {
        cmd = cmd.mut_subcommand(*name, |mut sc| {
            sc = sc
                .about(*about)
                .long_about(None)
                .help_template(SUB_TEMPLATE);
            sc = flags(sc, false);
            for (id, help) in *args {
                sc = sc.mut_arg(*id, |a| localize_arg(a, help));
            }
            sc
        });
    }
    cmd
}

/// A clap error (not a request for help or the version) said in Japanese, with the usage
/// and where to read more.
pub fn error(e: &clap::Error, usage: &str) -> String {
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut out = match e.kind() {
        ErrorKind::UnknownArgument => format!("エラー: 知らない引数です: {arg}"),
        ErrorKind::InvalidSubcommand => format!(
            "エラー: 知らないコマンドです: {}",
            get(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue => {
            let valid = get(ContextKind::ValidValue);
            if valid.is_empty() {
                format!("エラー: {arg} に値がありません")
            } else {
                format!("エラー: {arg} に「{value}」は使えません(使える値: {valid})")
            }
        }
        ErrorKind::ValueValidation => {
            format!("エラー: {arg} の値「{value}」が正しくありません")
        }
        ErrorKind::MissingRequiredArgument => {
            format!("エラー: 必要な引数がありません: {arg}")
        }
        ErrorKind::MissingSubcommand => "エラー: コマンドを指定してください".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "エラー: {arg} は {} と一緒に使えません",
            get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => {
            format!("エラー: {arg} の値が多すぎます: {value}")
        }
        ErrorKind::InvalidUtf8 => "エラー: 引数が UTF-8 ではありません".to_string(),
        _ => "エラー: 引数が正しくありません".to_string(),
    };
    let suggested = get(ContextKind::SuggestedArg);
    if !suggested.is_empty() {
        out.push_str(&format!("\n  もしかして: {suggested}"));
    }
    let suggested = get(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() {
        out.push_str(&format!("\n  もしかして: {suggested}"));
    }
    format!("{out}\n\n使い方: {usage}\n\n詳しくは --help を付けて実行してください。\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The Japanese command line passes clap's own consistency checks, as the English does.
    #[test]
    fn the_japanese_command_line_is_well_formed() {
        super::super::Cli::command().debug_assert();
        localize(super::super::Cli::command()).debug_assert();
    }

    /// Every option and argument of every command has its Japanese line, so none falls back
    /// to English.
    #[test]
    fn every_argument_has_a_japanese_help_line() {
        let cmd = super::super::Cli::command();
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if a.is_hide_set() || id == "help" || id == "version" {
                continue;
            }
            assert!(GLOBAL.iter().any(|(g, _)| *g == id), "global `{id}`");
        }
        for sc in cmd.get_subcommands() {
            let name = sc.get_name();
            let Some((_, _, args)) = COMMANDS.iter().find(|(n, _, _)| *n == name) else {
                panic!("command `{name}` has no Japanese help");
            };
            for a in sc.get_arguments() {
                let id = a.get_id().as_str();
                if a.is_global_set() || id == "help" || id == "version" {
                    continue;
                }
                assert!(args.iter().any(|(x, _)| *x == id), "`{name} {id}`");
            }
        }
    }
}
