//! Counts in announcements: "1,200名", "１，２００件" (after NFKC), "約1200人", "千二百名",
//! "1.2万件", "3万2千人", "1,200 customers". Each is parsed to a number so it can be
//! compared with the fact ledger.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The number, or the top of a range.
    pub value: u64,
    /// The bottom of a range ("8,000～8,500", "between 8,000 and 8,500"); `value` when the
    /// count is one number.
    pub low: u64,
    /// Written as an estimate or a bound (約, 最大, about, up to, nearly).
    pub approximate: bool,
    /// What is counted, as written: 件, 名, "customers".
    pub unit: String,
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
}

impl Count {
    /// Whether the count says `v`: exactly, within its range, or within a tenth of it for
    /// an estimate.
    pub fn matches(&self, v: u64) -> bool {
        let slack = if self.approximate {
            0.1 * v as f64
        } else {
            0.0
        };
        (self.low as f64 - slack) <= v as f64 && v as f64 <= self.value as f64 + slack
    }
}

/// The kanji a number may be written in (千二百名, 3万件).
const KANJI_NUMERALS: &str = "〇零一二三四五六七八九十百千万億";

/// A number as written: digits (with a k, thousand or million after them), kanji, or
/// English number words.
fn number_pattern() -> String {
    format!(
        r"(?:(?:[0-9][0-9,]*(?:\.[0-9]+)?|[{KANJI_NUMERALS}]+)+(?:\s?(?:k|thousand|million)(?-u:\b))?|(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million)(?-u:\b)[\s-]?(?:and\s)?)+)"
    )
}

const APPROX: &str = r"約|およそ|最大で?|概算で?|about\s|approximately\s|around\s|roughly\s|up\sto\s|nearly\s|almost\s|some\s|more\sthan\s|over\s|fewer\sthan\s|less\sthan\s|an\sestimated\s";

/// Counting units: what a count counts.
pub(super) const UNITS_JA: &[&str] = &[
    "件",
    "名",
    "人",
    "社",
    "アカウント",
    "世帯",
    "回線",
    "台",
    "店舗",
    "口座",
    "枚",
];
pub(super) const UNITS_EN: &[&str] = &[
    "people",
    "persons",
    "customers",
    "users",
    "records",
    "accounts",
    "individuals",
    "members",
    "employees",
    "patients",
    "clients",
    "subscribers",
    "homes",
    "households",
    "orders",
    "devices",
    "cards",
    "businesses",
    "companies",
    "lines",
    "sites",
    "stores",
    "students",
    "residents",
];

/// Words an English count may put between the number and its unit: "4,000 affected
/// customers", "1,862 customer accounts".
const BETWEEN: &str = r"(?:(?:affected|additional|more|impacted|other|of\sour|of\sthe|customer|user|registered|active|individual|unique|member|client)\s)*";

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let num = number_pattern();
    let unit = format!(r"{}|(?:{})(?-u:\b)", UNITS_JA.join("|"), UNITS_EN.join("|"));
    Regex::new(&format!(
        r"(?P<approx>{APPROX})?(?:between\s|from\s)?(?:(?P<low>{num})\s?(?:～|~|〜|–|—|-|から|to\s|and\s)\s?(?:約)?)?(?P<num>{num})\s?{BETWEEN}(?P<unit>{unit})"
    ))
    .expect("count pattern compiles")
});

/// Every count with a counting unit in normalised text, read as one stretch.
pub fn counts(text: &str) -> Vec<Count> {
    COUNT
        .captures_iter(text)
        .filter_map(|c| count(text, 0, &c))
        .collect()
}

/// Whether the unit word at byte `at` can end a count: a number (digits, kanji numerals, a
/// number word) or a word between it and the number comes just before, past white space
/// and hyphens.
fn after_a_number(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end_matches(|c: char| c.is_whitespace() || c == '-')
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || KANJI_NUMERALS.contains(c))
}

/// Where in normalised `text` a count can end: its unit words that follow a number.
pub(super) fn count_anchors<'a>(
    text: &'a str,
    anchors: &'a super::anchors::Anchors,
) -> impl Iterator<Item = usize> + 'a {
    anchors
        .starts(super::anchors::Shape::Unit)
        .filter(|&s| after_a_number(text, s))
}

/// Every count in normalised `text` (with its `sentences`), reading the sentences that hold
/// byte offsets `at` (see [`count_anchors`]): a count is read within its sentence, run on
/// across a bare line break.
pub(super) fn counts_in(
    text: &str,
    sentences: &[(usize, usize)],
    at: impl Iterator<Item = usize>,
) -> Vec<Count> {
    super::anchors::regions(text, sentences, at)
        .into_iter()
        .flat_map(|(s, e)| {
            COUNT
                .captures_iter(&text[s..e])
                .filter_map(move |c| count(text, s, &c))
        })
        .collect()
}

/// The count `c` found in `text` from byte `base` on.
fn count(text: &str, base: usize, c: &regex::Captures<'_>) -> Option<Count> {
    let value = parse_any(c.name("num")?.as_str())?;
    let low = match c.name("low") {
        Some(l) => parse_any(l.as_str())?,
        None => value,
    };
    let whole = c.get(0)?;
    let (start, end) = (base + whole.start(), base + whole.end());
    // A count glued to a preceding letter or digit is part of something else (an ID).
    if text[..start]
        .chars()
        .next_back()
        .is_some_and(|p| p.is_ascii_alphanumeric())
    {
        return None;
    }
    let (low, value) = if low <= value {
        (low, value)
    } else {
        (value, low)
    };
    Some(Count {
        value: value.round() as u64,
        low: low.round() as u64,
        approximate: c.name("approx").is_some(),
        unit: c.name("unit")?.as_str().to_string(),
        start,
        end,
    })
}

/// A number in any of the forms [`number_pattern`] allows.
fn parse_any(s: &str) -> Option<f64> {
    let s = s.trim().trim_end_matches(['-', ' ']);
    if s.is_empty() {
        return None;
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        for (suffix, times) in [("thousand", 1e3), ("million", 1e6), ("k", 1e3)] {
            if let Some(n) = s.strip_suffix(suffix) {
                return parse_number(n.trim()).map(|v| v * times);
            }
        }
        return parse_number(s);
    }
    if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return english_words(s);
    }
    parse_number(s)
}

/// "three thousand", "twelve hundred", "two million five hundred thousand" → the number.
fn english_words(s: &str) -> Option<f64> {
    let (mut total, mut group) = (0f64, 0f64);
    for w in s.split([' ', '-']).filter(|w| !w.is_empty() && *w != "and") {
        let small = match w {
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            _ => 0.0,
        };
        match w {
            "hundred" => group = group.max(1.0) * 100.0,
            "thousand" | "million" => {
                let big = if w == "thousand" { 1e3 } else { 1e6 };
                total += group.max(1.0) * big;
                group = 0.0;
            }
            _ if small > 0.0 => group += small,
            _ => return None,
        }
    }
    let v = total + group;
    (v > 0.0).then_some(v)
}

fn kanji_digit(c: char) -> Option<f64> {
    Some(match c {
        '〇' | '零' => 0.0,
        '一' => 1.0,
        '二' => 2.0,
        '三' => 3.0,
        '四' => 4.0,
        '五' => 5.0,
        '六' => 6.0,
        '七' => 7.0,
        '八' => 8.0,
        '九' => 9.0,
        _ => return None,
    })
}

/// "1,200", "1200", "1.2万", "千二百", "3万2千", "三万二千" → the number. ASCII digit runs act
/// as one kanji digit, so mixed forms parse too.
pub fn parse_number(s: &str) -> Option<f64> {
    let (mut total, mut section, mut digit) = (0f64, 0f64, None::<f64>);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut run = String::new();
            while i < chars.len()
                && (chars[i].is_ascii_digit() || chars[i] == ',' || chars[i] == '.')
            {
                if chars[i] != ',' {
                    run.push(chars[i]);
                }
                i += 1;
            }
            digit = Some(run.parse().ok()?);
            continue;
        }
        i += 1;
        if let Some(d) = kanji_digit(c) {
            digit = Some(digit.unwrap_or(0.0) * 10.0 + d);
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10.0,
                    '百' => 100.0,
                    _ => 1000.0,
                };
                section += digit.take().unwrap_or(1.0) * unit;
            }
            '万' | '億' => {
                let big = if c == '万' { 1e4 } else { 1e8 };
                let group = section
                    + digit
                        .take()
                        .unwrap_or(if section == 0.0 { 1.0 } else { 0.0 });
                total += group * big;
                section = 0.0;
            }
            _ => return None,
        }
    }
    let value = total + section + digit.unwrap_or(0.0);
    (value.is_finite() && value < 1e15).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(u64, bool)> {
        counts(text)
            .into_iter()
            .map(|c| (c.value, c.approximate))
            .collect()
    }

    #[test]
    fn the_ways_a_count_is_written() {
        assert_eq!(values("1,200名"), vec![(1200, false)]);
        assert_eq!(values("1200件"), vec![(1200, false)]);
        assert_eq!(values("約1,200件"), vec![(1200, true)]);
        assert_eq!(values("千二百名"), vec![(1200, false)]);
        assert_eq!(values("1.2万件"), vec![(12000, false)]);
        assert_eq!(values("3万2千人"), vec![(32000, false)]);
        assert_eq!(values("三万二千人"), vec![(32000, false)]);
        assert_eq!(values("about 1,200 customers"), vec![(1200, true)]);
        assert_eq!(values("最大2日遅れ"), vec![]);
        assert_eq!(values("1,862 accounts are affected"), vec![(1862, false)]);
        assert_eq!(values("12k homes"), vec![(12000, false)]);
        assert_eq!(values("three thousand customers"), vec![(3000, false)]);
        assert_eq!(values("nearly 20,000 customers"), vec![(20000, true)]);
        assert_eq!(values("about 4,000 affected customers"), vec![(4000, true)]);
        assert_eq!(values("1.5 million users"), vec![(1_500_000, false)]);
        assert_eq!(values("fs01名"), vec![]);
    }

    #[test]
    fn a_range_matches_what_lies_in_it() {
        for text in [
            "between 8,000 and 8,500 homes",
            "約8,000～8,500回線",
            "8,000 to 8,500 users",
        ] {
            let c = &counts(text)[0];
            assert_eq!((c.low, c.value), (8000, 8500), "{text}");
            assert!(c.matches(8200), "{text}");
            assert!(!c.matches(9900), "{text}");
        }
        assert!(counts("about 4,000 customers")[0].matches(4120));
        assert!(!counts("4,000 customers")[0].matches(4120));
    }

    #[test]
    fn kanji_numerals() {
        assert_eq!(parse_number("十"), Some(10.0));
        assert_eq!(parse_number("二十五"), Some(25.0));
        assert_eq!(parse_number("千二百"), Some(1200.0));
        assert_eq!(parse_number("一万"), Some(10_000.0));
        assert_eq!(parse_number("十二万三千四百五十六"), Some(123_456.0));
        assert_eq!(parse_number("一億二千万"), Some(120_000_000.0));
    }
}
