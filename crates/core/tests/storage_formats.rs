#![cfg(not(target_arch = "wasm32"))]
//! Every stored format this app ever wrote still loads. Each fixture in
//! `tests/fixtures/storage/` is a value exactly as a build stored it (a real
//! complete record of the default questionnaire); when a format changes,
//! the old one gets a fixture here and must keep passing.

use candour_core::record::Status;
use candour_core::storage::quarantine::Quarantined;
use candour_core::storage::record_format::{decode_record, encode_record, RECORD_FORMAT};
use candour_core::storage::repository::RECORD_PREFIX;
use candour_core::storage::{KeyValueStore, RecordStore, Repository, Table};
use candour_core::time::Timestamp;
use candour_testkit::memory_records::MemoryRecords;
use candour_testkit::memory_store::MemoryStore;
use candour_testkit::native_storage::Archive;

/// Format 1: the first build's `localStorage` record, no checksum.
const RECORD_V1: &str = include_str!("../../../tests/fixtures/storage/record-v1.json");
/// Format 2: today's, with a checksum of the data.
const RECORD_V2: &str = include_str!("../../../tests/fixtures/storage/record-v2.json");
/// The first build's quarantine entry: a bare object, no envelope.
const QUARANTINE_V0: &str = include_str!("../../../tests/fixtures/storage/quarantine-v0.json");

#[test]
fn a_format_1_record_still_loads_with_every_answer() {
    let record = decode_record(RECORD_V1).expect("format 1 loads");
    assert_eq!(record.status, Status::Complete);
    assert_eq!(record.participant_code.as_deref(), Some("HAT-042"));
    assert!(record.answers.len() >= 45, "{}", record.answers.len());
    assert!(record.paradata.len() >= 45);
    assert_eq!(record, decode_record(RECORD_V2).expect("format 2 loads"));
}

#[test]
fn todays_format_writes_exactly_the_fixture_back() {
    assert_eq!(RECORD_FORMAT, 2);
    let record = decode_record(RECORD_V2).expect("loads");
    assert_eq!(encode_record(&record).expect("encode"), RECORD_V2);
}

#[test]
fn format_1_records_in_local_storage_move_into_the_database_as_format_2() {
    let record = decode_record(RECORD_V1).expect("loads");
    let mut journal = Repository::new(MemoryStore::new());
    let key = format!("{RECORD_PREFIX}{}", record.id);
    journal.store.set(&key, RECORD_V1).expect("set");
    let mut archive = Archive::new(MemoryRecords::new());
    let moved = archive
        .flush_outbox(&mut journal, Timestamp(0))
        .expect("moved");
    assert_eq!(moved.ids, vec![record.id.clone()]);
    assert!(journal.store.get(&key).expect("get").is_none());
    let stored = archive
        .store
        .get(Table::Records, &record.id)
        .expect("get")
        .expect("stored");
    assert_eq!(
        stored, RECORD_V2,
        "rewritten in today's format, data unchanged"
    );
    assert_eq!(
        archive.load_all(Timestamp(0)).expect("load").records,
        vec![record]
    );
}

#[test]
fn a_changed_format_2_value_is_refused_not_trusted() {
    let edited = RECORD_V2.replacen("\"code\":7", "\"code\":8", 1);
    assert_ne!(edited, RECORD_V2);
    let e = decode_record(&edited).expect_err("checksum");
    assert!(e.contains("checksum"), "{e}");
    let e = decode_record(&RECORD_V2.replacen("\"format\":2", "\"format\":3", 1))
        .expect_err("unknown format");
    assert!(e.contains("format 3"), "{e}");
    let e = decode_record(&RECORD_V2.replacen("\"kind\":\"record\"", "\"kind\":\"draft\"", 1))
        .expect_err("wrong kind");
    assert!(e.contains("not a record"), "{e}");
}

#[test]
fn a_format_2_value_laid_out_otherwise_reads_the_same_and_is_checked_the_same() {
    // The app's own layout is read by position; any other layout of the same
    // envelope (keys reordered, spaces) takes the full parse and must agree.
    let (head, data) = RECORD_V2.split_once(",\"data\":").expect("fixture layout");
    let sum = head.rsplit_once("\"sum\":").expect("sum").1;
    let data = data.trim_end().strip_suffix('}').expect("closing brace");
    let reordered =
        format!("{{ \"data\": {data}, \"sum\": {sum}, \"kind\": \"record\", \"format\": 2 }}");
    assert_eq!(
        decode_record(&reordered).expect("reordered loads"),
        decode_record(RECORD_V2).expect("as written loads")
    );
    let edited = reordered.replacen("\"code\":7", "\"code\":8", 1);
    assert!(decode_record(&edited)
        .expect_err("checksum")
        .contains("checksum"));
}

#[test]
fn text_glued_after_a_stored_record_is_refused() {
    let written = RECORD_V2
        .trim_end()
        .strip_suffix('}')
        .expect("closing brace");
    let glued = format!("{written},\"extra\":1}}");
    let e = decode_record(&glued).expect_err("glued text");
    assert!(e.contains("checksum"), "{e}");
}

#[test]
fn a_first_build_quarantine_entry_still_reads() {
    let q = Quarantined::decode("candour:quarantine:x", QUARANTINE_V0);
    assert!(q.key.starts_with(RECORD_PREFIX));
    assert!(q.raw.ends_with("\"id\":"));
    assert!(q.reason.contains("EOF"));
    // Today's entries carry a format version, and read back the same.
    let again = Quarantined::decode("k", &q.encode().expect("encode"));
    assert_eq!(again, q);
    // Even an unreadable entry is shown raw rather than dropped.
    let broken = Quarantined::decode("k", "%%%");
    assert_eq!(broken.raw, "%%%");
}
