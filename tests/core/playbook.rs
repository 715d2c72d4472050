//! The default playbook keeps the procedure's contract: every rule ID, cited sections, both
//! languages; an organisation's playbook can add, reweight and extend.

use crate::fixture;
use pressroom::Playbook;
use pressroom::playbook::{Area, RULES, SECTIONS, TOP_SECTIONS, top_section};
use pressroom::text::Lang;
use std::collections::BTreeSet;

#[test]
fn default_playbook_has_every_contract_rule_citing_sections() {
    let p = Playbook::default_playbook();
    assert_eq!(p.rules.len(), RULES.len());
    for id in RULES {
        let rule = p.rule(id).unwrap_or_else(|| panic!("missing {id}"));
        assert!(!rule.sections.is_empty(), "{id} cites nothing");
        assert_eq!(rule.area.key(), id.split('.').next().unwrap());
        for lang in Lang::ALL {
            assert!(
                rule.title.has(lang) && rule.explanation.has(lang),
                "{id} lacks {lang}"
            );
        }
    }
    for s in SECTIONS {
        assert!(p.section(s).is_some(), "section {s} missing");
    }
    let cited: BTreeSet<&str> = p
        .rules
        .iter()
        .flat_map(|r| r.sections.iter().map(|s| top_section(s)))
        .collect();
    for s in TOP_SECTIONS {
        assert!(cited.contains(s), "no rule cites {s}");
    }
    for area in Area::ALL {
        assert!(p.rules.iter().any(|r| r.area == area));
    }
}

#[test]
fn default_playbook_has_phrase_lists_in_both_languages() {
    let p = Playbook::default_playbook();
    for lang in Lang::ALL {
        let ph = p.phrases(lang);
        assert!(ph.hedges.len() >= 10, "{lang} hedges");
        assert!(ph.jargon.len() >= 10, "{lang} jargon");
        assert!(!ph.blame.is_empty() && !ph.overpromise.is_empty() && !ph.vague.is_empty());
        assert!(
            !ph.cues.apology.is_empty()
                && !ph.cues.contact.is_empty()
                && !ph.cues.next_update.is_empty()
        );
        // "Under investigation" is honest, never a hedge.
        for inv in &ph.investigating {
            assert!(
                !ph.hedges.iter().any(|h| inv.contains(h.as_str())),
                "{inv} is caught as a hedge"
            );
        }
    }
    // Required polite and plain forms of the same hedge.
    for h in [
        "と思われます",
        "と思われる",
        "と考えられます",
        "可能性があります",
        "模様",
        "おそらく",
        "恐らく",
        "とみられ",
    ] {
        assert!(p.phrases(Lang::Ja).hedges.iter().any(|x| x == h), "{h}");
    }
}

#[test]
fn citations_name_section_and_heading() {
    let p = Playbook::default_playbook();
    let rule = p.rule("timing.facts_confirmed").unwrap();
    let ja = p.citation(rule, Lang::Ja);
    assert!(ja.starts_with("S1.1 初動対応と情報収集のポイント"), "{ja}");
    assert!(ja.contains("S11 "));
}

#[test]
fn an_overlay_adds_reweights_and_extends() {
    let base = Playbook::default_playbook();
    let p = Playbook::load(&fixture("playbooks/ok_overlay.ron")).unwrap();
    assert_eq!(p.rules.len(), base.rules.len() + 1);
    assert!(p.rule("process.board_notified").is_some());
    assert_eq!(p.rule("wording.personal_data").unwrap().weight, 3.0);
    assert!(
        p.phrases(Lang::Ja)
            .hedges
            .iter()
            .any(|h| h == "と聞いております")
    );
    assert_eq!(
        p.phrases(Lang::Ja).hedges.len(),
        base.phrases(Lang::Ja).hedges.len() + 1
    );
    assert_ne!(p.hash, base.hash);
}

#[test]
fn the_bundled_playbook_round_trips_its_hash() {
    assert_eq!(
        Playbook::default_playbook().hash,
        Playbook::default_playbook().hash
    );
    assert_eq!(Playbook::default_playbook().hash.len(), 64);
}

/// A playbook that repeats a phrase many times costs the checker one pattern for it, so a
/// long organisation's list cannot make every check slow.
#[test]
fn repeated_phrases_are_one_pattern() {
    let many = std::iter::repeat_n("\"と聞いております\"", 20_000)
        .collect::<Vec<_>>()
        .join(", ");
    let src = format!(
        "Playbook(format: 1, id: \"big\", name: (ja: \"x\", en: \"x\"), extends: \"default\", phrases: (ja: (hedges: [{many}])))"
    );
    let (playbook, _) = pressroom::Playbook::check_source(&src);
    let playbook = playbook.expect("duplicates are only warnings");
    let base = pressroom::wording::Checker::new(&pressroom::Playbook::default_playbook());
    let checker = pressroom::wording::Checker::new(&playbook);
    assert_eq!(checker.phrases().count(), base.phrases().count() + 1);
    let found = checker.check("原因は調査中と聞いております。", &Default::default());
    assert_eq!(found.len(), 1, "{found:?}");
}
