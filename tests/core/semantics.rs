//! Honest semantics: what is scored is what happened. A stage never published is judged on
//! its timing alone; a decision that never opened is not scored; a notice is judged against
//! the ledger when it went out; a reporter's written answer is checked as public text.

use crate::fixture;
use crate::models::play;
use pressroom::prelude::*;
use std::sync::Arc;

fn drill(edit: impl Fn(String) -> String) -> (Arc<Scenario>, Playbook) {
    let playbook = Playbook::default_playbook();
    let src = edit(std::fs::read_to_string(fixture("models/drill.ron")).unwrap());
    let scenario = pressroom::scenario::validate(&src, &playbook)
        .unwrap_or_else(|d| panic!("{d:?}"))
        .scenario;
    (scenario, playbook)
}

/// The base answers with some actions dropped and others replaced (by decision ID), kept
/// in time order.
fn answers(drop: &[&str], replace: &[(&str, &str)]) -> String {
    let base = std::fs::read_to_string(fixture("models/base.ron")).unwrap();
    let (head, rest) = base.split_once("    actions: [\n").unwrap();
    let (body, tail) = rest.rsplit_once("    ],\n").unwrap();
    // Each action starts with `(at:` and runs to the next.
    let mut blocks: Vec<String> = Vec::new();
    for line in body.lines() {
        if line.trim_start().starts_with("(at: ") || blocks.is_empty() {
            blocks.push(String::new());
        }
        let last = blocks.last_mut().unwrap();
        last.push_str(line);
        last.push('\n');
    }
    let decision = |b: &str| {
        b.split("decision: \"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    blocks.retain(|b| {
        !drop.contains(&decision(b).as_str()) && !replace.iter().any(|(d, _)| *d == decision(b))
    });
    blocks.extend(replace.iter().map(|(_, new)| format!("{new}\n")));
    let minutes = |b: &str| {
        let at = b
            .split("at: \"+")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut total = 0u32;
        let mut n = 0u32;
        for c in at.chars() {
            match c {
                '0'..='9' => n = n * 10 + c.to_digit(10).unwrap(),
                'd' => (total, n) = (total + n * 1440, 0),
                'h' => (total, n) = (total + n * 60, 0),
                'm' => (total, n) = (total + n, 0),
                _ => {}
            }
        }
        total
    };
    blocks.sort_by_key(|b| minutes(b));
    format!("{head}    actions: [\n{}    ],\n{tail}", blocks.concat())
}

fn findings<'a>(out: &'a Outcome, decision: &str) -> Vec<&'a Finding> {
    out.score
        .findings
        .iter()
        .filter(|f| f.decision.as_deref() == Some(decision))
        .collect()
}

#[test]
fn a_stage_never_published_is_judged_on_its_timing_alone() {
    let (scenario, playbook) = drill(|s| s);
    let out = play(&scenario, &playbook, &answers(&["publish_first"], &[]));
    // Its text was written but never went out: no wording finding at all.
    assert!(
        findings(&out, "first_draft").is_empty(),
        "{:#?}",
        findings(&out, "first_draft")
    );
    // The timing decision: the window it missed, and nothing that needed a publication.
    let rules: Vec<&str> = findings(&out, "publish_first")
        .iter()
        .map(|f| f.rule.as_str())
        .collect();
    assert!(rules.contains(&"timing.severity_weighed"), "{rules:?}");
    for absent in [
        "timing.facts_confirmed",
        "timing.risk_reviewed",
        "roles.final_approver",
        "timing.internal_alignment",
        "process.follow_up",
    ] {
        assert!(
            !rules.contains(&absent),
            "{absent} scored for a stage never published: {rules:?}"
        );
    }
    // No finding takes points while saying it could not judge.
    for f in &out.score.findings {
        let said = format!("{} {}", f.message.get(Lang::En), f.message.get(Lang::Ja));
        assert!(
            !(said.contains("cannot be evaluated") || said.contains("評価できません")),
            "{said}"
        );
    }
}

#[test]
fn a_stage_published_before_its_text_was_written_went_out_without_it() {
    let (scenario, playbook) = drill(|s| s);
    let src = answers(
        &[],
        &[(
            "first_draft",
            "        (at: \"+1h10m\", decision: \"first_draft\", answer: Text(\"Example Ltd. 17 June 2026\\nNotice\\nWe are investigating.\")),",
        )],
    );
    let out = play(&scenario, &playbook, &src);
    let lost: Vec<&Finding> = findings(&out, "first_draft");
    assert!(!lost.is_empty());
    assert!(lost.iter().all(|f| f.points == 0.0), "{lost:#?}");
}

#[test]
fn a_decision_that_never_opened_is_not_scored() {
    // The reporter calls only once a first notice is out; this team never publishes one.
    let (scenario, playbook) = drill(|s| {
        s.replace(r#"opens: ["publish_first", "first_draft", "press"]"#, r#"opens: ["publish_first", "first_draft"]"#)
            .replace(
                r#"Decision(id: "press", title: (en: "Reporter"), prompt: (en: "Answer the reporter."),"#,
                r#"Decision(id: "press", title: (en: "Reporter"), prompt: (en: "Answer the reporter."), opens: AfterPublish(FirstNotice),"#,
            )
    });
    let out = play(
        &scenario,
        &playbook,
        &answers(&["publish_first", "press"], &[]),
    );
    assert!(
        findings(&out, "press").is_empty(),
        "{:#?}",
        findings(&out, "press")
    );
    // Once the notice is out and the reporter asks, silence is scored.
    let src = answers(&["press"], &[]);
    let out = play(&scenario, &playbook, &src);
    assert!(!findings(&out, "press").is_empty());
}

#[test]
fn a_notice_is_judged_against_the_ledger_when_it_went_out() {
    // The vendor's estimate turns out right: 1,200 is confirmed at +4h.
    let (scenario, playbook) = drill(|s| {
        s.replace(
            "status: Confirmed, count: 980",
            "status: Confirmed, count: 1200",
        )
    });
    let text = "        (at: \"+3h\", decision: \"update_draft\", answer: Text(\"Example Ltd. 17 June 2026\\nUpdate on the unauthorised access\\nWe have confirmed that 1,200 customers are affected. The cause is under investigation. We are contacting each customer. Contact: our support desk, 0120-000-000. Our next update will follow within 2 days.\")),";
    let unconfirmed = |out: &Outcome| {
        findings(out, "update_draft")
            .into_iter()
            .find(|f| f.rule == "wording.unconfirmed_claim")
            .map(|f| f.points == f.max)
            .expect("the rule is scored")
    };
    // Written at +3h, while 1,200 was an estimate; out at +4h40m, once it was confirmed.
    let out = play(
        &scenario,
        &playbook,
        &answers(&[], &[("update_draft", text)]),
    );
    assert!(unconfirmed(&out), "judged at +3h instead of at publication");
    // Out at +3h30m, before the confirmation: the claim was unconfirmed when read.
    let early = answers(
        &[],
        &[
            ("update_draft", text),
            (
                "publish_update",
                "        (at: \"+3h30m\", decision: \"publish_update\", answer: Publish),",
            ),
        ],
    );
    let out = play(&scenario, &playbook, &early);
    assert!(!unconfirmed(&out));
}

#[test]
fn a_reporters_written_answer_is_checked_as_public_text() {
    let (scenario, playbook) = drill(|s| s);
    let src = answers(
        &[],
        &[(
            "press",
            "        (at: \"+35m\", decision: \"press\", answer: Text(\"The attacker came in through db-01.corp.example.local; ask Ken Tanaka at ken.tanaka@example.co.jp. It was the hosting vendor's fault and it will never happen again.\")),",
        )],
    );
    let out = play(&scenario, &playbook, &src);
    let lost: Vec<&str> = findings(&out, "press")
        .iter()
        .filter(|f| f.points < f.max)
        .map(|f| f.rule.as_str())
        .collect();
    for rule in [
        "wording.internal_detail",
        "wording.personal_data",
        "wording.blame",
        "wording.overpromise",
    ] {
        assert!(
            lost.contains(&rule),
            "{rule} not found in the reporter's answer: {lost:?}"
        );
    }
}

/// `1234567` as `1,234,567`, as messages write counts.
fn grouped(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The drills the no-spoiler test plays: every bundled scenario with each of its answer sets
/// (the flawed ones publish early, leak and guess), and the format 2 model drill (whose facts carry dates) with its dated answers.
fn spoiler_drills() -> Vec<(String, Arc<Scenario>, pressroom::records::answers::Answers)> {
    let playbook = Playbook::default_playbook();
    let mut out = Vec::new();
    let mut add = |stem: String, scenario: &std::path::Path, answers_path: std::path::PathBuf| {
        let scenario = Scenario::load(scenario, &playbook).unwrap().scenario;
        let a =
            answers::parse(&std::fs::read_to_string(&answers_path).unwrap(), &scenario).unwrap();
        out.push((stem, scenario, a));
    };
    for path in pressroom::source::walk::scenario_files(&crate::root().join("scenarios")).unwrap() {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let dir = crate::root().join("scenarios/answers");
        let mut sets: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{stem}.")))
            })
            .collect();
        sets.sort();
        for answers in sets {
            let name = answers.file_stem().unwrap().to_string_lossy().to_string();
            add(name, &path, answers);
        }
    }
    for name in ["dates.ok", "values.ok"] {
        add(
            format!("models/{name}"),
            &fixture("models/drill.ron"),
            fixture(&format!("models/{name}.ron")),
        );
    }
    out
}

/// A draft that states and denies every fact, and gives every count and date it ever has.
fn planted(scenario: &Scenario) -> String {
    let mut planted = String::from("Header line\n");
    for f in &scenario.facts {
        let mut words: Vec<String> = f.keywords.clone();
        words.extend(Lang::ALL.map(|l| f.text.get(l).to_string()));
        for kw in words.iter().filter(|w| !w.is_empty()) {
            planted.push_str(&format!("{kw}は流出しておりません。{kw}が判明しました。"));
            planted.push_str(&format!(
                "{kw} was not affected. {kw} has been confirmed.\n"
            ));
        }
        let counts = f
            .count
            .into_iter()
            .chain(f.timeline.iter().filter_map(|c| c.count));
        for c in counts {
            planted.push_str(&format!(
                "{}件が対象です。{} customers are affected.\n",
                grouped(c),
                grouped(c)
            ));
        }
        let dates = f
            .date
            .into_iter()
            .chain(f.timeline.iter().filter_map(|c| c.date));
        for d in dates {
            planted.push_str(&format!(
                "{}年{}月{}日に発生しました。It happened on {}.\n",
                d.format("%Y"),
                d.format("%-m"),
                d.format("%-d"),
                d.format("%-d %B %Y")
            ));
        }
    }
    planted
}

/// What the team must not read yet at `session`'s moment, checked against `said`.
fn assert_no_spoiler(stem: &str, session: &Session, said: &str, what: &str) {
    use pressroom::scenario::{FactRef, FactStatus};
    let scenario = &*session.scenario;
    let now = session.now();
    for (i, f) in scenario.facts.iter().enumerate() {
        let status = session.fact_status(FactRef(i));
        if matches!(status, FactStatus::Unknown | FactStatus::Suspected) {
            for l in Lang::ALL {
                let text = f.text.get(l);
                assert!(
                    text.is_empty() || !said.contains(text),
                    "{stem} at {now}: {what} quotes the unsettled fact \"{text}\":\n{said}"
                );
            }
        }
        // A count not yet told: the fact is unheard of, or its change has not come.
        let told = session.count_at(FactRef(i), now);
        let mut untold: Vec<u64> = f.timeline.iter().filter_map(|c| c.count).collect();
        untold.extend(f.count);
        untold.retain(|c| {
            status == FactStatus::Unknown
                || (Some(*c) != told && !session.superseded_at(FactRef(i), now).contains(c))
        });
        for c in untold.into_iter().filter(|c| *c >= 100) {
            assert!(
                !said.contains(&grouped(c)),
                "{stem} at {now}: {what} gives the untold count {}:\n{said}",
                grouped(c)
            );
        }
        // Likewise a date.
        let (told, replaced) = session.date_at(FactRef(i), now);
        let mut untold: Vec<chrono::NaiveDate> = f.timeline.iter().filter_map(|c| c.date).collect();
        untold.extend(f.date);
        untold.retain(|d| {
            status == FactStatus::Unknown || (Some(*d) != told && !replaced.contains(d))
        });
        for d in untold {
            for shown in [
                format!("{}月{}日", d.format("%-m"), d.format("%-d")),
                d.format("%-d %B %Y").to_string(),
                d.to_string(),
            ] {
                assert!(
                    !said.contains(&shown),
                    "{stem} at {now}: {what} gives the untold date {shown}:\n{said}"
                );
            }
        }
    }
}

#[test]
fn while_a_drill_runs_no_finding_gives_away_what_the_team_has_not_been_told() {
    use pressroom::scenario::Element;
    let playbook = Playbook::default_playbook();
    let (mut drafts, mut feedback) = (0, 0);
    for (stem, scenario, a) in spoiler_drills() {
        let checker = Checker::for_scenario(&playbook, &scenario);
        let (mut session, _) = Session::new(&scenario, a.seed.unwrap_or(1));
        let planted = planted(&scenario);
        let mut next_action = 0;
        let mut last_feedback = None;
        for minute in 0..scenario.duration {
            let at = SimTime(minute);
            session.advance_to(at);
            // Take the answers due by now, as the team would.
            let mut acted = false;
            while let Some(action) = a.actions.get(next_action).filter(|x| x.at <= at) {
                let _ = session.answer(action.decision, action.answer.clone());
                next_action += 1;
                acted = true;
            }
            if session.is_over() {
                break;
            }
            // The editor checks a draft at every minute a text can be written: a draft, or
            // an inquiry that takes a written answer, is open.
            let writing = session.open_decisions().any(|d| {
                matches!(
                    &scenario.decisions[d.0].kind,
                    pressroom::scenario::DecisionKind::Draft(_)
                        | pressroom::scenario::DecisionKind::Inquiry(_)
                )
            });
            if writing {
                let ctx =
                    session.wording_context((&Element::ALL, Default::default()), at, &planted);
                let said: String = checker
                    .check(&planted, &ctx)
                    .iter()
                    .flat_map(|f| {
                        let mut t = vec![
                            f.message.get(Lang::Ja).to_string(),
                            f.message.get(Lang::En).to_string(),
                        ];
                        if let Some(s) = &f.suggestion {
                            t.push(s.get(Lang::Ja).to_string());
                            t.push(s.get(Lang::En).to_string());
                        }
                        t
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_no_spoiler(&stem, &session, &said, "the draft checker");
                drafts += 1;
            }
            // Practice feedback after each decision, and every half hour: the score as it
            // stands, every message and piece of evidence.
            if acted || last_feedback.is_none_or(|t: u32| minute >= t + 30) {
                last_feedback = Some(minute);
                let score = pressroom::scoring::score(&session, &playbook, &checker);
                let said: String = score
                    .findings
                    .iter()
                    .flat_map(|f| {
                        Lang::ALL.into_iter().flat_map(move |l| {
                            [f.message.get(l).to_string(), f.evidence.get(l).to_string()]
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                assert_no_spoiler(&stem, &session, &said, "practice feedback");
                feedback += 1;
            }
        }
    }
    assert!(drafts > 1000, "only {drafts} draft checks");
    assert!(feedback > 100, "only {feedback} feedback checks");
}

#[test]
fn a_notice_before_the_window_is_right_when_it_is_ready_and_costs_when_it_is_not() {
    // The first notice's window opens at +1h30m here.
    let (scenario, playbook) = drill(|s| {
        s.replace(
            r#"kind: Timing(stage: FirstNotice, window: (from: "+30m", to: "+2h"),"#,
            r#"kind: Timing(stage: FirstNotice, window: (from: "+1h30m", to: "+2h"),"#,
        )
    });
    let window = |out: &Outcome| {
        findings(out, "publish_first")
            .into_iter()
            .find(|f| f.rule == "timing.severity_weighed")
            .cloned()
            .expect("the window is scored")
    };
    // At +1h05m the facts, the review and the approval are in place: early is right.
    let out = play(&scenario, &playbook, &answers(&[], &[]));
    let f = window(&out);
    assert_eq!(f.points, f.max, "{:?}", f.message);
    assert!(
        f.message
            .get(Lang::En)
            .contains("before the playbook's window"),
        "{:?}",
        f.message
    );
    // At +40m nothing is: what happened is not yet confirmed, and the review has not run.
    let src = answers(
        &[],
        &[(
            "publish_first",
            "        (at: \"+40m\", decision: \"publish_first\", answer: Publish),",
        )],
    );
    let out = play(&scenario, &playbook, &src);
    let f = window(&out);
    assert!(f.points < f.max * 0.5, "{} of {}", f.points, f.max);
    let said = f.message.get(Lang::En);
    assert!(
        said.contains("50 min before the playbook's window opened"),
        "{said}"
    );
    assert!(
        said.contains("the facts") && said.contains("the review"),
        "{said}"
    );
}

#[test]
fn each_area_gets_an_exercise_rating_with_the_rules_behind_it() {
    use pressroom::scoring::Rating;
    let (scenario, playbook) = drill(|s| s);
    let out = play(&scenario, &playbook, &answers(&[], &[]));
    for (area, a) in &out.score.areas {
        assert_eq!(a.rating, Rating::P, "{area}: {:?}", a.rating_rules);
        assert!(a.rating_rules.is_empty());
    }
    // A leaked internal name and a blame line: an error rule lost in wording.
    let src = std::fs::read_to_string(fixture("models/wording.broken.ron")).unwrap();
    let out = play(&scenario, &playbook, &src);
    let w = &out.score.areas["wording"];
    assert!(matches!(w.rating, Rating::M | Rating::U), "{:?}", w.rating);
    assert_eq!(
        w.rating_rules[0], "wording.internal_detail",
        "{:?}",
        w.rating_rules
    );
    assert!(w.rating_rules.contains(&"wording.blame".to_string()));
    // Only a warning rule lost: some challenges.
    let src = std::fs::read_to_string(fixture("models/milestone.broken.ron")).unwrap();
    let out = play(&scenario, &playbook, &src);
    let t = &out.score.areas["timing"];
    assert_eq!(t.rating, Rating::S, "{:?} {:?}", t.rating, t.rating_rules);
    assert_eq!(
        t.rating_rules,
        vec!["timing.internal_alignment".to_string()]
    );
    // The debrief says it in words, with the rules.
    let text =
        pressroom::reports::debrief::render(&out.session, &out.score, &playbook, Lang::En, false);
    assert!(
        text.contains("S: performed with some challenges (timing.internal_alignment)"),
        "{text}"
    );
}
