#![cfg(not(target_arch = "wasm32"))]
//! The participant's path as pure state: consent, one question at a time,
//! required items, skip logic, review and change, idempotent submit, idle
//! abandon, and the paradata and record that come out.

use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::instrument::load::load_instrument;
use candour_core::record::Status;
use candour_core::survey::{Action, Ending, Position, Screen, Survey};
use candour_core::time::Timestamp;
use std::rc::Rc;

const FIXTURE: &str = include_str!("../../../tests/fixtures/small_instrument.json");

fn t(s: i64) -> Timestamp {
    Timestamp(1_800_000_000_000 + s * 1000)
}

fn started() -> Survey {
    let instrument = load_instrument(FIXTURE).expect("fixture loads");
    let mut survey = Survey::new(Rc::new(instrument));
    assert_eq!(survey.screen(), Screen::Start);
    survey.apply(Action::Start {
        id: "rec-1".into(),
        participant_code: Some("HAT-042".into()),
        locale: "en".into(),
        device_label: "Clinic A, tablet 2".into(),
        service_code: Some("MBRO-HAT".into()),
        now: t(0),
    });
    survey
}

fn on(survey: &Survey) -> String {
    match survey.screen() {
        Screen::Question(item) => item.variable.clone(),
        other => format!("{other:?}"),
    }
}

fn answer(survey: &mut Survey, variable: &str, value: AnswerValue, now: i64) {
    survey.apply(Action::Answer {
        variable: variable.into(),
        value: Some(value),
        now: t(now),
    });
}

fn next(survey: &mut Survey, now: i64) {
    survey.apply(Action::Next { now: t(now) });
}

#[test]
fn consent_then_one_question_at_a_time_to_review_and_submit() {
    let mut s = started();
    assert_eq!(s.screen(), Screen::Consent);
    s.apply(Action::Consent {
        agreed: true,
        now: t(5),
    });
    assert_eq!(on(&s), "s1_respect");
    assert_eq!(
        s.question_number(),
        Some((1, 6)),
        "u2 shows only once u1 > 0"
    );

    // A required item refuses Next with a message in words.
    next(&mut s, 6);
    assert_eq!(on(&s), "s1_respect");
    let problem = s.problem_of("s1_respect").expect("a message").to_string();
    assert!(problem.contains("Please"), "{problem}");

    answer(&mut s, "s1_respect", AnswerValue::Code(5), 7);
    assert!(s.problems.is_empty());
    next(&mut s, 8);
    answer(&mut s, "s2_listen", AnswerValue::Code(4), 9);
    next(&mut s, 10);
    answer(&mut s, "s3_rushed", AnswerValue::Code(2), 11);
    next(&mut s, 12);
    // s4 is optional: Next goes on unanswered.
    next(&mut s, 13);
    answer(&mut s, "u1_days", AnswerValue::Number(0.0), 14);
    next(&mut s, 15);
    // u2 is skipped because u1 is 0; the counter counts only shown items.
    assert_eq!(on(&s), "u3_comment");
    assert_eq!(s.question_number(), Some((6, 6)));
    answer(
        &mut s,
        "u3_comment",
        AnswerValue::Text("Good staff, \"kind\", 🙂".into()),
        16,
    );
    next(&mut s, 17);
    assert_eq!(s.screen(), Screen::Review);

    s.apply(Action::Submit { now: t(20) });
    assert_eq!(s.screen(), Screen::Ended(Ending::Completed));
    let record = s.finished.clone().expect("a record");
    // A double tap changes nothing: still the one record.
    s.apply(Action::Submit { now: t(21) });
    assert_eq!(s.finished.as_ref(), Some(&record));

    assert_eq!(record.id, "rec-1");
    assert_eq!(record.status, Status::Complete);
    assert_eq!(record.participant_code.as_deref(), Some("HAT-042"));
    assert_eq!(record.device_label, "Clinic A, tablet 2");
    assert_eq!(record.service_code.as_deref(), Some("MBRO-HAT"));
    assert_eq!((record.started_at, record.ended_at), (t(0), t(20)));
    assert_eq!(record.instrument.id, "fixture-small");
    assert!(record.instrument.hash.starts_with("sha256:"));
    assert_eq!(record.answers["s1_respect"], AnswerValue::Code(5));
    // Shown but unanswered is -97; hidden by skip logic is blank (absent).
    assert_eq!(
        record.answers["s4_help"],
        AnswerValue::Missing(MissingCode::Unanswered)
    );
    assert!(!record.answers.contains_key("u2_dealer"));
    let times = record.paradata["s1_respect"];
    assert_eq!(
        (times.first_shown, times.last_changed),
        (Some(t(5)), Some(t(7)))
    );
    assert!(!record.paradata.contains_key("u2_dealer"));

    s.apply(Action::Finish);
    assert_eq!(s.screen(), Screen::Start);
    assert!(s.draft.is_none() && s.finished.is_none());
}

#[test]
fn declining_consent_stores_only_a_declined_record() {
    let mut s = started();
    s.apply(Action::Consent {
        agreed: false,
        now: t(3),
    });
    assert_eq!(s.screen(), Screen::Ended(Ending::Declined));
    let record = s.finished.clone().expect("a record");
    assert_eq!(record.status, Status::DeclinedConsent);
    assert!(record.answers.is_empty() && record.paradata.is_empty());
}

#[test]
fn skip_logic_drops_answers_to_items_that_become_hidden() {
    let mut s = started();
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    answer(&mut s, "u1_days", AnswerValue::Number(5.0), 2);
    answer(&mut s, "u2_dealer", AnswerValue::Code(1), 3);
    assert!(s
        .draft
        .as_ref()
        .expect("draft")
        .answers
        .contains_key("u2_dealer"));
    answer(&mut s, "u1_days", AnswerValue::Number(0.0), 4);
    assert!(!s
        .draft
        .as_ref()
        .expect("draft")
        .answers
        .contains_key("u2_dealer"));
}

#[test]
fn invalid_answers_are_refused_with_a_message_and_nothing_changes() {
    let mut s = started();
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    answer(&mut s, "u1_days", AnswerValue::Number(40.0), 2);
    assert!(
        s.problem_of("u1_days")
            .is_some_and(|p| p.to_string().contains("28")),
        "{:?}",
        s.problems
    );
    assert!(!s
        .draft
        .as_ref()
        .expect("draft")
        .answers
        .contains_key("u1_days"));
}

#[test]
fn back_goes_one_screen_and_change_from_review_returns_to_review() {
    let mut s = started();
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    answer(&mut s, "s1_respect", AnswerValue::Code(3), 2);
    next(&mut s, 3);
    s.apply(Action::Back { now: t(4) });
    assert_eq!(on(&s), "s1_respect");
    s.apply(Action::Back { now: t(5) });
    assert_eq!(s.screen(), Screen::Consent);
    s.apply(Action::Consent {
        agreed: true,
        now: t(6),
    });

    for (v, value) in [
        ("s1_respect", AnswerValue::Code(3)),
        ("s2_listen", AnswerValue::Code(3)),
        ("s3_rushed", AnswerValue::Code(3)),
        ("u1_days", AnswerValue::Missing(MissingCode::PreferNotToSay)),
    ] {
        answer(&mut s, v, value, 7);
    }
    for _ in 0..10 {
        next(&mut s, 8);
    }
    assert_eq!(s.screen(), Screen::Review);
    s.apply(Action::Change {
        variable: "s2_listen".into(),
        now: t(9),
    });
    assert_eq!(on(&s), "s2_listen");
    answer(&mut s, "s2_listen", AnswerValue::Code(1), 10);
    next(&mut s, 11);
    assert_eq!(
        s.screen(),
        Screen::Review,
        "Next after a change returns to review"
    );
    s.apply(Action::Back { now: t(12) });
    assert_eq!(
        on(&s),
        "u3_comment",
        "Back from review is the last question"
    );
    // Consent time is kept from the first agreement.
    assert_eq!(s.draft.as_ref().and_then(|d| d.consented_at), Some(t(1)));
}

#[test]
fn abandon_keeps_a_partial_record_with_unreached_items_coded_not_reached() {
    let mut s = started();
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    answer(&mut s, "s1_respect", AnswerValue::Code(4), 2);
    next(&mut s, 3);
    // On s2, shown but not answered, then the participant walks away.
    s.apply(Action::Abandon { now: t(300) });
    assert_eq!(s.screen(), Screen::Start);
    let record = s.finished.clone().expect("a partial record");
    assert_eq!(record.status, Status::Partial);
    assert_eq!(record.answers["s1_respect"], AnswerValue::Code(4));
    assert_eq!(
        record.answers["s2_listen"],
        AnswerValue::Missing(MissingCode::Unanswered)
    );
    assert_eq!(
        record.answers["s3_rushed"],
        AnswerValue::Missing(MissingCode::NotReached),
        "never reached: -95, not blank"
    );
    // u2 is shown only if u1 > 0, and u1 was never reached: whether u2
    // would have been shown is unknown, so it is not reached either.
    assert_eq!(
        record.answers["u2_dealer"],
        AnswerValue::Missing(MissingCode::NotReached)
    );
    assert!(!record.paradata.contains_key("s3_rushed"));
}

#[test]
fn abandon_before_consent_keeps_nothing() {
    let mut s = started();
    s.apply(Action::Abandon { now: t(300) });
    assert_eq!(s.screen(), Screen::Start);
    assert!(s.finished.is_none() && s.draft.is_none());
}

#[test]
fn a_draft_resumes_where_it_was() {
    let mut s = started();
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    answer(&mut s, "s1_respect", AnswerValue::Code(2), 2);
    next(&mut s, 3);
    let saved = serde_json::to_string(s.draft.as_ref().expect("draft")).expect("serialise");

    let mut fresh = Survey::new(s.instrument.clone());
    fresh.apply(Action::Resume(Box::new(
        serde_json::from_str(&saved).expect("parse"),
    )));
    assert_eq!(on(&fresh), "s2_listen");
    assert_eq!(fresh.draft, s.draft);
    assert_eq!(
        fresh.draft.as_ref().map(|d| d.position.clone()),
        Some(Position::Question("s2_listen".into()))
    );
}
