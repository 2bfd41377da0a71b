#![cfg(not(target_arch = "wasm32"))]
//! Send and start-up's recovery on a tablet with a research key: only the
//! sealed entry reaches the outbox and the database, in the transaction
//! that deletes the draft and spends its number; a failure to seal stores
//! nothing, says so at once and keeps the draft.

use candour_core::answer::AnswerValue;
use candour_core::seal::{RecordEntry, ResearchPublicKey, SealError};
use candour_core::settings::Settings;
use candour_core::storage::journal::{after_commit, persist_entries, shown_problem, Seen};
use candour_core::storage::sequence::{highest_issued, SEQUENCE_KEY};
use candour_core::storage::{
    after_recovery_entry_commit, plan, plan_recovery, recovery_entry_writes, EntryMaker,
    KeyValueStore, RecordStore, Recovery, Repository, Table,
};
use candour_core::survey::{Action, Survey};
use candour_testkit::memory_records::MemoryRecords;
use candour_testkit::memory_store::MemoryStore;
use candour_testkit::native_storage::Archive;
use candour_testkit::sealing_support::{rng, Broken};
use candour_testkit::storage_support::{instrument, survey_with_answer, t};

const SECRET: &str = "zebra-lantern-0193";

fn key() -> ResearchPublicKey {
    let mut nine = [0u8; 32];
    nine[0] = 9;
    ResearchPublicKey::from_bytes(&nine).expect("key")
}

/// A survey with the unique text answered, still in progress.
fn answering(id: &str) -> Survey {
    let mut s = survey_with_answer(id);
    s.apply(Action::Answer {
        variable: "u3_comment".into(),
        value: Some(AnswerValue::Text(SECRET.into())),
        now: t(3),
    });
    s
}

/// Every value in both stores.
fn everything(journal: &Repository<MemoryStore>, db: &MemoryRecords) -> Vec<String> {
    let mut all = Vec::new();
    for key in journal.store.keys().expect("keys") {
        all.push(journal.store.get(&key).expect("get").unwrap_or_default());
    }
    for table in Table::ALL {
        all.extend(db.get_all(table).expect("rows").into_iter().map(|(_, v)| v));
    }
    all
}

#[test]
fn after_send_the_answers_are_in_no_store_only_the_sealed_entry() {
    let instrument = instrument();
    let mut journal = Repository::new(MemoryStore::new());
    let mut db = MemoryRecords::new();
    let mut seen = Seen::default();
    let mut maker = EntryMaker::new(Some(key()), 0);
    let mut make =
        |r: &candour_core::record::ResponseRecord| maker.make(r, &[&instrument], &mut rng(5));
    let mut survey = answering("a");
    // While answering, the draft is kept (in clear: the participant's own).
    let done = persist_entries(
        &mut journal,
        &mut seen,
        survey.draft.as_ref(),
        None,
        &mut make,
    );
    db.commit(done.writes.clone()).expect("commits");
    after_commit(&mut journal, &mut seen, &done, &Ok(())).expect("tidies");
    assert!(everything(&journal, &db).iter().any(|v| v.contains(SECRET)));
    survey.apply(Action::Abandon { now: t(4) });
    let done = persist_entries(
        &mut journal,
        &mut seen,
        survey.draft.as_ref(),
        survey.finished.as_ref(),
        &mut make,
    );
    assert!(done.blocked.is_none());
    // Synchronously, before the database answered: `localStorage` holds
    // the sealed entry in its outbox and no longer the draft.
    for key in journal.store.keys().expect("keys") {
        let value = journal.store.get(&key).expect("get").unwrap_or_default();
        assert!(!value.contains(SECRET), "{key} holds the answers");
    }
    assert_eq!(journal.outbox().expect("outbox").len(), 1);
    let outcome = db.commit(done.writes.clone());
    after_commit(&mut journal, &mut seen, &done, &outcome).expect("tidies");
    assert_eq!(shown_problem(&done, Some(&outcome)), None);
    for value in everything(&journal, &db) {
        assert!(!value.contains(SECRET), "kept in clear: {value}");
    }
    let read = plan::read_stored(db.get_all(Table::Records).expect("rows"), t(9));
    assert_eq!(read.entries.len(), 1);
    assert!(read.entries[0].sealed);
    assert_eq!(read.entries[0].header.sequence, 1);
    let counter = db.get(Table::Meta, SEQUENCE_KEY).expect("reads");
    assert_eq!(highest_issued(counter.as_deref(), 0), 1);
    assert!(journal.outbox().expect("outbox").is_empty());
    assert!(db.get_all(Table::Journal).expect("rows").is_empty());
}

#[test]
fn a_failure_to_seal_stores_nothing_says_so_and_keeps_the_draft() {
    let instrument = instrument();
    let mut journal = Repository::new(MemoryStore::new());
    let mut db = MemoryRecords::new();
    let mut seen = Seen::default();
    let mut maker = EntryMaker::new(Some(key()), 0);
    let mut survey = answering("b");
    let mut broken =
        |r: &candour_core::record::ResponseRecord| maker.make(r, &[&instrument], &mut Broken);
    let done = persist_entries(
        &mut journal,
        &mut seen,
        survey.draft.as_ref(),
        None,
        &mut broken,
    );
    db.commit(done.writes.clone()).expect("commits");
    survey.apply(Action::Abandon { now: t(4) });
    let done = persist_entries(
        &mut journal,
        &mut seen,
        survey.draft.as_ref(),
        survey.finished.as_ref(),
        &mut broken,
    );
    let shown = done.blocked.clone().expect("shown at once");
    assert!(shown.to_string().contains("random"), "{shown}");
    assert!(done.entry.is_none());
    db.commit(done.writes.clone()).expect("commits");
    after_commit(&mut journal, &mut seen, &done, &Ok(())).expect("tidies");
    // The draft is still in both stores, and no number was spent.
    assert_eq!(journal.draft_id().as_deref(), Some("b"));
    assert!(db.get(Table::Journal, "b").expect("reads").is_some());
    assert!(db.get(Table::Meta, SEQUENCE_KEY).expect("reads").is_none());
    assert!(db.get_all(Table::Records).expect("rows").is_empty());
    // The next try (randomness back) stores it, numbered 1.
    let mut working = EntryMaker::new(Some(key()), 0);
    let mut make =
        |r: &candour_core::record::ResponseRecord| working.make(r, &[&instrument], &mut rng(6));
    let done = persist_entries(
        &mut journal,
        &mut seen,
        None,
        survey.finished.as_ref(),
        &mut make,
    );
    let outcome = db.commit(done.writes.clone());
    after_commit(&mut journal, &mut seen, &done, &outcome).expect("tidies");
    let read = plan::read_stored(db.get_all(Table::Records).expect("rows"), t(9));
    assert_eq!(read.entries.len(), 1);
    assert_eq!(read.entries[0].header.sequence, 1);
    assert!(db.get(Table::Journal, "b").expect("reads").is_none());
}

#[test]
fn an_abandoned_draft_is_sealed_when_start_up_closes_it_as_partial() {
    let instrument = instrument();
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    let mut seen = Seen::default();
    let mut maker = EntryMaker::new(Some(key()), 4);
    let survey = answering("c");
    let mut make =
        |r: &candour_core::record::ResponseRecord| maker.make(r, &[&instrument], &mut rng(7));
    let done = persist_entries(
        &mut journal,
        &mut seen,
        survey.draft.as_ref(),
        None,
        &mut make,
    );
    archive.store.commit(done.writes.clone()).expect("commits");
    // Hours later, start-up finds the draft too old to resume.
    let entries = archive.journal(t(100_000)).expect("journal");
    let head = journal.load_draft().expect("head");
    let recovery = plan_recovery(
        entries,
        head,
        |_| false,
        &instrument,
        &[],
        &Settings::default(),
        t(100_000),
    );
    assert!(matches!(recovery.recovery, Recovery::KeptAsPartial(_)));
    let planned = recovery_entry_writes(&mut journal, &recovery, &mut make).expect("plans");
    assert!(planned.failed.is_empty());
    archive
        .store
        .commit(planned.writes.clone())
        .expect("commits");
    after_recovery_entry_commit(&mut journal, &recovery, &planned).expect("tidies");
    for value in everything(&journal, &archive.store) {
        assert!(!value.contains(SECRET), "kept in clear: {value}");
    }
    let read = plan::read_stored(archive.store.get_all(Table::Records).expect("rows"), t(9));
    assert_eq!(read.entries.len(), 1);
    assert_eq!(read.entries[0].header.sequence, 5);
    assert!(read.entries[0].sealed);
}

#[test]
fn a_partial_that_cannot_be_sealed_keeps_its_draft_for_the_next_start() {
    let instrument = instrument();
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = Archive::new(MemoryRecords::new());
    let mut seen = Seen::default();
    let mut maker = EntryMaker::new(Some(key()), 0);
    let survey = answering("d");
    let mut broken = |r: &candour_core::record::ResponseRecord| -> Result<RecordEntry, SealError> {
        maker.make(r, &[&instrument], &mut Broken)
    };
    let done = persist_entries(
        &mut journal,
        &mut seen,
        survey.draft.as_ref(),
        None,
        &mut broken,
    );
    archive.store.commit(done.writes.clone()).expect("commits");
    let entries = archive.journal(t(100_000)).expect("journal");
    let head = journal.load_draft().expect("head");
    let recovery = plan_recovery(
        entries,
        head,
        |_| false,
        &instrument,
        &[],
        &Settings::default(),
        t(100_000),
    );
    let planned = recovery_entry_writes(&mut journal, &recovery, &mut broken).expect("plans");
    assert_eq!(planned.failed.len(), 1);
    archive
        .store
        .commit(planned.writes.clone())
        .expect("commits");
    after_recovery_entry_commit(&mut journal, &recovery, &planned).expect("tidies");
    assert_eq!(journal.draft_id().as_deref(), Some("d"));
    assert!(archive
        .store
        .get(Table::Journal, "d")
        .expect("reads")
        .is_some());
    assert!(archive
        .store
        .get_all(Table::Records)
        .expect("rows")
        .is_empty());
}
