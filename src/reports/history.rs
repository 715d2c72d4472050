//! Progress over months: the drills in the data folder, oldest first, with their total and
//! per-area scores and the change since the previous drill, for `pressroom history` and the
//! app's history screen.

use crate::records::record::Record;
use crate::store::data::DataDir;
use crate::text::{Lang, Text};
use serde::Serialize;
use std::collections::BTreeMap;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// One past drill in the history.
#[derive(Debug, Clone, Serialize)]
pub struct Drill {
    /// Its record file.
    pub path: String,
    /// When it began (RFC 3339).
    pub started: Option<String>,
    /// The scenario's ID.
    pub scenario: String,
    /// The scenario's title.
    pub title: Text,
    /// The team, if any.
    pub team: Option<String>,
    /// The total.
    pub total: f64,
    /// Each area's score.
    pub areas: BTreeMap<String, f64>,
    /// Each area's rating (P, S, M, U), where the record keeps one.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub ratings: BTreeMap<String, String>,
    /// Total minus the total of the previous drill of the same scenario (same filter), if
    /// there was one scored under the same model: drills of other scenarios are not
    /// compared with it.
    pub change: Option<f64>,
    /// The scoring model its total comes from.
    pub model: u32,
}

/// Past drills, oldest first, with the change from one to the next.
#[derive(Debug, Clone, Serialize)]
pub struct History {
    /// The drills.
    pub drills: Vec<Drill>,
    /// Record files that could not be read, with the reason.
    pub unreadable: Vec<(String, String)>,
}

/// Every record in the data folder, read once and ordered by start time (file-name order
/// first, so records with the same start keep the order they were saved in), with the files
/// that could not be read. History, progress by rule, open actions and team lists all come
/// from one reading.
#[derive(Debug, Clone, Default)]
pub struct Records {
    /// Each readable record with the path it was read from.
    pub entries: Vec<(String, Record)>,
    /// Record files that could not be read, with the reason.
    pub unreadable: Vec<(String, String)>,
}

impl Records {
    /// Reads every record in the data folder once.
    pub fn read(data: &DataDir) -> Records {
        let mut out = Records::default();
        for stored in data.records_list() {
            let shown = stored.path.display().to_string();
            match stored.record {
                Ok(r) => out.entries.push((shown, r)),
                Err(why) => out.unreadable.push((shown, why)),
            }
        }
        out.entries.sort_by(|a, b| a.1.started.cmp(&b.1.started));
        out
    }

    /// The records of one team, or all of them, oldest first.
    pub fn of(&self, team: Option<&str>) -> impl Iterator<Item = &(String, Record)> {
        self.entries
            .iter()
            .filter(move |(_, r)| team.is_none() || r.team.as_deref() == team)
    }

    /// The teams that have records, in name order.
    pub fn teams(&self) -> Vec<String> {
        let teams: std::collections::BTreeSet<&String> = self
            .entries
            .iter()
            .filter_map(|(_, r)| r.team.as_ref())
            .collect();
        teams.into_iter().cloned().collect()
    }

    /// A team's most recent record.
    pub fn latest(&self, team: &str) -> Option<&Record> {
        self.of(Some(team)).last().map(|(_, r)| r)
    }

    /// The drills of one team (or all), with each one's change since the one before.
    pub fn history(&self, team: Option<&str>) -> History {
        let mut drills: Vec<Drill> = self
            .of(team)
            .map(|(path, r)| Drill {
                path: path.clone(),
                started: r.started.clone(),
                scenario: r.scenario.clone(),
                title: r.title.clone(),
                team: r.team.clone(),
                total: r.result.total,
                areas: r.result.areas.clone(),
                ratings: r.result.ratings.clone(),
                change: None,
                model: r.result.model,
            })
            .collect();
        with_changes(&mut drills);
        History {
            drills,
            unreadable: self.unreadable.clone(),
        }
    }

    /// Each rule's earned share (0–1) in each drill, oldest first; `None` where a drill's
    /// scenario did not exercise the rule.
    pub fn by_rule(&self, team: Option<&str>) -> BTreeMap<String, Vec<Option<f64>>> {
        let records: Vec<&Record> = self.of(team).map(|(_, r)| r).collect();
        let mut out: BTreeMap<String, Vec<Option<f64>>> = BTreeMap::new();
        for (i, r) in records.iter().enumerate() {
            for (rule, share) in &r.result.rules {
                out.entry(rule.clone())
                    .or_insert_with(|| vec![None; records.len()])[i] = Some(*share);
            }
        }
        out
    }

    /// Corrective actions a team promised in earlier drills and has not closed yet, oldest
    /// first, each with the start of the drill that raised it.
    pub fn open_actions(
        &self,
        team: &str,
    ) -> Vec<(crate::records::record::Improvement, Option<String>)> {
        let records: Vec<&Record> = self.of(Some(team)).map(|(_, r)| r).collect();
        let closed: std::collections::BTreeSet<&str> = records
            .iter()
            .flat_map(|r| r.closed.iter().map(String::as_str))
            .collect();
        let mut open: Vec<_> = records
            .iter()
            .flat_map(|r| r.plan.iter().map(move |p| (p.clone(), r.started.clone())))
            .filter(|(p, _)| !closed.contains(p.id.as_str()))
            .collect();
        open.dedup_by(|a, b| a.0.id == b.0.id);
        open
    }
}

impl History {
    /// The drills in `data`, optionally only one team's, ordered by start time.
    pub fn load(data: &DataDir, team: Option<&str>) -> History {
        Records::read(data).history(team)
    }

    /// Mean change per drill, each drill against the one before it on the same scenario
    /// (under the same scoring model); `None` while no scenario has been played twice.
    pub fn trend(&self) -> Option<f64> {
        let changes: Vec<f64> = self.drills.iter().filter_map(|d| d.change).collect();
        (!changes.is_empty()).then(|| round1(changes.iter().sum::<f64>() / changes.len() as f64))
    }

    /// The history as a text table, in `lang`, with times at `offset` (the user's zone).
    pub fn render(&self, lang: Lang, offset: chrono::FixedOffset) -> String {
        let t = |ja: &'static str, en: &'static str| if lang == Lang::Ja { ja } else { en };
        let mut out = String::new();
        if self.drills.is_empty() {
            out.push_str(t(
                "記録された訓練はまだありません。\n",
                "No drills recorded yet.\n",
            ));
        }
        let areas = crate::playbook::Area::ALL;
        // The start column is as wide as a time (16) or its heading, whichever is wider.
        let started_heading = format!("{} ({})", t("開始", "started"), zone(offset));
        let started_width = 16.max(unicode_width::UnicodeWidthStr::width(
            started_heading.as_str(),
        ));
        if !self.drills.is_empty() {
            out.push_str(&format!(
                "{} {} {} {}",
                pad(&started_heading, started_width),
                pad(t("シナリオ", "scenario"), 36),
                pad_left(t("総合", "total"), 6),
                pad_left("±", 6)
            ));
            for a in areas {
                let name = match lang {
                    Lang::Ja => a.label().get(lang).to_string(),
                    Lang::En => a.key().to_string(),
                };
                out.push(' ');
                out.push_str(&pad_left(&name, 8));
            }
            out.push('\n');
        }
        for d in &self.drills {
            let started = when(d.started.as_deref(), offset);
            let change = d
                .change
                .map(|c| format!("{c:+.1}"))
                .unwrap_or_else(|| "".into());
            let mut name = d.title.get(lang).to_string();
            if name.is_empty() {
                name = d.scenario.clone();
            }
            if let Some(team) = &d.team {
                name = format!("[{team}] {name}");
            }
            // A total from an earlier scoring model is marked, not compared.
            let total = if d.model < crate::scoring::MODEL {
                format!("{:.1}*", d.total)
            } else {
                format!("{:.1}", d.total)
            };
            out.push_str(&format!(
                "{} {} {total:>6} {change:>6}",
                pad(&started, started_width),
                pad(&clip(&name, 36), 36),
            ));
            for a in areas {
                match (d.areas.get(a.key()), d.ratings.get(a.key())) {
                    (Some(v), Some(r)) => out.push_str(&format!(" {:>8}", format!("{v:.1} {r}"))),
                    (Some(v), None) => out.push_str(&format!(" {v:>8.1}")),
                    (None, _) => out.push_str(&format!(" {:>8}", "—")),
                }
            }
            out.push('\n');
        }
        if self.drills.iter().any(|d| d.model < crate::scoring::MODEL) {
            out.push_str(t(
                "* 以前の採点方式による点数です(比較しません)。`pressroom rescore 記録` で今の方式の点数を確かめられます。\n",
                "* scored under an earlier scoring model and not compared; `pressroom rescore RECORD` shows today's score.\n",
            ));
        }
        if let Some(trend) = self.trend() {
            out.push_str(&format!(
                "{}: {trend:+.1} {}\n",
                t("傾向", "trend"),
                t(
                    "点/回(同じシナリオの前回と比べて)",
                    "points per drill (each against the last drill of its scenario)"
                )
            ));
        }
        for (path, why) in &self.unreadable {
            out.push_str(&format!("{path}: {why}\n"));
        }
        out
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// At most `width` terminal columns (a Japanese character takes two), with an ellipsis
/// when cut.
fn clip(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    // The width so far is kept, not measured again: clipping is linear in the text.
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Pads to `width` terminal columns on the right.
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

fn pad_left(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

/// A time zone as a column heading says it: UTC, UTC+09:00.
pub fn zone(offset: chrono::FixedOffset) -> String {
    match offset.local_minus_utc() {
        0 => "UTC".to_string(),
        _ => format!("UTC{offset}"),
    }
}

/// When a drill began (RFC 3339, as records keep it) at `offset`, to the minute; as
/// written when it does not read as a time.
pub fn when(started: Option<&str>, offset: chrono::FixedOffset) -> String {
    let Some(s) = started else {
        return "—".to_string();
    };
    match chrono::DateTime::parse_from_rfc3339(s) {
        Ok(t) => t
            .with_timezone(&offset)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        Err(_) => s.chars().take(16).collect::<String>().replace('T', " "),
    }
}

/// Each drill's change since the last drill of the same scenario under the same model.
fn with_changes(drills: &mut [Drill]) {
    let mut last: BTreeMap<(String, u32), f64> = BTreeMap::new();
    for d in drills.iter_mut() {
        let key = (d.scenario.clone(), d.model);
        d.change = last.get(&key).map(|before| round1(d.total - before));
        last.insert(key, d.total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drill(scenario: &str, total: f64) -> Drill {
        Drill {
            path: String::new(),
            started: None,
            scenario: scenario.into(),
            title: Text::new("", ""),
            team: None,
            total,
            areas: BTreeMap::new(),
            ratings: BTreeMap::new(),
            change: None,
            model: 2,
        }
    }

    #[test]
    fn times_are_shown_in_the_zone_asked_for() {
        let jst = chrono::FixedOffset::east_opt(9 * 3600).unwrap();
        let utc = chrono::FixedOffset::east_opt(0).unwrap();
        let started = Some("2026-12-01T19:35:10.250Z");
        assert_eq!(when(started, jst), "2026-12-02 04:35");
        assert_eq!(when(started, utc), "2026-12-01 19:35");
        assert_eq!(zone(jst), "UTC+09:00");
        assert_eq!(zone(utc), "UTC");
        assert_eq!(when(Some("not a time"), jst), "not a time");
        assert_eq!(when(None, jst), "—");
    }

    #[test]
    fn change_and_trend_compare_a_drill_with_its_own_scenario_only() {
        let mut drills = vec![
            drill("a", 60.0),
            drill("b", 95.0),
            drill("a", 70.0),
            drill("b", 85.0),
            drill("c", 40.0),
        ];
        with_changes(&mut drills);
        let changes: Vec<Option<f64>> = drills.iter().map(|d| d.change).collect();
        assert_eq!(changes, vec![None, None, Some(10.0), Some(-10.0), None]);
        let history = History {
            drills,
            unreadable: Vec::new(),
        };
        // (+10 − 10) / 2; comparing across scenarios would have said −5 per drill.
        assert_eq!(history.trend(), Some(0.0));
    }

    #[test]
    fn clipping_counts_columns_and_is_linear() {
        assert_eq!(clip("製造業のランサムウェア", 9), "製造業の…");
        assert_eq!(clip("short", 9), "short");
        // 60,000 combining marks: each takes no column, so the whole run fits before the cut.
        let marks = format!("a{}bcdefghijk", "\u{0301}".repeat(60_000));
        let clipped = clip(&marks, 5);
        assert!(clipped.ends_with("bcd…"), "{}", clipped.chars().count());
    }
}
