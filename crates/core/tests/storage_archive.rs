#![cfg(not(target_arch = "wasm32"))]
//! The record database (the archive) over the in-memory record store: one
//! value per record, a rebuildable index, quarantine, export marks, the
//! outbox moved in, and start-up that reads no record.

use candour_testkit::storage_support;

use candour_core::record::Status;
use candour_core::settings::Settings;
use candour_core::storage::record_format::encode_record;
use candour_core::storage::repository::{DRAFT_KEY, RECORD_PREFIX};
use candour_core::storage::{KeyValueStore, RecordStore, Recovery, Repository, StoreError, Table};
use candour_testkit::memory_records::MemoryRecords;
use candour_testkit::memory_store::MemoryStore;
use candour_testkit::native_storage::boot;
use candour_testkit::native_storage::Archive;
use storage_support::{finished, head_of, instrument, survey_with_answer, t, Counting};

fn archive_with(ids: &[&str]) -> Archive<MemoryRecords> {
    let mut archive = Archive::new(MemoryRecords::new());
    for id in ids {
        archive.save(&finished(id)).expect("save");
    }
    archive
}

#[test]
fn records_round_trip_one_value_each_and_saving_twice_makes_one() {
    let mut archive = archive_with(&["a", "b"]);
    archive.save(&finished("a")).expect("save again");
    assert_eq!(archive.count().expect("count"), 2);
    assert!(archive.contains("a").expect("contains"));
    assert!(!archive.contains("zz").expect("contains"));
    let loaded = archive.load_all(t(10)).expect("load");
    assert_eq!(loaded.records, vec![finished("a"), finished("b")]);
    assert!(loaded.quarantined.is_empty());
    let raw = archive
        .store
        .get(Table::Records, "a")
        .expect("get")
        .expect("stored");
    assert!(
        raw.starts_with(r#"{"format":2,"kind":"record","sum":"fnv1a64:"#),
        "{raw}"
    );
}

#[test]
fn a_corrupt_record_is_quarantined_raw_and_every_other_record_still_loads() {
    let mut archive = archive_with(&["a", "b", "c", "d"]);
    archive
        .store
        .corrupt(Table::Records, "b", "{\"format\":2,\"kind\":\"rec");
    // Still valid JSON, one answer changed by hand: the checksum catches it.
    let edited = encode_record(&finished("c"))
        .expect("encode")
        .replace("\"code\":4", "\"code\":5");
    archive.store.corrupt(Table::Records, "c", &edited);
    // A record stored under another record's id.
    let moved = encode_record(&finished("x")).expect("encode");
    archive.store.corrupt(Table::Records, "d", &moved);

    let loaded = archive.load_all(t(10)).expect("load");
    let ids: Vec<_> = loaded.records.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["a"]);
    let mut reasons: Vec<_> = loaded
        .quarantined
        .iter()
        .map(|q| (q.key.as_str(), q.reason.as_str()))
        .collect();
    reasons.sort();
    assert_eq!(reasons.len(), 3);
    assert!(reasons[0].1.contains("not a readable value"), "{reasons:?}");
    assert!(reasons[1].1.contains("checksum"), "{reasons:?}");
    assert!(reasons[2].1.contains("holds record x"), "{reasons:?}");
    let kept = loaded
        .quarantined
        .iter()
        .find(|q| q.key == "records/c")
        .expect("c kept");
    assert_eq!(kept.raw, edited, "kept exactly as stored");

    // Moved aside once: the records table and index hold only good values,
    // and the quarantine is reported again on the next load.
    assert_eq!(archive.count().expect("count"), 1);
    assert_eq!(archive.list(t(11)).expect("list").len(), 1);
    let again = archive.load_all(t(12)).expect("reload");
    assert_eq!(again.records.len(), 1);
    assert_eq!(again.quarantined.len(), 3);
}

#[test]
fn the_index_lists_without_reading_records_and_is_rebuilt_when_wrong() {
    let mut archive = Archive::new(Counting::default());
    for id in ["a", "b", "c"] {
        archive.save(&finished(id)).expect("save");
    }
    let listed = archive.list(t(5)).expect("list");
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[0].status, Status::Partial);
    assert_eq!(archive.store.full_reads.get(), 0, "listing read no record");

    // A damaged entry and a missing one: the index is rebuilt from records.
    archive.store.inner.corrupt(Table::Index, "a", "garbage");
    archive
        .store
        .inner
        .tables
        .get_mut(&Table::Index)
        .expect("index")
        .remove("b");
    archive.store.inner.corrupt(Table::Index, "stale", "{}");
    let listed = archive.list(t(6)).expect("list");
    let ids: Vec<_> = listed.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, vec!["a", "b", "c"]);
    assert_eq!(archive.store.full_reads.get(), 1);
    // Repaired: the next listing reads no record again.
    archive.list(t(7)).expect("list");
    assert_eq!(archive.store.full_reads.get(), 1);
    assert_eq!(archive.store.inner.count(Table::Index).expect("count"), 3);
}

#[test]
fn marking_exported_keeps_the_first_time_and_only_the_records_named_are_deleted() {
    let mut archive = archive_with(&["a", "b"]);
    let loaded = archive.load_all(t(10)).expect("load");
    let first = loaded.records[..1].to_vec();
    assert_eq!(archive.mark_exported(&first, t(20)).expect("mark"), 1);
    let loaded = archive.load_all(t(21)).expect("load");
    assert_eq!(
        archive.mark_exported(&loaded.records, t(30)).expect("mark"),
        1
    );
    let loaded = archive.load_all(t(31)).expect("load");
    assert_eq!(
        loaded.records[0].exported_at,
        Some(t(20)),
        "first export kept"
    );
    assert_eq!(loaded.records[1].exported_at, Some(t(30)));

    archive.save(&finished("c")).expect("save a new one");
    let safe = vec!["a".to_owned(), "b".to_owned(), "gone".to_owned()];
    assert_eq!(archive.delete_records(&safe).expect("delete"), 2);
    let left: Vec<_> = archive
        .load_all(t(41))
        .expect("load")
        .records
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(left, vec!["c"], "only the records named are deleted");
    assert_eq!(archive.list(t(42)).expect("list").len(), 1);
}

#[test]
fn a_full_store_refuses_the_whole_transaction_and_keeps_what_was_saved() {
    let mut archive = archive_with(&["a"]);
    archive.store.quota_bytes = Some(archive.store.used_bytes() + 100);
    assert_eq!(archive.save(&finished("b")), Err(StoreError::Full));
    assert_eq!(archive.count().expect("count"), 1);
    assert_eq!(
        archive.store.count(Table::Index).expect("count"),
        1,
        "no index entry without its record"
    );
    assert_eq!(
        archive.load_all(t(5)).expect("load").records,
        vec![finished("a")]
    );
    // Deleting still works when full, so staff can make room.
    archive
        .delete_records(&["a".to_owned()])
        .expect("deleting needs no room");
    assert_eq!(archive.count().expect("count"), 0);
}

#[test]
fn the_outbox_moves_in_whole_and_is_removed_only_after_the_commit() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = archive_with(&[]);
    journal.save_record(&finished("a")).expect("outbox");
    journal.save_record(&finished("b")).expect("outbox");
    journal
        .store
        .set(&format!("{RECORD_PREFIX}bad"), "not json")
        .expect("set");

    archive.store.fail_every_nth_commit = Some(1);
    assert!(archive.flush_outbox(&mut journal, t(5)).is_err());
    assert_eq!(
        journal.outbox().expect("outbox").len(),
        3,
        "kept on failure"
    );
    assert_eq!(archive.count().expect("count"), 0);

    archive.store.fail_every_nth_commit = None;
    let flushed = archive.flush_outbox(&mut journal, t(6)).expect("flush");
    assert_eq!(flushed.ids, vec!["a", "b"]);
    assert_eq!(flushed.quarantined, 1);
    assert!(journal.outbox().expect("outbox").is_empty());
    let loaded = archive.load_all(t(7)).expect("load");
    assert_eq!(loaded.records, vec![finished("a"), finished("b")]);
    assert_eq!(loaded.quarantined.len(), 1);
    assert_eq!(loaded.quarantined[0].raw, "not json");
    assert_eq!(loaded.quarantined[0].key, format!("{RECORD_PREFIX}bad"));
}

#[test]
fn start_up_drops_a_draft_whose_record_is_already_stored() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = archive_with(&[]);
    let survey = survey_with_answer("a");
    journal.save_draft(&head_of(&survey)).expect("draft");
    // The record reached the database; the page closed before the draft went.
    archive.save(&finished("a")).expect("save");
    let booted = boot(
        &mut journal,
        &mut archive,
        &instrument(),
        &[],
        &Settings::default(),
        t(4),
    );
    assert_eq!(booted.recovery, Ok(Recovery::AlreadyStored));
    assert!(journal.store.get(DRAFT_KEY).expect("get").is_none());
    assert_eq!(archive.count().expect("count"), 1, "not a second record");
}

#[test]
fn start_up_moves_the_outbox_first_so_its_draft_is_not_resumed() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = archive_with(&[]);
    let survey = survey_with_answer("a");
    journal.save_draft(&head_of(&survey)).expect("draft");
    // Submitted: in the outbox, the draft not yet removed, page closed.
    journal.save_record(&finished("a")).expect("outbox");
    let booted = boot(
        &mut journal,
        &mut archive,
        &instrument(),
        &[],
        &Settings::default(),
        t(4),
    );
    assert_eq!(booted.flushed.expect("flushed").ids, vec!["a"]);
    assert_eq!(
        booted.recovery,
        Ok(Recovery::Nothing),
        "draft removed by the move"
    );
    assert!(journal.store.get(DRAFT_KEY).expect("get").is_none());
    assert_eq!(archive.count().expect("count"), 1);
}

#[test]
fn start_up_keeps_an_old_draft_as_partial_in_the_database() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = archive_with(&[]);
    let survey = survey_with_answer("a");
    journal.save_draft(&head_of(&survey)).expect("draft");
    let booted = boot(
        &mut journal,
        &mut archive,
        &instrument(),
        &[],
        &Settings::default(),
        t(100_000),
    );
    assert!(matches!(booted.recovery, Ok(Recovery::KeptAsPartial(_))));
    assert!(journal.outbox().expect("outbox").is_empty());
    assert!(journal.store.get(DRAFT_KEY).expect("get").is_none());
    assert!(archive.journal(t(100_001)).expect("journal").is_empty());
    let records = archive.load_all(t(100_001)).expect("load").records;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].status, Status::Partial);
}

#[test]
fn start_up_with_a_full_database_keeps_the_outbox_and_still_resumes() {
    let mut journal = Repository::new(MemoryStore::new());
    let mut archive = archive_with(&["old"]);
    archive.store.quota_bytes = Some(archive.store.used_bytes());
    journal.save_record(&finished("done")).expect("outbox");
    let survey = survey_with_answer("now");
    journal.save_draft(&head_of(&survey)).expect("draft");
    let booted = boot(
        &mut journal,
        &mut archive,
        &instrument(),
        &[],
        &Settings::default(),
        t(4),
    );
    assert_eq!(booted.flushed, Err(StoreError::Full));
    assert!(matches!(booted.recovery, Ok(Recovery::Resume(_))));
    assert_eq!(
        journal.outbox().expect("outbox").len(),
        1,
        "waits, not lost"
    );
    assert_eq!(archive.count().expect("count"), 1);
}

#[test]
fn start_up_reads_no_record_even_with_ten_thousand_stored() {
    let mut archive = Archive::new(Counting::default());
    let template = finished("x");
    let mut writes = Vec::new();
    for i in 0..10_000 {
        let mut record = template.clone();
        record.id = format!("r{i:05}");
        writes.extend(candour_core::storage::plan::save_record(&record).expect("plan"));
    }
    archive.store.commit(writes).expect("seed");
    let mut journal = Repository::new(MemoryStore::new());
    let survey = survey_with_answer("now");
    journal.save_draft(&head_of(&survey)).expect("draft");
    let booted = boot(
        &mut journal,
        &mut archive,
        &instrument(),
        &[],
        &Settings::default(),
        t(4),
    );
    assert!(matches!(booted.recovery, Ok(Recovery::Resume(_))));
    assert_eq!(archive.store.full_reads.get(), 0);
    assert_eq!(archive.count().expect("count"), 10_000);
}
