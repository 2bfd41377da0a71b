#![cfg(not(target_arch = "wasm32"))]
//! Screens of several items (groups) in the participant's path: one screen
//! shows the whole group, Next checks every item on it, every item's first
//! time shown is stamped, the counter counts screens, and Back and Change
//! land on whole screens.

use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::instrument::default::default_instrument;
use candour_core::survey::{Action, Position, Screen, Survey};
use candour_core::time::Timestamp;
use std::rc::Rc;

fn t(s: i64) -> Timestamp {
    Timestamp(1_800_000_000_000 + s * 1000)
}

/// A survey on the default questionnaire, consent given.
fn consented() -> Survey {
    let mut s = Survey::new(Rc::new(default_instrument().expect("default loads")));
    s.apply(Action::Start {
        id: "rec-g".into(),
        participant_code: None,
        locale: "en".into(),
        device_label: "Tablet".into(),
        service_code: None,
        now: t(0),
    });
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    s
}

fn on_screen(s: &Survey) -> Vec<String> {
    s.screen_items()
        .iter()
        .map(|i| i.variable.clone())
        .collect()
}

fn answer(s: &mut Survey, variable: &str, value: AnswerValue, now: i64) {
    s.apply(Action::Answer {
        variable: variable.into(),
        value: Some(value),
        now: t(now),
    });
}

/// Presses Next until the screen holding `variable` shows.
fn walk_to(s: &mut Survey, variable: &str, now: &mut i64) {
    for _ in 0..60 {
        if on_screen(s).iter().any(|v| v == variable) {
            return;
        }
        if on_screen(s).iter().any(|v| v == "b3_missed_doses") {
            answer(s, "b3_missed_doses", AnswerValue::Number(0.0), *now);
        }
        *now += 1;
        s.apply(Action::Next { now: t(*now) });
        assert!(s.problems.is_empty(), "{:?}", s.problems);
    }
    panic!("never reached {variable}");
}

#[test]
fn a_group_is_one_screen_whose_items_are_all_stamped_as_shown() {
    let mut s = consented();
    assert_eq!(on_screen(&s), ["a1_works"]);
    assert_eq!(s.question_number().map(|(n, _)| n), Some(1));
    let mut now = 1;
    walk_to(&mut s, "a4_here_in_a_year", &mut now);
    assert_eq!(
        on_screen(&s),
        ["a4_here_in_a_year", "a5_worry_close", "a6_told_funding"]
    );
    assert_eq!(
        s.question_number().map(|(n, _)| n),
        Some(4),
        "pages, not items"
    );
    let draft = s.draft.as_ref().expect("draft");
    for v in ["a4_here_in_a_year", "a5_worry_close", "a6_told_funding"] {
        assert_eq!(
            draft.paradata.get(v).and_then(|p| p.first_shown),
            Some(t(now)),
            "{v} shown with its screen"
        );
    }
    assert!(!draft.paradata.contains_key("b1_visits"), "not yet shown");
    // Next leaves the whole screen (none of its items is required).
    now += 1;
    s.apply(Action::Next { now: t(now) });
    assert_eq!(on_screen(&s), ["b1_visits"]);
    // Back returns to the whole screen, named by its first item.
    s.apply(Action::Back { now: t(now + 1) });
    assert_eq!(
        on_screen(&s),
        ["a4_here_in_a_year", "a5_worry_close", "a6_told_funding"]
    );
    assert_eq!(
        s.draft.as_ref().map(|d| d.position.clone()),
        Some(Position::Question("a4_here_in_a_year".into()))
    );
}

#[test]
fn next_on_a_screen_says_what_each_required_item_needs() {
    let mut s = consented();
    let mut now = 1;
    walk_to(&mut s, "e1_days_heroin", &mut now);
    assert_eq!(
        on_screen(&s),
        [
            "e1_days_heroin",
            "e2_days_crack",
            "e3_days_other",
            "e4_days_bought",
            "e5_days_crime"
        ]
    );
    s.apply(Action::Next { now: t(now + 1) });
    // Only e4 is required (it decides whether e6 is asked).
    assert_eq!(s.problems.len(), 1);
    let need = s
        .problem_of("e4_days_bought")
        .expect("e4 needs an answer")
        .to_string();
    assert!(need.contains("Prefer not to say"), "{need}");
    assert_eq!(on_screen(&s)[0], "e1_days_heroin", "still on the screen");
    answer(&mut s, "e4_days_bought", AnswerValue::Number(2.0), now + 2);
    s.apply(Action::Next { now: t(now + 3) });
    assert_eq!(on_screen(&s), ["e6_stop_buying"], "the wish, after buying");
}

#[test]
fn change_from_review_opens_the_whole_screen_of_the_item() {
    let mut s = consented();
    let mut now = 1;
    for _ in 0..60 {
        if s.screen() == Screen::Review {
            break;
        }
        for v in on_screen(&s) {
            let item = s.instrument.item(&v).cloned().expect("item");
            if item.required {
                answer(&mut s, &v, AnswerValue::Number(0.0), now);
                if s.problems.is_empty() {
                    continue;
                }
                answer(&mut s, &v, AnswerValue::Code(0), now);
            }
        }
        now += 1;
        s.apply(Action::Next { now: t(now) });
    }
    assert_eq!(s.screen(), Screen::Review);
    s.apply(Action::Change {
        variable: "c7_raise_problem".into(),
        now: t(now + 1),
    });
    assert_eq!(
        on_screen(&s),
        [
            "c5_problem",
            "c6_beyond_dose",
            "c7_raise_problem",
            "c8_understand"
        ]
    );
    answer(&mut s, "c7_raise_problem", AnswerValue::Code(5), now + 2);
    s.apply(Action::Next { now: t(now + 3) });
    assert_eq!(s.screen(), Screen::Review, "back to the review");
}

#[test]
fn does_not_apply_is_an_answer_on_the_burden_screen() {
    let mut s = consented();
    let mut now = 1;
    walk_to(&mut s, "b5_hard_work", &mut now);
    assert_eq!(on_screen(&s).len(), 5);
    answer(
        &mut s,
        "b6_hard_family",
        AnswerValue::Missing(MissingCode::DoesNotApply),
        now,
    );
    assert!(s.problems.is_empty());
    // "Prefer not to say" is not offered there: refused with a reason.
    answer(
        &mut s,
        "b7_hard_places",
        AnswerValue::Missing(MissingCode::PreferNotToSay),
        now,
    );
    assert!(s.problem_of("b7_hard_places").is_some());
}
