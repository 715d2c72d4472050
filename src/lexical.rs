//! A lexical pass over RON text, for what a parser cannot say well: nesting that is too deep
//! (found before parsing, so no input can exhaust the stack) and which string is the one left
//! unclosed (found after a parse error, so clean files never pay for it).

use crate::diagnostic::Diagnostic;

/// A string literal in the text: where it starts and what it holds.
struct StringLit<'a> {
    line: usize,
    column: usize,
    content: &'a str,
    closed: bool,
}

/// Walks the text once, calling `on_open`/`on_close` for brackets outside strings and comments
/// and collecting string literals.
fn scan<'a>(
    src: &'a str,
    mut on_bracket: impl FnMut(usize, usize, i32) -> bool,
) -> Vec<StringLit<'a>> {
    let bytes = src.as_bytes();
    let mut strings = Vec::new();
    let (mut i, mut line, mut line_start) = (0usize, 1usize, 0usize);
    let column = |i: usize, line_start: usize| src[line_start..i].chars().count() + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if bytes[i] == b'\n' {
                            line += 1;
                            line_start = i + 1;
                        }
                        i += 1;
                    }
                }
            }
            b'"' => {
                let (start_line, start_col) = (line, column(i, line_start));
                let begin = i + 1;
                i += 1;
                let mut closed = false;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        b'\n' => {
                            line += 1;
                            line_start = i + 1;
                            i += 1;
                        }
                        _ => i += 1,
                    }
                }
                let end = i.min(bytes.len());
                strings.push(StringLit {
                    line: start_line,
                    column: start_col,
                    content: src.get(begin..end).unwrap_or(""),
                    closed,
                });
                i += 1;
            }
            b'(' | b'[' | b'{' => {
                if !on_bracket(line, column(i, line_start), 1) {
                    return strings;
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                on_bracket(line, column(i, line_start), -1);
                i += 1;
            }
            _ => i += 1,
        }
    }
    strings
}

/// `too-deep` at the first bracket that opens more than `limit` levels.
pub fn too_deep(src: &str, limit: usize) -> Option<Diagnostic> {
    // Fast path: a file with fewer brackets than the limit cannot be too deep.
    if src
        .bytes()
        .filter(|b| matches!(b, b'(' | b'[' | b'{'))
        .count()
        <= limit
    {
        return None;
    }
    let mut depth: i64 = 0;
    let mut found = None;
    scan(src, |line, column, step| {
        depth += i64::from(step);
        if depth > limit as i64 {
            found = Some((line, column));
            return false;
        }
        true
    });
    found.map(|(line, column)| {
        Diagnostic::error(
            "too-deep",
            format!("values are nested more than {limit} levels deep"),
        )
        .at(line, column)
        .hint("a scenario nests a few levels; look for unbalanced or repeated brackets")
    })
}

/// `unterminated-string` when the file ends inside a string. It points at the string that most
/// likely lost its closing quote: the first whose text reads like RON (`), name: `, `", `),
/// else the one left open at the end.
pub fn unterminated_string(src: &str) -> Option<Diagnostic> {
    let strings = scan(src, |_, _, _| true);
    let last = strings.last().filter(|s| !s.closed)?;
    let looks_like_code = |s: &StringLit<'_>| {
        let c = s.content;
        c.contains("), ")
            || c.contains("\", ")
            || c.contains(": [")
            || c.contains(": (")
            || c.contains(": \"")
    };
    let culprit = strings.iter().find(|s| looks_like_code(s)).unwrap_or(last);
    Some(
        Diagnostic::error("unterminated-string", "this string is never closed")
            .at(culprit.line, culprit.column)
            .hint("add the closing `\"`; a `\"` inside text is written `\\\"`"),
    )
}

/// The position of the first token at or after `line:column` (ron reports some errors at the
/// white space before the offending value).
pub fn next_token(src: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(text) = src.lines().nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let skipped = text
        .chars()
        .skip(column.saturating_sub(1))
        .take_while(|c| c.is_whitespace())
        .count();
    if column - 1 + skipped < text.chars().count() {
        (line, column + skipped)
    } else {
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_only_real_brackets() {
        let deep = format!("{}{}", "[".repeat(70), "]".repeat(70));
        let d = too_deep(&deep, 64).expect("too deep");
        assert_eq!((d.line, d.column), (1, 65));
        let in_string = format!("\"{}\"", "(".repeat(200));
        assert!(too_deep(&in_string, 64).is_none());
        let in_comment = format!("// {}\n()", "(".repeat(200));
        assert!(too_deep(&in_comment, 64).is_none());
    }

    #[test]
    fn finds_the_string_that_swallowed_code() {
        let src = "(a: \"ok\",\n b: \"broken), c: [\"x\"])";
        let d = unterminated_string(src).expect("unterminated");
        assert_eq!((d.line, d.column), (2, 5));
        assert!(unterminated_string("(a: \"fine\")").is_none());
    }
}
