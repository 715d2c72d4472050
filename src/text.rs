//! Bilingual text as written in scenario and playbook files, and the two UI languages.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A language Pressroom speaks: Japanese first, English second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Japanese.
    Ja,
    /// English.
    En,
}

impl Lang {
    /// Every language, Japanese first.
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    /// The text of the two given in this language.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }

    /// Its code: `ja`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    /// The language with this code.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ja" | "jp" | "japanese" | "日本語" => Some(Lang::Ja),
            "en" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a locale string such as `ja_JP.UTF-8` asks for; English otherwise.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A piece of text a writer gives in Japanese, English or both: `(ja: "…", en: "…")`.
/// Shared, not copied: a scenario's labels and the playbook's citations appear in many
/// findings, and cloning a `Text` only counts a reference.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// The Japanese text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ja: Option<Arc<str>>,
    /// The English text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<Arc<str>>,
}

impl Text {
    /// A text in both languages.
    pub fn new(ja: impl Into<Arc<str>>, en: impl Into<Arc<str>>) -> Text {
        Text {
            ja: Some(ja.into()),
            en: Some(en.into()),
        }
    }

    /// The text in `lang`, or in the other language when only that one is written.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Ja => (&self.ja, &self.en),
            Lang::En => (&self.en, &self.ja),
        };
        first
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .or(second.as_deref())
            .unwrap_or("")
    }

    /// Whether this text is written (non-blank) in `lang` itself.
    pub fn has(&self, lang: Lang) -> bool {
        let s = match lang {
            Lang::Ja => &self.ja,
            Lang::En => &self.en,
        };
        s.as_deref().is_some_and(|s| !s.trim().is_empty())
    }

    /// Whether neither language has text.
    pub fn is_empty(&self) -> bool {
        !self.has(Lang::Ja) && !self.has(Lang::En)
    }
}

/// Text made safe to print on a terminal: control characters that could move the cursor,
/// clear the screen, set a window title (ANSI and OSC sequences start with ESC) or reorder
/// what is shown (bidirectional overrides) become visible `\u{…}` escapes. Newlines and tabs
/// stay. Everything written for a terminal goes through here; JSON, Markdown and HTML have
/// their own escaping.
pub fn for_terminal(s: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(
                c,
                '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            )
    }
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}
