//! Where a value sits in a RON file: maps structure paths such as `facts[2].timeline[0].when`
//! to line and column, so that checks made after parsing can point at the writer's text.
//!
//! `ron` reports positions for syntax and type errors but keeps no spans on the values it
//! builds, so this walks the text once, only when a file has semantic diagnostics.

use std::collections::HashMap;

/// A place in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column (characters), from 1.
    pub column: usize,
}

/// Positions of every value in a RON document, by structure path.
pub struct Locator {
    values: HashMap<String, Position>,
}

#[derive(Clone, Copy, PartialEq)]
enum Bracket {
    Paren,
    List,
    Map,
}

struct Frame {
    bracket: Bracket,
    prefix: String,
    key: Option<String>,
    index: usize,
    /// Whether the current element already had its first token recorded.
    started: bool,
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
    column: usize,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().map(|&(_, c)| c)
    }

    fn bump(&mut self) -> Option<char> {
        let (_, c) = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn position(&self) -> Position {
        Position {
            line: self.line,
            column: self.column,
        }
    }

    /// Skips white space and comments.
    fn skip_trivia(&mut self, src: &str) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') => {
                    let rest = self.rest(src);
                    if rest.starts_with("//") {
                        while let Some(c) = self.peek() {
                            if c == '\n' {
                                break;
                            }
                            self.bump();
                        }
                    } else if rest.starts_with("/*") {
                        self.bump();
                        self.bump();
                        let mut depth = 1;
                        while depth > 0 {
                            let rest = self.rest(src);
                            if rest.is_empty() {
                                return;
                            } else if rest.starts_with("*/") {
                                depth -= 1;
                                self.bump();
                            } else if rest.starts_with("/*") {
                                depth += 1;
                                self.bump();
                            }
                            self.bump();
                        }
                    } else {
                        return;
                    }
                }
                _ => return,
            }
        }
    }

    fn rest<'s>(&mut self, src: &'s str) -> &'s str {
        match self.chars.peek() {
            Some(&(i, _)) => &src[i..],
            None => "",
        }
    }
}

impl Locator {
    /// Indexes a text's field paths.
    pub fn new(src: &str) -> Locator {
        let mut values = HashMap::new();
        let mut cur = Cursor {
            chars: src.char_indices().peekable(),
            line: 1,
            column: 1,
        };
        let mut stack: Vec<Frame> = vec![Frame {
            bracket: Bracket::Paren,
            prefix: String::new(),
            key: Some(String::new()),
            index: 0,
            started: false,
        }];
        // The top level is one value whose path is "".
        loop {
            cur.skip_trivia(src);
            // `#![enable(...)]` attributes at the top.
            if cur.rest(src).starts_with("#!") {
                while let Some(c) = cur.bump() {
                    if c == ']' {
                        break;
                    }
                }
                continue;
            }
            let Some(c) = cur.peek() else { break };
            let pos = cur.position();
            match c {
                '(' | '[' | '{' => {
                    cur.bump();
                    let path = record(&mut stack, &mut values, pos);
                    stack.push(Frame {
                        bracket: match c {
                            '(' => Bracket::Paren,
                            '[' => Bracket::List,
                            _ => Bracket::Map,
                        },
                        prefix: path,
                        key: None,
                        index: 0,
                        started: false,
                    });
                }
                ')' | ']' | '}' => {
                    cur.bump();
                    if stack.len() > 1 {
                        stack.pop();
                    }
                    if let Some(top) = stack.last_mut() {
                        top.started = true;
                    }
                }
                ',' => {
                    cur.bump();
                    if let Some(top) = stack.last_mut() {
                        top.index += 1;
                        top.key = None;
                        top.started = false;
                    }
                }
                ':' => {
                    cur.bump();
                }
                '"' | '\'' => {
                    let text = read_quoted(&mut cur, c);
                    key_or_value(&mut cur, src, &mut stack, &mut values, pos, text);
                }
                'r' if matches!(cur.rest(src).as_bytes().get(1), Some(b'"' | b'#')) => {
                    let text = read_raw_string(&mut cur);
                    key_or_value(&mut cur, src, &mut stack, &mut values, pos, text);
                }
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '+' || c == '.' => {
                    let mut word = String::new();
                    while let Some(c) = cur.peek() {
                        if c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.') {
                            word.push(c);
                            cur.bump();
                        } else {
                            break;
                        }
                    }
                    key_or_value(&mut cur, src, &mut stack, &mut values, pos, word);
                }
                _ => {
                    cur.bump();
                }
            }
        }
        Locator { values }
    }

    /// The position of the value at `path`, or of its nearest recorded ancestor.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(p) = self.values.get(path) {
                return Some(*p);
            }
            if path.is_empty() {
                return None;
            }
            // A top-level field that is absent stands for the whole value.
            let cut = path.rfind(['.', '[']).unwrap_or(0);
            path = &path[..cut];
        }
    }
}

/// Gives each diagnostic the line and column of the field it names, when it names one, and
/// sorts them by place. The text is walked only when there is something to place.
pub fn place(diags: &mut [crate::source::diagnostic::Diagnostic], src: &str) {
    if diags.iter().all(|d| d.field.is_empty()) {
        return;
    }
    let locator = Locator::new(src);
    for d in diags.iter_mut() {
        if let Some(p) = locator.find(&d.field) {
            d.line = p.line;
            d.column = p.column;
        }
    }
    diags.sort_by(|a, b| (a.line, a.column, a.code).cmp(&(b.line, b.column, b.code)));
}

fn key_or_value(
    cur: &mut Cursor<'_>,
    src: &str,
    stack: &mut [Frame],
    values: &mut HashMap<String, Position>,
    pos: Position,
    token: String,
) {
    cur.skip_trivia(src);
    let is_key = cur.peek() == Some(':')
        && stack
            .last()
            .is_some_and(|f| f.bracket != Bracket::List && f.key.is_none() && !f.started);
    if is_key {
        let top = stack.last_mut().expect("stack is never empty");
        top.key = Some(token);
        // A field's value may be missing; the key's own place stands in for it.
        let path = element_path(top);
        values.entry(path).or_insert(pos);
    } else {
        record(stack, values, pos);
    }
}

fn element_path(frame: &Frame) -> String {
    match &frame.key {
        Some(key) if frame.prefix.is_empty() => key.clone(),
        Some(key) if key.is_empty() => frame.prefix.clone(),
        Some(key) => format!("{}.{}", frame.prefix, key),
        None => format!("{}[{}]", frame.prefix, frame.index),
    }
}

/// Records the first token of the current element and returns the element's path.
fn record(stack: &mut [Frame], values: &mut HashMap<String, Position>, pos: Position) -> String {
    let top = stack.last_mut().expect("stack is never empty");
    let path = element_path(top);
    if !top.started {
        top.started = true;
        values.insert(path.clone(), pos);
    }
    path
}

fn read_quoted(cur: &mut Cursor<'_>, quote: char) -> String {
    cur.bump();
    let mut text = String::new();
    while let Some(c) = cur.bump() {
        match c {
            '\\' => {
                if let Some(next) = cur.bump() {
                    text.push(next);
                }
            }
            c if c == quote => break,
            c => text.push(c),
        }
    }
    text
}

fn read_raw_string(cur: &mut Cursor<'_>) -> String {
    cur.bump(); // r
    let mut hashes = 0;
    while cur.peek() == Some('#') {
        hashes += 1;
        cur.bump();
    }
    cur.bump(); // "
    let mut text = String::new();
    while let Some(c) = cur.bump() {
        if c == '"' {
            let mut seen = 0;
            while seen < hashes && cur.peek() == Some('#') {
                seen += 1;
                cur.bump();
            }
            if seen == hashes {
                break;
            }
            text.push('"');
            text.extend(std::iter::repeat_n('#', seen));
        } else {
            text.push(c);
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_fields_and_list_items() {
        let src = "// comment\nScenario(\n  id: \"a\",\n  facts: [\n    (id: \"f1\"),\n    Fact(id: \"f2\", when: At(\"+1h\")),\n  ],\n)";
        let loc = Locator::new(src);
        assert_eq!(loc.find("id"), Some(Position { line: 3, column: 7 }));
        assert_eq!(loc.find("facts[0]"), Some(Position { line: 5, column: 5 }));
        assert_eq!(
            loc.find("facts[1].id"),
            Some(Position {
                line: 6,
                column: 14
            })
        );
        assert_eq!(
            loc.find("facts[1].when"),
            Some(Position {
                line: 6,
                column: 26
            })
        );
        // An unknown path falls back to its nearest ancestor.
        assert_eq!(
            loc.find("facts[1].nothing"),
            Some(Position { line: 6, column: 5 })
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let src = "(title: (ja: \"日本語\"), id: \"x\")";
        let loc = Locator::new(src);
        assert_eq!(
            loc.find("id"),
            Some(Position {
                line: 1,
                column: 26
            })
        );
    }
}
