#![cfg(not(target_arch = "wasm32"))]
//! The default questionnaire, version 2.0.0: it loads, follows the coding
//! rules of INSTRUMENT.md ("Version 2" included) and every item belongs to a
//! domain. Its skip logic is tested in `default_instrument_logic.rs`, its
//! limits (reading grade, screens, time) in `default_instrument_limits.rs`.
//!
//! Run with `cargo test --test default_instrument -- --nocapture` to see the
//! item count per domain.

use candour_core::condition::variables;
use candour_core::instrument::default::{default_instrument, previous_defaults};
use candour_core::instrument::{Instrument, Item, ItemKind};
use candour_core::text::Text;
use candour_core::visibility::all_items;
use std::collections::{BTreeMap, BTreeSet};

/// The domains of INSTRUMENT.md's "Version 2", in order.
const DOMAINS: [&str; 10] = ["A1", "A2", "B", "C", "D", "E", "F", "G", "H", "P"];

fn instrument() -> Instrument {
    match default_instrument() {
        Ok(instrument) => instrument,
        Err(errors) => panic!("the default instrument does not load: {errors:?}"),
    }
}

fn en(text: &Text) -> &str {
    text.get("en", "en")
}

fn item<'a>(instrument: &'a Instrument, variable: &str) -> &'a Item {
    match all_items(instrument).find(|i| i.variable == variable) {
        Some(item) => item,
        None => panic!("no item {variable}"),
    }
}

fn position(instrument: &Instrument, variable: &str) -> usize {
    all_items(instrument)
        .position(|i| i.variable == variable)
        .unwrap_or(usize::MAX)
}

/// The letter of an item's variable, upper case ("B" for `b5_hard_work`).
fn letter(item: &Item) -> String {
    item.variable
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap_or_default()
}

fn domain(item: &Item) -> &str {
    item.domain.as_deref().unwrap_or("")
}

#[test]
fn loads_as_version_2() {
    let instrument = instrument();
    assert_eq!(instrument.id, "candour-hat-feedback");
    assert_eq!(instrument.version, "2.0.0");
    assert_eq!(instrument.locale, "en");
}

#[test]
fn every_item_belongs_to_a_declared_domain_of_its_letter() {
    let instrument = instrument();
    let declared: Vec<&str> = instrument.domains.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(declared, DOMAINS, "declared domains, in order");
    let mut per_domain: BTreeMap<&str, usize> = BTreeMap::new();
    for item in all_items(&instrument) {
        let code = domain(item);
        assert!(declared.contains(&code), "{} has no domain", item.variable);
        assert!(
            code.starts_with(&letter(item)),
            "{} is in {code}",
            item.variable
        );
        *per_domain.entry(code).or_default() += 1;
    }
    // Every construct of INSTRUMENT.md and its "Version 2" table, few extras.
    let bounds: [(&str, usize, usize); 10] = [
        ("A1", 3, 3),
        ("A2", 3, 3),
        ("B", 9, 9),
        ("C", 8, 8),
        ("D", 6, 6),
        ("E", 14, 16),
        ("F", 3, 3),
        ("G", 3, 3),
        ("H", 6, 6),
        ("P", 5, 5),
    ];
    for (code, low, high) in bounds {
        let count = per_domain.get(code).copied().unwrap_or_default();
        println!("domain {code}: {count} items");
        assert!(
            (low..=high).contains(&count),
            "domain {code} has {count} items, expected {low} to {high}"
        );
    }
    println!("items in all: {}", all_items(&instrument).count());
}

#[test]
fn each_section_holds_one_letter() {
    let instrument = instrument();
    for section in &instrument.sections {
        let letters: BTreeSet<String> = section.items.iter().map(letter).collect();
        assert_eq!(letters.len(), 1, "section {} mixes domains", section.id);
    }
}

#[test]
fn variable_names_follow_the_coding_rules() {
    let instrument = instrument();
    let mut seen = BTreeSet::new();
    let mut next_number: BTreeMap<String, u32> = BTreeMap::new();
    for item in all_items(&instrument) {
        let v = &item.variable;
        assert!(seen.insert(v.clone()), "{v} is used twice");
        assert!(v.len() <= 32, "{v} is longer than 32 characters");
        assert!(
            v.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "{v} is not lowercase letters, digits and underscores"
        );
        let (head, slug) = v.split_once('_').unwrap_or((v, ""));
        assert!(!slug.is_empty(), "{v} has no slug");
        let number: u32 = head[1..].parse().unwrap_or(0);
        let expected = next_number.entry(letter(item)).or_insert(1);
        assert_eq!(number, *expected, "{v} is out of sequence");
        *expected += 1;
    }
}

#[test]
fn scored_domains_are_of_one_scale_and_reverse_keys_are_few() {
    let instrument = instrument();
    let scored: Vec<&str> = instrument
        .domains
        .iter()
        .filter(|d| d.scored)
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(scored, ["A1", "A2", "B", "C", "D"]);
    let expected_scale = [
        ("A1", "scale_010"),
        ("A2", "agreement"),
        ("B", "difficulty"),
        ("C", "agreement"),
        ("D", "agreement"),
    ];
    for (code, scale) in expected_scale {
        let kinds: BTreeSet<String> = all_items(&instrument)
            .filter(|i| domain(i) == code && i.in_score)
            .map(|i| candour_analysis_free_type_name(&i.kind))
            .collect();
        assert_eq!(kinds, [scale.to_owned()].into(), "domain {code}");
    }
    let reversed: Vec<&str> = all_items(&instrument)
        .filter(|i| i.reverse_keyed)
        .map(|i| i.variable.as_str())
        .collect();
    assert_eq!(reversed, ["a5_worry_close", "c5_problem", "d6_harder"]);
}

/// The item's type as the file spells it.
fn candour_analysis_free_type_name(kind: &ItemKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.get("type")?.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn attendance_burden_is_scored_with_does_not_apply_and_the_counts_are_not() {
    let instrument = instrument();
    let burden: Vec<&str> = all_items(&instrument)
        .filter(|i| matches!(i.kind, ItemKind::Difficulty))
        .map(|i| i.variable.as_str())
        .collect();
    assert_eq!(
        burden,
        [
            "b5_hard_work",
            "b6_hard_family",
            "b7_hard_places",
            "b8_hard_rest",
            "b9_hard_travel"
        ]
    );
    for item in all_items(&instrument) {
        let is_burden = burden.contains(&item.variable.as_str());
        assert_eq!(item.does_not_apply, is_burden, "{}", item.variable);
        if domain(item) == "B" {
            assert_eq!(item.in_score, is_burden, "{}", item.variable);
        }
    }
    let labels: Vec<&str> = instrument
        .scales
        .difficulty
        .iter()
        .flatten()
        .map(en)
        .collect();
    assert_eq!(labels.first(), Some(&"Not hard"));
    assert_eq!(labels.last(), Some(&"Very hard"));
    let missed = item(&instrument, "b4_missed_why");
    let ItemKind::MultipleChoice { choices } = &missed.kind else {
        panic!("b5 is multiple choice");
    };
    assert!(choices
        .iter()
        .any(|c| en(&c.label) == "Staff did not give me my dose"));
    let visit = item(&instrument, "b2_visit_minutes");
    let help = visit.help.as_ref().map(en).unwrap_or_default();
    assert!(help.contains("wait") && help.contains("after"), "{help}");
}

#[test]
fn staff_and_rules_state_their_period() {
    let instrument = instrument();
    for item in all_items(&instrument).filter(|i| ["C", "D"].contains(&domain(i))) {
        let wording = instrument.wording(item, "en");
        assert!(
            wording.contains("last 4 weeks"),
            "{}: {wording}",
            item.variable
        );
    }
    // "As a person, not a problem" is two items; "bend the rules" is gone.
    assert_eq!(
        en(&item(&instrument, "c4_person").text),
        "Staff treat me as a person."
    );
    assert!(item(&instrument, "c5_problem").reverse_keyed);
    for item in all_items(&instrument) {
        assert!(!en(&item.text).contains("bend"), "{}", item.variable);
    }
}

#[test]
fn outcomes_are_on_top_scales_over_the_last_4_weeks() {
    let instrument = instrument();
    for v in ["e10_physical", "e11_mental", "e12_life"] {
        let item = item(&instrument, v);
        assert_eq!(item.kind.scale_max(), Some(20), "{v}");
        assert!(en(&item.text).contains("last 4 weeks"), "{v}");
    }
    for v in [
        "e1_days_heroin",
        "e2_days_crack",
        "e3_days_other",
        "e4_days_bought",
        "e5_days_crime",
        "e14_days_work",
    ] {
        let ItemKind::Number { min, max, step, .. } = item(&instrument, v).kind else {
            panic!("{v} is a number");
        };
        assert_eq!((min, max, step), (0.0, 28.0, 1.0), "{v}: a 28-day count");
    }
    let housing = item(&instrument, "e13_housing");
    assert!(matches!(housing.kind, ItemKind::SingleChoice { .. }));
    // The wish to stop buying is its own item, on the screen right after
    // the 28-day counts (days of buying among them).
    let screens = candour_core::screen::every_screen(&instrument);
    let at = |v: &str| {
        screens
            .iter()
            .position(|s| s.iter().any(|i| i.variable == v))
    };
    assert_eq!(at("e6_stop_buying"), at("e4_days_bought").map(|p| p + 1));
    assert_eq!(screens[at("e6_stop_buying").unwrap_or(0)].len(), 1);
    for v in ["e8_injected", "e9_shared"] {
        let ItemKind::SingleChoice { choices } = &item(&instrument, v).kind else {
            panic!("{v}: yes or no");
        };
        let labels: Vec<&str> = choices.iter().map(|c| en(&c.label)).collect();
        assert_eq!(labels, ["Yes", "No"], "{v}");
        assert!(item(&instrument, v).prefer_not_to_say, "{v}");
    }
}

#[test]
fn months_in_treatment_come_before_the_28_day_items_and_the_closing_items_last() {
    let instrument = instrument();
    assert!(position(&instrument, "p1_months") < position(&instrument, "e1_days_heroin"));
    let last: Vec<&str> = all_items(&instrument)
        .map(|i| i.variable.as_str())
        .collect::<Vec<_>>()
        .split_off(all_items(&instrument).count() - 2);
    assert_eq!(last, ["p4_dose_today", "p5_how_done"]);
    let ItemKind::MultipleChoice { choices } = &item(&instrument, "p5_how_done").kind else {
        panic!("p5 is multiple choice");
    };
    let exclusive: Vec<&str> = choices
        .iter()
        .filter(|c| c.exclusive)
        .map(|c| en(&c.label))
        .collect();
    assert_eq!(exclusive, ["On my own, with no help"]);
}

#[test]
fn what_would_help_is_asked_yes_no_not_sure_for_each_change() {
    let instrument = instrument();
    let h: Vec<&Item> = all_items(&instrument)
        .filter(|i| domain(i) == "H")
        .collect();
    let (closed, open): (Vec<&Item>, Vec<&Item>) = h
        .iter()
        .partition(|i| matches!(i.kind, ItemKind::YesNoNotSure));
    assert_eq!(
        closed.len(),
        5,
        "take-home, one visit, hours, help on site, a say in the dose"
    );
    assert_eq!(open.len(), 1);
    assert!(matches!(open[0].kind, ItemKind::FreeText { .. }));
    let heading = instrument
        .group_of(closed[0])
        .map(|g| en(&g.heading))
        .unwrap_or("");
    assert!(heading.contains("help you stay in treatment"), "{heading}");
}

#[test]
fn prefer_not_to_say_only_and_always_on_sensitive_items() {
    let instrument = instrument();
    // Section E (drug use, crime, health), money and reasons: INSTRUMENT.md.
    let sensitive_outside_e = ["b4_missed_why"];
    for item in all_items(&instrument) {
        let sensitive =
            domain(item) == "E" || sensitive_outside_e.contains(&item.variable.as_str());
        assert_eq!(
            item.prefer_not_to_say, sensitive,
            "{}: prefer not to say should be offered only on sensitive items",
            item.variable
        );
    }
}

#[test]
fn dont_know_where_not_knowing_is_real() {
    let instrument = instrument();
    let offered: Vec<&str> = all_items(&instrument)
        .filter(|i| i.dont_know)
        .map(|i| i.variable.as_str())
        .collect();
    for v in [
        "a4_here_in_a_year",
        "a5_worry_close",
        "a6_told_funding",
        "d3_same_for_all",
    ] {
        assert!(offered.contains(&v), "{v} offers don't know");
    }
    assert!(
        !offered.iter().any(|v| v.starts_with('h')),
        "H has its own not sure"
    );
}

#[test]
fn only_items_that_skip_logic_reads_are_required() {
    let instrument = instrument();
    let read: BTreeSet<String> = all_items(&instrument)
        .filter_map(|i| i.show_if.as_ref())
        .flat_map(|c| variables(c).into_iter().map(str::to_owned))
        .collect();
    for item in all_items(&instrument) {
        assert_eq!(
            item.required,
            read.contains(&item.variable),
            "{}",
            item.variable
        );
    }
    assert_eq!(read.len(), 3);
}

#[test]
fn numbers_have_units_in_both_forms_and_sensible_ranges() {
    let instrument = instrument();
    for item in all_items(&instrument) {
        if let ItemKind::Number {
            unit,
            unit_singular,
            min,
            max,
            step,
        } = &item.kind
        {
            let v = &item.variable;
            assert!(!unit.is_blank(), "{v} has no unit");
            let singular = unit_singular.as_ref().map(en).unwrap_or_default();
            assert!(!singular.is_empty(), "{v} has no singular unit");
            assert_ne!(singular, en(unit), "{v}: the two forms differ");
            assert!(*min >= 0.0 && min < max && *step > 0.0, "{v} range");
        }
    }
}

#[test]
fn at_least_two_glossary_entries_each_used_in_its_text() {
    let instrument = instrument();
    let mut count = 0;
    for item in all_items(&instrument) {
        for entry in &item.glossary {
            count += 1;
            let term = en(&entry.term).to_lowercase();
            assert!(
                en(&item.text).to_lowercase().contains(&term),
                "{}: glossary term {term:?} is not in the text",
                item.variable
            );
        }
    }
    assert!(count >= 2, "{count} glossary entries");
}

#[test]
fn the_1_0_0_definition_is_kept_for_records_answered_on_it() {
    let previous = previous_defaults();
    let v1 = previous
        .iter()
        .find(|i| i.version == "1.0.0")
        .expect("1.0.0 ships");
    assert_eq!(all_items(v1).count(), 48);
    assert!(all_items(v1).any(|i| i.variable == "b8_work_or_care"));
}

#[test]
fn small_fixture_has_what_the_engine_tests_need() {
    let json = include_str!("../../../tests/fixtures/small_instrument.json");
    let fixture = match candour_core::instrument::load::load_instrument(json) {
        Ok(instrument) => instrument,
        Err(errors) => panic!("the fixture does not load: {errors:?}"),
    };
    assert_eq!(fixture.id, "fixture-small");
    assert_eq!(fixture.sections.len(), 2);
    let items: Vec<&Item> = all_items(&fixture).collect();
    assert!((5..=8).contains(&items.len()));
    let scored: Vec<&str> = fixture
        .domains
        .iter()
        .filter(|d| d.scored)
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(scored.len(), 1);
    assert!(items
        .iter()
        .any(|i| i.reverse_keyed && i.domain.as_deref() == Some(scored[0])));
    assert_eq!(items.iter().filter(|i| i.show_if.is_some()).count(), 1);
    assert!(items
        .iter()
        .any(|i| matches!(i.kind, ItemKind::MultipleChoice { .. })));
    assert!(items
        .iter()
        .any(|i| matches!(i.kind, ItemKind::Number { .. })));
}
