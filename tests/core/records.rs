//! Drill records in the data folder: atomic writes that survive a crash, the journal of a
//! drill in progress, export and import, corrective actions across drills, and the
//! after-action report in Markdown and HTML with every outside text escaped.

use crate::{Scratch, root};
use pressroom::records::record::{Improvement, Journal, Member, Note, Record};
use pressroom::scenario::Department;
use pressroom::store::data::DataDir;
use pressroom::wording::Checker;
use pressroom::{Lang, Playbook, Scenario};
use quick_xml::events::Event;

fn played(scenario_src: &str, answers: &str) -> (std::sync::Arc<Scenario>, Record, Playbook) {
    let playbook = Playbook::default_playbook();
    let scenario = pressroom::scenario::validate(scenario_src, &playbook)
        .map(|l| l.scenario)
        .unwrap_or_else(|d| panic!("{d:?}"));
    let src = std::fs::read_to_string(root().join(answers)).unwrap();
    let parsed = pressroom::records::answers::parse(&src, &scenario).unwrap();
    let checker = Checker::new(&playbook);
    let seed = parsed.seed.unwrap_or(1);
    let outcome =
        pressroom::records::replay::play(&scenario, &playbook, &checker, &parsed, seed).unwrap();
    let wall = vec![None; parsed.actions.len()];
    let mut record = Record::new(
        &scenario,
        None,
        &playbook,
        seed,
        outcome.session.lang,
        &parsed,
        &wall,
        &outcome.score,
    );
    record.started = Some("2026-05-01T01:00:00Z".into());
    (scenario, record, playbook)
}

fn bundled() -> String {
    std::fs::read_to_string(root().join("scenarios/ransomware-manufacturer.ron")).unwrap()
}

const EXEMPLARY: &str = "scenarios/answers/ransomware-manufacturer.exemplary.ron";

#[test]
fn a_crash_between_write_and_rename_leaves_the_previous_record_intact() {
    let dir = Scratch::new("crash");
    let data = DataDir::new(&*dir);
    let (_, record, _) = played(&bundled(), EXEMPLARY);
    let path = data.save_record(&record).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();

    let mut changed = record.clone();
    changed.result.total = 1.0;
    let crashed =
        pressroom::store::atomic::write_staged(&path, changed.to_ron().as_bytes(), |tmp| {
            assert!(tmp.exists(), "the new content is on disk before the rename");
            Err(std::io::Error::other("power cut"))
        });
    assert!(crashed.is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // The leftover temporary file is not taken for a record.
    let listed = data.records_list();
    assert_eq!(listed.len(), 1);
    let mut got = listed[0].record.clone().unwrap();
    assert!(got.id.is_some(), "a saved record has its own ID");
    got.id = None;
    assert_eq!(got, record);

    // Without a crash, the write goes through.
    pressroom::store::atomic::write_atomically(&path, changed.to_ron().as_bytes()).unwrap();
    assert_eq!(
        Record::parse(&std::fs::read_to_string(&path).unwrap())
            .unwrap()
            .result
            .total,
        1.0
    );
}

#[test]
fn a_journal_replays_every_action_of_an_unfinished_drill() {
    let dir = Scratch::new("journal");
    let data = DataDir::new(&*dir);
    let (scenario, record, _) = played(&bundled(), EXEMPLARY);
    let journal = Journal {
        format: 1,
        scenario: record.scenario.clone(),
        scenario_hash: record.scenario_hash.clone(),
        scenario_path: None,
        seed: record.seed,
        lang: record.lang,
        started: record.started.clone(),
        team: Some("A".into()),
        members: vec![Member {
            name: "佐藤".into(),
            function: Department::Pr,
        }],
        now: record.actions[5].at,
        actions: record.actions[..6].to_vec(),
        fired: Vec::new(),
        reviews: Vec::new(),
        notes: vec![Note {
            at: record.actions[2].at,
            text: "議事録".into(),
        }],
    };
    data.write_journal(&journal).unwrap();
    let back = data.read_journal().unwrap().unwrap();
    assert_eq!(back, journal);
    let answers = back.answers(&scenario).unwrap();
    assert_eq!(answers.actions.len(), 6);
    data.clear_journal();
    assert!(data.read_journal().is_none());
    // A damaged journal is reported, not a crash.
    std::fs::write(data.journal_file(), "Journal(format: 1, scen").unwrap();
    assert!(data.read_journal().unwrap().is_err());
}

#[test]
fn records_move_between_machines_by_export_and_import() {
    let (a, b) = (Scratch::new("export-a"), Scratch::new("export-b"));
    let (from, to) = (DataDir::new(&*a), DataDir::new(&*b));
    let (_, mut record, _) = played(&bundled(), EXEMPLARY);
    record.team = Some("PR".into());
    from.save_record(&record).unwrap();
    let mut other = record.clone();
    other.team = Some("IT".into());
    from.save_record(&other).unwrap();

    let out = a.join("outbox");
    assert_eq!(from.export_records(&out, Some("PR")).unwrap(), 1);
    let file = std::fs::read_dir(&out)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    assert!(to.import_record(&file).unwrap().is_some());
    assert_eq!(
        to.import_record(&file).unwrap(),
        None,
        "an identical record is not added twice"
    );
    let imported = to.records_list();
    assert_eq!(imported.len(), 1);
    let mut got = imported[0].record.clone().unwrap();
    // The record's own ID, given when it was saved, travels with it.
    let saved_id = from
        .records_list()
        .into_iter()
        .filter_map(|s| s.record.ok())
        .find(|r| r.team.as_deref() == Some("PR"))
        .and_then(|r| r.id);
    assert!(saved_id.is_some());
    assert_eq!(got.id, saved_id);
    got.id = None;
    assert_eq!(got, record);

    // Something that is not a record is refused with the reason.
    let junk = a.join("junk.ron");
    std::fs::write(&junk, "Record(format: 99)").unwrap();
    let why = to.import_record(&junk).unwrap_err();
    assert!(why.contains("format 99"), "{why}");
}

#[test]
fn corrective_actions_stay_open_until_a_later_drill_closes_them() {
    let dir = Scratch::new("actions");
    let data = DataDir::new(&*dir);
    let (_, mut first, _) = played(&bundled(), EXEMPLARY);
    first.team = Some("広報".into());
    first.plan = vec![
        Improvement {
            id: "2026-05-01-1".into(),
            issue: "承認者が不在".into(),
            action: "代理承認者を決める".into(),
            owner: "中村".into(),
            due: "2026-06-01".into(),
            rule: Some("roles.approver_available".into()),
        },
        Improvement {
            id: "2026-05-01-2".into(),
            issue: "想定問答がない".into(),
            action: "ひな形を作る".into(),
            owner: "佐藤".into(),
            due: "2026-06-01".into(),
            rule: None,
        },
    ];
    data.save_record(&first).unwrap();
    let open = pressroom::reports::history::Records::read(&data).open_actions("広報");
    assert_eq!(open.len(), 2);
    let mut second = first.clone();
    second.started = Some("2026-06-01T01:00:00Z".into());
    second.plan.clear();
    second.closed = vec!["2026-05-01-1".into()];
    data.save_record(&second).unwrap();
    let open = pressroom::reports::history::Records::read(&data).open_actions("広報");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].0.id, "2026-05-01-2");
    assert!(
        pressroom::reports::history::Records::read(&data)
            .open_actions("other")
            .is_empty()
    );
}

/// Every element name and every text in an HTML document, parsed as XML.
fn parse_html(html: &str) -> (Vec<String>, String) {
    let body = html.trim_start_matches("<!DOCTYPE html>");
    let mut reader = quick_xml::Reader::from_str(body);
    let mut names = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                names.push(String::from_utf8(e.name().as_ref().to_vec()).unwrap());
                for attr in e.attributes() {
                    let attr = attr.unwrap();
                    let key = String::from_utf8(attr.key.as_ref().to_vec()).unwrap();
                    assert!(!key.starts_with("on"), "event handler attribute {key}");
                }
            }
            Ok(Event::Text(t)) => text.push_str(&t.decode().unwrap()),
            Ok(Event::GeneralRef(r)) => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                text.push_str(match name.as_str() {
                    "lt" => "<",
                    "gt" => ">",
                    "amp" => "&",
                    "quot" => "\"",
                    "#39" => "'",
                    other => panic!("unexpected entity {other}"),
                });
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
    }
    (names, text)
}

#[test]
fn the_html_report_escapes_every_outside_text() {
    const SCRIPT: &str = "<script>alert(1)</script>";
    const IMG: &str = "<img src=x onerror=alert(1)>";
    // A scenario whose own text carries markup: its title and its organisation's name.
    let src = bundled()
        .replacen(
            "name: (ja: \"株式会社北辰精機\"",
            &format!("name: (ja: \"株式会社北辰精機{SCRIPT}\""),
            1,
        )
        .replacen(
            "title: (ja: \"製造業のランサムウェア被害",
            &format!("title: (ja: \"{SCRIPT}製造業のランサムウェア被害"),
            1,
        );
    let (scenario, mut record, playbook) = played(&src, EXEMPLARY);
    assert!(scenario.organisation.name.get(Lang::Ja).contains(SCRIPT));
    record.team = Some(format!("team {IMG}"));
    record.members = vec![Member {
        name: IMG.into(),
        function: Department::Legal,
    }];
    record.notes = vec![Note {
        at: record.actions[1].at,
        text: format!("note {SCRIPT} & \"quotes\""),
    }];
    record.plan = vec![Improvement {
        id: "1".into(),
        issue: IMG.into(),
        action: SCRIPT.into(),
        owner: IMG.into(),
        due: "2026-06-01".into(),
        rule: None,
    }];
    let checker = Checker::new(&playbook);
    let answers = record.answers(&scenario).unwrap();
    let outcome =
        pressroom::records::replay::play(&scenario, &playbook, &checker, &answers, record.seed)
            .unwrap();
    for lang in Lang::ALL {
        let report = pressroom::reports::report::Report {
            record: &record,
            session: &outcome.session,
            score: &outcome.score,
            playbook: &playbook,
            lang,
        };
        let html = report.html();
        let (names, text) = parse_html(&html);
        assert!(
            !names.iter().any(|n| n == "script" || n == "img"),
            "{names:?}"
        );
        let allowed = [
            "html", "head", "meta", "title", "style", "body", "h1", "h2", "dl", "dt", "dd",
            "strong", "table", "thead", "tbody", "tr", "th", "td", "code", "ul", "li", "svg",
            "text", "rect", "line", "circle", "p", "span",
        ];
        for n in &names {
            assert!(allowed.contains(&n.as_str()), "unexpected element <{n}>");
        }
        // The outside texts are there, as text.
        assert!(text.contains(SCRIPT), "the organisation's name as text");
        assert!(text.contains(IMG), "the participant's name as text");
        assert!(text.contains("note <script>alert(1)</script> & \"quotes\""));
        assert!(
            names.iter().filter(|n| *n == "svg").count() >= 2,
            "inline charts"
        );

        let md = report.markdown();
        assert!(
            !md.contains(SCRIPT) && !md.contains(IMG),
            "Markdown carries no raw HTML"
        );
        for heading in ["## ", "|"] {
            assert!(md.contains(heading));
        }
    }
}

#[test]
fn the_report_shows_the_timeline_with_owners_and_the_plan() {
    let (scenario, mut record, playbook) = played(&bundled(), EXEMPLARY);
    record.members = vec![
        Member {
            name: "佐藤 広報".into(),
            function: Department::Pr,
        },
        Member {
            name: "伊藤 法務".into(),
            function: Department::Legal,
        },
    ];
    record.plan = vec![Improvement {
        id: "1".into(),
        issue: "承認者の代理がいない".into(),
        action: "代理承認者を規程に書く".into(),
        owner: "中村".into(),
        due: "2026-06-30".into(),
        rule: None,
    }];
    let checker = Checker::new(&playbook);
    let answers = record.answers(&scenario).unwrap();
    let outcome =
        pressroom::records::replay::play(&scenario, &playbook, &checker, &answers, record.seed)
            .unwrap();
    let report = pressroom::reports::report::Report {
        record: &record,
        session: &outcome.session,
        score: &outcome.score,
        playbook: &playbook,
        lang: Lang::Ja,
    };
    let timeline = report.timeline();
    assert!(
        timeline.windows(2).all(|w| w[0].at <= w[1].at),
        "in time order"
    );
    let owned_by_pr = timeline
        .iter()
        .filter(|m| {
            m.kind == pressroom::reports::report::MomentKind::Decision && m.who == "佐藤 広報"
        })
        .count();
    assert!(owned_by_pr > 0, "PR's decisions carry its member's name");
    let md = report.markdown();
    for part in [
        "## 概要",
        "## 経過",
        "## 規則ごとの得点",
        "## 良かった点",
        "## 改善が必要な点",
        "## 観察者の所見",
        "## 改善計画",
        "代理承認者を規程に書く",
        "2026-06-30",
    ] {
        assert!(md.contains(part), "missing {part}");
    }
    // The same record gives the same report, byte for byte.
    assert_eq!(md, report.markdown());
    assert_eq!(report.html(), report.html());
}

/// Every Markdown output (the debrief `run --format md` prints and the app exports, and the
/// after-action report) rendered as CommonMark with raw HTML allowed: no outside text becomes
/// an element, a link or an image, and a backslash cannot undo an escape.
#[test]
fn no_outside_text_becomes_markup_in_any_markdown_output() {
    const PAYLOADS: [&str; 5] = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        r"\[x\](http://evil.example)",
        "[click](javascript:alert(1))",
        "<http://evil.example>",
    ];
    let mut src = bundled();
    src = src.replacen(
        "title: (ja: \"製造業のランサムウェア被害",
        &format!("title: (ja: \"{}製造業のランサムウェア被害", PAYLOADS[0]),
        1,
    );
    let (scenario, mut record, playbook) = played(&src, EXEMPLARY);
    record.notes = PAYLOADS
        .iter()
        .map(|p| Note {
            at: record.actions[0].at,
            text: p.to_string(),
        })
        .collect();
    record.plan = vec![Improvement {
        id: "1".into(),
        issue: PAYLOADS[2].into(),
        action: PAYLOADS[3].into(),
        owner: PAYLOADS[1].into(),
        due: "2026-06-01".into(),
        rule: None,
    }];
    let checker = Checker::new(&playbook);
    let mut answers = record.answers(&scenario).unwrap();
    // A written answer carrying every payload, so evidence quotes them.
    if let Some(a) = answers
        .actions
        .iter_mut()
        .find(|a| matches!(a.answer, pressroom::session::Answer::Text(_)))
    {
        a.answer = pressroom::session::Answer::Text(PAYLOADS.join(" "));
    }
    let outcome =
        pressroom::records::replay::play(&scenario, &playbook, &checker, &answers, record.seed)
            .unwrap();
    for lang in Lang::ALL {
        let report = pressroom::reports::report::Report {
            record: &record,
            session: &outcome.session,
            score: &outcome.score,
            playbook: &playbook,
            lang,
        };
        let debrief = pressroom::reports::debrief::render(
            &outcome.session,
            &outcome.score,
            &playbook,
            lang,
            true,
        );
        for (what, md) in [("report", report.markdown()), ("debrief", debrief)] {
            let mut html = String::new();
            pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(&md));
            for bad in ["<script", "<img", "<a ", "href="] {
                assert!(
                    !html.contains(bad),
                    "{what} ({lang:?}) renders {bad}:\n{html}"
                );
            }
        }
    }
}

/// A record from before records had IDs (or written with `run --record`) is given one when it
/// is imported, and is still known by its content the next time it is imported.
#[test]
fn a_record_without_an_id_is_imported_once() {
    let (a, b) = (Scratch::new("noid-a"), Scratch::new("noid-b"));
    let to = DataDir::new(&*b);
    let (_, record, _) = played(&bundled(), EXEMPLARY);
    assert_eq!(record.id, None);
    let file = a.join("old.ron");
    std::fs::write(&file, record.to_ron()).unwrap();
    assert!(to.import_record(&file).unwrap().is_some());
    assert_eq!(
        to.import_record(&file).unwrap(),
        None,
        "a second import adds nothing"
    );
    assert_eq!(to.records_list().len(), 1);
}
