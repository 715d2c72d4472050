//! Answers to decisions, as the app, answers files and records give them, and the reasons an
//! answer is refused.

use crate::scenario::{Decision, DecisionKind, Scenario};
use crate::source::diagnostic::suggestion;
use crate::text::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The longest text an answer may be: far beyond any announcement (a long final report runs
/// to a few thousand characters), small enough that a pasted file is refused at once.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// An answer to a decision, as an answers file writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// An option of a choice, or a prepared answer to an inquiry: `Choice("call_specialists")`.
    Choice(String),
    /// Publish the timing decision's stage now.
    Publish,
    /// Who holds each role: `Roles({"lead": "takahashi", "approver": "nakamura"})`.
    Roles(BTreeMap<String, String>),
    /// A prepared draft: `Candidate("plain")`.
    Candidate(String),
    /// The trainee's own text, for a draft or an inquiry.
    Text(String),
    /// A notice published in both languages: `Texts(ja: "…", en: "…")`.
    Texts {
        /// The Japanese version.
        ja: String,
        /// The English version.
        en: String,
    },
    /// Take back a draft's answer to write it again, before its stage goes out: `Reopen`.
    /// The draft opens again, as it was; the answer given next replaces the text.
    Reopen,
}

/// Why an answer cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// The decision is not open.
    NotOpen(String),
    /// The decision was answered already.
    AlreadyAnswered(String),
    /// The decision closed.
    Expired(String),
    /// The answer is of another kind than the decision.
    WrongKind {
        /// The decision's ID.
        decision: String,
        /// The kind it takes.
        expected: &'static str,
    },
    /// The answer names something the decision does not have.
    Unknown {
        /// The decision's ID.
        decision: String,
        /// What was named (an option, a role, a person).
        what: &'static str,
        /// The ID named.
        id: String,
        /// The nearest ID, if one is close.
        hint: Option<String>,
    },
    /// The inquiry takes no written answer.
    NoFreeText(String),
    /// The text is empty.
    EmptyText(String),
    /// The text is longer than any announcement or answer ([`MAX_TEXT_CHARS`]).
    TooLong(String),
    /// A draft to reopen has no answer to take back.
    NotAnswered(String),
    /// A draft to reopen went out already with its stage.
    AlreadyOut(String),
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::NotOpen(d) => write!(f, "decision `{d}` is not open yet"),
            AnswerError::AlreadyAnswered(d) => {
                write!(f, "decision `{d}` has already been answered")
            }
            AnswerError::Expired(d) => write!(f, "decision `{d}` closed unanswered"),
            AnswerError::WrongKind { decision, expected } => {
                write!(f, "decision `{decision}` takes {expected}")
            }
            AnswerError::Unknown {
                decision,
                what,
                id,
                hint,
            } => {
                write!(f, "decision `{decision}` has no {what} `{id}`")?;
                if let Some(h) = hint {
                    write!(f, " ({h})")?;
                }
                Ok(())
            }
            AnswerError::NoFreeText(d) => write!(
                f,
                "decision `{d}` takes one of its prepared answers, not free text"
            ),
            AnswerError::EmptyText(d) => write!(f, "the text for decision `{d}` is empty"),
            AnswerError::TooLong(d) => write!(
                f,
                "the text for decision `{d}` is over {MAX_TEXT_CHARS} characters; no announcement is that long"
            ),
            AnswerError::NotAnswered(d) => {
                write!(f, "decision `{d}` has no answer to reopen")
            }
            AnswerError::AlreadyOut(d) => write!(
                f,
                "the text of decision `{d}` went out with its stage; it can no longer be reopened"
            ),
        }
    }
}

impl std::error::Error for AnswerError {}

impl AnswerError {
    /// The refusal for people, in both languages: the English is the `Display` text (what
    /// `run` and the answers-file diagnostics print), the Japanese says the same.
    pub fn text(&self) -> crate::text::Text {
        let what_ja = |what: &str| match what {
            "option" => "選択肢",
            "role" => "役割",
            "person" => "人物",
            "candidate" => "案",
            "answer" => "回答",
            _ => "項目",
        };
        let ja = match self {
            AnswerError::NotOpen(d) => format!("判断「{d}」はまだ始まっていません。"),
            AnswerError::AlreadyAnswered(d) => format!("判断「{d}」にはもう回答しています。"),
            AnswerError::Expired(d) => format!("判断「{d}」は回答のないまま締め切られました。"),
            AnswerError::WrongKind { decision, expected } => {
                format!("判断「{decision}」の答え方が違います({expected} で答えます)。")
            }
            AnswerError::Unknown {
                decision, what, id, ..
            } => format!(
                "判断「{decision}」に{}「{id}」はありません。",
                what_ja(what)
            ),
            AnswerError::NoFreeText(d) => {
                format!("判断「{d}」は用意された答えから選びます。自由記述はできません。")
            }
            AnswerError::EmptyText(d) => format!("判断「{d}」の文面が空です。"),
            AnswerError::TooLong(d) => format!(
                "判断「{d}」の文面が {MAX_TEXT_CHARS} 文字を超えています。そこまで長い発表文はありません。"
            ),
            AnswerError::NotAnswered(d) => {
                format!("判断「{d}」には、やり直す回答がありません。")
            }
            AnswerError::AlreadyOut(d) => {
                format!("判断「{d}」の文面はすでに公表されました。もう書き直せません。")
            }
        };
        crate::text::Text::new(ja, self.to_string())
    }
}

impl Answer {
    /// Whether this answer fits the decision.
    pub fn check(&self, scenario: &Scenario, d: &Decision) -> Result<(), AnswerError> {
        let wrong = |expected| AnswerError::WrongKind {
            decision: d.id.clone(),
            expected,
        };
        let unknown = |what, id: &str, names: Vec<&str>| AnswerError::Unknown {
            decision: d.id.clone(),
            what,
            id: id.to_string(),
            hint: suggestion(id, names),
        };
        match (&d.kind, self) {
            (DecisionKind::Choice { options }, Answer::Choice(o)) => options
                .iter()
                .any(|x| &x.id == o)
                .then_some(())
                .ok_or_else(|| {
                    unknown("option", o, options.iter().map(|x| x.id.as_str()).collect())
                }),
            (DecisionKind::Choice { .. }, _) => Err(wrong("Choice(\"option\")")),
            (DecisionKind::Timing(_), Answer::Publish) => Ok(()),
            (DecisionKind::Timing(_), _) => Err(wrong("Publish")),
            (DecisionKind::Roles(r), Answer::Roles(map)) => {
                for (role, person) in map {
                    if !r.roles.iter().any(|x| &x.id == role) {
                        return Err(unknown(
                            "role",
                            role,
                            r.roles.iter().map(|x| x.id.as_str()).collect(),
                        ));
                    }
                    // An empty name is the team's explicit "nobody holds this role".
                    if !person.is_empty() && !scenario.cast.iter().any(|p| &p.id == person) {
                        return Err(unknown(
                            "person",
                            person,
                            scenario.cast.iter().map(|p| p.id.as_str()).collect(),
                        ));
                    }
                }
                Ok(())
            }
            (DecisionKind::Roles(_), _) => Err(wrong("Roles({\"role\": \"person\"})")),
            (DecisionKind::Draft(x), Answer::Candidate(c)) => x
                .candidates
                .iter()
                .any(|k| &k.id == c)
                .then_some(())
                .ok_or_else(|| {
                    unknown(
                        "candidate",
                        c,
                        x.candidates.iter().map(|k| k.id.as_str()).collect(),
                    )
                }),
            (DecisionKind::Draft(_), Answer::Text(t))
            | (DecisionKind::Inquiry(_), Answer::Text(t))
                if t.trim().is_empty() =>
            {
                Err(AnswerError::EmptyText(d.id.clone()))
            }
            (DecisionKind::Draft(_), Answer::Text(t))
            | (DecisionKind::Inquiry(_), Answer::Text(t))
                if t.chars().count() > MAX_TEXT_CHARS =>
            {
                Err(AnswerError::TooLong(d.id.clone()))
            }
            (DecisionKind::Draft(_), Answer::Text(_)) => Ok(()),
            (DecisionKind::Draft(x), Answer::Texts { ja, en }) => {
                if !x.bilingual {
                    return Err(wrong("Candidate(\"id\") or Text(\"…\")"));
                }
                if ja.trim().is_empty() || en.trim().is_empty() {
                    return Err(AnswerError::EmptyText(d.id.clone()));
                }
                if ja.chars().count() > MAX_TEXT_CHARS || en.chars().count() > MAX_TEXT_CHARS {
                    return Err(AnswerError::TooLong(d.id.clone()));
                }
                Ok(())
            }
            (DecisionKind::Draft(_), Answer::Reopen) => Ok(()),
            (DecisionKind::Draft(_), _) => Err(wrong("Candidate(\"id\") or Text(\"…\")")),
            (DecisionKind::Inquiry(q), Answer::Choice(o)) => q
                .answers
                .iter()
                .any(|x| &x.id == o)
                .then_some(())
                .ok_or_else(|| {
                    unknown(
                        "answer",
                        o,
                        q.answers.iter().map(|x| x.id.as_str()).collect(),
                    )
                }),
            (DecisionKind::Inquiry(q), Answer::Text(_)) if !q.free_text => {
                Err(AnswerError::NoFreeText(d.id.clone()))
            }
            (DecisionKind::Inquiry(_), Answer::Text(_)) => Ok(()),
            (DecisionKind::Inquiry(_), _) => Err(wrong("Choice(\"answer\") or Text(\"…\")")),
        }
    }

    /// The index of the chosen option (choice) or prepared answer (inquiry).
    pub fn option_index(&self, d: &Decision) -> Option<usize> {
        use crate::playbook::index::same;
        let Answer::Choice(id) = self else {
            return None;
        };
        match &d.kind {
            DecisionKind::Choice { options } => options.iter().position(|o| same(&o.id, id)),
            DecisionKind::Inquiry(q) => q.answers.iter().position(|o| same(&o.id, id)),
            _ => None,
        }
    }

    /// The text this answer publishes or says: a candidate's text in `lang`, or free text.
    pub fn text<'a>(&'a self, d: &'a Decision, lang: Lang) -> Option<&'a str> {
        match (self, &d.kind) {
            (Answer::Text(t), _) => Some(t),
            (Answer::Texts { ja, en }, _) => Some(match lang {
                Lang::Ja => ja,
                Lang::En => en,
            }),
            (Answer::Candidate(c), DecisionKind::Draft(x)) => x
                .candidates
                .iter()
                .find(|k| &k.id == c)
                .map(|k| k.text.get(lang)),
            _ => None,
        }
    }

    /// Every version of the text this answer publishes, with its language: both for a
    /// bilingual notice, else the one in `lang`.
    pub fn texts<'a>(&'a self, d: &'a Decision, lang: Lang) -> Vec<(Lang, &'a str)> {
        let bilingual = matches!(&d.kind, DecisionKind::Draft(x) if x.bilingual);
        match self {
            Answer::Texts { ja, en } => vec![(Lang::Ja, ja.as_str()), (Lang::En, en.as_str())],
            Answer::Candidate(_) if bilingual => Lang::ALL
                .iter()
                .filter_map(|l| self.text(d, *l).map(|t| (*l, t)))
                .collect(),
            _ => self.text(d, lang).map(|t| (lang, t)).into_iter().collect(),
        }
    }
}
