#![cfg(not(target_arch = "wasm32"))]
//! Journal replay, as a property: for any sequence of survey actions and any
//! crash point, start-up recovers the last saved state: the draft exactly as
//! it was (same screen, every answer), and every finished record exactly
//! once. The device is modelled as the app runs it ([`Device`]): after each
//! action the synchronous save to `localStorage` ([`persist`]), then, maybe,
//! the database commits of the journal and the records, and maybe what the
//! page does when hidden (both of which a crash may cut off).
//!
//! [`persist`]: candour_core::storage::journal::persist

use candour_testkit::storage_support;

use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::record::ResponseRecord;
use candour_core::settings::Settings;
use candour_core::storage::Recovery;
use candour_core::survey::{Action, Draft, Position, Survey};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use storage_support::{instrument, t, Device};

const VARIABLES: [&str; 7] = [
    "s1_respect",
    "s2_listen",
    "s3_rushed",
    "s4_help",
    "u1_days",
    "u2_dealer",
    "u3_comment",
];

/// An action without its time (given when applied).
#[derive(Debug, Clone)]
enum Step {
    Start,
    Consent(bool),
    Answer(usize, Option<AnswerValue>),
    /// A valid answer to the question on screen, then Next: so that random
    /// runs reach the review screen and submit, not only wander.
    AnswerAndGoOn,
    Next,
    Back,
    Change(usize),
    Submit,
    StillHere,
    Abandon,
    Finish,
}

fn value() -> impl Strategy<Value = Option<AnswerValue>> {
    prop_oneof![
        (0i64..7).prop_map(|c| Some(AnswerValue::Code(c))),
        proptest::collection::vec(1i64..5, 0..3).prop_map(|c| Some(AnswerValue::Codes(c))),
        (0u8..40).prop_map(|n| Some(AnswerValue::Number(f64::from(n)))),
        "[a-z \"é🙂]{0,12}".prop_map(|s| Some(AnswerValue::Text(s))),
        Just(Some(AnswerValue::Missing(MissingCode::PreferNotToSay))),
        Just(None),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        1 => Just(Step::Start),
        4 => prop::bool::weighted(0.85).prop_map(Step::Consent),
        3 => (0..VARIABLES.len(), value()).prop_map(|(v, a)| Step::Answer(v, a)),
        20 => Just(Step::AnswerAndGoOn),
        5 => Just(Step::Next),
        1 => Just(Step::Back),
        1 => (0..VARIABLES.len()).prop_map(Step::Change),
        4 => Just(Step::Submit),
        1 => Just(Step::StillHere),
        1 => Just(Step::Abandon),
        1 => Just(Step::Finish),
    ]
}

/// What got to run after a step, before the next.
#[derive(Debug, Clone, Copy)]
enum After {
    /// Nothing: the database writes wait.
    Nothing,
    /// The database commits of every change so far.
    Commits,
    /// The page was hidden: the commits, then the retry of a record nothing
    /// took, and the outbox moved.
    Hidden,
}

fn after() -> impl Strategy<Value = After> {
    prop_oneof![
        Just(After::Nothing),
        Just(After::Commits),
        Just(After::Hidden)
    ]
}

/// Sequences of steps (each with what ran after it), opening with a Start
/// so most runs survey.
fn steps() -> impl Strategy<Value = Vec<(Step, After)>> {
    proptest::collection::vec((step(), after()), 1..60).prop_map(|mut steps| {
        steps.insert(0, (Step::Start, After::Nothing));
        steps
    })
}

fn action(step: &Step, n: usize) -> Action {
    let now = t(n as i64);
    match step.clone() {
        Step::Start => Action::Start {
            id: format!("survey-{n}"),
            participant_code: None,
            locale: "en".into(),
            device_label: "Tablet".into(),
            service_code: Some("MBRO-HAT".into()),
            now,
        },
        Step::Consent(agreed) => Action::Consent { agreed, now },
        Step::Answer(v, value) => Action::Answer {
            variable: VARIABLES[v].into(),
            value,
            now,
        },
        Step::Next | Step::AnswerAndGoOn => Action::Next { now },
        Step::Back => Action::Back { now },
        Step::Change(v) => Action::Change {
            variable: VARIABLES[v].into(),
            now,
        },
        Step::Submit => Action::Submit { now },
        Step::StillHere => Action::StillHere { now },
        Step::Abandon => Action::Abandon { now },
        Step::Finish => Action::Finish,
    }
}

/// An answer each item of the fixture instrument accepts.
fn valid_answer(variable: &str) -> AnswerValue {
    match variable {
        "s4_help" => AnswerValue::Codes(vec![1]),
        "u1_days" => AnswerValue::Number(3.0),
        "u3_comment" => AnswerValue::Text("fine".into()),
        "u2_dealer" => AnswerValue::Code(1),
        _ => AnswerValue::Code(4),
    }
}

/// Settings under which any draft resumes (the crash is "just now").
fn patient() -> Settings {
    Settings {
        idle_seconds: 1_000_000,
        ..Settings::default()
    }
}

/// Runs `steps`, snapshotting the device after every save and after
/// whatever ran next. Returns the snapshots with the draft and the finished
/// records at each.
fn run(
    steps: &[(Step, After)],
    device: &mut Device,
) -> Vec<(Device, Option<Draft>, BTreeMap<String, ResponseRecord>)> {
    let mut survey = Survey::new(Rc::new(instrument()));
    let mut finished = BTreeMap::new();
    let mut snapshots = vec![(device.clone(), None, finished.clone())];
    for (n, (step, after)) in steps.iter().enumerate() {
        if let (Step::AnswerAndGoOn, Some(Position::Question(variable))) =
            (step, survey.draft.as_ref().map(|d| d.position.clone()))
        {
            survey.apply(Action::Answer {
                value: Some(valid_answer(&variable)),
                variable,
                now: t(n as i64 + 1),
            });
        }
        survey.apply(action(step, n + 1));
        if let Some(record) = &survey.finished {
            finished.insert(record.id.clone(), record.clone());
        }
        let _ = device.save(&survey);
        snapshots.push((device.clone(), survey.draft.clone(), finished.clone()));
        match after {
            After::Nothing => continue,
            After::Commits => {
                device.commit_pending();
            }
            After::Hidden => {
                let _ = device.on_hide();
            }
        }
        snapshots.push((device.clone(), survey.draft.clone(), finished.clone()));
    }
    snapshots
}

/// Start-up on the crashed device; returns what it resumed and every record
/// stored afterwards.
fn restart(device: Device, now: i64) -> (Recovery, BTreeMap<String, ResponseRecord>) {
    let (recovery, stored) = device.restart(&patient(), t(now));
    (recovery.expect("recovery reads"), stored)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_crash_point_recovers_the_last_saved_state(
        steps in steps(),
        cut in any::<prop::sample::Index>(),
    ) {
        let snapshots = run(&steps, &mut Device::default());
        let (device, draft, finished) = snapshots[cut.index(snapshots.len())].clone();
        let (recovery, stored) = restart(device, steps.len() as i64 + 1);
        match draft {
            Some(draft) => prop_assert_eq!(recovery, Recovery::Resume(Box::new(draft))),
            None => prop_assert!(
                matches!(recovery, Recovery::Nothing | Recovery::AlreadyStored),
                "{:?}", recovery
            ),
        }
        // Every finished record, exactly once and exactly as finished.
        prop_assert_eq!(stored, finished);
    }

    #[test]
    fn with_failing_writes_nothing_saved_is_lost_and_every_failure_is_reported(
        steps in steps(),
        journal_fails in proptest::option::of(2usize..6),
        archive_fails in proptest::option::of(1usize..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut device = Device::default();
        device.journal.store.fail_every_nth_write = journal_fails;
        device.archive.store.fail_every_nth_commit = archive_fails;
        let snapshots = run(&steps, &mut device);
        let (mut device, _, finished) = snapshots[cut.index(snapshots.len())].clone();
        // Storage works again after the restart (staff made room).
        device.journal.store.fail_every_nth_write = None;
        device.archive.store.fail_every_nth_commit = None;
        let drafts_ever: Vec<Draft> = snapshots.iter().filter_map(|s| s.1.clone()).collect();
        let (recovery, stored) = restart(device, steps.len() as i64 + 1);
        let resumed = match &recovery {
            Recovery::Resume(d) => {
                // Never a mix: exactly a state the survey was in.
                prop_assert!(drafts_ever.contains(d), "resumed an unknown draft");
                Some(d.id.clone())
            }
            _ => None,
        };
        for (id, record) in &finished {
            // Stored exactly, or its draft resumes: the answers are there.
            match stored.get(id) {
                Some(kept) => prop_assert_eq!(kept, record),
                None => prop_assert_eq!(resumed.as_deref(), Some(id.as_str()), "lost {}", id),
            }
        }
        for id in stored.keys() {
            prop_assert!(finished.contains_key(id), "a record nobody finished: {}", id);
        }
    }
}

#[test]
fn a_scripted_run_reaches_submit_and_every_crash_point_recovers() {
    let mut steps = vec![
        (Step::Start, After::Nothing),
        (Step::Consent(true), After::Commits),
    ];
    steps.extend(std::iter::repeat_n(
        (Step::AnswerAndGoOn, After::Nothing),
        7,
    ));
    steps.push((Step::Submit, After::Nothing));
    steps.push((Step::Finish, After::Hidden));
    let snapshots = run(&steps, &mut Device::default());
    let (_, _, finished) = snapshots.last().expect("snapshots").clone();
    assert_eq!(finished.len(), 1);
    assert_eq!(
        finished.values().next().map(|r| r.status),
        Some(candour_core::record::Status::Complete)
    );
    for (device, draft, finished) in snapshots {
        let (recovery, stored) = restart(device, 100);
        match draft {
            Some(draft) => assert_eq!(recovery, Recovery::Resume(Box::new(draft))),
            None => assert!(matches!(
                recovery,
                Recovery::Nothing | Recovery::AlreadyStored
            )),
        }
        assert_eq!(stored, finished);
    }
}
