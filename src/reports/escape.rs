//! The one escaping of outside text (scenario and playbook texts, answers, team names, notes)
//! for each output that could read it as markup: HTML and Markdown. Every report and debrief
//! goes through here, so no outside text can become an element, a link or a table break.

/// Text made safe inside HTML elements and attribute values.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text made safe inside a Markdown line (a heading, a list item, a table cell), as
/// CommonMark with raw HTML allowed reads it: one line, the characters that open emphasis,
/// code, links and table cells escaped (the backslash too, so outside text cannot undo an
/// escape), and `<`, `>` as entities so no tag or autolink is formed.
pub fn markdown(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for c in flat.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_escape_cannot_be_undone_by_outside_text() {
        assert_eq!(markdown(r"\[x\](http://evil)"), r"\\\[x\\\](http://evil)");
        assert_eq!(markdown("<script>"), "&lt;script&gt;");
        assert_eq!(markdown("a\n| b *c*"), r"a \| b \*c\*");
        assert_eq!(html("<a href='x'>&"), "&lt;a href=&#39;x&#39;&gt;&amp;");
    }
}
