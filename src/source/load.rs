//! Reading a writer's RON file into its raw model, with every `ron` error turned into a
//! diagnostic that has a stable code, the writer's line and column, and a fix hint.

use crate::source::diagnostic::Diagnostic;
use ron::error::{Error as RonError, SpannedError};
use ron::extensions::Extensions;
use serde::de::DeserializeOwned;
use std::path::Path;

/// Files above this size are refused before parsing: a scenario is a few hundred kilobytes.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// How deep values may nest; real files stay under 15.
pub const MAX_DEPTH: usize = 64;

/// The `ron` options every Pressroom file is read with: `Some(..)` may be left out around
/// optional values, and enum variants holding a struct take its fields directly
/// (`Choice(options: [...])` rather than `Choice((options: [...]))`).
pub fn options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES)
        .with_recursion_limit(MAX_DEPTH)
}

/// Reads a file's text through the one bounded reader: regular files only (a device, a FIFO
/// or a folder is refused before anything is read), at most [`MAX_FILE_BYTES`] whatever the
/// file's metadata says, UTF-8, with a leading byte-order mark (Windows editors write one)
/// dropped.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    read_text_limited(path, MAX_FILE_BYTES)
}

/// [`read_text`] with its own limit, for inputs smaller than a scenario.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, Diagnostic> {
    let bytes = read_bounded(path, limit).map_err(|e| match e {
        Bounded::TooLarge(n) => too_large_of(n, limit),
        Bounded::NotAFile => Diagnostic::error(
            "unreadable",
            "this is not a regular file (a folder, a device or a pipe)",
        )
        .hint("give the path of a text file"),
        Bounded::Io(e) => Diagnostic::error("unreadable", format!("cannot read the file: {e}")),
    })?;
    decode(bytes)
}

/// Why [`read_bounded`] gave up.
#[derive(Debug)]
pub enum Bounded {
    /// More than the limit (at least this many bytes).
    TooLarge(u64),
    /// Not a regular file.
    NotAFile,
    /// The system refused.
    Io(std::io::Error),
}

impl std::fmt::Display for Bounded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Bounded::TooLarge(n) => write!(f, "the file has more than {n} bytes"),
            Bounded::NotAFile => write!(f, "not a regular file (a folder, a device or a pipe)"),
            Bounded::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Reads at most `limit` bytes of a regular file; stops at the limit whatever the metadata
/// says, and never opens a FIFO for reading (which would wait for a writer).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, Bounded> {
    use std::io::Read;
    // Looked at before opening, so a FIFO is never opened (opening one blocks).
    let meta = std::fs::metadata(path).map_err(Bounded::Io)?;
    if !meta.is_file() {
        return Err(Bounded::NotAFile);
    }
    let file = std::fs::File::open(path).map_err(Bounded::Io)?;
    // The file may have been swapped between the look and the open.
    if !file.metadata().map_err(Bounded::Io)?.is_file() {
        return Err(Bounded::NotAFile);
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(Bounded::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Bounded::TooLarge(limit));
    }
    Ok(bytes)
}

/// UTF-8 text from bytes, a leading byte-order mark dropped; where it is not UTF-8, the
/// diagnostic says at which line and column.
pub fn decode(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let prefix = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(prefix);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic::error("not-utf8", "the file is not valid UTF-8 text")
            .at(line, column)
            .hint("save the file as UTF-8 (not Shift_JIS); most editors offer this under 'Save with encoding'")
    })
}

fn too_large_of(bytes: u64, limit: u64) -> Diagnostic {
    Diagnostic::error(
        "file-too-large",
        format!("the file has more than {bytes} bytes; the limit is {limit}"),
    )
    .hint(
        "split the scenario or remove pasted material; scenario files are normally well under 1 MB",
    )
}

fn too_large(bytes: u64) -> Diagnostic {
    Diagnostic::error(
        "file-too-large",
        format!("the file has {bytes} bytes; the limit is {MAX_FILE_BYTES}"),
    )
    .hint(
        "split the scenario or remove pasted material; scenario files are normally well under 1 MB",
    )
}

/// Parses `src` into `T`, or says what is wrong and where.
pub fn parse<T: DeserializeOwned>(src: &str) -> Result<T, Diagnostic> {
    // A byte-order mark is not part of the text (Windows editors write one).
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if src.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(src.len() as u64));
    }
    // ron's own recursion limit keeps deep input off the stack; when parsing fails, the
    // lexical pass says whether nesting or an unclosed string is the real cause, so clean
    // files never pay for it.
    options().from_str(src).map_err(|e| {
        crate::source::lexical::too_deep(src, MAX_DEPTH)
            .or_else(|| crate::source::lexical::unterminated_string(src))
            .unwrap_or_else(|| from_ron(&e, src))
    })
}

/// [`parse`], but reporting every misspelt or repeated field of the file, not only the first:
/// after such an error the field is blanked out (with spaces, so every later line and column
/// stays where the writer sees it) and the text parsed again, up to [`MAX_RECOVERIES`] times.
/// Other errors end the pass; what was found is returned. A field then missing is left
/// unreported (it is most likely the misspelt one).
pub fn parse_all<T: DeserializeOwned>(src: &str) -> Result<T, Vec<Diagnostic>> {
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let mut text = src.to_string();
    let mut diags: Vec<Diagnostic> = Vec::new();
    for _ in 0..=MAX_RECOVERIES {
        match parse::<T>(&text) {
            Ok(v) if diags.is_empty() => return Ok(v),
            Ok(_) => return Err(diags),
            // A field missing after a misspelt one was blanked is most likely that one.
            Err(d) if d.code == "missing-field" && !diags.is_empty() => return Err(diags),
            Err(d) => {
                let recoverable = matches!(d.code, "unknown-field" | "duplicate-field");
                let blanked = recoverable
                    .then(|| blank_field(&text, d.line, d.column))
                    .flatten();
                diags.push(d);
                match blanked {
                    Some(next) => text = next,
                    None => return Err(diags),
                }
            }
        }
    }
    Err(diags)
}

/// How many structural errors one pass of [`parse_all`] recovers from.
pub const MAX_RECOVERIES: usize = 50;

/// The text with the field whose name starts at `line:col` (`name: value,`) replaced by
/// spaces, newlines kept; `None` when no field is found there.
fn blank_field(src: &str, line: usize, col: usize) -> Option<String> {
    let line_start: usize = src
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let rest = src.get(line_start..)?;
    let start = line_start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map(|(i, _)| i)?;
    let bytes = src.as_bytes();
    let mut i = start;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
        i += 1;
    }
    if i == start {
        return None;
    }
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    if bytes.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    // The value: up to a comma or a closing bracket at depth 0, strings and nesting skipped.
    let mut depth = 0usize;
    let mut in_string = false;
    while i < bytes.len() {
        let c = bytes[i];
        if in_string {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_string = false;
            }
        } else {
            match c {
                b'"' => in_string = true,
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth == 0 => break,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => {
                    i += 1;
                    break;
                }
                _ => {}
            }
        }
        i += 1;
    }
    let blank: String = src[start..i]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    Some(format!("{}{blank}{}", &src[..start], &src[i..]))
}

fn from_ron(err: &SpannedError, src: &str) -> Diagnostic {
    use crate::source::diagnostic::suggestion_in;
    use crate::text::Text;
    let (line, column) =
        crate::source::lexical::next_token(src, err.span.start.line, err.span.start.col);
    let d = match &err.code {
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => Diagnostic::error(
            "unknown-field",
            format!("`{found}` is not a field of {}", outer_name(outer)),
        )
        .ja(format!(
            "`{found}` は{}の項目ではありません",
            outer_name_ja(outer)
        ))
        .maybe_hint_in(suggestion_in(found, expected.iter().copied())),
        RonError::MissingStructField { field, outer } => Diagnostic::error(
            "missing-field",
            format!("{} needs the field `{field}`", outer_name(outer)),
        )
        .ja(format!(
            "{}には項目 `{field}` が要ります",
            outer_name_ja(outer)
        ))
        .hint_in(Text::new(
            format!("括弧の中に `{field}: …` を加えてください"),
            format!("add `{field}: …` inside the parentheses"),
        )),
        RonError::DuplicateStructField { field, outer } => Diagnostic::error(
            "duplicate-field",
            format!(
                "the field `{field}` is given twice in {}",
                outer_name(outer)
            ),
        )
        .ja(format!(
            "{}に項目 `{field}` が二度書かれています",
            outer_name_ja(outer)
        ))
        .hint_in(Text::new("一つだけ残してください", "keep one of them")),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => Diagnostic::error(
            "unknown-variant",
            format!("`{found}` is not a kind of {}", outer_name(outer)),
        )
        .ja(format!(
            "`{found}` は{}の種類にありません",
            outer_name_ja(outer)
        ))
        .maybe_hint_in(suggestion_in(found, expected.iter().copied())),
        RonError::ExpectedStringEnd => {
            Diagnostic::error("unterminated-string", "this string is never closed")
                .ja("この文字列が閉じられていません")
                .hint_in(Text::new(
                    "閉じる `\"` を加えてください。文の中の `\"` は `\\\"` と書きます",
                    "add the closing `\"`; a `\"` inside text is written `\\\"`",
                ))
        }
        RonError::ExceededRecursionLimit => Diagnostic::error(
            "too-deep",
            format!("values are nested more than {MAX_DEPTH} levels deep"),
        )
        .ja(format!("値の入れ子が {MAX_DEPTH} 段を超えています"))
        .hint_in(Text::new(
            "シナリオの入れ子は数段です。括弧の対応を確かめてください",
            "a scenario nests a few levels; look for unbalanced brackets",
        )),
        RonError::InvalidValueForType { expected, found } => {
            Diagnostic::error("wrong-type", format!("expected {expected}, found {found}"))
                .ja(format!("{expected} が来るところに {found} があります"))
        }
        RonError::ExpectedString => wrong_type(
            ("二重引用符で囲んだ文", "text in double quotes"),
            ("\"…\" のように書いてください", "write it as \"…\""),
        ),
        RonError::ExpectedInteger => wrong_type(
            ("整数", "a whole number"),
            (
                "数字だけで書いてください。例: 30",
                "write digits only, e.g. 30",
            ),
        ),
        RonError::ExpectedFloat => wrong_type(("数", "a number"), ("例: 1.0", "write e.g. 1.0")),
        RonError::ExpectedBoolean => wrong_type(
            ("true か false", "true or false"),
            ("true か false と書いてください", "write true or false"),
        ),
        RonError::ExpectedArray => wrong_type(
            ("[ ] で囲んだ一覧", "a list in [ ]"),
            ("項目を [ … ] で囲んでください", "wrap the items in [ … ]"),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => wrong_type(
            ("( ) で囲んだ項目のまとまり", "a group of fields in ( )"),
            (
                "(名前: 値, …) のように書いてください",
                "write the fields as (name: value, …)",
            ),
        ),
        RonError::ExpectedMap => wrong_type(
            ("{ } で囲んだ対応表", "a map in { }"),
            (
                "{ キー: 値, … } と書いてください",
                "write { key: value, … }",
            ),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => Diagnostic::error(
            "wrong-type",
            format!("expected `{expected}(…)`, found `{found}(…)`"),
        )
        .ja(format!(
            "`{expected}(…)` が来るところに `{found}(…)` があります"
        ))
        .hint_in(Text::new(
            format!("`{expected}` と書くか、名前を省いてください"),
            format!("write `{expected}` or leave the name out"),
        )),
        RonError::Message(msg) => message_diagnostic(msg),
        RonError::Eof => Diagnostic::error("syntax", "the file ends in the middle of a value")
            .ja("値の途中でファイルが終わっています")
            .hint_in(Text::new(
                "閉じる `)` か `]` が足りないようです",
                "a closing `)` or `]` is probably missing",
            )),
        RonError::UnclosedBlockComment => {
            Diagnostic::error("syntax", "a `/*` comment is never closed")
                .ja("`/*` のコメントが閉じられていません")
                .hint_in(Text::new("`*/` を加えてください", "add `*/`"))
        }
        RonError::TrailingCharacters => Diagnostic::error(
            "syntax",
            "there is more text after the end of the file's value",
        )
        .ja("ファイルの値が終わった後に、まだ文字があります")
        .hint_in(Text::new(
            "前の方の余分な `)` か、最後の `)` の後の文字を探してください",
            "look for an extra `)` earlier in the file, or text after the last `)`",
        )),
        RonError::ExpectedComma => Diagnostic::error("syntax", "a comma is missing")
            .ja("コンマが抜けています")
            .hint_in(Text::new(
                "項目と一覧の要素は `,` で区切ってください",
                "separate fields and list items with `,`",
            )),
        RonError::ExpectedArrayEnd => Diagnostic::error("syntax", "expected `]` to close the list")
            .ja("一覧を閉じる `]` が来るはずのところです")
            .hint_in(Text::new(
                "コンマか `]` が抜けていないか確かめてください",
                "check for a missing comma or a missing `]`",
            )),
        RonError::ExpectedStructLikeEnd => {
            Diagnostic::error("syntax", "expected `)` to close the group")
                .ja("まとまりを閉じる `)` が来るはずのところです")
                .hint_in(Text::new(
                    "コンマか `)` が抜けていないか確かめてください",
                    "check for a missing comma or a missing `)`",
                ))
        }
        other => {
            Diagnostic::error("syntax", other.to_string()).ja(format!("書き方の誤りです: {other}"))
        }
    };
    let d = d.at(line, column);
    // ron points at the end of a value for some errors; never point past the text.
    clamp(d, src)
}

fn clamp(d: Diagnostic, src: &str) -> Diagnostic {
    let lines = src.lines().count().max(1);
    if d.line > lines + 1 {
        let (line, column) = (lines, 1);
        d.at(line, column)
    } else {
        d
    }
}

/// A value of the wrong kind: what was expected and how to write it, (Japanese, English).
fn wrong_type((expected_ja, expected): (&str, &str), (hint_ja, hint): (&str, &str)) -> Diagnostic {
    Diagnostic::error("wrong-type", format!("expected {expected}"))
        .ja(format!("{expected_ja}が来るところです"))
        .hint_in(crate::text::Text::new(hint_ja, hint))
}

fn message_diagnostic(msg: &str) -> Diagnostic {
    // serde's own wording, kept after a Japanese lead-in.
    if msg.starts_with("invalid type") || msg.starts_with("invalid length") {
        Diagnostic::error("wrong-type", msg.to_string()).ja(format!("値の種類が違います: {msg}"))
    } else {
        Diagnostic::error("invalid-value", msg.to_string()).ja(format!("使えない値です: {msg}"))
    }
}

fn outer_name(outer: &Option<String>) -> String {
    match outer {
        Some(name) => format!("`{name}`"),
        None => "this group".to_string(),
    }
}

fn outer_name_ja(outer: &Option<String>) -> String {
    match outer {
        Some(name) => format!("`{name}` "),
        None => "このまとまり".to_string(),
    }
}
