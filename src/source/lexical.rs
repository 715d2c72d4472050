//! A lexical pass over RON text, for what a parser cannot say well after a parse error: that
//! nesting is too deep (rather than the first type mismatch inside it) and which string is the
//! one left unclosed. It runs only on files that failed to parse.

use crate::source::diagnostic::Diagnostic;

/// A string literal in the text: the byte where its quote is, what it holds, whether it closes.
struct StringLit<'a> {
    at: usize,
    content: &'a str,
    closed: bool,
}

/// 1-based line and column (in characters) of byte `at`.
fn position(src: &str, at: usize) -> (usize, usize) {
    let before = &src[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// Bytes the scan stops at outside strings: quotes, comment starts and brackets.
const INTERESTING: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 8 {
        t[b"\"/()[]{}"[i] as usize] = true;
        i += 1;
    }
    t
};

/// Walks the text once, calling `on_bracket(byte, step)` for brackets outside strings and
/// comments (+1 opens, -1 closes; returning false stops), and collecting string literals.
/// Works in bytes only; positions are computed when something is reported.
fn scan<'a>(src: &'a str, mut on_bracket: impl FnMut(usize, i32) -> bool) -> Vec<StringLit<'a>> {
    let bytes = src.as_bytes();
    let mut strings = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !INTERESTING[bytes[i] as usize] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
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
                        i += 1;
                    }
                }
            }
            b'"' => {
                let at = i;
                i += 1;
                let mut closed = false;
                while let Some(n) = bytes
                    .get(i..)
                    .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
                {
                    i += n;
                    if bytes[i] == b'\\' {
                        i += 2;
                    } else {
                        closed = true;
                        break;
                    }
                }
                let end = if closed { i } else { bytes.len() };
                strings.push(StringLit {
                    at,
                    content: src.get(at + 1..end.min(bytes.len())).unwrap_or(""),
                    closed,
                });
                i = if closed { i + 1 } else { bytes.len() };
            }
            b'(' | b'[' | b'{' => {
                if !on_bracket(i, 1) {
                    return strings;
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                on_bracket(i, -1);
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
    scan(src, |at, step| {
        depth += i64::from(step);
        if depth > limit as i64 {
            found = Some(at);
            return false;
        }
        true
    });
    found.map(|at| {
        let (line, column) = position(src, at);
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
    let strings = scan(src, |_, _| true);
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
    let (line, column) = position(src, culprit.at);
    Some(
        Diagnostic::error("unterminated-string", "this string is never closed")
            .at(line, column)
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
