//! Where command output goes: standard output (a closed pipe is not an error) or a file
//! written atomically.

use super::error::CliError;
use std::io::Write;
use std::path::Path;

/// Text for a terminal: control and bidirectional-override characters from outside text
/// (team names, IDs, scenario texts) shown as escapes, never obeyed.
pub(super) fn terminal(text: String) -> String {
    crate::text::for_terminal(&text).into_owned()
}

/// A line on standard error, neutralised for the terminal; a closed stderr is not an error
/// (`pressroom run … 2>&1 | head -3` exits quietly).
pub(super) fn note(line: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", crate::text::for_terminal(line));
}

/// Prints to standard output, ignoring a closed pipe (`pressroom rules | head`).
pub(super) fn print_out(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

/// Writes `text` to `path` atomically, or prints it when no path is given.
pub(super) fn write_out(path: Option<&Path>, text: &str) -> Result<(), CliError> {
    match path {
        None => {
            print_out(text);
            Ok(())
        }
        Some(p) if p.is_dir() || p.as_os_str().to_string_lossy().ends_with(['/', '\\']) => {
            Err(CliError::usage(
                format!(
                    "pressroom: {} はフォルダーです。--out にはファイル名を指定してください(例: {})",
                    p.display(),
                    p.join("report.html").display()
                ),
                format!(
                    "pressroom: {} is a folder; give --out a file name, e.g. {}",
                    p.display(),
                    p.join("report.html").display()
                ),
            ))
        }
        Some(p) => crate::store::atomic::write_atomically(p, text.as_bytes()).map_err(|e| {
            CliError::usage(
                format!("pressroom: {} に書き込めません: {e}", p.display()),
                format!("pressroom: cannot write {}: {e}", p.display()),
            )
        }),
    }
}

/// A document as pretty JSON with a final newline.
pub(super) fn json(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("output serialises") + "\n"
}
