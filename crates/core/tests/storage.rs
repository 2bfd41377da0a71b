#![cfg(not(target_arch = "wasm32"))]
//! Storage on the in-memory store: round trips, quarantine of corrupt values,
//! a full store, failing writes, and recovery of a draft at start-up.

use candour_core::answer::AnswerValue;
use candour_core::instrument::Instrument;
use candour_core::record::Status;
use candour_core::settings::Settings;
use candour_core::storage::repository::{
    DRAFT_KEY, QUARANTINE_PREFIX, RECORD_PREFIX, SETTINGS_KEY,
};
use candour_core::storage::{KeyValueStore, Recovery, Repository, StoreError};
use candour_core::survey::{Action, Survey};
use candour_core::time::Timestamp;
use candour_testkit::memory_records::MemoryRecords;
use candour_testkit::memory_store::MemoryStore;
use candour_testkit::native_storage::boot;
use candour_testkit::native_storage::outbox_records;
use candour_testkit::native_storage::Archive;
use std::rc::Rc;

use candour_testkit::storage_support;
use storage_support::{entry, finished, head_of, instrument, survey_with_answer, t};

/// Start-up over `repo` and a fresh database; what became of the draft,
/// and the records stored.
fn recover(
    repo: &mut Repository<MemoryStore>,
    archive: &mut Archive<MemoryRecords>,
    instrument: &Instrument,
    settings: &Settings,
    now: Timestamp,
) -> Recovery {
    boot(repo, archive, instrument, &[], settings, now)
        .recovery
        .expect("recover")
}

#[test]
fn drafts_records_and_settings_round_trip() {
    let mut repo = Repository::new(MemoryStore::new());
    let s = survey_with_answer("a");
    let head = head_of(&s);
    repo.save_draft(&head).expect("save draft");
    assert_eq!(repo.load_draft().expect("load"), Some(head));
    repo.clear_draft().expect("clear");
    assert_eq!(repo.load_draft().expect("load"), None);

    let record = finished("a");
    repo.save_record(&record).expect("save");
    repo.save_record(&record).expect("save again");
    let loaded = outbox_records(&mut repo).expect("load");
    assert_eq!(loaded.records, vec![record]);
    assert!(loaded.quarantined.is_empty());

    assert_eq!(repo.load_settings(), Settings::default());
    let settings = Settings {
        device_label: "Clinic A, tablet 2".into(),
        idle_seconds: 5,
        ..Settings::default()
    };
    repo.save_settings(&settings).expect("save settings");
    assert_eq!(repo.load_settings(), settings);
}

#[test]
fn a_corrupt_record_is_quarantined_and_the_others_still_load() {
    let mut repo = Repository::new(MemoryStore::new());
    for id in ["a", "b", "c"] {
        repo.save_record(&finished(id)).expect("save");
    }
    let key = format!("{RECORD_PREFIX}b");
    repo.store
        .set(&key, "{\"format\":1,\"kind\":\"record\",\"data\":{\"id\":")
        .expect("corrupt it");
    let loaded = outbox_records(&mut repo).expect("load");
    let ids: Vec<_> = loaded.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "c"]);
    assert_eq!(loaded.quarantined.len(), 1);
    assert_eq!(loaded.quarantined[0].key, key);
    assert!(loaded.quarantined[0].raw.ends_with("\"id\":"));
    // Moved aside, raw, and still reported on the next load.
    assert!(repo.store.get(&key).expect("get").is_none());
    assert!(repo
        .store
        .get(&format!("{QUARANTINE_PREFIX}{key}"))
        .expect("get")
        .is_some());
    assert_eq!(
        outbox_records(&mut repo).expect("reload").quarantined.len(),
        1
    );
}

#[test]
fn unknown_format_versions_are_quarantined_not_guessed() {
    let mut repo = Repository::new(MemoryStore::new());
    repo.store
        .set(
            &format!("{RECORD_PREFIX}x"),
            "{\"format\":99,\"kind\":\"record\",\"data\":{}}",
        )
        .expect("set");
    let loaded = outbox_records(&mut repo).expect("load");
    assert!(loaded.records.is_empty());
    assert!(
        loaded.quarantined[0].reason.contains("format 99"),
        "{}",
        loaded.quarantined[0].reason
    );
}

#[test]
fn a_full_store_refuses_new_writes_and_keeps_what_was_saved() {
    let mut repo = Repository::new(MemoryStore::new());
    repo.save_record(&finished("a")).expect("first fits");
    repo.store.quota_bytes = Some(repo.store.used_bytes() + 10);
    assert_eq!(repo.save_record(&finished("b")), Err(StoreError::Full));
    let loaded = outbox_records(&mut repo).expect("load");
    assert_eq!(loaded.records.len(), 1);
    assert_eq!(loaded.records[0].id, "a");
    assert!(StoreError::Full.to_string().contains("full"));
}

#[test]
fn failing_writes_are_reported_and_never_leave_a_half_value() {
    let mut repo = Repository::new(MemoryStore::new());
    repo.store.fail_every_nth_write = Some(2);
    let mut saved = Vec::new();
    for id in ["a", "b", "c", "d"] {
        match repo.save_record(&finished(id)) {
            Ok(()) => saved.push(id.to_string()),
            Err(e) => assert!(matches!(e, StoreError::WriteFailed(_))),
        }
    }
    assert_eq!(saved, vec!["a", "c"]);
    let ids: Vec<_> = outbox_records(&mut repo)
        .expect("load")
        .records
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, saved);
}

#[test]
fn a_recent_draft_resumes_and_an_old_one_becomes_partial() {
    let instrument = instrument();
    let settings = Settings {
        idle_seconds: 60,
        still_there_seconds: 30,
        ..Settings::default()
    };
    let mut repo = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    let draft = survey_with_answer("a").draft.expect("draft");
    repo.save_draft(&entry(&draft, 1)).expect("save");

    match recover(&mut repo, &mut archive, &instrument, &settings, t(2 + 90)) {
        Recovery::Resume(d) => assert_eq!(*d, draft),
        other => panic!("expected resume, got {other:?}"),
    }

    match recover(&mut repo, &mut archive, &instrument, &settings, t(2 + 91)) {
        Recovery::KeptAsPartial(record) => {
            assert_eq!(record.status, Status::Partial);
            assert_eq!(record.ended_at, t(2), "ends when last touched");
            assert_eq!(record.answers["s1_respect"], AnswerValue::Code(4));
        }
        other => panic!("expected partial, got {other:?}"),
    }
    assert!(repo.store.get(DRAFT_KEY).expect("get").is_none());
    assert!(repo.outbox().expect("outbox").is_empty());
    assert_eq!(archive.load_all(t(200)).expect("load").records.len(), 1);
    assert_eq!(
        recover(&mut repo, &mut archive, &instrument, &settings, t(200)),
        Recovery::Nothing
    );
}

#[test]
fn an_old_draft_from_before_consent_is_discarded() {
    let instrument = instrument();
    let mut s = Survey::new(Rc::new(instrument.clone()));
    s.apply(Action::Start {
        id: "a".into(),
        participant_code: None,
        locale: "en".into(),
        device_label: String::new(),
        service_code: None,
        now: t(0),
    });
    let mut repo = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    repo.save_draft(&head_of(&s)).expect("save");
    let outcome = recover(
        &mut repo,
        &mut archive,
        &instrument,
        &Settings::default(),
        t(10_000),
    );
    assert_eq!(outcome, Recovery::Discarded);
    assert_eq!(archive.count().expect("count"), 0);
    assert!(repo.store.get(DRAFT_KEY).expect("get").is_none());
}

#[test]
fn a_corrupt_draft_is_quarantined_and_start_up_goes_on() {
    let instrument = instrument();
    let mut repo = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    repo.store.set(DRAFT_KEY, "not json").expect("set");
    let outcome = recover(
        &mut repo,
        &mut archive,
        &instrument,
        &Settings::default(),
        t(0),
    );
    assert_eq!(outcome, Recovery::Nothing);
    assert_eq!(
        outbox_records(&mut repo).expect("load").quarantined.len(),
        1
    );
}

#[test]
fn a_draft_answered_on_another_instrument_is_kept_as_given() {
    let other = candour_core::instrument::default::default_instrument().expect("default loads");
    let mut repo = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    let draft = survey_with_answer("a").draft.expect("draft");
    repo.save_draft(&entry(&draft, 1)).expect("save");
    // Recent, but the tablet now uses another questionnaire: never resumed
    // on it, and its answers are kept exactly as they were given.
    match recover(&mut repo, &mut archive, &other, &Settings::default(), t(3)) {
        Recovery::KeptAsPartial(record) => {
            assert_eq!(record.status, Status::Partial);
            assert_eq!(
                record.instrument, draft.instrument,
                "names its own questionnaire"
            );
            assert_eq!(record.answers, draft.answers);
            assert_eq!(record.paradata, draft.paradata);
            assert_eq!(record.ended_at, draft.last_activity);
        }
        other => panic!("expected a partial record, got {other:?}"),
    }
    assert!(repo.store.get(DRAFT_KEY).expect("get").is_none());
    assert_eq!(archive.count().expect("count"), 1);
}

#[test]
fn a_draft_left_on_an_earlier_known_instrument_is_coded_by_it() {
    // After an update the tablet's new surveys use another questionnaire;
    // a draft left on the old one (which the app still ships) becomes a
    // partial record coded by its own questionnaire: shown items left
    // unanswered are -97, items never reached are -95.
    let old = instrument();
    let current = candour_core::instrument::default::default_instrument().expect("default loads");
    let mut repo = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    let draft = survey_with_answer("a").draft.expect("draft");
    repo.save_draft(&entry(&draft, 1)).expect("save");
    let known = [current.clone(), old];
    match boot(
        &mut repo,
        &mut archive,
        &current,
        &known,
        &Settings::default(),
        t(3),
    )
    .recovery
    .expect("recover")
    {
        Recovery::KeptAsPartial(record) => {
            assert_eq!(record.instrument, draft.instrument);
            assert_eq!(
                record.answers["s1_respect"],
                candour_core::answer::AnswerValue::Code(4)
            );
            assert_eq!(
                record.answers.get("s3_rushed"),
                Some(&candour_core::answer::AnswerValue::Missing(
                    candour_core::answer::MissingCode::NotReached
                ))
            );
        }
        other => panic!("expected a partial record, got {other:?}"),
    }
}

/// The reading panel and the device panel each load the settings when the
/// researcher area opens. The device panel saves a new tablet label; the
/// reading panel then saves a voice from its older copy. Both changes stay.
#[test]
fn two_panels_saving_settings_never_undo_each_other() {
    let mut repo = Repository::new(MemoryStore::new());
    let read_by_reading_panel = repo.load_settings();
    let read_by_device_panel = repo.load_settings();
    assert_eq!(read_by_reading_panel, read_by_device_panel);

    repo.update_settings(|now| Settings {
        device_label: "Clinic A, tablet 2".into(),
        ..now
    })
    .expect("the device panel saves");
    let chosen = Settings {
        voice: "Kate".into(),
        auto_read: true,
        ..read_by_reading_panel
    };
    let saved = repo
        .update_settings(|now| now.with_reading_of(&chosen))
        .expect("the reading panel saves");

    let stored = repo.load_settings();
    assert_eq!(stored, saved);
    assert_eq!(stored.device_label, "Clinic A, tablet 2", "the label stays");
    assert_eq!((stored.voice.as_str(), stored.auto_read), ("Kate", true));
    // Saving the whole older copy, as the reading panel used to, loses it.
    repo.save_settings(&chosen).expect("saves");
    assert_eq!(repo.load_settings().device_label, "");
}

/// Damaged stored settings are never silently replaced: the first change
/// sets the damaged value aside, raw, then saves; a read that storage
/// refuses saves nothing.
#[test]
fn a_settings_change_sets_damaged_settings_aside_first() {
    let mut repo = Repository::new(MemoryStore::new());
    repo.store
        .set(SETTINGS_KEY, "{ not settings")
        .expect("damage by hand");
    let saved = repo
        .update_settings(|now| Settings {
            device_label: "Clinic A, tablet 2".into(),
            ..now
        })
        .expect("saves");
    assert_eq!(repo.load_settings(), saved);
    let kept = repo.quarantined().expect("reads");
    assert_eq!(kept.len(), 1, "the damaged value is kept");
    assert_eq!(kept[0].raw, "{ not settings");
}
