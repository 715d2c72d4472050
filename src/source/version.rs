//! Format versions, read before any typed parse (in the manner of ink's save-state version
//! and its oldest loadable version): a file from a newer Pressroom says so, instead of
//! failing on a field this one does not know.

use super::diagnostic::Diagnostic;

/// The versions of one file kind a reader takes.
#[derive(Debug, Clone, Copy)]
pub struct Versions {
    /// What the file is, in a message: "scenario", "record".
    pub kind: &'static str,
    /// The version this Pressroom writes, and the newest it reads.
    pub current: u32,
    /// The oldest version it still reads.
    pub oldest: u32,
}

/// The top-level `format: N` of a RON text and where its number starts (line, column), if
/// there is one; comments are skipped.
pub fn find(src: &str) -> Option<(u32, usize, usize)> {
    for (i, line) in src.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let Some(pos) = find_key(code) else {
            continue;
        };
        let rest = &code[pos + "format".len()..];
        let after_colon = rest.trim_start().strip_prefix(':')?;
        let digits_at = code.len() - after_colon.trim_start().len();
        let digits: String = after_colon
            .trim_start()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let n = digits.parse().ok()?;
        let column = code[..digits_at].chars().count() + 1;
        return Some((n, i + 1, column));
    }
    None
}

/// The name a RON text's top-level value opens with (`Scenario`, `Answers`, …), comments
/// and a byte-order mark skipped; `None` for an unnamed value.
pub fn root_name(src: &str) -> Option<&str> {
    let mut rest = src.strip_prefix('\u{feff}').unwrap_or(src);
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    (end > 0 && rest[end..].trim_start().starts_with('(')).then(|| &rest[..end])
}

/// What a file of another kind is, and how to use it instead, when a scenario was expected.
pub fn not_a_scenario(src: &str) -> Option<Diagnostic> {
    let (what, hint) = match root_name(src)? {
        "Answers" => (
            "an answers file",
            "play it with `pressroom run SCENARIO --answers FILE`; `check` reads scenarios",
        ),
        "Record" => (
            "a drill record",
            "replay it with `pressroom rescore FILE` or report it with `pressroom report FILE`",
        ),
        "Journal" => (
            "the journal of a drill in progress",
            "open the app to resume it; `check` reads scenarios",
        ),
        "Playbook" => (
            "a playbook",
            "use it with `pressroom --playbook FILE …`; `check` reads scenarios",
        ),
        _ => return None,
    };
    Some(
        Diagnostic::error("wrong-type", format!("this is {what}, not a scenario"))
            .at(1, 1)
            .hint(hint),
    )
}

/// Where the word `format` stands as a field name in a line of code.
fn find_key(code: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = code[from..].find("format") {
        let at = from + p;
        let before = code[..at].chars().next_back();
        let after = code[at + "format".len()..].trim_start().chars().next();
        let word_start = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '"'));
        if word_start && after == Some(':') {
            return Some(at);
        }
        from = at + "format".len();
    }
    None
}

/// Checks a text's format version before it is parsed. A missing version is left to the
/// typed parse (it reports the missing field); a newer one says which Pressroom reads it.
pub fn check(src: &str, v: Versions) -> Result<(), Diagnostic> {
    let Some((n, line, column)) = find(src) else {
        return Ok(());
    };
    if (v.oldest..=v.current).contains(&n) {
        return Ok(());
    }
    let reads = if v.oldest == v.current {
        format!("format {}", v.current)
    } else {
        format!("formats {}–{}", v.oldest, v.current)
    };
    let d = if n > v.current {
        Diagnostic::error(
            "unsupported-format",
            format!(
                "this {} was made by a newer Pressroom (format {n}); this one reads {reads}",
                v.kind
            ),
        )
        .hint("open it with a newer Pressroom")
    } else {
        Diagnostic::error(
            "unsupported-format",
            format!(
                "{} format {n} is not known; this Pressroom reads {reads}",
                v.kind
            ),
        )
        .hint(format!("write `format: {}`", v.current))
    };
    Err(d.field("format").at(line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V: Versions = Versions {
        kind: "scenario",
        current: 1,
        oldest: 1,
    };

    #[test]
    fn the_version_is_read_before_the_typed_parse() {
        assert_eq!(find("// format: 9\nX(\n    format: 2,\n"), Some((2, 3, 13)));
        assert_eq!(find("X(informat: 3, format: 1)"), Some((1, 1, 24)));
        assert!(check("X(format: 1, what: ever)", V).is_ok());
        let newer = check("X(format: 7, unknown_future_field: 1)", V).unwrap_err();
        assert!(
            newer.message.contains("newer Pressroom"),
            "{}",
            newer.message
        );
        assert_eq!((newer.line, newer.column), (1, 11));
        let older = check("X(format: 0)", V).unwrap_err();
        assert!(older.message.contains("not known"));
        assert!(check("X(id: \"no version\")", V).is_ok());
    }
}
