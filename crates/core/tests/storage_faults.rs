#![cfg(not(target_arch = "wasm32"))]
//! Fault injection over the whole save path (the persistence hook's core,
//! then the move into the record database): every Nth write failing, the
//! storage quota reached mid-survey, and values corrupted by hand. After
//! every fault: what was saved stays saved and readable, the failure is
//! reported in words, and nothing finished is lost.

use candour_testkit::storage_support;

use candour_core::answer::AnswerValue;
use candour_core::messages::Messages;
use candour_core::settings::Settings;
use candour_core::storage::journal::{persist, Seen};
use candour_core::storage::repository::DRAFT_KEY;
use candour_core::storage::{
    boot, Archive, KeyValueStore, MemoryRecords, MemoryStore, Recovery, Repository, StoreError,
};
use candour_core::survey::{Action, Survey};
use std::rc::Rc;
use storage_support::{instrument, t};

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
    let loaded = journal.load_records().expect("readable");
    assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
    assert!(journal.load_draft().is_ok());
    assert_eq!(
        journal.store.values.len(),
        before,
        "nothing was quarantined"
    );
}

#[test]
fn failing_every_nth_write_never_loses_the_survey_and_always_says_so() {
    for n in 1..=8 {
        let mut journal = Repository::new(MemoryStore::new());
        journal.store.fail_every_nth_write = Some(n);
        let mut archive = Archive::new(MemoryRecords::new());
        archive.store.fail_every_nth_commit = Some(n);
        let mut survey = Survey::new(Rc::new(instrument()));
        let mut seen = Seen::default();
        let mut unsaved = None;
        let mut failures = 0;
        for action in whole_survey("a") {
            survey.apply(action);
            let done = persist(
                &mut journal,
                &mut seen,
                survey.draft.as_ref(),
                survey.finished.as_ref(),
            );
            failures += usize::from(done.problem.is_some());
            if let Some(problem) = &done.problem {
                assert!(!problem.to_string().is_empty());
            }
            unsaved = done.direct.or(unsaved);
            assert_all_readable(&mut journal);
        }
        if let Some(record) = &unsaved {
            if archive.save(record).is_ok() {
                journal.clear_draft_if(&record.id).expect("clear");
            }
        }
        let _ = archive.flush_outbox(&mut journal, t(30));
        if n <= 4 {
            assert!(failures > 0, "n = {n}: the failures were reported");
        }
        // Restart with working storage: the survey is stored, or its draft
        // (the last answers saved) resumes.
        journal.store.fail_every_nth_write = None;
        archive.store.fail_every_nth_commit = None;
        let booted = boot(
            &mut journal,
            &mut archive,
            &instrument(),
            &[],
            &Settings {
                idle_seconds: 1_000_000,
                ..Settings::default()
            },
            t(31),
        );
        let stored = archive.load_all(t(32)).expect("load").records;
        match booted.recovery.expect("recovery") {
            Recovery::Resume(draft) => assert_eq!(draft.id, "a", "n = {n}"),
            // With every write failing nothing was ever saved, and every
            // step said so (the start screen would not have let it begin).
            _ if n == 1 => assert!(stored.is_empty() && failures == whole_survey("a").len() - 1),
            _ => assert_eq!(stored.len(), 1, "n = {n}: stored once"),
        }
        assert!(stored.len() <= 1, "never two records");
    }
}

#[test]
fn the_quota_reached_mid_survey_keeps_the_last_saved_answers_intact() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut survey = Survey::new(Rc::new(instrument()));
    let mut seen = Seen::default();
    let actions = whole_survey("a");
    for action in actions[..5].iter().cloned() {
        survey.apply(action);
        let done = persist(&mut journal, &mut seen, survey.draft.as_ref(), None);
        assert_eq!(done.problem, None);
    }
    let saved = journal.load_draft().expect("load").expect("draft");
    journal.store.quota_bytes = Some(journal.store.used_bytes() - 1);
    survey.apply(Action::Answer {
        variable: "s2_listen".into(),
        value: Some(AnswerValue::Code(5)),
        now: t(9),
    });
    let done = persist(&mut journal, &mut seen, survey.draft.as_ref(), None);
    assert_eq!(done.problem, Some(StoreError::Full));
    assert_eq!(
        journal.load_draft().expect("load"),
        Some(saved),
        "the previous draft is whole"
    );
    let m = Messages::english();
    let said = StoreError::Full.for_participant(&m);
    assert!(
        said.contains("hand the tablet to a member of staff"),
        "{said}"
    );
    assert!(StoreError::Full.for_staff(&m).contains("export"));
}

#[test]
fn a_full_outbox_sends_the_record_straight_to_the_database_and_keeps_the_draft_until_then() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    let mut survey = Survey::new(Rc::new(instrument()));
    let mut seen = Seen::default();
    let actions = whole_survey("a");
    let (before_submit, rest) = actions.split_at(actions.len() - 2);
    for action in before_submit.iter().cloned() {
        survey.apply(action);
        persist(&mut journal, &mut seen, survey.draft.as_ref(), None);
    }
    journal.store.quota_bytes = Some(journal.store.used_bytes());
    survey.apply(rest[0].clone());
    let done = persist(&mut journal, &mut seen, None, survey.finished.as_ref());
    assert_eq!(done.problem, Some(StoreError::Full));
    let record = done.direct.expect("to be written directly");
    assert!(
        journal.store.get(DRAFT_KEY).expect("get").is_some(),
        "draft kept"
    );

    // A new survey may not overwrite the only copy.
    survey.apply(Action::Finish);
    survey.apply(Action::Start {
        id: "b".into(),
        participant_code: None,
        locale: "en".into(),
        device_label: String::new(),
        service_code: None,
        now: t(40),
    });
    journal.store.quota_bytes = None;
    let done = persist(&mut journal, &mut seen, survey.draft.as_ref(), None);
    assert!(matches!(done.problem, Some(StoreError::WriteFailed(_))));
    assert_eq!(journal.draft_id().as_deref(), Some("a"));

    archive.save(&record).expect("database has room");
    journal.clear_draft_if(&record.id).expect("clear");
    seen.stored(&record.id);
    assert_eq!(journal.draft_id(), None);
    let done = persist(&mut journal, &mut seen, survey.draft.as_ref(), None);
    assert_eq!(done.problem, None);
    assert_eq!(journal.draft_id().as_deref(), Some("b"));
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
