//! Counts in announcements: "1,200名", "１，２００件" (after NFKC), "約1200人", "千二百名",
//! "1.2万件", "3万2千人", "1,200 customers". Each is parsed to a number so it can be
//! compared with the fact ledger.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub value: u64,
    /// Written as an estimate or a bound (約, 最大, about, up to).
    pub approximate: bool,
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
}

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<approx>約|およそ|最大で?|概算で?|about\s|approximately\s|around\s|roughly\s|up\sto\s|nearly\s|some\s)?
        (?P<num>(?:[0-9][0-9,]*(?:\.[0-9]+)?|[〇零一二三四五六七八九十百千万億])+)
        \s?
        (?P<unit>件|名|人|社|アカウント|世帯
          |people(?-u:\b)|persons(?-u:\b)|customers(?-u:\b)|users(?-u:\b)|records(?-u:\b)|accounts(?-u:\b)|individuals(?-u:\b)|members(?-u:\b)|employees(?-u:\b)|patients(?-u:\b)|clients(?-u:\b)|subscribers(?-u:\b))",
    )
    .expect("count pattern compiles")
});

/// Every count with a counting unit in normalised text.
pub fn counts(text: &str) -> Vec<Count> {
    COUNT
        .captures_iter(text)
        .filter_map(|c| {
            let value = parse_number(c.name("num")?.as_str())?;
            let whole = c.get(0)?;
            // A count glued to a preceding letter or digit is part of something else (an ID).
            if text[..whole.start()]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_alphanumeric())
            {
                return None;
            }
            Some(Count {
                value: value.round() as u64,
                approximate: c.name("approx").is_some(),
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
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
        assert_eq!(values("fs01名"), vec![]);
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
