//! Readability hints: advice, never points. A very long sentence, a sentence with many 読点,
//! and a long run of kanji are harder to follow for a reader under stress. The debrief does
//! not score them; the editor shows them beside the findings.
//!
//! The limits are Pressroom's, set in the spirit of the plain-writing guidance the procedure
//! leans on (公用文作成の考え方, 2022: short sentences with one point each, everyday words;
//! plain-language guidance for English: an average sentence well under 25 words).

use crate::text::Text;
use serde::Serialize;

/// The longest Japanese sentence, in characters, before a hint.
pub const MAX_SENTENCE_CHARS_JA: usize = 80;
/// The most 読点 in one Japanese sentence before a hint.
pub const MAX_COMMAS_JA: usize = 4;
/// The longest run of kanji before a hint (個人情報漏洩事案発生報告: ten).
pub const MAX_KANJI_RUN: usize = 8;
/// The longest English sentence, in words, before a hint.
pub const MAX_SENTENCE_WORDS_EN: usize = 30;

/// One readability hint on characters `[start, end)` of the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hint {
    /// First character (inclusive).
    pub start: usize,
    /// Last character (exclusive).
    pub end: usize,
    /// What could be easier to read.
    pub message: Text,
}

fn is_kanji(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3005)
}

/// The hints for `text`, in order of place, in time linear in the text.
/// Sentences end where the checker's do (see `Normalized::sentences`).
pub fn hints(text: &str) -> Vec<Hint> {
    let chars: Vec<char> = text.chars().collect();
    let norm = super::normalize::Normalized::new(text);
    let mut out = Vec::new();
    for &(s, e) in &norm.sentences {
        let (start, end) = norm.span(s, e);
        sentence(&chars, start, end, &mut out);
    }
    // Kanji runs, anywhere.
    let mut run = 0;
    for (i, &c) in chars.iter().enumerate() {
        if is_kanji(c) {
            run += 1;
        } else {
            if run > MAX_KANJI_RUN {
                out.push(kanji_run(i - run, i));
            }
            run = 0;
        }
    }
    if run > MAX_KANJI_RUN {
        out.push(kanji_run(chars.len() - run, chars.len()));
    }
    out.sort_by_key(|h| (h.start, h.end));
    out
}

fn kanji_run(start: usize, end: usize) -> Hint {
    Hint {
        start,
        end,
        message: Text::new(
            format!(
                "漢字が{}字続いています。ひらがなを交えるか、言い換えると読みやすくなります。",
                end - start
            ),
            format!(
                "{} kanji in a row; breaking the compound up reads more easily.",
                end - start
            ),
        ),
    }
}

fn sentence(chars: &[char], start: usize, end: usize, out: &mut Vec<Hint>) {
    let s: String = chars[start..end].iter().collect();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let japanese = trimmed
        .chars()
        .any(|c| is_kanji(c) || matches!(c as u32, 0x3041..=0x30FA));
    if japanese {
        let n = trimmed.chars().filter(|c| !c.is_whitespace()).count();
        if n > MAX_SENTENCE_CHARS_JA {
            out.push(Hint {
                start,
                end,
                message: Text::new(
                    format!("一文が{n}字あります。二つ以上の文に分けると伝わりやすくなります。"),
                    format!("This sentence has {n} characters; splitting it helps the reader."),
                ),
            });
        }
        let commas = trimmed.chars().filter(|c| matches!(c, '、' | '，')).count();
        if commas > MAX_COMMAS_JA {
            out.push(Hint {
                start,
                end,
                message: Text::new(
                    format!("一文に読点が{commas}個あります。文を区切ると要点がはっきりします。"),
                    format!("This sentence has {commas} commas (読点); shorter sentences make each point clear."),
                ),
            });
        }
    } else {
        let words = trimmed.split_whitespace().count();
        if words > MAX_SENTENCE_WORDS_EN {
            out.push(Hint {
                start,
                end,
                message: Text::new(
                    format!("一文が{words}語あります。文を分けると読みやすくなります。"),
                    format!(
                        "This sentence has {words} words; two shorter sentences read more easily."
                    ),
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_plain_sentences_get_no_hint() {
        assert!(hints("本日、システムが停止しました。復旧作業を進めております。").is_empty());
        assert!(hints("Our online shop is offline. We are restoring it.").is_empty());
    }

    #[test]
    fn long_sentences_many_commas_and_kanji_runs_get_one() {
        let long = "当社は、本日、外部からの不正なアクセスを確認し、直ちに該当する機器を切り離し、専門の会社に調査を依頼し、お客様への影響の有無を確認しております。";
        let h = hints(long);
        assert!(
            h.iter()
                .any(|h| h.message.get(crate::text::Lang::En).contains("commas"))
        );
        let run = hints("個人情報漏洩事案発生報告書を提出しました。");
        assert_eq!(run.len(), 1);
        assert_eq!((run[0].start, run[0].end), (0, 13));
        let words = "word ".repeat(31) + "end.";
        assert_eq!(hints(&words).len(), 1);
    }
}
