#![cfg(not(target_arch = "wasm32"))]
//! The limits of the default questionnaire (issue 16): every text a
//! participant reads at Flesch-Kincaid grade 6 or below (a reading age of
//! about 11), at most 50 screens for someone who answers everything, and an
//! estimated completion time of at most 12 minutes, estimated as
//! `candour_testkit::completion_time` describes (words read at 150 a minute,
//! a time per answer by its kind, 2 seconds per screen).
//!
//! Run with `cargo test --test default_instrument_limits -- --nocapture` to
//! see the figures and the hardest texts.

use candour_core::instrument::default::default_instrument;
use candour_core::instrument::{Instrument, ItemKind};
use candour_core::messages::Messages;
use candour_core::screen::every_screen;
use candour_core::text::Text;
use candour_core::visibility::all_items;
use candour_testkit::completion_time::estimate;
use candour_testkit::readability::{flesch_kincaid_grade, sentences, syllables};

/// Highest Flesch–Kincaid grade allowed for any text a participant reads
/// (US grade 6 is about a reading age of 11).
const MAX_GRADE: f64 = 6.0;

/// Most screens (consent, questions, review) for someone who answers everything.
const MAX_SCREENS: usize = 50;

/// Longest estimated completion time, in minutes.
const MAX_MINUTES: f64 = 12.0;

fn instrument() -> Instrument {
    match default_instrument() {
        Ok(instrument) => instrument,
        Err(errors) => panic!("the default instrument does not load: {errors:?}"),
    }
}

fn en(text: &Text) -> &str {
    text.get("en", "en")
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
    for (n, label) in scales.difficulty.iter().flatten().enumerate() {
        push(format!("difficulty label {}", n + 1), label);
    }
    push("prefer not to say label".into(), &scales.prefer_not_to_say);
    push("don't know label".into(), &scales.dont_know);
    if let Some(label) = &scales.does_not_apply {
        push("does not apply label".into(), label);
    }
    for section in &instrument.sections {
        if let Some(intro) = &section.intro {
            push(format!("section {} intro", section.id), intro);
        }
        for group in &section.groups {
            push(format!("group {} heading", group.id), &group.heading);
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
                kind => {
                    if let Some((low, high)) = kind.scale_ends() {
                        push(format!("{v} low label"), low);
                        push(format!("{v} high label"), high);
                    }
                }
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
        if let ItemKind::Number {
            unit,
            unit_singular,
            ..
        } = &item.kind
        {
            out.push((format!("{} unit", item.variable), en(unit).to_owned()));
            if let Some(singular) = unit_singular {
                out.push((
                    format!("{} unit_singular", item.variable),
                    en(singular).to_owned(),
                ));
            }
        }
    }
    out
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
fn at_most_50_screens_for_someone_who_answers_everything() {
    let instrument = instrument();
    // Every item shown (every condition true): no one sees more screens.
    let questions = every_screen(&instrument).len();
    let screens = questions + 2; // consent and review
    println!("screens: {screens} (consent, {questions} question screens, review)");
    assert!(screens <= MAX_SCREENS, "{screens} screens");
    let grouped = every_screen(&instrument)
        .iter()
        .filter(|s| s.len() > 1)
        .count();
    println!("screens with several items: {grouped}");
}

#[test]
fn estimated_time_is_at_most_12_minutes_and_the_information_says_it() {
    let instrument = instrument();
    let e = estimate(&instrument, &Messages::english());
    println!(
        "estimated time: {:.1} minutes ({} words read in {:.0} s; answering and moving on {:.0} s; \
         {} items on {} screens)",
        e.minutes(),
        e.words,
        e.reading_seconds,
        e.acting_seconds,
        e.items,
        e.screens
    );
    assert!(e.minutes() <= MAX_MINUTES, "{:.1} minutes", e.minutes());
    assert_eq!(e.screens, every_screen(&instrument).len() + 2);
    // The information promises a time the estimate keeps.
    let info = en(&instrument.information);
    let promised: f64 = info
        .split("about ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0.0);
    assert!(promised > 0.0, "the information states the time: {info}");
    assert!(
        (e.minutes() - promised).abs() <= 2.5,
        "the information says about {promised} minutes, the estimate is {:.1}",
        e.minutes()
    );
}

#[test]
fn information_says_what_it_must() {
    let instrument = instrument();
    let info = en(&instrument.information).to_lowercase();
    for needle in [
        "minutes",
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
