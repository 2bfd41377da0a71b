#![cfg(not(target_arch = "wasm32"))]
//! The engine takes any valid instrument, not only the default: a second,
//! small instrument runs end to end through loading, answers, validation,
//! skip logic, progress, scoring, the content hash and the codebook.

use candour_analysis::codebook::codebook;
use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::hash::content_hash;
use candour_core::instrument::default::default_instrument;
use candour_core::instrument::load::load_instrument;
use candour_core::scoring::domain_scores;
use candour_core::validate::{parse_number_input, validate_answer};
use candour_core::visibility::{progress, prune_hidden, visible_items};

const FIXTURE: &str = include_str!("../../../tests/fixtures/small_instrument.json");

fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn shown(instrument: &candour_core::instrument::Instrument, a: &Answers) -> Vec<String> {
    visible_items(instrument, a)
        .iter()
        .map(|i| i.variable.clone())
        .collect()
}

#[test]
fn a_second_instrument_runs_end_to_end() {
    let instrument = load_instrument(FIXTURE).expect("fixture loads");
    assert_eq!(instrument.id, "fixture-small");

    // Answers as a participant gives them; the number arrives as typed text.
    let u1 = instrument.item("u1_days").expect("u1");
    let days = parse_number_input(u1, " 3 ").expect("3 days is valid");
    let mut a = answers(&[
        ("s1_respect", AnswerValue::Code(5)),
        ("s2_listen", AnswerValue::Code(4)),
        ("s3_rushed", AnswerValue::Code(2)),
        ("s4_help", AnswerValue::Codes(vec![1, 3])),
        ("u1_days", days),
        ("u2_dealer", AnswerValue::Code(1)),
    ]);
    for (variable, value) in &a {
        let item = instrument.item(variable).expect("known item");
        validate_answer(item, value).expect("valid answer");
    }

    // Skip logic: u2 shows because u1 > 0 ...
    assert!(shown(&instrument, &a).contains(&"u2_dealer".to_string()));
    let p = progress(&instrument, &a);
    assert_eq!((p.answered, p.visible), (6, 7));

    // ... and hides, with its answer dropped, when u1 becomes 0.
    a.insert("u1_days".into(), AnswerValue::Number(0.0));
    let pruned = prune_hidden(&instrument, &a);
    assert!(!pruned.contains_key("u2_dealer"));
    assert_eq!(shown(&instrument, &pruned).len(), 6);

    // Scoring: S = mean(5, 4, 6 - 2) = 13 / 3; the reverse-keyed item flips.
    let scores = domain_scores(&instrument, &pruned);
    let s = scores.get("S").expect("S is scored");
    assert_eq!((s.answered, s.shown), (3, 3));
    assert!((s.score.expect("reported") - 13.0 / 3.0).abs() < 1e-12);
    assert!(!scores.contains_key("U"), "U is not scored");

    // Under 75% answered, no score.
    let sparse = answers(&[
        ("s1_respect", AnswerValue::Code(5)),
        ("s2_listen", AnswerValue::Missing(MissingCode::Unanswered)),
    ]);
    assert_eq!(domain_scores(&instrument, &sparse)["S"].score, None);

    // The hash names this instrument and differs from the default's.
    let hash = content_hash(&instrument);
    assert!(hash.starts_with("sha256:") && hash.len() == 7 + 64);
    let default = default_instrument().expect("default loads");
    assert_ne!(hash, content_hash(&default));

    // The codebook documents every item, the condition in words, and the
    // one-column-per-option layout of the multiple-choice item.
    let book = codebook(&instrument, "en");
    assert_eq!(book.instrument_hash, hash);
    assert_eq!(book.variables.len(), 7);
    let u2 = book
        .variables
        .iter()
        .find(|v| v.variable == "u2_dealer")
        .expect("u2 entry");
    let condition = u2.shown_if.as_deref().expect("u2 has a condition");
    assert!(condition.contains("u1_days"), "{condition}");
    let s4 = book
        .variables
        .iter()
        .find(|v| v.variable == "s4_help")
        .expect("s4 entry");
    assert_eq!(
        s4.columns,
        vec!["s4_help_1", "s4_help_2", "s4_help_3", "s4_help_4"]
    );
    let csv = book.to_csv();
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("s3_rushed"));
}
