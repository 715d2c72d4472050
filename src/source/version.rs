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
/// there is one. Only a field of the outermost value counts: comments, strings and nested
/// values (a title that reads "format: 2", an inner field) are stepped over.
pub fn find(src: &str) -> Option<(u32, usize, usize)> {
    let chars: Vec<char> = src.chars().collect();
    let (mut line, mut col) = (1usize, 1usize);
    let (mut depth, mut i) = (0usize, 0usize);
    let step = |i: &mut usize, line: &mut usize, col: &mut usize| {
        if chars[*i] == '\n' {
            *line += 1;
            *col = 1;
        } else {
            *col += 1;
        }
        *i += 1;
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    step(&mut i, &mut line, &mut col);
                }
            }
            '/' if next == Some('*') => {
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    step(&mut i, &mut line, &mut col);
                }
                for _ in 0..2 {
                    if i < chars.len() {
                        step(&mut i, &mut line, &mut col);
                    }
                }
            }
            '"' => {
                step(&mut i, &mut line, &mut col);
                while i < chars.len() && chars[i] != '"' {
                    if chars[i] == '\\' {
                        step(&mut i, &mut line, &mut col);
                    }
                    if i < chars.len() {
                        step(&mut i, &mut line, &mut col);
                    }
                }
                if i < chars.len() {
                    step(&mut i, &mut line, &mut col);
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                step(&mut i, &mut line, &mut col);
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                step(&mut i, &mut line, &mut col);
            }
            c if c.is_alphanumeric() || c == '_' => {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    step(&mut i, &mut line, &mut col);
                }
                let word: String = chars[start..i].iter().collect();
                if depth != 1 || word != "format" {
                    continue;
                }
                // `format` `:` then the number, on any spacing.
                let mut j = i;
                let (mut l, mut k) = (line, col);
                let skip = |j: &mut usize, l: &mut usize, k: &mut usize| {
                    while *j < chars.len() && chars[*j].is_whitespace() {
                        step(j, l, k);
                    }
                };
                skip(&mut j, &mut l, &mut k);
                if chars.get(j) != Some(&':') {
                    continue;
                }
                step(&mut j, &mut l, &mut k);
                skip(&mut j, &mut l, &mut k);
                let digits: String = chars[j..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                return digits.parse().ok().map(|n| (n, l, k));
            }
            _ => step(&mut i, &mut line, &mut col),
        }
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
        // Only the outermost value's own field counts: not a text, not a nested field.
        assert_eq!(
            find("X(\n title: (en: \"The format: 2 notice\"),\n inner: (format: 7),\n format: 1)"),
            Some((1, 4, 10))
        );
        assert_eq!(find("X(title: \"format: 9\", id: \"x\")"), None);
        assert_eq!(find("X(url: \"https://x\", format: 4)"), Some((4, 1, 29)));
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
