#![cfg(not(target_arch = "wasm32"))]
//! The default questionnaire: it loads, covers every domain of INSTRUMENT.md,
//! reads at a reading age of 9 to 11, offers "prefer not to say" where it must,
//! and its skip logic shows and hides what it should.
//!
//! Run with `cargo test --test default_instrument -- --nocapture` to see the
//! item count per domain and the hardest texts.

use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::condition::variables;
use candour_core::instrument::default::default_instrument;
use candour_core::instrument::{Condition, Instrument, Item, ItemKind};
use candour_core::text::Text;
use candour_core::visibility::{all_items, prune_hidden, visible_items};
use candour_testkit::readability::{flesch_kincaid_grade, sentences, syllables};
use std::collections::{BTreeMap, BTreeSet};

/// Highest Flesch–Kincaid grade allowed for any text a participant reads
/// (US grade 6 is about a reading age of 11).
const MAX_GRADE: f64 = 6.0;

/// The domain letters of INSTRUMENT.md, in order.
const DOMAINS: [&str; 8] = ["A", "B", "C", "D", "E", "F", "G", "P"];

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

fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn is_visible(instrument: &Instrument, answers: &Answers, variable: &str) -> bool {
    visible_items(instrument, answers)
        .iter()
        .any(|i| i.variable == variable)
}

/// The domain letter of an item: the first letter of its variable, upper case.
fn letter(item: &Item) -> String {
    item.variable
        .chars()
        .next()
        .map(|c| c.to_ascii_uppercase().to_string())
        .unwrap_or_default()
}

/// Every text a participant reads or hears, with where it comes from, except
/// the headings (see [`participant_headings`]). The information text is
/// checked sentence by sentence.
fn participant_texts(instrument: &Instrument) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut push = |place: String, text: &Text| out.push((place, en(text).to_owned()));
    for (n, sentence) in sentences(en(&instrument.information))
        .into_iter()
        .enumerate()
    {
        push(
            format!("information sentence {}", n + 1),
            &Text::Plain(sentence),
        );
    }
    push("consent".into(), &instrument.consent);
    let scales = &instrument.scales;
    for (n, label) in scales.agreement.iter().enumerate() {
        push(format!("agreement label {}", n + 1), label);
    }
    for (n, label) in scales.yes_no_not_sure.iter().enumerate() {
        push(format!("yes/no/not sure label {}", n + 1), label);
    }
    push("prefer not to say label".into(), &scales.prefer_not_to_say);
    push("don't know label".into(), &scales.dont_know);
    for section in &instrument.sections {
        if let Some(intro) = &section.intro {
            push(format!("section {} intro", section.id), intro);
        }
        for item in &section.items {
            let v = &item.variable;
            push(format!("{v} text"), &item.text);
            if let Some(help) = &item.help {
                push(format!("{v} help"), help);
            }
            match &item.kind {
                ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
                    for choice in choices {
                        push(format!("{v} choice {}", choice.code), &choice.label);
                    }
                }
                ItemKind::Scale010 {
                    low_label,
                    high_label,
                } => {
                    push(format!("{v} low label"), low_label);
                    push(format!("{v} high label"), high_label);
                }
                ItemKind::Agreement
                | ItemKind::Number { .. }
                | ItemKind::FreeText { .. }
                | ItemKind::YesNoNotSure => {}
            }
            for entry in &item.glossary {
                push(format!("{v} glossary explanation"), &entry.explanation);
            }
        }
    }
    out
}

/// Headings and units: a word or three, where a grade level means nothing
/// (one two-syllable word such as "minutes" scores grade 8.4).
fn participant_headings(instrument: &Instrument) -> Vec<(String, String)> {
    let mut out = vec![("title".to_owned(), en(&instrument.title).to_owned())];
    for section in &instrument.sections {
        out.push((
            format!("section {} title", section.id),
            en(&section.title).to_owned(),
        ));
    }
    for item in all_items(instrument) {
        if let ItemKind::Number { unit, .. } = &item.kind {
            out.push((format!("{} unit", item.variable), en(unit).to_owned()));
        }
    }
    out
}

#[test]
fn loads_with_no_problems() {
    let instrument = instrument();
    assert_eq!(instrument.id, "candour-hat-feedback");
    assert_eq!(instrument.version, "1.0.0");
    assert_eq!(instrument.locale, "en");
}

#[test]
fn item_count_and_every_domain_present() {
    let instrument = instrument();
    let total = all_items(&instrument).count();
    println!("items in all: {total}");
    // INSTRUMENT.md asks for 35 to 45 items and lists 47 constructs, one item
    // each, plus one routing question (work, study or caring). The feedback
    // items (domains A to G) hold to 35..=45; the three optional "about you"
    // items (P) come on top, and no participant is shown more than 45 items
    // before "about you", because three items show only by skip logic.
    let feedback = all_items(&instrument)
        .filter(|i| !i.variable.starts_with('p'))
        .count();
    let always_shown = all_items(&instrument)
        .filter(|i| i.show_if.is_none())
        .count();
    println!("feedback items (A-G): {feedback}; shown whatever the answers: {always_shown}");
    assert!((35..=45).contains(&feedback), "{feedback} feedback items");
    assert!(
        total - feedback <= 3,
        "{} about-you items",
        total - feedback
    );
    assert!(
        always_shown <= 48 - 3,
        "{always_shown} items shown to everyone"
    );

    let declared: BTreeSet<&str> = instrument.domains.iter().map(|d| d.code.as_str()).collect();
    let expected: BTreeSet<&str> = DOMAINS.into_iter().collect();
    assert_eq!(declared, expected, "declared domains");

    let mut per_domain: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for item in all_items(&instrument) {
        let entry = per_domain.entry(letter(item)).or_default();
        entry.0 += 1;
        if item.domain.is_some() {
            entry.1 += 1;
        }
    }
    // Sensible bounds per domain: every construct of INSTRUMENT.md, few extras.
    let bounds: [(&str, usize, usize); 8] = [
        ("A", 6, 8),
        ("B", 9, 12),
        ("C", 7, 9),
        ("D", 6, 8),
        ("E", 10, 12),
        ("F", 3, 5),
        ("G", 3, 4),
        ("P", 3, 5),
    ];
    for (code, low, high) in bounds {
        let (count, with_code) = per_domain.get(code).copied().unwrap_or_default();
        println!("domain {code}: {count} items ({with_code} carry the domain code)");
        assert!(
            (low..=high).contains(&count),
            "domain {code} has {count} items, expected {low} to {high}"
        );
    }
    assert_eq!(per_domain.len(), DOMAINS.len(), "items outside A-G and P");
}

#[test]
fn each_section_holds_one_domain_and_domain_codes_match_variables() {
    let instrument = instrument();
    for section in &instrument.sections {
        let letters: BTreeSet<String> = section.items.iter().map(letter).collect();
        assert_eq!(letters.len(), 1, "section {} mixes domains", section.id);
        for item in &section.items {
            if let Some(domain) = &item.domain {
                assert_eq!(domain, &letter(item), "{}", item.variable);
            }
        }
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
fn every_text_reads_at_grade_six_or_below() {
    let instrument = instrument();
    let mut graded: Vec<(f64, String, String)> = participant_texts(&instrument)
        .into_iter()
        .map(|(place, text)| (flesch_kincaid_grade(&text), place, text))
        .collect();
    graded.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("hardest texts (Flesch-Kincaid grade):");
    for (grade, place, text) in graded.iter().take(8) {
        println!("  {grade:5.2}  {place}: {text}");
    }
    let failing: Vec<String> = graded
        .iter()
        .filter(|(grade, ..)| *grade > MAX_GRADE)
        .map(|(grade, place, text)| format!("{grade:.2} {place}: {text}"))
        .collect();
    assert!(
        failing.is_empty(),
        "{} texts are above grade {MAX_GRADE}:\n{}",
        failing.len(),
        failing.join("\n")
    );
}

#[test]
fn headings_and_units_use_short_words() {
    let instrument = instrument();
    let long: Vec<String> = participant_headings(&instrument)
        .into_iter()
        .flat_map(|(place, text)| {
            text.split_whitespace()
                .filter(|w| syllables(w) > 2)
                .map(|w| format!("{place}: {w} ({} syllables)", syllables(w)))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        long.is_empty(),
        "words of 3 syllables or more in headings:\n{}",
        long.join("\n")
    );
}

#[test]
fn information_says_what_it_must() {
    let instrument = instrument();
    let info = en(&instrument.information).to_lowercase();
    for needle in [
        "10 minutes",
        "do not have to",
        "private",
        "name",
        "not change",
        "stop",
        "skip",
    ] {
        assert!(info.contains(needle), "information does not say {needle:?}");
    }
    assert!(en(&instrument.consent).ends_with('?'));
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
fn prefer_not_to_say_only_and_always_on_sensitive_items() {
    let instrument = instrument();
    // Section E (drug use, crime, health), money and reasons: INSTRUMENT.md.
    let sensitive_outside_e = ["b3_travel_cost", "b6_missed_reason"];
    for item in all_items(&instrument) {
        let sensitive =
            letter(item) == "E" || sensitive_outside_e.contains(&item.variable.as_str());
        assert_eq!(
            item.prefer_not_to_say, sensitive,
            "{}: prefer not to say should be offered only on sensitive items",
            item.variable
        );
    }
}

#[test]
fn scored_domains_are_of_one_format_and_reverse_keys_are_few() {
    let instrument = instrument();
    let scored: BTreeSet<&str> = instrument
        .domains
        .iter()
        .filter(|d| d.scored)
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(scored, ["A", "C", "D"].into_iter().collect());
    for code in &scored {
        let kinds: BTreeSet<&str> = all_items(&instrument)
            .filter(|i| i.domain.as_deref() == Some(*code))
            .map(|i| match i.kind {
                ItemKind::Agreement => "agreement",
                ItemKind::Scale010 { .. } => "scale_010",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds.len(), 1, "domain {code} mixes {kinds:?}");
        assert!(
            !kinds.contains("other"),
            "domain {code} scores a non-scale item"
        );
    }
    let reversed: Vec<&str> = all_items(&instrument)
        .filter(|i| i.reverse_keyed)
        .map(|i| i.variable.as_str())
        .collect();
    assert_eq!(reversed, ["d6_harder"]);
}

#[test]
fn optional_items_are_the_comments_and_about_you() {
    let instrument = instrument();
    for item in all_items(&instrument) {
        let optional = matches!(letter(item).as_str(), "G" | "P");
        assert_eq!(item.required, !optional, "{}", item.variable);
    }
}

/// Answers worth trying for an item when searching for ones that show or
/// hide a conditional item.
fn candidate_values(item: &Item) -> Vec<AnswerValue> {
    let mut out = match &item.kind {
        ItemKind::SingleChoice { choices } => {
            choices.iter().map(|c| AnswerValue::Code(c.code)).collect()
        }
        ItemKind::MultipleChoice { choices } => {
            let mut v: Vec<AnswerValue> = choices
                .iter()
                .map(|c| AnswerValue::Codes(vec![c.code]))
                .collect();
            v.push(AnswerValue::Codes(choices.iter().map(|c| c.code).collect()));
            v
        }
        ItemKind::Agreement => (1..=5).map(AnswerValue::Code).collect(),
        ItemKind::Scale010 { .. } => (0..=10).map(AnswerValue::Code).collect(),
        ItemKind::YesNoNotSure => (0..=2).map(AnswerValue::Code).collect(),
        ItemKind::Number { min, max, step, .. } => [*min, min + step, (min + max) / 2.0, *max]
            .into_iter()
            .map(AnswerValue::Number)
            .collect(),
        ItemKind::FreeText { .. } => vec![AnswerValue::Text("something".into())],
    };
    out.push(AnswerValue::Missing(MissingCode::Unanswered));
    out
}

/// Every combination of candidate answers to the variables a condition reads.
fn combinations(instrument: &Instrument, condition: &Condition) -> Vec<Answers> {
    let mut sets = vec![Answers::new()];
    let read: BTreeSet<&str> = variables(condition).into_iter().collect();
    for variable in read {
        let values = candidate_values(item(instrument, variable));
        let mut next = Vec::new();
        for set in &sets {
            next.push(set.clone());
            for value in &values {
                let mut with = set.clone();
                with.insert(variable.to_owned(), value.clone());
                next.push(with);
            }
        }
        sets = next;
    }
    sets
}

#[test]
fn every_conditional_item_can_be_shown_and_hidden() {
    let instrument = instrument();
    let mut conditional = 0;
    for item in all_items(&instrument) {
        let Some(condition) = &item.show_if else {
            continue;
        };
        conditional += 1;
        let sets = combinations(&instrument, condition);
        let shown = sets
            .iter()
            .filter(|a| is_visible(&instrument, a, &item.variable))
            .count();
        assert!(shown > 0, "{} is never shown", item.variable);
        assert!(shown < sets.len(), "{} is never hidden", item.variable);
        // Conditions read only earlier items.
        let position = |v: &str| all_items(&instrument).position(|i| i.variable == v);
        for read in variables(condition) {
            assert!(
                position(read) < position(&item.variable),
                "{} reads a later item",
                item.variable
            );
        }
    }
    assert_eq!(conditional, 3);
}

#[test]
fn missed_dose_reason_only_when_a_dose_was_missed() {
    let instrument = instrument();
    let reason = "b6_missed_reason";
    assert!(!is_visible(&instrument, &Answers::new(), reason));
    let none = answers(&[("b5_missed_doses", AnswerValue::Number(0.0))]);
    assert!(!is_visible(&instrument, &none, reason));
    let dont_know = answers(&[(
        "b5_missed_doses",
        AnswerValue::Missing(MissingCode::DontKnow),
    )]);
    assert!(!is_visible(&instrument, &dont_know, reason));
    for missed in [1.0, 3.0, 84.0] {
        let some = answers(&[("b5_missed_doses", AnswerValue::Number(missed))]);
        assert!(is_visible(&instrument, &some, reason), "{missed} missed");
    }
    // An answer left behind when the count goes back to 0 is dropped.
    let stale = answers(&[
        ("b5_missed_doses", AnswerValue::Number(0.0)),
        (reason, AnswerValue::Code(1)),
    ]);
    assert!(!prune_hidden(&instrument, &stale).contains_key(reason));
}

#[test]
fn work_effect_only_for_work_or_study_and_care_effect_only_for_carers() {
    let instrument = instrument();
    let gate = "b8_work_or_care";
    let work = "b9_work_effect";
    let care = "b10_care_effect";
    let with = |codes: &[i64]| answers(&[(gate, AnswerValue::Codes(codes.to_vec()))]);
    let cases: [(&[i64], bool, bool); 8] = [
        (&[1], true, false),
        (&[2], true, false),
        (&[3], false, true),
        (&[1, 3], true, true),
        (&[2, 3], true, true),
        (&[1, 2], true, false),
        (&[4], false, false),
        (&[], false, false),
    ];
    for (codes, shows_work, shows_care) in cases {
        let a = with(codes);
        assert_eq!(
            is_visible(&instrument, &a, work),
            shows_work,
            "{codes:?}: work"
        );
        assert_eq!(
            is_visible(&instrument, &a, care),
            shows_care,
            "{codes:?}: care"
        );
    }
    assert!(!is_visible(&instrument, &Answers::new(), work));
    assert!(!is_visible(&instrument, &Answers::new(), care));
    let skipped = answers(&[(gate, AnswerValue::Missing(MissingCode::Unanswered))]);
    assert!(!is_visible(&instrument, &skipped, work));
    assert!(!is_visible(&instrument, &skipped, care));
}

#[test]
fn numbers_have_units_and_sensible_ranges() {
    let instrument = instrument();
    for item in all_items(&instrument) {
        if let ItemKind::Number {
            unit,
            min,
            max,
            step,
        } = &item.kind
        {
            let v = &item.variable;
            assert!(!unit.is_blank(), "{v} has no unit");
            assert!(*min >= 0.0 && min < max && *step > 0.0, "{v} range");
            if en(unit) == "days" {
                assert_eq!((*min, *max, *step), (0.0, 28.0, 1.0), "{v}: 28-day count");
            }
        }
    }
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

#[test]
fn travel_cost_takes_pounds_and_pence() {
    use candour_core::validate::validate_answer;
    let instrument = instrument();
    let cost = item(&instrument, "b3_travel_cost");
    for pounds in [0.0, 2.0, 2.35, 4.2, 13.99, 100.0] {
        let result = validate_answer(cost, &AnswerValue::Number(pounds));
        assert!(result.is_ok(), "£{pounds}: {result:?}");
    }
    assert!(validate_answer(cost, &AnswerValue::Number(100.5)).is_err());
}
