//! The validated context every command runs in, resolved once from the raw arguments: the
//! language of output, the playbook to score against and the data folder.

use super::args::Cli;
use super::error::CliError;
use crate::playbook::Playbook;
use crate::store::data::DataDir;
use crate::text::Lang;

/// What every command needs, resolved from the global options once.
pub(super) struct Context {
    /// The language of text output.
    pub lang: Lang,
    /// The playbook every score and check is against.
    pub playbook: Playbook,
    /// The data folder, when one can be found (`--data-dir`, the environment, the platform).
    data: Option<DataDir>,
}

/// The output language: `--lang`, else the system's.
pub(super) fn lang_of(cli: &Cli) -> crate::text::Lang {
    cli.lang.unwrap_or_else(crate::host::system_lang)
}

impl Context {
    /// Resolves the global options; a playbook with errors stops every command.
    pub fn from_args(cli: &Cli) -> Result<Context, CliError> {
        let playbook = crate::host::load_playbook(cli.playbook.as_deref()).map_err(|msg| {
            CliError::usage_lines(
                vec![msg],
                "pressroom: 手順書にエラーがあるため、何も確認していません",
                "pressroom: the playbook has errors; nothing was checked",
            )
        })?;
        Ok(Context {
            lang: lang_of(cli),
            playbook,
            data: DataDir::resolve(cli.data_dir.as_deref()),
        })
    }

    /// The data folder, for the commands that read or write it.
    pub fn data(&self, command: &str) -> Result<&DataDir, CliError> {
        let data = self.data.as_ref().ok_or_else(|| {
            CliError::usage(
                format!("pressroom {command}: データフォルダーがありません。--data-dir DIR で指定してください"),
                format!("pressroom {command}: no data folder; give --data-dir DIR"),
            )
        })?;
        if data.root.exists() && !data.root.is_dir() {
            return Err(CliError::usage(
                format!(
                    "pressroom {command}: データフォルダー {} はファイルです。--data-dir DIR でフォルダーを指定してください",
                    data.root.display()
                ),
                format!(
                    "pressroom {command}: the data folder {} is a file, not a folder; give --data-dir DIR",
                    data.root.display()
                ),
            ));
        }
        data.sweep(crate::host::now());
        Ok(data)
    }

    /// The data folder if there is one, for commands that only mention it.
    pub fn data_if_any(&self) -> Option<&DataDir> {
        self.data.as_ref()
    }
}
