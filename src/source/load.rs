//! Reading a writer's RON file into its raw model, with every `ron` error turned into a
//! diagnostic that has a stable code, the writer's line and column, and a fix hint.

use crate::source::diagnostic::{Diagnostic, suggestion};
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

/// Reads a file's text, refusing files that are too large or not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let meta = std::fs::metadata(path)
        .map_err(|e| Diagnostic::error("unreadable", format!("cannot read the file: {e}")))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len()));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Diagnostic::error("unreadable", format!("cannot read the file: {e}")))?;
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

fn from_ron(err: &SpannedError, src: &str) -> Diagnostic {
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
        .maybe_hint(suggestion(found, expected.iter().copied())),
        RonError::MissingStructField { field, outer } => Diagnostic::error(
            "missing-field",
            format!("{} needs the field `{field}`", outer_name(outer)),
        )
        .hint(format!("add `{field}: …` inside the parentheses")),
        RonError::DuplicateStructField { field, outer } => Diagnostic::error(
            "duplicate-field",
            format!(
                "the field `{field}` is given twice in {}",
                outer_name(outer)
            ),
        )
        .hint("keep one of them"),
        RonError::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => Diagnostic::error(
            "unknown-variant",
            format!("`{found}` is not a kind of {}", outer_name(outer)),
        )
        .maybe_hint(suggestion(found, expected.iter().copied())),
        RonError::ExpectedStringEnd => {
            Diagnostic::error("unterminated-string", "this string is never closed")
                .hint("add the closing `\"`; a `\"` inside text is written `\\\"`")
        }
        RonError::ExceededRecursionLimit => Diagnostic::error(
            "too-deep",
            format!("values are nested more than {MAX_DEPTH} levels deep"),
        )
        .hint("a scenario nests a few levels; look for unbalanced brackets"),
        RonError::InvalidValueForType { expected, found } => {
            Diagnostic::error("wrong-type", format!("expected {expected}, found {found}"))
        }
        RonError::ExpectedString => wrong_type("text in double quotes", "write it as \"…\""),
        RonError::ExpectedInteger => wrong_type("a whole number", "write digits only, e.g. 30"),
        RonError::ExpectedFloat => wrong_type("a number", "write e.g. 1.0"),
        RonError::ExpectedBoolean => wrong_type("true or false", "write true or false"),
        RonError::ExpectedArray => wrong_type("a list in [ ]", "wrap the items in [ … ]"),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => wrong_type(
            "a group of fields in ( )",
            "write the fields as (name: value, …)",
        ),
        RonError::ExpectedMap => wrong_type("a map in { }", "write { key: value, … }"),
        RonError::ExpectedDifferentStructName { expected, found } => Diagnostic::error(
            "wrong-type",
            format!("expected `{expected}(…)`, found `{found}(…)`"),
        )
        .hint(format!("write `{expected}` or leave the name out")),
        RonError::Message(msg) => message_diagnostic(msg),
        RonError::Eof => Diagnostic::error("syntax", "the file ends in the middle of a value")
            .hint("a closing `)` or `]` is probably missing"),
        RonError::UnclosedBlockComment => {
            Diagnostic::error("syntax", "a `/*` comment is never closed").hint("add `*/`")
        }
        RonError::TrailingCharacters => Diagnostic::error(
            "syntax",
            "there is more text after the end of the file's value",
        )
        .hint("look for an extra `)` earlier in the file, or text after the last `)`"),
        RonError::ExpectedComma => Diagnostic::error("syntax", "a comma is missing")
            .hint("separate fields and list items with `,`"),
        RonError::ExpectedArrayEnd => Diagnostic::error("syntax", "expected `]` to close the list")
            .hint("check for a missing comma or a missing `]`"),
        RonError::ExpectedStructLikeEnd => {
            Diagnostic::error("syntax", "expected `)` to close the group")
                .hint("check for a missing comma or a missing `)`")
        }
        other => Diagnostic::error("syntax", other.to_string()),
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

fn wrong_type(expected: &str, hint: &str) -> Diagnostic {
    Diagnostic::error("wrong-type", format!("expected {expected}")).hint(hint)
}

fn message_diagnostic(msg: &str) -> Diagnostic {
    if msg.starts_with("invalid type") || msg.starts_with("invalid length") {
        Diagnostic::error("wrong-type", msg.to_string())
    } else {
        Diagnostic::error("invalid-value", msg.to_string())
    }
}

fn outer_name(outer: &Option<String>) -> String {
    match outer {
        Some(name) => format!("`{name}`"),
        None => "this group".to_string(),
    }
}
