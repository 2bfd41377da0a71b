#![cfg(not(target_arch = "wasm32"))]
//! Fault injection over the whole save path (the persistence hook's core,
//! then the move into the record database): every Nth write failing, the
//! storage quota reached mid-survey, and values corrupted by hand. After
//! every fault: what was saved stays saved and readable, the failure is
//! reported in words, and nothing finished is lost.

use candour_testkit::native_storage::outbox_records;
use candour_testkit::storage_support;

use candour_core::answer::AnswerValue;
use candour_core::messages::Messages;
use candour_core::settings::Settings;
use candour_core::storage::repository::DRAFT_KEY;
use candour_core::storage::{KeyValueStore, Recovery, Repository, StoreError, StoreFault};
use candour_core::survey::{Action, Survey};
use candour_testkit::memory_records::MemoryRecords;
use candour_testkit::memory_store::MemoryStore;
use candour_testkit::native_storage::boot;
use candour_testkit::native_storage::Archive;
use std::rc::Rc;
use storage_support::{instrument, t, Device};

/// The fixture survey from Start to Submit, one action at a time.
fn whole_survey(id: &str) -> Vec<Action> {
    let mut actions = vec![
        Action::Start {
            id: id.into(),
            participant_code: None,
            locale: "en".into(),
            device_label: String::new(),
            service_code: None,
            now: t(0),
        },
        Action::Consent {
            agreed: true,
            now: t(1),
        },
    ];
    let answers = [
        ("s1_respect", AnswerValue::Code(4)),
        ("s2_listen", AnswerValue::Code(3)),
        ("s3_rushed", AnswerValue::Code(2)),
        ("s4_help", AnswerValue::Codes(vec![1, 2])),
        ("u1_days", AnswerValue::Number(0.0)),
        ("u3_comment", AnswerValue::Text("kind staff 🙂".into())),
    ];
    for (n, (variable, value)) in answers.into_iter().enumerate() {
        let now = t(2 + n as i64);
        actions.push(Action::Answer {
            variable: variable.into(),
            value: Some(value),
            now,
        });
        actions.push(Action::Next { now });
    }
    actions.push(Action::Submit { now: t(20) });
    actions.push(Action::Finish);
    actions
}

/// Every value in the key-value store still reads as what it claims to be.
fn assert_all_readable(journal: &mut Repository<MemoryStore>) {
    let before = journal.store.values.len();
    let loaded = outbox_records(journal).expect("readable");
    assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
    assert!(journal.load_draft().is_ok());
    assert_eq!(
        journal.store.values.len(),
        before,
        "nothing was quarantined"
    );
}

/// Settings under which any draft resumes (the restart is "just now").
fn patient() -> Settings {
    Settings {
        idle_seconds: 1_000_000,
        ..Settings::default()
    }
}

#[test]
fn failing_every_nth_write_never_loses_the_survey_and_always_says_so() {
    for n in 1..=8 {
        let mut device = Device::default();
        device.journal.store.fail_every_nth_write = Some(n);
        device.archive.store.fail_every_nth_commit = Some(n);
        let mut survey = Survey::new(Rc::new(instrument()));
        let mut shown = Vec::new();
        for action in whole_survey("a") {
            survey.apply(action);
            let at_once = device.save(&survey);
            let answered = device.commit_pending();
            shown.push(at_once.or(answered.into_iter().flatten().next()));
            assert_all_readable(&mut device.journal);
        }
        for problem in shown.iter().flatten() {
            assert!(!problem.to_string().is_empty());
        }
        if n == 1 {
            // Every change but the last (leaving the thank-you screen, which
            // writes nothing) says so.
            assert_eq!(
                shown.iter().filter(|p| p.is_some()).count(),
                shown.len() - 1,
                "with every write failing, every change says so"
            );
        }
        let _ = device.on_hide();
        // Restart with working storage: the survey is stored, or its draft
        // (the last answers saved) resumes.
        device.journal.store.fail_every_nth_write = None;
        device.archive.store.fail_every_nth_commit = None;
        let (recovery, stored) = device.restart(&patient(), t(31));
        match recovery.expect("recovery") {
            Recovery::Resume(draft) => assert_eq!(draft.id, "a", "n = {n}"),
            // With every write failing nothing was ever saved, and every
            // step said so (the start screen would not have let it begin).
            _ if n == 1 => assert!(stored.is_empty()),
            _ => assert_eq!(stored.len(), 1, "n = {n}: stored once"),
        }
        assert!(stored.len() <= 1, "never two records");
    }
}

#[test]
fn a_full_local_storage_mid_survey_leaves_no_answer_only_in_memory() {
    let mut device = Device::default();
    let mut survey = Survey::new(Rc::new(instrument()));
    let actions = whole_survey("a");
    for action in actions[..5].iter().cloned() {
        survey.apply(action);
        assert_eq!(device.save(&survey), None);
        assert_eq!(device.commit_pending(), vec![None]);
    }
    let head_before = device.journal.load_draft().expect("load").expect("head");
    device.journal.store.quota_bytes = Some(device.journal.store.used_bytes() - 1);
    survey.apply(Action::Answer {
        variable: "s3_rushed".into(),
        value: Some(AnswerValue::Code(2)),
        now: t(9),
    });
    assert_eq!(device.save(&survey), None);
    let persisted = device.pending.last().expect("pending").clone();
    assert_eq!(persisted.sync_problem, Some(StoreError::Full));
    assert_eq!(
        device.commit_pending(),
        vec![None],
        "the database has it: nothing to say"
    );
    assert_eq!(
        device.journal.load_draft().expect("load"),
        Some(head_before),
        "the previous head is whole"
    );
    // The tab is closed now: the database's journal brings the answer back.
    let latest = survey.draft.clone().expect("draft");
    match device.restart(&patient(), t(10)).0.expect("recovery") {
        Recovery::Resume(draft) => assert_eq!(*draft, latest),
        other => panic!("expected the latest answers back, got {other:?}"),
    }
}

#[test]
fn a_full_database_mid_survey_keeps_the_answers_in_local_storage() {
    let mut device = Device::default();
    let mut survey = Survey::new(Rc::new(instrument()));
    let actions = whole_survey("a");
    for action in actions[..5].iter().cloned() {
        survey.apply(action);
        device.save(&survey);
        device.commit_pending();
    }
    device.archive.store.quota_bytes = Some(device.archive.store.used_bytes());
    survey.apply(Action::Answer {
        variable: "s3_rushed".into(),
        value: Some(AnswerValue::Code(2)),
        now: t(9),
    });
    assert_eq!(device.save(&survey), None);
    assert_eq!(device.commit_pending(), vec![None], "localStorage has it");
    let latest = survey.draft.clone().expect("draft");
    device.archive.store.quota_bytes = None;
    match device.restart(&patient(), t(10)).0.expect("recovery") {
        Recovery::Resume(draft) => assert_eq!(*draft, latest),
        other => panic!("expected the latest answers back, got {other:?}"),
    }
}

#[test]
fn both_stores_full_mid_survey_says_so_and_keeps_the_last_saved_answers() {
    let mut device = Device::default();
    let mut survey = Survey::new(Rc::new(instrument()));
    let actions = whole_survey("a");
    for action in actions[..5].iter().cloned() {
        survey.apply(action);
        device.save(&survey);
        device.commit_pending();
    }
    let saved = survey.draft.clone().expect("draft");
    device.journal.store.quota_bytes = Some(device.journal.store.used_bytes() - 1);
    device.archive.store.quota_bytes = Some(device.archive.store.used_bytes());
    survey.apply(Action::Answer {
        variable: "s3_rushed".into(),
        value: Some(AnswerValue::Code(2)),
        now: t(9),
    });
    device.save(&survey);
    assert_eq!(device.commit_pending(), vec![Some(StoreError::Full)]);
    let m = Messages::english();
    let said = StoreError::Full.for_participant(&m);
    assert!(
        said.contains("hand the tablet to a member of staff"),
        "{said}"
    );
    assert!(StoreError::Full.for_staff(&m).contains("export"));
    device.journal.store.quota_bytes = None;
    device.archive.store.quota_bytes = None;
    match device.restart(&patient(), t(10)).0.expect("recovery") {
        Recovery::Resume(draft) => assert_eq!(*draft, saved, "the last saved answers, whole"),
        other => panic!("expected a resume, got {other:?}"),
    }
}

#[test]
fn a_full_outbox_keeps_the_draft_until_the_database_has_the_record() {
    let mut device = Device::default();
    let mut survey = Survey::new(Rc::new(instrument()));
    let actions = whole_survey("a");
    let (before_submit, rest) = actions.split_at(actions.len() - 2);
    for action in before_submit.iter().cloned() {
        survey.apply(action);
        device.save(&survey);
        device.commit_pending();
    }
    device.journal.store.quota_bytes = Some(device.journal.store.used_bytes());
    survey.apply(rest[0].clone());
    assert_eq!(device.save(&survey), None);
    assert_eq!(
        device.pending.last().and_then(|p| p.sync_problem.clone()),
        Some(StoreError::Full)
    );
    assert!(
        device.journal.store.get(DRAFT_KEY).expect("get").is_some(),
        "the draft stays in localStorage"
    );

    // A new survey may not replace the only synchronous copy meanwhile.
    survey.apply(Action::Finish);
    device.save(&survey);
    survey.apply(Action::Start {
        id: "b".into(),
        participant_code: None,
        locale: "en".into(),
        device_label: String::new(),
        service_code: None,
        now: t(40),
    });
    device.journal.store.quota_bytes = None;
    assert_eq!(
        device.save(&survey),
        Some(StoreError::WriteFailedBecause(
            StoreFault::LastSurveyNotSaved
        ))
    );
    assert_eq!(device.journal.draft_id().as_deref(), Some("a"));

    // The database takes the record: its draft goes, and "b" may be saved.
    assert_eq!(
        device.commit_pending(),
        vec![
            None,
            None,
            Some(StoreError::WriteFailedBecause(
                StoreFault::LastSurveyNotSaved
            ))
        ]
    );
    assert_eq!(device.archive.count().expect("count"), 1);
    assert_eq!(device.journal.draft_id(), None);
    survey.apply(Action::Answer {
        variable: "s1_respect".into(),
        value: None,
        now: t(41),
    });
    assert_eq!(device.save(&survey), None);
    assert_eq!(device.journal.draft_id().as_deref(), Some("b"));
}

#[test]
fn values_corrupted_by_hand_are_quarantined_and_start_up_goes_on() {
    let mut journal = Repository::new(MemoryStore::new());
    journal
        .store
        .set(DRAFT_KEY, "{\"format\":1,\"kind\":\"draft\",")
        .expect("set");
    journal
        .store
        .set("candour:record:x", "\u{0}\u{1}binary")
        .expect("set");
    let mut archive = Archive::new(MemoryRecords::new());
    archive
        .save(&storage_support::finished("good"))
        .expect("save");
    let booted = boot(
        &mut journal,
        &mut archive,
        &instrument(),
        &[],
        &Settings::default(),
        t(0),
    );
    assert_eq!(booted.recovery, Ok(Recovery::Nothing));
    assert_eq!(booted.flushed.expect("flushed").quarantined, 1);
    let loaded = archive.load_all(t(1)).expect("load");
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.quarantined[0].raw, "\u{0}\u{1}binary");
    let in_journal = journal.quarantined().expect("journal quarantine");
    assert_eq!(in_journal.len(), 1);
    assert_eq!(in_journal[0].key, DRAFT_KEY);
}
