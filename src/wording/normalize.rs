//! Text as the checker matches it: NFKC (full-width digits and letters become ASCII,
//! half-width katakana become full-width) and ASCII lower case, with a map from every byte
//! of the normalised text back to character offsets in the writer's original text.

use unicode_normalization::UnicodeNormalization;

pub struct Normalized {
    pub text: String,
    /// For each byte of `text`: the original characters `[start, end)` it came from.
    origin: Vec<(u32, u32)>,
    /// Number of characters in the original text.
    original_chars: u32,
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

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let chars: Vec<char> = original.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let start = i as u32;
            if c.is_ascii() {
                let lower = c.to_ascii_lowercase();
                text.push(lower);
                origin.push((start, start + 1));
                i += 1;
                continue;
            }
            if stable(c) {
                let before = text.len();
                text.push(c);
                origin.extend(std::iter::repeat_n((start, start + 1), text.len() - before));
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while end < chars.len() && combining(chars[end]) {
                end += 1;
            }
            let before = text.len();
            for n in chars[i..end].iter().copied().nfkc() {
                if n.is_ascii() {
                    text.push(n.to_ascii_lowercase());
                } else {
                    text.push(n);
                }
            }
            origin.extend(std::iter::repeat_n(
                (start, end as u32),
                text.len() - before,
            ));
            i = end;
        }
        let original_chars = chars.len() as u32;
        origin.push((original_chars, original_chars));
        Normalized {
            text,
            origin,
            original_chars,
        }
    }

    /// The original character span for normalised bytes `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end {
            let at = self.origin[start.min(self.text.len())].0 as usize;
            return (at, at);
        }
        let s = self.origin[start].0;
        let e = self.origin[end - 1].1.min(self.original_chars);
        (s as usize, e as usize)
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
}
