//! Text as the checker matches it: NFKC (full-width digits and letters become ASCII,
//! half-width katakana become full-width) and ASCII lower case, with a map from every byte
//! of the normalised text back to character offsets in the writer's original text.

use unicode_normalization::UnicodeNormalization;

pub struct Normalized {
    pub text: String,
    /// The characters NFKC changed, in order: everything between two of them was copied
    /// byte for byte (ASCII lower-cased, which keeps its length).
    changed: Vec<Changed>,
    /// Number of characters in the original text.
    original_chars: u32,
    /// The byte offset in the original of each of its characters, and its length last.
    char_bytes: Vec<u32>,
    /// The sentences of `text` as byte ranges, in order, covering all of it: each ends after
    /// 。, !, ?, a line break, or a full stop and the white space after it.
    pub sentences: Vec<(usize, usize)>,
}

/// One character (with the combining marks after it) that NFKC rewrote.
struct Changed {
    /// Its bytes in the normalised text.
    norm: (u32, u32),
    /// Its bytes in the original.
    original: (u32, u32),
    /// Its characters in the original.
    chars: (u32, u32),
}

/// Characters NFKC leaves alone and that lower-casing does not touch: the bulk of Japanese
/// prose, copied without calling the normaliser.
fn stable(c: char) -> bool {
    matches!(c as u32,
        0x3041..=0x3096 // hiragana
        | 0x30A1..=0x30FA // katakana
        | 0x30FC // prolonged sound mark
        | 0x4E00..=0x9FFF // CJK ideographs
        | 0x3001..=0x3002 // 、。
        | 0x300C..=0x300F // 「」『』
    )
}

/// Marks that NFKC composes with the character before them.
fn combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x3099..=0x309A | 0xFF9E..=0xFF9F)
}

/// The sentences of normalised `text` as byte ranges, in order, covering all of it: each
/// ends after 。, !, ?, a line break, or a full stop and the white space after it.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // (where the mark is, where its sentence ends)
    let mut marks: Vec<(usize, usize)> = memchr::memchr3_iter(b'!', b'?', b'\n', bytes)
        .map(|i| (i, i + 1))
        .chain(memchr::memmem::find_iter(bytes, "。").map(|i| (i, i + "。".len())))
        .chain(
            memchr::memchr_iter(b'.', bytes)
                .filter(|&i| bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace))
                .map(|i| (i, i + 2)),
        )
        .collect();
    marks.sort_unstable();
    let mut out = Vec::with_capacity(marks.len() + 1);
    let mut start = 0;
    for (at, end) in marks {
        // The white space after a full stop is in the stop's sentence and ends nothing.
        if at < start {
            continue;
        }
        out.push((start, end));
        start = end;
    }
    if start < text.len() {
        out.push((start, text.len()));
    }
    out
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        let mut text = String::with_capacity(original.len());
        let mut changed = Vec::new();
        let mut char_bytes = Vec::with_capacity(original.len() + 1);
        // A character and the combining marks after it, normalised together.
        let mut group: Vec<char> = Vec::new();
        // Where the run of characters copied as they are began, in the original.
        let mut copied_from = 0;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            char_bytes.push(i as u32);
            if b.is_ascii() {
                i += 1;
                continue;
            }
            // Kana, kanji and 、。「」 are three bytes from E3 to E9: read them in place.
            if (0xE3..=0xE9).contains(&b) && i + 2 < bytes.len() {
                let c = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[i + 1] & 0x3F) << 6)
                    | u32::from(bytes[i + 2] & 0x3F);
                if char::from_u32(c).is_some_and(stable) {
                    i += 3;
                    continue;
                }
            }
            let c = original[i..]
                .chars()
                .next()
                .expect("a character starts here");
            text.push_str(&original[copied_from..i]);
            let (first, start) = (char_bytes.len() as u32 - 1, i);
            i += c.len_utf8();
            group.clear();
            group.push(c);
            while let Some(n) = original[i..].chars().next().filter(|&n| combining(n)) {
                char_bytes.push(i as u32);
                group.push(n);
                i += n.len_utf8();
            }
            let norm_start = text.len();
            text.extend(group.iter().copied().nfkc());
            changed.push(Changed {
                norm: (norm_start as u32, text.len() as u32),
                original: (start as u32, i as u32),
                chars: (first, char_bytes.len() as u32),
            });
            copied_from = i;
        }
        text.push_str(&original[copied_from..]);
        text.make_ascii_lowercase();
        let original_chars = char_bytes.len() as u32;
        char_bytes.push(original.len() as u32);
        let sentences = sentences(&text);
        Normalized {
            text,
            changed,
            original_chars,
            char_bytes,
            sentences,
        }
    }

    /// The original characters `[start, end)` that normalised byte `at` came from.
    fn origin(&self, at: usize) -> (u32, u32) {
        if at >= self.text.len() {
            return (self.original_chars, self.original_chars);
        }
        let at = at as u32;
        let i = self.changed.partition_point(|c| c.norm.0 <= at);
        let byte = match i.checked_sub(1).map(|i| &self.changed[i]) {
            Some(c) if at < c.norm.1 => return c.chars,
            Some(c) => c.original.1 + (at - c.norm.1),
            None => at,
        };
        let k = self.char_bytes.partition_point(|&b| b <= byte) as u32 - 1;
        (k, k + 1)
    }

    /// The original character span for normalised bytes `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = self.origin(start.min(self.text.len())).0 as usize;
            return (at, at);
        }
        let s = self.origin(start).0;
        let e = self.origin(end - 1).1.min(self.original_chars);
        (s as usize, e as usize)
    }

    /// The character of the original text that starts at byte `byte` of it (its length at
    /// the end).
    pub fn char_index(&self, byte: usize) -> usize {
        self.char_bytes.partition_point(|&b| (b as usize) < byte)
    }

    /// The original text's characters `[start, end)`, from `original` (the text this was
    /// made from).
    pub fn original<'t>(&self, original: &'t str, start: usize, end: usize) -> &'t str {
        let at = |i: usize| self.char_bytes[i.min(self.char_bytes.len() - 1)] as usize;
        &original[at(start)..at(end.max(start))]
    }
}

/// Normalises a phrase from a list the same way, so patterns and text meet.
pub fn phrase(p: &str) -> String {
    Normalized::new(p.trim()).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_half_width_map_back_to_the_original() {
        let original = "約１，２００名。ｶﾞｽ会社 API";
        let n = Normalized::new(original);
        assert_eq!(n.text, "約1,200名。ガス会社 api");
        let at = n.text.find("1,200").unwrap();
        assert_eq!(n.span(at, at + 5), (1, 6));
        let ga = n.text.find("ガス").unwrap();
        // ｶﾞ is two original characters that became one.
        assert_eq!(n.span(ga, ga + "ガス".len()), (8, 11));
        let api = n.text.find("api").unwrap();
        let chars: Vec<char> = original.chars().collect();
        let (s, e) = n.span(api, api + 3);
        assert_eq!(chars[s..e].iter().collect::<String>(), "API");
    }

    #[test]
    fn characters_outside_kana_and_kanji_map_back_too() {
        let original = "A・ｶﾞ😀か\u{3099}Ｂ。";
        let n = Normalized::new(original);
        assert_eq!(n.text, "a・ガ😀か\u{3099}b。");
        let b = n.text.find('b').unwrap();
        assert_eq!(n.span(b, b + 1), (7, 8));
        assert_eq!(n.original(original, 7, 8), "Ｂ");
        let emoji = n.text.find('😀').unwrap();
        assert_eq!(n.span(emoji, emoji + 4), (4, 5));
        assert_eq!(n.span(n.text.len(), n.text.len()), (9, 9));
    }

    #[test]
    fn sentences_end_after_their_marks_and_cover_the_text() {
        let n = Normalized::new("お知らせ\n本日、障害が起きました。Done. Next!\nIs it? 1.5 days");
        let parts: Vec<&str> = n.sentences.iter().map(|&(s, e)| &n.text[s..e]).collect();
        assert_eq!(
            parts,
            vec![
                "お知らせ\n",
                "本日、障害が起きました。",
                "done. ",
                "next!",
                "\n",
                "is it?",
                " 1.5 days"
            ]
        );
        // A full stop and the line break after it end one sentence, not two.
        let n = Normalized::new("One.\nTwo");
        assert_eq!(n.sentences, vec![(0, 5), (5, 8)]);
        // Full-width marks end sentences once normalised.
        assert_eq!(
            Normalized::new("はい！いいえ").sentences,
            vec![(0, 7), (7, 16)]
        );
    }
}
