//! The announcement editor's logic, apart from drawing: findings as underline marks, the
//! layout job that draws them, the finding under the caret, and the stage's heading template
//! with placeholders to fill. Tested without a window.

use crate::playbook::Severity;
use crate::scenario::Element;
use crate::text::Lang;
use crate::wording::Finding;
use bevy_egui::egui;

/// A finding's place in the text (characters `start..end`) and whether it breaks the
/// procedure (an error) or asks for care (a warning).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    /// First character (inclusive).
    pub start: usize,
    /// Last character (exclusive).
    pub end: usize,
    /// Whether it breaks the procedure (red) or asks for care (yellow).
    pub error: bool,
}

/// The marks of the findings that point at text (a missing element points at none).
pub fn marks(findings: &[Finding]) -> Vec<Mark> {
    findings
        .iter()
        .filter_map(|f| {
            f.span.map(|s| Mark {
                start: s.start,
                end: s.end,
                error: f.severity == Severity::Error,
            })
        })
        .collect()
}

/// The finding whose span holds the caret (a character index), if any.
pub fn finding_at(findings: &[Finding], caret: usize) -> Option<&Finding> {
    findings
        .iter()
        .find(|f| f.span.is_some_and(|s| s.start <= caret && caret <= s.end))
}

/// The text as a layout job with each finding's characters underlined: red for errors, yellow
/// for warnings; where findings overlap, the error wins.
pub fn underlined(style: &egui::Style, text: &str, marks: &[Mark]) -> egui::text::LayoutJob {
    let font = egui::TextStyle::Body.resolve(style);
    let plain = egui::TextFormat {
        font_id: font.clone(),
        color: style.visuals.text_color(),
        line_height: Some(font.size * 1.45),
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob::default();
    // Byte offset of each character boundary.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let last = bounds.len() - 1;
    let mut cuts: Vec<usize> = vec![0, last];
    for m in marks {
        cuts.push(m.start.min(last));
        cuts.push(m.end.min(last));
    }
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let mut format = plain.clone();
        if let Some(m) = marks
            .iter()
            .filter(|m| m.start <= s && e <= m.end)
            .max_by_key(|m| m.error)
        {
            let color = if m.error {
                style.visuals.error_fg_color
            } else {
                style.visuals.warn_fg_color
            };
            format.underline = egui::Stroke::new(2.0, color);
            format.background = color.gamma_multiply(0.12);
        }
        job.append(&text[bounds[s]..bounds[e]], 0.0, format);
    }
    job.keep_trailing_whitespace = true;
    job
}

/// The placeholder brackets the template leaves for the trainee to fill in.
pub const PLACEHOLDER: (char, char) = ('〔', '〕');

/// The template structure for a stage's required elements, in the drill's language.
pub fn template(elements: &[Element], organisation: &str, l: Lang) -> String {
    let (o, c) = PLACEHOLDER;
    let mut out = String::new();
    for e in elements {
        let part = match (e, l) {
            (Element::Header, Lang::Ja) => {
                format!("{o}件名{c}についてのお知らせ\n{organisation}\n")
            }
            (Element::Header, Lang::En) => {
                format!("Notice regarding {o}subject{c}\n{organisation}\n")
            }
            (Element::Overview, Lang::Ja) => {
                format!("■ 概要\n{o}いつ、何が起きたか。確認できた事実だけを書く{c}\n")
            }
            (Element::Overview, Lang::En) => {
                format!("What happened\n{o}when and what occurred; only what is confirmed{c}\n")
            }
            (Element::Impact, Lang::Ja) => format!(
                "■ 影響の範囲\n{o}対象となる方・件数・内容。未確認のことは調査中と書く{c}\n"
            ),
            (Element::Impact, Lang::En) => format!(
                "Who is affected\n{o}who, how many, what data; say what is still being established{c}\n"
            ),
            (Element::Cause, Lang::Ja) => {
                format!("■ 原因\n{o}確認できた原因。分からなければ調査中であること{c}\n")
            }
            (Element::Cause, Lang::En) => format!(
                "The cause\n{o}what is confirmed, or that it is still under investigation{c}\n"
            ),
            (Element::Countermeasures, Lang::Ja) => {
                format!("■ 対応\n{o}すでに行った対応と、これから行うこと{c}\n")
            }
            (Element::Countermeasures, Lang::En) => {
                format!("What we are doing\n{o}the steps taken so far and the next ones{c}\n")
            }
            (Element::Apology, Lang::Ja) => format!("■ おわび\n{o}ご迷惑とご心配へのおわび{c}\n"),
            (Element::Apology, Lang::En) => {
                format!("Our apology\n{o}an apology for the concern and inconvenience{c}\n")
            }
            (Element::Contact, Lang::Ja) => {
                format!("■ お問い合わせ窓口\n{o}窓口の名前・電話番号・受付時間{c}\n")
            }
            (Element::Contact, Lang::En) => {
                format!("Contact for questions\n{o}the helpline's name, number and hours{c}\n")
            }
            (Element::NextUpdate, Lang::Ja) => {
                format!("■ 今後のお知らせ\n{o}次にお知らせする時期{c}\n")
            }
            (Element::NextUpdate, Lang::En) => {
                format!("Next update\n{o}when we will next inform you{c}\n")
            }
        };
        out.push_str(&part);
        out.push('\n');
    }
    out
}

/// How many `〔…〕` placeholders are still in the text.
pub fn placeholders(text: &str) -> usize {
    text.matches(PLACEHOLDER.0).count()
}
