//! `pressroom rules`: the playbook listed for people (by area, in one language) and for tools
//! (JSON with both languages and every cited section).

use crate::playbook::{Area, Playbook};
use crate::text::{Lang, Text};
use serde::Serialize;

#[derive(Serialize)]
struct RulesJson<'a> {
    playbook: PlaybookJson<'a>,
    sections: Vec<SectionJson<'a>>,
    rules: Vec<RuleJson<'a>>,
}

#[derive(Serialize)]
struct PlaybookJson<'a> {
    id: &'a str,
    name: &'a Text,
    hash: &'a str,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    id: &'a str,
    heading: &'a Text,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    id: &'a str,
    area: &'static str,
    title: &'a Text,
    explanation: &'a Text,
    sections: Vec<SectionJson<'a>>,
    weight: f64,
    severity: &'static str,
}

/// The playbook's rules as JSON.
pub fn render_json(playbook: &Playbook) -> String {
    let json = RulesJson {
        playbook: PlaybookJson {
            id: &playbook.id,
            name: &playbook.name,
            hash: &playbook.hash,
        },
        sections: playbook
            .sections
            .iter()
            .map(|s| SectionJson {
                id: &s.id,
                heading: &s.heading,
            })
            .collect(),
        rules: playbook
            .rules
            .iter()
            .map(|r| RuleJson {
                id: &r.id,
                area: r.area.key(),
                title: &r.title,
                explanation: &r.explanation,
                sections: r
                    .sections
                    .iter()
                    .filter_map(|s| playbook.section(s))
                    .map(|s| SectionJson {
                        id: &s.id,
                        heading: &s.heading,
                    })
                    .collect(),
                weight: r.weight,
                severity: r.severity.key(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&json).expect("playbook JSON serialises")
}

/// The playbook's rules as text, in `lang`.
pub fn render_text(playbook: &Playbook, lang: Lang) -> String {
    let mut out = match lang {
        Lang::Ja => format!(
            "{}(規則 {} 件)\n",
            playbook.name.get(lang),
            playbook.rules.len()
        ),
        Lang::En => format!(
            "{} ({} rules)\n",
            playbook.name.get(lang),
            playbook.rules.len()
        ),
    };
    for area in Area::ALL {
        out.push_str(&format!("\n{}\n", area.label().get(lang)));
        for r in playbook.rules.iter().filter(|r| r.area == area) {
            out.push_str(&format!(
                "  {}  [{} ×{}]\n    {}\n    {}\n    {}\n",
                r.id,
                r.severity.key(),
                r.weight,
                r.title.get(lang),
                r.explanation.get(lang),
                playbook.citation(r, lang)
            ));
        }
    }
    out
}
