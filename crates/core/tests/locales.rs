#![cfg(not(target_arch = "wasm32"))]
//! Languages, natively: a small right-to-left fixture (an Arabic locale file
//! and an instrument with Arabic texts) through locale choice, text
//! fallback, direction, hard words and the read-aloud script; and the
//! pseudo-locales the end-to-end tests use.

use candour_core::glossary::term_spans;
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::pseudo_translation::with_pseudo_translation;
use candour_core::instrument::Instrument;
use candour_core::locale::{self, Direction, PSEUDO_LONG, PSEUDO_RTL};
use candour_core::messages::Messages;
use candour_core::pseudo::pseudo_localise;
use candour_core::read_aloud::{consent_script, question_script, Part};

const RTL_INSTRUMENT: &str = include_str!("../../../tests/fixtures/rtl_instrument.json");
const AR_MESSAGES: &str = include_str!("../../../tests/fixtures/locales/ar.json");

fn fixture() -> Instrument {
    load_instrument(RTL_INSTRUMENT).expect("the right-to-left fixture loads and checks")
}

fn arabic() -> Messages {
    Messages::from_json(AR_MESSAGES)
        .expect("the Arabic fixture reads")
        .with_locale("ar")
}

#[test]
fn arabic_runs_right_to_left_and_english_left_to_right() {
    assert_eq!(locale::direction("ar"), Direction::Rtl);
    assert_eq!(locale::direction(arabic().locale()), Direction::Rtl);
    assert_eq!(locale::direction("he-IL"), Direction::Rtl);
    assert_eq!(locale::direction("en"), Direction::Ltr);
    assert_eq!(locale::direction(PSEUDO_RTL), Direction::Rtl);
}

#[test]
fn a_locale_file_missing_keys_falls_back_to_english() {
    let m = arabic();
    assert_eq!(m.get("nav.next"), "التالي");
    assert_eq!(
        m.fill("question.counter", &[("n", "3"), ("total", "9")]),
        "السؤال 3 من 9"
    );
    assert_eq!(m.get("review.heading"), "Check your answers");
}

#[test]
fn the_instrument_shows_the_records_locale_and_falls_back_to_its_own() {
    let instrument = fixture();
    let item = instrument.item("s1_respect").expect("item");
    assert_eq!(
        item.text.get("ar", &instrument.locale),
        "يعاملني الموظفون باحترام."
    );
    assert_eq!(
        item.text.get("ar-EG", &instrument.locale),
        "يعاملني الموظفون باحترام."
    );
    assert_eq!(
        item.text.get("fr", &instrument.locale),
        "Staff treat me with respect."
    );
}

#[test]
fn the_arabic_screens_are_read_aloud_in_arabic_in_order() {
    let instrument = fixture();
    let m = arabic();
    let consent = consent_script(&instrument, "ar", &m);
    let said: Vec<&str> = consent.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(
        said,
        vec![
            "استبيان قصير",
            "هذا استبيان قصير.",
            "يستغرق دقيقة واحدة.",
            "هل توافق على الإجابة؟",
            "نعم، أوافق على الإجابة",
            "لا، لا أريد"
        ]
    );

    let agreement = instrument.item("s1_respect").expect("item");
    let script = question_script(&instrument, agreement, "ar", &m, &[]);
    let options: Vec<&str> = script
        .iter()
        .filter(|p| matches!(p.part, Part::Choice(_)))
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        options,
        vec!["لا أوافق أبدا", "لا أوافق", "بين بين", "أوافق", "أوافق بشدة"]
    );

    let number = instrument.item("u1_days").expect("item");
    let script = question_script(&instrument, number, "ar", &m, &[0]);
    let explained = script
        .iter()
        .find(|p| p.part == Part::Glossary(0))
        .expect("the open hard word is read");
    assert_eq!(
        explained.text,
        "هيروين الشارع: هيروين تحصل عليه من تاجر أو صديق، وليس من العيادة."
    );
    let tail: Vec<&str> = script
        .iter()
        .rev()
        .take(2)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(tail, vec!["أفضل عدم الإجابة", "أو"]);
}

#[test]
fn an_arabic_hard_word_is_found_in_its_arabic_question() {
    let instrument = fixture();
    let item = instrument.item("u1_days").expect("item");
    let text = item.text.get("ar", "en");
    let term = item.glossary[0].term.get("ar", "en");
    let spans = term_spans(text, &[term]);
    assert_eq!(spans.len(), 1);
    assert_eq!(&text[spans[0].range.clone()], "هيروين الشارع");
}

#[test]
fn only_english_ships_and_the_pseudo_locales_are_chosen_by_name() {
    assert_eq!(locale::choose(Some("ar")), "en", "no Arabic file ships");
    assert_eq!(Messages::for_locale("ar").locale(), "en");
    assert_eq!(locale::choose(Some("en-XA")), PSEUDO_LONG);
    assert_eq!(locale::choose(Some("AR-xb")), PSEUDO_RTL);
    let pseudo = Messages::for_locale(PSEUDO_RTL);
    assert_eq!(pseudo.get("nav.back"), pseudo_localise("Back"));
}

#[test]
fn a_pseudo_translation_keeps_every_real_one() {
    let instrument = fixture();
    let pseudo = with_pseudo_translation(&instrument, PSEUDO_LONG);
    let item = pseudo.item("s1_respect").expect("item");
    assert_eq!(item.text.get("ar", "en"), "يعاملني الموظفون باحترام.");
    assert_eq!(item.text.get("en", "en"), "Staff treat me with respect.");
    assert_eq!(
        item.text.get(PSEUDO_LONG, "en"),
        pseudo_localise("Staff treat me with respect.")
    );
    assert_eq!(
        candour_core::hash::content_hash(&instrument),
        candour_core::hash::content_hash(&fixture()),
        "the original is untouched"
    );
}

/// The workbench's own texts, embedded only in its build.
const WORKBENCH_EN: &str = include_str!("../../../locales/workbench/en.json");

#[test]
fn the_workbench_texts_are_its_own_and_pseudo_locales_cover_them() {
    let count = Messages::check_page_texts(WORKBENCH_EN).expect("reads, no shared key");
    assert!(count > 40, "{count}");
    let m = Messages::for_page("en", WORKBENCH_EN);
    assert_eq!(m.get("workbench.heading"), "Candour workbench");
    let pseudo = Messages::for_page(PSEUDO_LONG, WORKBENCH_EN);
    assert_eq!(
        pseudo.get("workbench.heading"),
        pseudo_localise("Candour workbench")
    );
    assert!(
        !Messages::english()
            .keys()
            .any(|k| k.starts_with("workbench.")
                || k.starts_with("researcher.import_")
                || k.starts_with("researcher.format_")),
        "the tablet's texts hold none of the workbench's"
    );
}
