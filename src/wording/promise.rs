//! Promises: the moment a published notice says the next update will come ("6月20日中に",
//! "明日17時までに", "by 5 pm on Friday", "within 24 hours"), read as people write it and
//! turned into a moment on the scenario clock, so the next stage can be held to it.
//!
//! Each sentence that speaks of a further notice is read for a span ("24時間以内",
//! "within two days"), a day (a date, "明日", "tomorrow", a weekday) and a time of day. A
//! span counts from publication; a day without a time means by the end of that day; a time
//! without a day means that time today. The earliest moment after publication is the
//! promise; a moment already past is what happened, not a promise.

use super::normalize::Normalized;
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, TimeZone, Weekday};
use regex::Regex;
use std::sync::LazyLock;

/// A promise found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Promise {
    /// The moment promised.
    pub at: DateTime<FixedOffset>,
    /// The words that promise it, as normalised.
    pub excerpt: String,
}

/// Words that show a sentence is about a further notice.
const CUES: [&str; 22] = [
    "次回",
    "続報",
    "改めて",
    "追って",
    "お知らせ",
    "ご報告",
    "報告いたします",
    "公表いたします",
    "更新",
    "発表",
    "ご連絡",
    "ご案内",
    "update",
    "next",
    "report",
    "inform",
    "announce",
    "notice",
    "publish",
    "further",
    "again",
    "let you know",
];

/// Words that mark a sentence as the inquiry desk's details, whose hours are not a promise.
const NOT_A_PROMISE: [&str; 10] = [
    "受付",
    "窓口",
    "お問い合わせ",
    "営業時間",
    "contact",
    "call us",
    "hotline",
    "opening hours",
    "office hours",
    "helpline",
];

static SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([0-9]{1,3}|one|two|three|four|five|six|seven|twelve|twenty-four|forty-eight)\s*(時間|日|週間|hours?|days?|weeks?)\s*(以内|後|をめど|を目途|程度|ほど|within)?",
    )
    .expect("span pattern")
});
static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:within|within the next|in the next|in|over the next|after)\s*$")
        .expect("within")
});

static JA_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日").expect("ja date")
});
static EN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(january|february|march|april|may|june|july|august|september|october|november|december)\s+([0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s*([0-9]{4}))?|([0-9]{1,2})(?:st|nd|rd|th)?\s+(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+([0-9]{4}))?")
        .expect("en date")
});
static SLASH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:([0-9]{4})[/.-])?([0-9]{1,2})/([0-9]{1,2})").expect("slash date")
});
static RELATIVE_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"明後日|あさって|明日|明朝|翌日|翌朝|本日|今日|今夕|今晩|今夜|the day after tomorrow|tomorrow|today|tonight|end of (?:the )?day|this evening")
        .expect("relative day")
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:来週|今週)?\s*([月火水木金土日])曜日?")
        .expect("weekday")
});
static JA_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(午前|午後)?\s*([0-9]{1,2})\s*時\s*(?:([0-9]{1,2})\s*分|(半))?").expect("ja time")
});
static EN_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,2})(?::([0-9]{2}))?\s*(a\.?m\.?|p\.?m\.?)|(?-u:\b)([0-9]{1,2}):([0-9]{2})(?-u:\b)|(noon|midday|midnight)")
        .expect("en time")
});

/// The months as English writes them, in order.
pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The calendar dates a text names as people write them ("6月12日", "2026年6月12日",
/// "June 12", "12 June 2026"): (year if given, month, day) and the byte span, the Japanese
/// forms first.
pub(super) fn calendar_dates(text: &str) -> Vec<(Option<i32>, u32, u32, usize, usize)> {
    let mut out = Vec::new();
    for c in JA_DATE.captures_iter(text) {
        let m = c.get(0).expect("a match");
        let year = c.get(1).and_then(|y| y.as_str().parse().ok());
        if let (Ok(mo), Ok(d)) = (c[2].parse(), c[3].parse()) {
            out.push((year, mo, d, m.start(), m.end()));
        }
    }
    for c in EN_DATE.captures_iter(text) {
        let m = c.get(0).expect("a match");
        let (name, day, year) = match c.get(1) {
            Some(name) => (name.as_str(), c.get(2), c.get(3)),
            None => match c.get(5) {
                Some(name) => (name.as_str(), c.get(4), c.get(6)),
                None => continue,
            },
        };
        let month = MONTHS.iter().position(|x| *x == name).map(|i| i as u32 + 1);
        if let (Some(mo), Some(Ok(d))) = (month, day.map(|d| d.as_str().parse())) {
            let year = year.and_then(|y| y.as_str().parse().ok());
            out.push((year, mo, d, m.start(), m.end()));
        }
    }
    out
}

fn number(word: &str) -> Option<i64> {
    match word {
        "one" => Some(1),
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        "six" => Some(6),
        "seven" => Some(7),
        "twelve" => Some(12),
        "twenty-four" => Some(24),
        "forty-eight" => Some(48),
        n => n.parse().ok(),
    }
}

/// The day a sentence names, given the day of publication.
fn day(sentence: &str, published: NaiveDate) -> Option<NaiveDate> {
    let near_year = |y: Option<i32>, m: u32, d: u32| -> Option<NaiveDate> {
        match y {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
            None => {
                let this = NaiveDate::from_ymd_opt(published.year(), m, d)?;
                // A date without a year that has passed by months is next year's.
                if this + Duration::days(180) < published {
                    NaiveDate::from_ymd_opt(published.year() + 1, m, d)
                } else {
                    Some(this)
                }
            }
        }
    };
    if let Some(&(y, m, d, _, _)) = calendar_dates(sentence).first() {
        return near_year(y, m, d);
    }
    if let Some(c) = SLASH_DATE.captures(sentence) {
        let y = c.get(1).and_then(|y| y.as_str().parse().ok());
        return near_year(y, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    if let Some(m) = RELATIVE_DAY.find(sentence) {
        let plus = match m.as_str() {
            "明後日" | "あさって" | "the day after tomorrow" => 2,
            "明日" | "明朝" | "翌日" | "翌朝" | "tomorrow" => 1,
            _ => 0,
        };
        return Some(published + Duration::days(plus));
    }
    if let Some(c) = WEEKDAY.captures(sentence) {
        let wanted = match (c.get(1).map(|m| m.as_str()), c.get(2).map(|m| m.as_str())) {
            (Some("monday"), _) | (_, Some("月")) => Weekday::Mon,
            (Some("tuesday"), _) | (_, Some("火")) => Weekday::Tue,
            (Some("wednesday"), _) | (_, Some("水")) => Weekday::Wed,
            (Some("thursday"), _) | (_, Some("木")) => Weekday::Thu,
            (Some("friday"), _) | (_, Some("金")) => Weekday::Fri,
            (Some("saturday"), _) | (_, Some("土")) => Weekday::Sat,
            _ => Weekday::Sun,
        };
        let ahead = (7 + wanted.num_days_from_monday() as i64
            - published.weekday().num_days_from_monday() as i64)
            % 7;
        let next_week = c.get(0).is_some_and(|m| m.as_str().starts_with("来週"));
        return Some(published + Duration::days(ahead + if next_week { 7 } else { 0 }));
    }
    None
}

/// The time of day a sentence names.
fn time_of_day(sentence: &str) -> Option<NaiveTime> {
    // "24時間" is a span of hours and "17時点" an "as of", not a time promised.
    let ja = JA_TIME.captures_iter(sentence).find(|c| {
        let end = c.get(0).expect("a match").end();
        !(sentence[end..].starts_with('間') || sentence[end..].starts_with('点'))
    });
    if let Some(c) = ja {
        let mut h: u32 = c[2].parse().ok()?;
        let m: u32 = match (c.get(3), c.get(4)) {
            (Some(m), _) => m.as_str().parse().ok()?,
            (None, Some(_)) => 30,
            _ => 0,
        };
        if c.get(1).is_some_and(|p| p.as_str() == "午後") && h < 12 {
            h += 12;
        }
        return NaiveTime::from_hms_opt(h.min(23), m.min(59), 0).or_else(|| {
            (h == 24).then(|| NaiveTime::from_hms_opt(23, 59, 0).expect("a valid time"))
        });
    }
    if let Some(c) = EN_TIME.captures(sentence) {
        if let Some(word) = c.get(7) {
            return match word.as_str() {
                "midnight" => NaiveTime::from_hms_opt(23, 59, 0),
                _ => NaiveTime::from_hms_opt(12, 0, 0),
            };
        }
        if let Some(h) = c.get(1) {
            let mut h: u32 = h.as_str().parse().ok()?;
            let m: u32 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
            let pm = c.get(3).is_some_and(|x| x.as_str().starts_with('p'));
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
            return NaiveTime::from_hms_opt(h, m, 0);
        }
        let h: u32 = c.get(4)?.as_str().parse().ok()?;
        let m: u32 = c.get(5)?.as_str().parse().ok()?;
        return NaiveTime::from_hms_opt(h, m, 0);
    }
    None
}

/// The moment one sentence promises, if it promises one after `published`.
fn promised(sentence: &str, published: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let tz = *published.offset();
    let local = |d: NaiveDate, t: NaiveTime| tz.from_local_datetime(&d.and_time(t)).single();
    if let Some(c) = SPAN.captures(sentence) {
        let whole = c.get(0).expect("a match");
        let before = &sentence[..whole.start()];
        let bound = c.get(3).is_some() || WITHIN.is_match(before);
        if bound && let Some(n) = number(&c[1]) {
            let minutes = match &c[2] {
                "時間" | "hour" | "hours" => n * 60,
                "日" | "day" | "days" => n * 24 * 60,
                _ => n * 7 * 24 * 60,
            };
            // "3日" right after a month is a date, not a span.
            if !(c[2].starts_with('日') && before.trim_end().ends_with('月')) {
                return Some(published + Duration::minutes(minutes));
            }
        }
    }
    let today = published.date_naive();
    let time = time_of_day(sentence);
    match (day(sentence, today), time) {
        (Some(d), Some(t)) => local(d, t),
        (Some(d), None) => local(d, NaiveTime::from_hms_opt(23, 59, 0).expect("a valid time")),
        // A time of day alone is today's: one already past when the notice went out is
        // something that happened, not a promise.
        (None, Some(t)) => local(today, t).filter(|at| *at > published),
        (None, None) => None,
    }
}

/// The earliest moment after `published` that the text promises a further notice by.
pub fn find(text: &str, published: DateTime<FixedOffset>) -> Option<Promise> {
    let norm = Normalized::new(text);
    norm.sentences
        .iter()
        .copied()
        .filter(|&(s, e)| {
            let sentence = &norm.text[s..e];
            CUES.iter().any(|c| sentence.contains(c))
                && !NOT_A_PROMISE.iter().any(|c| sentence.contains(c))
        })
        .filter_map(|(s, e)| {
            let at = promised(&norm.text[s..e], published)?;
            let (a, b) = norm.span(s, e);
            (at > published).then(|| Promise {
                at,
                excerpt: norm.original(text, a, b).trim().to_string(),
            })
        })
        .min_by_key(|p| p.at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("a test time")
    }

    fn promise(text: &str) -> Option<String> {
        // Published on Wednesday 17 June 2026 at 14:00 in Japan.
        find(text, at("2026-06-17T14:00:00+09:00")).map(|p| p.at.to_rfc3339())
    }

    #[test]
    fn japanese_promises() {
        assert_eq!(
            promise("次回のお知らせは6月20日中に行います。").as_deref(),
            Some("2026-06-20T23:59:00+09:00")
        );
        assert_eq!(
            promise("続報は明日17時までにお知らせします。").as_deref(),
            Some("2026-06-18T17:00:00+09:00")
        );
        assert_eq!(
            promise("詳細が判明次第、24時間以内に改めてご報告いたします。").as_deref(),
            Some("2026-06-18T14:00:00+09:00")
        );
        assert_eq!(
            promise("本日午後6時に続報を公表いたします。").as_deref(),
            Some("2026-06-17T18:00:00+09:00")
        );
        assert_eq!(
            promise("次回は金曜日にご報告します。").as_deref(),
            Some("2026-06-19T23:59:00+09:00")
        );
        assert_eq!(
            promise("次回は6月19日(金)午前10時30分にお知らせします。").as_deref(),
            Some("2026-06-19T10:30:00+09:00")
        );
    }

    #[test]
    fn english_promises() {
        assert_eq!(
            promise("We will publish an update by Friday.").as_deref(),
            Some("2026-06-19T23:59:00+09:00")
        );
        assert_eq!(
            promise("Our next update will follow by 5 pm on June 18.").as_deref(),
            Some("2026-06-18T17:00:00+09:00")
        );
        assert_eq!(
            promise("We will report again within 48 hours.").as_deref(),
            Some("2026-06-19T14:00:00+09:00")
        );
        assert_eq!(
            promise("We will inform you tomorrow at 10:00.").as_deref(),
            Some("2026-06-18T10:00:00+09:00")
        );
    }

    #[test]
    fn promises_as_notices_write_them() {
        assert_eq!(
            promise("続報は明朝9時にお知らせいたします。").as_deref(),
            Some("2026-06-18T09:00:00+09:00")
        );
        assert_eq!(
            promise("次回のご報告は、1週間以内を予定しております。").as_deref(),
            Some("2026-06-24T14:00:00+09:00")
        );
        assert_eq!(
            promise("We will publish a further update within the next 24 hours.").as_deref(),
            Some("2026-06-18T14:00:00+09:00")
        );
        assert_eq!(
            promise("The next update will be published no later than 18:00 on 20 June.").as_deref(),
            Some("2026-06-20T18:00:00+09:00")
        );
        assert_eq!(
            promise("次回は本日17:30にお知らせします。").as_deref(),
            Some("2026-06-17T17:30:00+09:00")
        );
        // Of two promises, the sooner binds.
        assert_eq!(
            promise("明日中に続報を出します。なお、本日18時にも状況をお知らせします。").as_deref(),
            Some("2026-06-17T18:00:00+09:00")
        );
    }

    #[test]
    fn the_inquiry_desks_hours_are_not_a_promise() {
        assert_eq!(
            promise("お問い合わせ窓口(受付時間 15時〜18時)までご連絡ください。"),
            None
        );
        assert_eq!(
            promise("Please contact our hotline, open until 6 pm today, for any update."),
            None
        );
        // "24時間" alone is not a span promised.
        assert_eq!(
            promise("24時間体制で監視していることをお知らせします。"),
            None
        );
    }

    #[test]
    fn no_promise_no_moment() {
        assert_eq!(promise("6月15日に不正アクセスを確認しました。"), None);
        assert_eq!(promise("We apologise for the inconvenience."), None);
        // A date in the past of the notice is what happened, not a promise.
        assert_eq!(
            promise("The breach was found on June 15, as we report here."),
            None
        );
        // "6月3日" is a date, not a span of 3 days.
        assert_eq!(
            promise("続報は7月3日にお知らせします。").as_deref(),
            Some("2026-07-03T23:59:00+09:00")
        );
    }
}
