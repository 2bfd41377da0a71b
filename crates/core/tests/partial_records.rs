#![cfg(not(target_arch = "wasm32"))]
//! Partial records of the default questionnaire: the "not reached" state
//! (-95) apart from "skipped by logic" (blank) and "shown but not answered"
//! (-97), and domain scores that count only the items actually shown
//! ("does not apply" and "not reached" kept out), also on 0-100.

use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::export::export_record;
use candour_core::export::ExportValue;
use candour_core::instrument::default::{default_instrument, previous_defaults};
use candour_core::instrument::Item;
use candour_core::record::Status;
use candour_core::scoring::domain_scores;
use candour_core::visibility::all_items;
use candour_testkit::export_support::{answers, complete, partial};
use AnswerValue::{Code, Missing, Number};

const NOT_REACHED: AnswerValue = Missing(MissingCode::NotReached);
const UNANSWERED: AnswerValue = Missing(MissingCode::Unanswered);

/// Answers for the first screens: the three A1 scales, the A2 screen.
fn first_answers() -> Vec<(&'static str, AnswerValue)> {
    vec![
        ("a1_works", Code(8)),
        ("a2_keep_coming", Code(6)),
        ("a3_avoid_street", Code(7)),
        ("a4_here_in_a_year", Code(4)),
        ("a5_worry_close", Missing(MissingCode::DontKnow)),
        ("b1_visits", Number(2.0)),
        ("b3_missed_doses", Number(0.0)),
        // Required further on (skip logic reads them).
        ("e4_days_bought", Number(0.0)),
        ("e8_injected", Code(0)),
    ]
}

#[test]
fn a_partial_record_codes_every_item_it_never_reached() {
    let instrument = default_instrument().expect("default loads");
    let list = first_answers();
    // Screens passed: a1, a2, a3, the A2 group, b1; then b2 shown and left.
    let record = partial(&instrument, "p-1", 0, 5, &mut answers(&list));
    assert_eq!(record.status, Status::Partial);
    let a = &record.answers;
    assert_eq!(a["a1_works"], Code(8));
    assert_eq!(a["a5_worry_close"], Missing(MissingCode::DontKnow));
    assert_eq!(
        a["a6_told_funding"], UNANSWERED,
        "shown on its screen, left"
    );
    assert_eq!(
        a["b2_visit_minutes"], UNANSWERED,
        "shown when the survey ended"
    );
    assert_eq!(
        a["b3_missed_doses"], NOT_REACHED,
        "the answer was never given"
    );
    // b4 reads b3, which was never reached: whether it would have been
    // shown is unknown, so it is not reached too (never blank).
    assert_eq!(a["b4_missed_why"], NOT_REACHED);
    for item in all_items(&instrument).skip_while(|i| i.variable != "b5_hard_work") {
        assert_eq!(
            a.get(&item.variable),
            Some(&NOT_REACHED),
            "{}",
            item.variable
        );
    }
    // Nothing is left blank: no item was skipped by logic.
    assert_eq!(a.len(), all_items(&instrument).count());
}

#[test]
fn skipped_by_logic_stays_blank_and_differs_from_not_reached() {
    let instrument = default_instrument().expect("default loads");
    let mut list = first_answers();
    list.push(("b2_visit_minutes", Number(40.0)));
    // Screens passed up to b3 (no dose missed), then the burden screen left.
    let record = partial(&instrument, "p-2", 0, 7, &mut answers(&list));
    let a = &record.answers;
    assert_eq!(a["b3_missed_doses"], Number(0.0));
    assert!(!a.contains_key("b4_missed_why"), "skipped by logic: blank");
    assert_eq!(a["b5_hard_work"], UNANSWERED);
    assert_eq!(a["c1_respect"], NOT_REACHED);
    // In the export: -95 and -97 are codes, skip logic is null.
    let exported = export_record(&record, &instrument).expect("exports");
    let value = |v: &str| {
        exported
            .answers
            .iter()
            .find(|(k, _)| *k == v)
            .map(|(_, value)| value.clone())
    };
    assert_eq!(value("c1_respect"), Some(Some(ExportValue::Integer(-95))));
    assert_eq!(value("b5_hard_work"), Some(Some(ExportValue::Integer(-97))));
    assert_eq!(value("b4_missed_why"), Some(None));
}

#[test]
fn a_complete_record_never_has_an_unreached_item() {
    let instrument = default_instrument().expect("default loads");
    let record = complete(&instrument, "c-1", None, 0, &mut answers(&first_answers()));
    assert!(record.answers.values().all(|v| *v != NOT_REACHED));
    assert_eq!(record.answers["c1_respect"], UNANSWERED);
}

#[test]
fn scores_of_a_partial_record_count_only_items_shown() {
    let instrument = default_instrument().expect("default loads");
    let record = partial(&instrument, "p-3", 0, 5, &mut answers(&first_answers()));
    let scores = domain_scores(&instrument, &record.answers);
    // A1: three 0-10 items, all answered: (8 + 6 + 7) / 3 = 7, 70 on 0-100.
    let a1 = &scores["A1"];
    assert_eq!((a1.answered, a1.shown), (3, 3));
    assert_eq!(a1.score, Some(7.0));
    assert_eq!(a1.score_100, Some(70.0));
    // A2: three items shown; one answered, "don't know", left: no score.
    let a2 = &scores["A2"];
    assert_eq!((a2.answered, a2.shown, a2.score), (1, 3, None));
    // C was never reached: nothing shown, nothing held against the person
    // (before -95 existed, the eight unreached items counted as shown).
    let c = &scores["C"];
    assert_eq!((c.answered, c.shown, c.score), (0, 0, None));
}

#[test]
fn does_not_apply_is_kept_out_of_the_burden_score() {
    let instrument = default_instrument().expect("default loads");
    let dna = Missing(MissingCode::DoesNotApply);
    let mut list = first_answers();
    list.extend([
        ("b5_hard_work", dna.clone()),
        ("b6_hard_family", dna.clone()),
        ("b7_hard_places", Code(2)),
        ("b8_hard_rest", Code(4)),
        ("b9_hard_travel", Code(5)),
    ]);
    let record = complete(&instrument, "c-2", None, 0, &mut answers(&list));
    let b = &domain_scores(&instrument, &record.answers)["B"];
    // Three apply, all answered: mean (2 + 4 + 5) / 3 = 11 / 3, on a 1 to 5
    // scale: (11/3 - 1) / 4 x 100 = 66.67. Counted as shown, "does not
    // apply" would have left 3 of 5 (60%) and no score at all.
    assert_eq!((b.answered, b.shown), (3, 3));
    assert_eq!(b.score, Some(11.0 / 3.0));
    let expected = (11.0 / 3.0 - 1.0) / 4.0 * 100.0;
    assert!(
        b.score_100.is_some_and(|s| (s - expected).abs() < 1e-9),
        "{b:?}"
    );
}

#[test]
fn reverse_keyed_items_reverse_before_the_0_100_score() {
    let instrument = default_instrument().expect("default loads");
    let mut list = first_answers();
    list.retain(|(v, _)| !v.starts_with("a"));
    list.extend([
        ("a4_here_in_a_year", Code(5)),
        ("a5_worry_close", Code(1)),
        ("a6_told_funding", Code(5)),
    ]);
    let record = complete(&instrument, "c-3", None, 0, &mut answers(&list));
    let a2 = &domain_scores(&instrument, &record.answers)["A2"];
    // Not worried at all (1) reverses to 5: the best continuity score.
    assert_eq!(a2.score, Some(5.0));
    assert_eq!(a2.score_100, Some(100.0));
}

#[test]
fn a_1_0_0_partial_record_with_blank_unreached_items_scores_as_shown() {
    // Records made before -95 existed left unreached items blank; the
    // scores count what they hold, so blanks are not counted as shown.
    let v1 = previous_defaults().into_iter().next().expect("1.0.0");
    let mut answers = Answers::new();
    for (variable, code) in [("c1_respect", 4), ("c2_trust", 5), ("c3_listened", 3)] {
        answers.insert(variable.into(), Code(code));
    }
    answers.insert("c4_person".into(), UNANSWERED);
    let c = &domain_scores(&v1, &answers)["C"];
    assert_eq!((c.answered, c.shown), (3, 4));
    assert_eq!(c.score, Some(4.0));
    assert_eq!(c.score_100, Some(75.0));
    let blank_domain: Vec<&Item> = all_items(&v1)
        .filter(|i| i.domain.as_deref() == Some("D"))
        .collect();
    assert_eq!(blank_domain.len(), 6);
    assert_eq!(domain_scores(&v1, &answers)["D"].shown, 0);
}
