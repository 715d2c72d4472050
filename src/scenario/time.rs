//! Simulated time: minutes since the scenario's start, parsed from what writers type
//! (`"+45m"`, `"+1h30m"`, `"2d"`, or a full date-time with its offset).

use chrono::{DateTime, Duration, FixedOffset};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A moment in a drill, in whole minutes since the scenario clock started.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct SimTime(pub u32);

impl SimTime {
    /// The scenario's start.
    pub const START: SimTime = SimTime(0);

    /// The minutes since the start.
    pub fn minutes(self) -> u32 {
        self.0
    }

    /// A moment `minutes` later (saturating).
    pub fn plus(self, minutes: u32) -> SimTime {
        SimTime(self.0.saturating_add(minutes))
    }

    /// The wall-calendar time this moment stands for in the scenario.
    pub fn to_datetime(self, start: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
        start + Duration::minutes(i64::from(self.0))
    }
}

impl fmt::Display for SimTime {
    /// `+1h05m`, `+2d03h00m`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, h, m) = (self.0 / 1440, (self.0 / 60) % 24, self.0 % 60);
        if d > 0 {
            write!(f, "+{d}d{h:02}h{m:02}m")
        } else {
            write!(f, "+{h}h{m:02}m")
        }
    }
}

/// Parses a span such as `45m`, `1h30m`, `2d`, `90` (minutes) into minutes.
pub fn parse_span(text: &str) -> Result<u32, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("an empty time".to_string());
    }
    if let Ok(n) = t.parse::<u32>() {
        return Ok(n);
    }
    let too_large = || "the time is too large".to_string();
    let mut total: u64 = 0;
    let mut digits = String::new();
    let mut seen_unit = false;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let factor: u64 = match c {
            'd' => 1440,
            'h' => 60,
            'm' => 1,
            ' ' => continue,
            _ => return Err(format!("`{c}` is not a time unit")),
        };
        if digits.is_empty() {
            return Err(format!("a number is missing before `{c}`"));
        }
        // Checked all the way: a number past u64, or a product or sum past it, is an error,
        // never a wrapped-around small time.
        let n: u64 = digits.parse().map_err(|_| too_large())?;
        digits.clear();
        total = n
            .checked_mul(factor)
            .and_then(|x| total.checked_add(x))
            .ok_or_else(too_large)?;
        seen_unit = true;
    }
    if !digits.is_empty() || !seen_unit {
        return Err("a number has no unit".to_string());
    }
    u32::try_from(total).map_err(|_| "the time is too large".to_string())
}

/// Parses a moment: `+45m` (after the start), or an RFC 3339 date-time on the scenario's clock.
pub fn parse_moment(text: &str, start: DateTime<FixedOffset>) -> Result<SimTime, String> {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix('+') {
        return parse_span(rest).map(SimTime);
    }
    if let Ok(at) = DateTime::parse_from_rfc3339(t) {
        let minutes = (at - start).num_minutes();
        if minutes < 0 {
            return Err(format!("{t} is before the scenario starts"));
        }
        return u32::try_from(minutes)
            .map(SimTime)
            .map_err(|_| "the time is too far from the start".to_string());
    }
    parse_span(t).map(SimTime)
}

/// How to write a time, for diagnostics' hints.
pub const TIME_HINT: &str = "write a time after the start as \"+45m\", \"+1h30m\" or \"+2d\", or a date-time such as \"2026-03-12T10:00:00+09:00\"";
/// [`TIME_HINT`] in Japanese.
pub const TIME_HINT_JA: &str = "開始からの時間を \"+45m\"、\"+1h30m\"、\"+2d\" のように、または \"2026-03-12T10:00:00+09:00\" のような日時で書いてください";

/// The diagnostic for `text`, which is not a time (`why` says how, from the parser), with
/// how to write one, in both languages: the one every file that holds times gives.
pub fn bad_time(text: &str, why: &str) -> crate::source::diagnostic::Diagnostic {
    crate::source::diagnostic::Diagnostic::error("bad-time", format!("`{text}`: {why}"))
        // The parser's reason is English; the Japanese says what is wrong and how to write
        // it instead.
        .ja(format!("`{text}` は時刻として読めません"))
        .hint_in(crate::text::Text::new(TIME_HINT_JA, TIME_HINT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_moments() {
        let start = DateTime::parse_from_rfc3339("2026-03-12T08:30:00+09:00").unwrap();
        assert_eq!(parse_span("45m"), Ok(45));
        assert_eq!(parse_span("1h30m"), Ok(90));
        assert_eq!(parse_span("2d"), Ok(2880));
        assert_eq!(parse_span("90"), Ok(90));
        assert!(parse_span("1x").is_err());
        assert!(parse_span("h").is_err());
        assert!(parse_span("12").is_ok());
        assert_eq!(parse_moment("+1h", start), Ok(SimTime(60)));
        assert_eq!(
            parse_moment("2026-03-12T10:00:00+09:00", start),
            Ok(SimTime(90))
        );
        assert_eq!(parse_moment("2026-03-12T01:00:00Z", start), Ok(SimTime(90)));
        assert!(parse_moment("2026-03-12T08:00:00+09:00", start).is_err());
        assert_eq!(SimTime(65).to_string(), "+1h05m");
        assert_eq!(SimTime(1505).to_string(), "+1d01h05m");
        // Overflow is an error, never a small time that wrapped around.
        assert!(parse_moment("+18446744073709551615m6m", start).is_err());
        assert!(parse_span("18446744073709551615m1441m").is_err());
        assert!(parse_span("99999999999999999999999m").is_err());
        assert!(parse_span("4294967296m").is_err());
        assert_eq!(parse_span("4294967295m"), Ok(u32::MAX));
    }
}
