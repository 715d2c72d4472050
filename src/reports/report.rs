//! The after-action report of a recorded drill, as Markdown or as one self-contained HTML
//! file with inline SVG charts: summary, timeline of injects, decisions (with their owners),
//! notes and publications, scores by area and rule, strengths, areas for improvement, observer
//! notes and the improvement plan. Every text from a scenario, a participant or a note is
//! escaped in HTML.

use super::escape::{html as esc, markdown as md_escape};
use crate::playbook::{Area, Playbook};
use crate::records::record::Record;
use crate::scenario::{DecisionKind, DecisionRef, InjectRef, Scenario, Sender, SimTime, Stage};
use crate::scoring::{Score, grade_label};
use crate::session::{Answer, DecisionState, Session};
use crate::text::Lang;
use std::collections::BTreeMap;
use std::fmt::Write;

fn t(lang: Lang, ja: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// One line of the report's timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    /// When, on the scenario clock.
    pub at: SimTime,
    /// What kind of moment.
    pub kind: MomentKind,
    /// What happened.
    pub what: String,
    /// Who owned it: the decision's owner, the inject's sender.
    pub who: String,
}

/// What kind of moment a timeline line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MomentKind {
    /// An inject arrived.
    Inject,
    /// A decision was taken or expired.
    Decision,
    /// A stage was published.
    Publication,
    /// A facilitator's note.
    Note,
}

impl MomentKind {
    fn label(self, l: Lang) -> &'static str {
        match self {
            MomentKind::Inject => t(l, "情報", "inject"),
            MomentKind::Decision => t(l, "判断", "decision"),
            MomentKind::Publication => t(l, "公表", "published"),
            MomentKind::Note => t(l, "所見", "note"),
        }
    }
}

/// A decision's answer in a few words, for timelines and side-by-side views.
pub fn answer_summary(scenario: &Scenario, d: DecisionRef, answer: &Answer, l: Lang) -> String {
    let dec = scenario.decision(d);
    match (answer, &dec.kind) {
        (Answer::Choice(id), DecisionKind::Choice { options }) => options
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.label.get(l).to_string())
            .unwrap_or_else(|| id.clone()),
        (Answer::Choice(id), DecisionKind::Inquiry(q)) => q
            .answers
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.label.get(l).to_string())
            .unwrap_or_else(|| id.clone()),
        (Answer::Publish, DecisionKind::Timing(x)) => {
            format!("{}: {}", t(l, "公表", "Published"), x.stage.label().get(l))
        }
        (Answer::Publish, _) => t(l, "公表", "Published").to_string(),
        (Answer::Roles(map), kind) => map
            .iter()
            .map(|(role, person)| {
                let role = match kind {
                    DecisionKind::Roles(r) => r
                        .roles
                        .iter()
                        .find(|x| &x.id == role)
                        .map(|x| x.name.get(l).to_string())
                        .unwrap_or_else(|| role.clone()),
                    _ => role.clone(),
                };
                let name = if person.is_empty() {
                    t(l, "担当者なし", "nobody").to_string()
                } else {
                    scenario
                        .cast
                        .iter()
                        .find(|p| &p.id == person)
                        .map(|p| p.name.get(l).to_string())
                        .unwrap_or_else(|| person.clone())
                };
                format!("{role}: {name}")
            })
            .collect::<Vec<_>>()
            .join(", "),
        (Answer::Candidate(id), DecisionKind::Draft(x)) => x
            .candidates
            .iter()
            .find(|c| &c.id == id)
            .map(|c| {
                format!(
                    "{} {}",
                    t(l, "用意された案:", "Prepared text:"),
                    c.label.get(l)
                )
            })
            .unwrap_or_else(|| id.clone()),
        (Answer::Candidate(id), _) | (Answer::Choice(id), _) => id.clone(),
        (Answer::Text(text), _) => quote(text),
        (Answer::Texts { ja, en }, _) => format!("ja {} / en {}", quote(ja), quote(en)),
        (Answer::Reopen, _) => t(l, "書き直しのため取り下げ", "Taken back to rewrite").to_string(),
    }
}

fn quote(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 80 {
        format!("「{}…」", flat.chars().take(80).collect::<String>())
    } else {
        format!("「{flat}」")
    }
}

/// Everything a report shows, gathered once from the record and its replay.
pub struct Report<'a> {
    /// The drill's record.
    pub record: &'a Record,
    /// The replayed drill.
    pub session: &'a Session,
    /// Its score.
    pub score: &'a Score,
    /// The playbook it was scored against.
    pub playbook: &'a Playbook,
    /// The language the report is written in.
    pub lang: Lang,
}

impl Report<'_> {
    fn scenario(&self) -> &Scenario {
        &self.session.scenario
    }

    /// Who owns a decision: the member recorded as taking it, else the member holding the
    /// decision's function.
    fn owner(&self, d: DecisionRef) -> String {
        let id = &self.scenario().decision(d).id;
        if let Some(by) = self
            .record
            .actions
            .iter()
            .find(|a| &a.decision == id)
            .and_then(|a| a.by.clone())
        {
            return by;
        }
        let Some(function) = self.scenario().decision(d).owner.clone() else {
            return String::new();
        };
        let names: Vec<&str> = self
            .record
            .members
            .iter()
            .filter(|m| m.function == function)
            .map(|m| m.name.as_str())
            .collect();
        if names.is_empty() {
            format!(
                "({})",
                self.scenario().department_label(&function).get(self.lang)
            )
        } else {
            names.join(", ")
        }
    }

    /// Every moment of the drill, in order.
    pub fn timeline(&self) -> Vec<Moment> {
        let s = self.scenario();
        let l = self.lang;
        let mut out = Vec::new();
        for (i, inj) in s.injects.iter().enumerate() {
            if let Some(at) = self.session.arrived_at(InjectRef(i)) {
                let who = match &inj.from {
                    Sender::Person(p) => s.person(*p).name.get(l).to_string(),
                    Sender::Outside(name) => name.get(l).to_string(),
                };
                let head = if inj.subject.is_empty() {
                    inj.body.get(l)
                } else {
                    inj.subject.get(l)
                };
                let channel = match &inj.to {
                    Some(to) => format!(
                        "{} → {}",
                        inj.channel.label().get(l),
                        s.department_label(to).get(l)
                    ),
                    None => inj.channel.label().get(l).to_string(),
                };
                out.push(Moment {
                    at,
                    kind: MomentKind::Inject,
                    what: format!("[{channel}] {head}"),
                    who,
                });
            }
        }
        for (i, dec) in s.decisions.iter().enumerate() {
            let d = DecisionRef(i);
            match self.session.decision(d) {
                DecisionState::Answered { at, answer, .. } => out.push(Moment {
                    at: *at,
                    kind: MomentKind::Decision,
                    what: format!("{}: {}", dec.title.get(l), answer_summary(s, d, answer, l)),
                    who: self.owner(d),
                }),
                DecisionState::Expired { at, .. } => out.push(Moment {
                    at: *at,
                    kind: MomentKind::Decision,
                    what: format!(
                        "{}: {}",
                        dec.title.get(l),
                        t(l, "期限切れ(回答なし)", "expired without an answer")
                    ),
                    who: self.owner(d),
                }),
                _ => {}
            }
        }
        for (stage, at) in self.session.published() {
            out.push(Moment {
                at: *at,
                kind: MomentKind::Publication,
                what: stage.label().get(l).to_string(),
                who: String::new(),
            });
        }
        for n in &self.record.notes {
            out.push(Moment {
                at: n.at,
                kind: MomentKind::Note,
                what: n.text.clone(),
                who: String::new(),
            });
        }
        out.sort_by_key(|m| (m.at, m.kind));
        out
    }

    /// Per rule: title, earned, at stake (its counted findings: once per drill or stage), in
    /// playbook order.
    fn rules(&self) -> Vec<(String, String, f64, f64)> {
        let mut sums: BTreeMap<&str, (f64, f64)> = BTreeMap::new();
        for f in self.score.findings.iter().filter(|f| f.counted) {
            let e = sums.entry(f.rule.as_str()).or_default();
            e.0 += f.points;
            e.1 += f.max;
        }
        self.playbook
            .rules
            .iter()
            .filter_map(|r| {
                sums.get(r.id.as_str())
                    .map(|(p, m)| (r.id.clone(), r.title.get(self.lang).to_string(), *p, *m))
            })
            .collect()
    }

    fn rule_title(&self, id: &str) -> String {
        self.playbook
            .rule(id)
            .map(|r| r.title.get(self.lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// The first reason a rule lost points, for "areas for improvement".
    fn why_lost(&self, rule: &str) -> String {
        self.score
            .findings
            .iter()
            .find(|f| f.rule == rule && f.counted && f.points < f.max)
            .map(|f| f.message.get(self.lang).to_string())
            .unwrap_or_default()
    }

    fn started(&self) -> String {
        self.record
            .started
            .as_deref()
            .map(|s| s.chars().take(16).collect::<String>().replace('T', " ") + " UTC")
            .unwrap_or_else(|| "—".to_string())
    }

    /// The report as a sequence of blocks, the same for every output format.
    fn blocks(&self) -> Vec<Block> {
        let l = self.lang;
        let s = self.scenario();
        let text = |x: &str| Cell::Text(x.to_string());
        let mut summary = Vec::new();
        if let Some(team) = &self.record.team {
            summary.push((t(l, "チーム", "Team"), team.clone()));
        }
        summary.push((t(l, "実施日時", "Held"), self.started()));
        summary.push((
            t(l, "組織", "Organisation"),
            s.organisation.name.get(l).to_string(),
        ));
        if !self.record.members.is_empty() {
            let people: Vec<String> = self
                .record
                .members
                .iter()
                .map(|m| format!("{} ({})", m.name, m.function.label().get(l)))
                .collect();
            summary.push((t(l, "参加者", "Participants"), people.join(", ")));
        }
        summary.push((
            t(l, "総合点", "Total"),
            format!(
                "{:.1} / 100 ({})",
                self.score.total,
                grade_label(self.score.grade).get(l)
            ),
        ));
        summary.push((t(l, "シード", "Seed"), self.record.seed.to_string()));

        let areas = Area::ALL
            .iter()
            .filter_map(|a| {
                self.score.areas.get(a.key()).map(|x| Row {
                    class: "",
                    cells: vec![
                        text(a.label().get(l)),
                        Cell::Num(format!("{:.1}", x.score)),
                        text(x.rating.label().get(l)),
                    ],
                })
            })
            .collect();
        let timeline = self
            .timeline()
            .into_iter()
            .map(|m| Row {
                class: match m.kind {
                    MomentKind::Inject => "inject",
                    MomentKind::Decision => "decision",
                    MomentKind::Publication => "publication",
                    MomentKind::Note => "note",
                },
                cells: vec![
                    text(&m.at.to_string()),
                    text(m.kind.label(l)),
                    text(&m.what),
                    text(&m.who),
                ],
            })
            .collect();
        let rules = self
            .rules()
            .into_iter()
            .map(|(id, title, p, m)| Row {
                class: if p >= m { "full" } else { "lost" },
                cells: vec![
                    Cell::Code(id),
                    Cell::Text(title),
                    Cell::Num(format!("{p:.1} / {m:.1}")),
                ],
            })
            .collect();
        let plan = self
            .record
            .plan
            .iter()
            .map(|p| Row {
                class: "",
                cells: vec![
                    text(&p.issue),
                    text(&p.action),
                    text(&p.owner),
                    text(&p.due),
                ],
            })
            .collect();
        let or_dash = |items: Vec<Item>| {
            if items.is_empty() {
                vec![Item {
                    strong: String::new(),
                    rest: "—".into(),
                }]
            } else {
                items
            }
        };
        vec![
            Block::Title(format!(
                "{}: {}",
                t(l, "訓練の振り返り報告", "After-action report"),
                s.title.get(l)
            )),
            Block::Heading(t(l, "概要", "Summary")),
            Block::Facts(summary),
            Block::Table {
                class: "areas",
                head: vec![
                    t(l, "分野", "Area"),
                    t(l, "点", "Score"),
                    t(l, "評価", "Rating"),
                ],
                rows: areas,
                empty: "",
            },
            Block::Chart(self.area_chart()),
            Block::Chart(format!(
                "<h2>{}</h2>\n{}",
                t(l, "公表のタイミング", "When the team published"),
                self.timing_chart()
            )),
            Block::Heading(t(l, "経過", "Timeline")),
            Block::Table {
                class: "timeline",
                head: vec![
                    t(l, "時刻", "Time"),
                    t(l, "種類", "Kind"),
                    t(l, "内容", "What"),
                    t(l, "担当・発信者", "Owner / from"),
                ],
                rows: timeline,
                empty: "",
            },
            Block::Heading(t(l, "規則ごとの得点", "Scores by rule")),
            Block::Table {
                class: "rules",
                head: vec![
                    t(l, "規則", "Rule"),
                    t(l, "内容", "Title"),
                    t(l, "得点", "Points"),
                ],
                rows: rules,
                empty: "",
            },
            Block::Heading(t(l, "良かった点", "Strengths")),
            Block::List(or_dash(
                self.score
                    .strengths
                    .iter()
                    .map(|r| Item {
                        strong: String::new(),
                        rest: format!("{} ({r})", self.rule_title(r)),
                    })
                    .collect(),
            )),
            Block::Heading(t(l, "改善が必要な点", "Areas for improvement")),
            Block::List(or_dash(
                self.score
                    .improvements
                    .iter()
                    .map(|r| Item {
                        strong: format!("{} ({r})", self.rule_title(r)),
                        rest: self.why_lost(r),
                    })
                    .collect(),
            )),
            Block::Heading(t(l, "観察者の所見", "Observer notes")),
            Block::List(or_dash(
                self.record
                    .notes
                    .iter()
                    .map(|n| Item {
                        strong: String::new(),
                        rest: format!("{} {}", n.at, n.text),
                    })
                    .collect(),
            )),
            Block::Heading(t(l, "改善計画", "Improvement plan")),
            Block::Table {
                class: "plan",
                head: vec![
                    t(l, "課題", "Issue"),
                    t(l, "是正措置", "Corrective action"),
                    t(l, "担当", "Owner"),
                    t(l, "期限", "Due"),
                ],
                rows: plan,
                empty: t(l, "(まだ記入されていません)", "(not filled in yet)"),
            },
        ]
    }

    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let mut o = String::new();
        for block in self.blocks() {
            match block {
                Block::Title(x) => {
                    let _ = writeln!(o, "# {}\n", md_escape(&x));
                }
                Block::Heading(x) => {
                    let _ = writeln!(o, "## {x}\n");
                }
                Block::Facts(pairs) => {
                    for (k, v) in pairs {
                        let _ = writeln!(o, "- {k}: {}", md_escape(&v));
                    }
                    o.push('\n');
                }
                Block::Table {
                    head, rows, empty, ..
                } => {
                    if rows.is_empty() && !empty.is_empty() {
                        let _ = writeln!(o, "{empty}\n");
                        continue;
                    }
                    let _ = writeln!(o, "| {} |", head.join(" | "));
                    let align: Vec<&str> = rows
                        .first()
                        .map(|r| {
                            r.cells
                                .iter()
                                .map(|c| {
                                    if matches!(c, Cell::Num(_)) {
                                        "---:"
                                    } else {
                                        "---"
                                    }
                                })
                                .collect()
                        })
                        .unwrap_or_else(|| vec!["---"; head.len()]);
                    let _ = writeln!(o, "|{}|", align.join("|"));
                    for row in rows {
                        let cells: Vec<String> = row.cells.iter().map(Cell::markdown).collect();
                        let _ = writeln!(o, "| {} |", cells.join(" | "));
                    }
                    o.push('\n');
                }
                Block::List(items) => {
                    for item in items {
                        if item.strong.is_empty() {
                            let _ = writeln!(o, "- {}", md_escape(&item.rest));
                        } else {
                            let _ = writeln!(
                                o,
                                "- **{}**: {}",
                                md_escape(&item.strong),
                                md_escape(&item.rest)
                            );
                        }
                    }
                    o.push('\n');
                }
                Block::Chart(_) => {}
            }
        }
        o.truncate(o.trim_end().len());
        o.push('\n');
        o
    }

    /// The report as one self-contained HTML file.
    pub fn html(&self) -> String {
        let l = self.lang;
        let mut o = String::new();
        for block in self.blocks() {
            match block {
                Block::Title(x) => {
                    let _ = writeln!(
                        o,
                        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"/>\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
<title>{}</title><style>{STYLE}</style></head><body>\n<h1>{}</h1>",
                        l.code(),
                        esc(&x),
                        esc(&x)
                    );
                }
                Block::Heading(x) => {
                    let _ = writeln!(o, "<h2>{}</h2>", esc(x));
                }
                Block::Facts(pairs) => {
                    o.push_str("<dl>");
                    for (k, v) in pairs {
                        let _ = write!(o, "<dt>{}</dt><dd>{}</dd>", esc(k), esc(&v));
                    }
                    o.push_str("</dl>\n");
                }
                Block::Table { class: "areas", .. } => {} // drawn as a chart
                Block::Table {
                    class,
                    head,
                    rows,
                    empty,
                } => {
                    let _ = write!(o, "<table class=\"{class}\"><thead><tr>");
                    for h in &head {
                        let _ = write!(o, "<th>{}</th>", esc(h));
                    }
                    o.push_str("</tr></thead><tbody>\n");
                    if rows.is_empty() && !empty.is_empty() {
                        let _ = writeln!(
                            o,
                            "<tr><td colspan=\"{}\">{}</td></tr>",
                            head.len(),
                            esc(empty)
                        );
                    }
                    for row in rows {
                        if row.class.is_empty() {
                            o.push_str("<tr>");
                        } else {
                            let _ = write!(o, "<tr class=\"{}\">", row.class);
                        }
                        for c in &row.cells {
                            o.push_str(&c.html());
                        }
                        o.push_str("</tr>\n");
                    }
                    o.push_str("</tbody></table>\n");
                }
                Block::List(items) => {
                    o.push_str("<ul>");
                    for item in items {
                        if item.strong.is_empty() {
                            let _ = write!(o, "<li>{}</li>", esc(&item.rest));
                        } else {
                            let _ = write!(
                                o,
                                "<li><strong>{}</strong>: {}</li>",
                                esc(&item.strong),
                                esc(&item.rest)
                            );
                        }
                    }
                    o.push_str("</ul>\n");
                }
                Block::Chart(svg) => o.push_str(&svg),
            }
        }
        o.push_str("</body></html>\n");
        o
    }

    /// A horizontal bar per area, 0–100.
    fn area_chart(&self) -> String {
        let l = self.lang;
        let rows: Vec<(String, f64, &str)> = Area::ALL
            .iter()
            .filter_map(|a| {
                self.score
                    .areas
                    .get(a.key())
                    .map(|s| (a.label().get(l).to_string(), s.score, s.rating.letter()))
            })
            .collect();
        let (label_w, bar_w, row_h) = (140.0, 420.0, 28.0);
        let height = rows.len() as f64 * row_h + 10.0;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\"><title>{}</title>",
            t(l, "分野別の得点", "Score by area"),
            w = label_w + bar_w + 60.0
        );
        for (i, (name, score, rating)) in rows.iter().enumerate() {
            let y = i as f64 * row_h + 5.0;
            let _ = write!(
                svg,
                "<text x=\"0\" y=\"{ty}\" class=\"label\">{}</text>\
<rect x=\"{label_w}\" y=\"{y}\" width=\"{bar_w}\" height=\"18\" class=\"track\"/>\
<rect x=\"{label_w}\" y=\"{y}\" width=\"{:.1}\" height=\"18\" class=\"bar\"/>\
<text x=\"{tx}\" y=\"{ty}\" class=\"label\">{score:.0} {rating}</text>",
                esc(name),
                bar_w * score / 100.0,
                ty = y + 14.0,
                tx = label_w + bar_w + 8.0
            );
        }
        svg.push_str("</svg>\n");
        svg
    }

    /// Publication moments against the playbook's windows and the deadlines, in hours.
    fn timing_chart(&self) -> String {
        let l = self.lang;
        let tl = crate::reports::debrief::timeline(self.session);
        let end = f64::from(self.session.end().0.max(1));
        let (left, width, row_h) = (120.0, 560.0, 34.0);
        let x = |m: u32| left + width * f64::from(m) / end;
        let row = |s: Stage| match s {
            Stage::FirstNotice => 0.0,
            Stage::Update => 1.0,
            Stage::FinalReport => 2.0,
        };
        let height = 3.0 * row_h + 40.0;
        let mut svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\"><title>{}</title>",
            t(l, "公表のタイミング", "Publication timing"),
            w = left + width + 20.0
        );
        for s in [Stage::FirstNotice, Stage::Update, Stage::FinalReport] {
            let y = row(s) * row_h + 10.0;
            let _ = write!(
                svg,
                "<text x=\"0\" y=\"{}\" class=\"label\">{}</text><line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"axis\"/>",
                y + 16.0,
                esc(s.label().get(l)),
                y + 12.0,
                left + width,
                y + 12.0
            );
        }
        for w in &tl.windows {
            let y = row(w.stage) * row_h + 10.0;
            let _ = write!(
                svg,
                "<rect x=\"{:.1}\" y=\"{y}\" width=\"{:.1}\" height=\"24\" class=\"window\"/>",
                x(w.from.0),
                (x(w.to.0) - x(w.from.0)).max(2.0)
            );
        }
        for d in &tl.deadlines {
            let _ = write!(
                svg,
                "<line x1=\"{0:.1}\" y1=\"4\" x2=\"{0:.1}\" y2=\"{1}\" class=\"deadline\"><title>{2}</title></line>",
                x(d.at.0),
                3.0 * row_h + 12.0,
                esc(&format!("{} ({})", d.label.get(l), d.at))
            );
        }
        for p in &tl.publications {
            let y = row(p.stage) * row_h + 22.0;
            let _ = write!(
                svg,
                "<circle cx=\"{:.1}\" cy=\"{y}\" r=\"7\" class=\"published\"><title>{}</title></circle>",
                x(p.at.0),
                esc(&format!("{} {}", p.stage.label().get(l), p.at))
            );
        }
        let hours = (end / 60.0).ceil() as u32;
        // A round step that keeps the axis to at most about a dozen labels, however long
        // the scenario (records from elsewhere are not trusted to be short).
        let step = [1u32, 6, 12, 24, 48, 168, 720]
            .into_iter()
            .find(|s| hours / s <= 12)
            .unwrap_or(hours.div_ceil(12).max(1));
        for h in (0..=hours).step_by(step as usize) {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{}\" class=\"tick\">{h}h</text>",
                x(h * 60) - 6.0,
                3.0 * row_h + 30.0
            );
        }
        svg.push_str("</svg>\n");
        let _ = writeln!(
            svg,
            "<p class=\"key\"><span class=\"k-pub\">●</span> {} <span class=\"k-win\">■</span> {} <span class=\"k-dl\">|</span> {}</p>",
            t(l, "公表した時刻", "published"),
            t(l, "手順上の公表時期", "playbook's window"),
            t(l, "期限", "deadline")
        );
        svg
    }
}

const STYLE: &str = "body{font-family:'BIZ UDPGothic','Hiragino Sans','Yu Gothic',sans-serif;\
max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}\
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;\
vertical-align:top;text-align:left}td.num{text-align:right;white-space:nowrap}\
table.timeline td:nth-child(-n+2){white-space:nowrap}tr.lost td{background:#fff4e5}tr.publication td{background:#e8f1ff}tr.note td{font-style:italic}\
dt{font-weight:bold;float:left;clear:left;width:9rem}dd{margin-left:10rem}\
svg .label{font-size:13px}svg .tick{font-size:11px;fill:#666}svg .track{fill:#eee}\
svg .bar{fill:#3b7dd8}svg .window{fill:#5abe6e;fill-opacity:.35}svg .axis{stroke:#ccc}\
svg .deadline{stroke:#d33;stroke-width:2}svg .published{fill:#3b7dd8}\
.k-pub{color:#3b7dd8}.k-win{color:#5abe6e}.k-dl{color:#d33;font-weight:bold}";

/// One part of a report, whatever the output format.
enum Block {
    Title(String),
    Heading(&'static str),
    /// Label and value pairs.
    Facts(Vec<(&'static str, String)>),
    Table {
        class: &'static str,
        head: Vec<&'static str>,
        rows: Vec<Row>,
        /// Said instead of an empty table, if anything.
        empty: &'static str,
    },
    List(Vec<Item>),
    /// Inline SVG (and its heading): HTML only.
    Chart(String),
}

struct Row {
    class: &'static str,
    cells: Vec<Cell>,
}

enum Cell {
    Text(String),
    /// An identifier, set in code type.
    Code(String),
    /// A number, right-aligned.
    Num(String),
}

impl Cell {
    fn markdown(&self) -> String {
        match self {
            Cell::Text(x) | Cell::Num(x) => md_escape(x),
            Cell::Code(x) => format!("`{x}`"),
        }
    }

    fn html(&self) -> String {
        match self {
            Cell::Text(x) => format!("<td>{}</td>", esc(x)),
            Cell::Code(x) => format!("<td><code>{}</code></td>", esc(x)),
            Cell::Num(x) => format!("<td class=\"num\">{}</td>", esc(x)),
        }
    }
}

struct Item {
    /// Set in bold before the rest, if not empty.
    strong: String,
    rest: String,
}
