#![cfg(not(target_arch = "wasm32"))]
//! Record entries as the tablet stores them (issue 14): sealed or clear,
//! numbered by a counter that is spent only with its record and never goes
//! back, read beside the clear records of earlier builds, which are numbered
//! once without losing anything, and marked exported without a byte of the
//! entry changing (so the signed export's digests and receipts still match).

use candour_core::export::export_record;
use candour_core::export::signed::{
    draft_signed_export, Manifest, SignedEnvelope, SignedExportInput, TabletIdentity,
};
use candour_core::receipt::{build_receipt, check_proof, entry_digests, ExportText};
use candour_core::seal::{seal_response, RecordEntry, ResearchPublicKey};
use candour_core::storage::entry_format::{decode_stored, encode_entry, ENTRY_FORMAT};
use candour_core::storage::index::IndexEntry;
use candour_core::storage::record_format::encode_record;
use candour_core::storage::sequence::{highest_issued, next_sequence, SEQUENCE_KEY};
use candour_core::storage::{plan, RecordStore, Stored, StoredEntry, Table};
use candour_testkit::export_support::{default, plausible_records, t};
use candour_testkit::memory_records::MemoryRecords;
use candour_testkit::sealing_support::rng;

fn key() -> ResearchPublicKey {
    let mut nine = [0u8; 32];
    nine[0] = 9;
    ResearchPublicKey::from_bytes(&nine).expect("key")
}

/// Stores `n` sealed records as the tablet does at Send, each numbered by
/// the counter read just before.
fn store_sealed(db: &mut MemoryRecords, prefix: &str, n: usize) -> Vec<RecordEntry> {
    let instrument = default();
    let mut out = Vec::new();
    for record in plausible_records(&instrument, prefix, n) {
        let counter = db.get(Table::Meta, SEQUENCE_KEY).expect("reads");
        let stored = plan::read_stored(db.get_all(Table::Records).expect("rows"), t(0));
        let sequence = next_sequence(counter.as_deref(), stored.highest_sequence());
        let entry = seal_response(&record, &instrument, sequence, &key(), &mut rng(sequence))
            .expect("seals");
        db.commit(plan::store_entry(&entry).expect("plans"))
            .expect("commits");
        out.push(entry);
    }
    out
}

fn read(db: &MemoryRecords) -> plan::ReadStored {
    plan::read_stored(db.get_all(Table::Records).expect("rows"), t(0))
}

#[test]
fn a_stored_entry_reads_back_exactly_and_holds_no_answer_in_clear() {
    let mut db = MemoryRecords::new();
    let free_text = "purple-elephant-7731";
    let instrument = default();
    let mut record = plausible_records(&instrument, "a", 1).remove(0);
    let text_answer = record
        .answers
        .values_mut()
        .find(|a| matches!(a, candour_core::answer::AnswerValue::Text(_)))
        .expect("a free-text answer");
    *text_answer = candour_core::answer::AnswerValue::Text(free_text.into());
    let entry = seal_response(&record, &instrument, 1, &key(), &mut rng(1)).expect("seals");
    db.commit(plan::store_entry(&entry).expect("plans"))
        .expect("commits");
    for table in Table::ALL {
        for (_, value) in db.get_all(table).expect("rows") {
            assert!(
                !value.contains(free_text),
                "{table:?} holds the answer: {value}"
            );
        }
    }
    let read = read(&db);
    assert_eq!(read.entries.len(), 1);
    assert_eq!(read.entries[0].text, entry.to_json().expect("json"));
    assert_eq!(read.entries[0].entry().expect("parses"), entry);
    assert!(read.entries[0].sealed);
}

#[test]
fn numbers_run_one_by_one_and_the_counter_moves_with_each_record() {
    let mut db = MemoryRecords::new();
    let entries = store_sealed(&mut db, "n", 4);
    let numbers: Vec<u64> = entries.iter().map(|e| e.header.sequence).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    let counter = db.get(Table::Meta, SEQUENCE_KEY).expect("reads");
    assert_eq!(highest_issued(counter.as_deref(), 0), 4);
}

#[test]
fn deleting_records_never_lowers_the_next_number() {
    let mut db = MemoryRecords::new();
    let entries = store_sealed(&mut db, "d", 3);
    let ids: Vec<String> = entries.iter().map(|e| e.header.id.clone()).collect();
    db.commit(plan::delete_records(&ids)).expect("deletes");
    assert!(read(&db).entries.is_empty());
    let next = store_sealed(&mut db, "e", 1);
    assert_eq!(next[0].header.sequence, 4);
}

#[test]
fn a_lost_or_damaged_counter_still_never_repeats_a_stored_number() {
    assert_eq!(next_sequence(None, 0), 1);
    assert_eq!(next_sequence(None, 7), 8);
    assert_eq!(next_sequence(Some("not a counter"), 7), 8);
    let mut db = MemoryRecords::new();
    store_sealed(&mut db, "l", 2);
    db.commit(vec![candour_core::storage::Write::Delete {
        table: Table::Meta,
        key: SEQUENCE_KEY.into(),
    }])
    .expect("drops the counter");
    assert_eq!(store_sealed(&mut db, "m", 1)[0].header.sequence, 3);
    // A counter ahead of every stored record (records deleted) wins.
    let counter = db.get(Table::Meta, SEQUENCE_KEY).expect("reads");
    assert_eq!(next_sequence(counter.as_deref(), 1), 4);
}

#[test]
fn storing_the_entry_deletes_the_draft_in_the_same_transaction() {
    let entry = store_sealed(&mut MemoryRecords::new(), "j", 1).remove(0);
    let writes = plan::store_entry(&entry).expect("plans");
    assert!(writes.iter().any(|w| matches!(w,
        candour_core::storage::Write::Delete { table: Table::Journal, key } if *key == entry.header.id)));
    assert!(writes.iter().any(|w| matches!(
        w,
        candour_core::storage::Write::Put {
            table: Table::Meta,
            ..
        }
    )));
    // One transaction: if the store refuses it, neither the entry nor the
    // counter moves, and the draft stays.
    let mut db = MemoryRecords::new();
    db.commit(vec![candour_core::storage::Write::Put {
        table: Table::Journal,
        key: entry.header.id.clone(),
        value: "draft".into(),
    }])
    .expect("draft");
    db.fail_every_nth_commit = Some(1);
    assert!(db.commit(writes).is_err());
    db.fail_every_nth_commit = None;
    assert!(db
        .get(Table::Journal, &entry.header.id)
        .expect("reads")
        .is_some());
    assert!(db.get(Table::Meta, SEQUENCE_KEY).expect("reads").is_none());
    assert!(read(&db).entries.is_empty());
}

#[test]
fn a_changed_byte_of_a_stored_entry_is_quarantined_not_exported() {
    let mut db = MemoryRecords::new();
    let entry = store_sealed(&mut db, "q", 1).remove(0);
    let raw = db
        .get(Table::Records, &entry.header.id)
        .expect("reads")
        .expect("there");
    let changed = raw.replacen("\"status\":\"", "\"status\":\"x", 1);
    assert!(decode_stored(&changed).is_err());
    db.corrupt(Table::Records, &entry.header.id, &changed);
    let read = read(&db);
    assert!(read.entries.is_empty());
    assert_eq!(read.quarantined.len(), 1);
    assert!(
        read.quarantined[0].reason.contains("checksum"),
        "{}",
        read.quarantined[0].reason
    );
}

#[test]
fn marking_exported_keeps_the_entry_text_and_so_its_digest() {
    let mut db = MemoryRecords::new();
    store_sealed(&mut db, "x", 2);
    let before = read(&db).entries;
    db.commit(plan::mark_entries_exported(&before, t(50)).expect("plans"))
        .expect("commits");
    let after = read(&db).entries;
    for (b, a) in before.iter().zip(&after) {
        assert_eq!(a.text, b.text);
        assert_eq!(a.digest(), b.digest());
        assert_eq!(a.exported_at, Some(t(50)));
    }
    // The first export time is kept.
    db.commit(plan::mark_entries_exported(&after, t(90)).expect("plans"))
        .expect("commits");
    assert!(read(&db)
        .entries
        .iter()
        .all(|e| e.exported_at == Some(t(50))));
    let index = IndexEntry::decode(
        &db.get(Table::Index, &after[0].header.id)
            .expect("reads")
            .expect("there"),
    )
    .expect("index");
    assert_eq!((index.sequence, index.sealed), (Some(1), true));
}

#[test]
fn clear_records_of_earlier_builds_are_numbered_once_and_lose_nothing() {
    let instrument = default();
    let mut db = MemoryRecords::new();
    let mut old = plausible_records(&instrument, "old", 3);
    old[0].exported_at = Some(t(5));
    let mut orphan = plausible_records(&instrument, "orphan", 1).remove(0);
    orphan.instrument.hash = "sha256:unknown".into();
    for r in old.iter().chain([&orphan]) {
        db.commit(plan::save_record(r).expect("plans"))
            .expect("old store");
    }
    store_sealed(&mut db, "new", 1);
    let found = read(&db);
    assert_eq!((found.entries.len(), found.legacy.len()), (1, 4));
    let counter = db.get(Table::Meta, SEQUENCE_KEY).expect("reads");
    let highest = highest_issued(counter.as_deref(), found.highest_sequence());
    let migration = plan::migrate_legacy(&found.legacy, &[&instrument], highest).expect("plans");
    assert_eq!(migration.entries.len(), 3);
    assert_eq!(migration.kept, vec![orphan.clone()]);
    db.commit(migration.writes).expect("migrates");
    let after = read(&db);
    assert_eq!(after.legacy, vec![orphan]);
    let numbers: Vec<u64> = after.entries.iter().map(|e| e.header.sequence).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    for record in &old {
        let entry = after
            .entries
            .iter()
            .find(|e| e.header.id == record.id)
            .expect("migrated");
        assert!(!entry.sealed);
        assert_eq!(entry.exported_at, record.exported_at);
        match entry.entry().expect("parses").body {
            candour_core::seal::EntryBody::Clear(clear) => {
                assert_eq!(*clear, export_record(record, &instrument).expect("exports"))
            }
            candour_core::seal::EntryBody::Sealed(_) => panic!("a clear record was sealed"),
        }
    }
    let counter = db.get(Table::Meta, SEQUENCE_KEY).expect("reads");
    assert_eq!(highest_issued(counter.as_deref(), 0), 4);
    // Nothing left to migrate but the orphan: a second start changes nothing.
    let again = plan::migrate_legacy(&after.legacy, &[&instrument], 4).expect("plans");
    assert!(again.writes.is_empty());
}

#[test]
fn the_format_is_written_as_documented() {
    let entry = store_sealed(&mut MemoryRecords::new(), "f", 1).remove(0);
    let stored = StoredEntry::new(&entry).expect("stored");
    let raw = encode_entry(&stored).expect("encodes");
    assert_eq!(ENTRY_FORMAT, 3);
    assert!(
        raw.starts_with("{\"format\":3,\"kind\":\"entry\",\"exported_at\":null,\"sum\":\"fnv1a64:"),
        "{raw}"
    );
    assert!(raw.ends_with(&format!("\"data\":{}}}", stored.text)));
    assert_eq!(decode_stored(&raw), Ok(Stored::Entry(stored)));
    // A clear record of format 2 still reads, as what it is.
    let record = plausible_records(&default(), "g", 1).remove(0);
    let legacy = encode_record(&record).expect("encodes");
    assert_eq!(decode_stored(&legacy), Ok(Stored::Legacy(record)));
}

/// The signed export of stored entries, signed with a dummy signature (the
/// proof compares digests; the workbench checks signatures).
fn signed_export(entries: &[StoredEntry]) -> String {
    let parsed: Vec<RecordEntry> = entries.iter().map(|e| e.entry().expect("parses")).collect();
    let instrument = default();
    let tablet = TabletIdentity::new("tablet-1", "Clinic A, tablet 2", &[4u8; 65]);
    let draft = draft_signed_export(SignedExportInput {
        entries: &parsed,
        instruments: &[&instrument],
        tablet: &tablet,
        research_key: Some(&key()),
        highest_sequence: 9,
        exported_at: t(100),
    })
    .expect("drafts");
    draft.finish(&[1u8; 64]).expect("finishes")
}

#[test]
fn the_signed_export_lists_each_stored_entry_byte_for_byte() {
    let mut db = MemoryRecords::new();
    store_sealed(&mut db, "s", 3);
    let entries = read(&db).entries;
    let text = signed_export(&entries);
    let envelope: SignedEnvelope<'_> = serde_json::from_str(&text).expect("reads");
    let manifest: Manifest = serde_json::from_str(envelope.manifest.get()).expect("manifest");
    for ((entry, in_file), listed) in entries.iter().zip(&envelope.records).zip(&manifest.records) {
        assert_eq!(in_file.get(), entry.text);
        assert_eq!(listed.digest, entry.digest());
        assert_eq!(listed.sequence, entry.header.sequence);
    }
}

#[test]
fn a_signed_export_or_its_receipt_confirms_exactly_the_entries_it_holds() {
    let mut db = MemoryRecords::new();
    store_sealed(&mut db, "r", 3);
    let entries = read(&db).entries;
    let stored = entry_digests(&entries);
    let text = signed_export(&entries[..2]);
    let check = check_proof("export.json", text.as_bytes(), &stored).expect("checks");
    let confirmed: Vec<&str> = check.confirmed.iter().map(String::as_str).collect();
    let mut want: Vec<&str> = entries[..2].iter().map(|e| e.id()).collect();
    want.sort();
    assert_eq!(confirmed, want);
    assert!(check.differing.is_empty());
    // The receipt the workbench writes from the same file confirms the same.
    let receipt = build_receipt(
        &[ExportText {
            name: "export.json",
            text: &text,
        }],
        t(200),
    )
    .expect("receipt");
    assert_eq!(receipt.files[0].device_label, "Clinic A, tablet 2");
    assert_eq!(receipt.files[0].record_count, 2);
    let json = receipt.to_json();
    let by_receipt = check_proof("receipt.json", json.as_bytes(), &stored).expect("checks");
    assert_eq!(by_receipt.confirmed, check.confirmed);
    // One changed byte of a sealed entry: that record is not confirmed.
    let first = &entries[0];
    let b64_start = first.text.find("\"ciphertext\":\"").expect("ciphertext") + 14;
    let original = &first.text[b64_start..b64_start + 4];
    let swapped = if original == "AAAA" { "BBBB" } else { "AAAA" };
    let mut edited_entry = first.text.clone();
    edited_entry.replace_range(b64_start..b64_start + 4, swapped);
    let edited = text.replacen(&first.text, &edited_entry, 1);
    let check = check_proof("edited.json", edited.as_bytes(), &stored).expect("checks");
    assert!(check.differing.contains(first.id()));
    assert!(!check.confirmed.contains(first.id()));
    // A record cut out of the file (the manifest still lists it) is refused.
    let cut = text.replacen(&format!("{},", first.text), "", 1);
    assert!(check_proof("cut.json", cut.as_bytes(), &stored).is_err());
}

#[test]
fn the_entry_maker_seals_with_a_key_and_numbers_in_clear_without_one() {
    let instrument = default();
    let records = plausible_records(&instrument, "k", 3);
    let mut maker = candour_core::storage::EntryMaker::new(None, 7);
    let clear = maker
        .make(&records[0], &[&instrument], &mut rng(1))
        .expect("makes");
    assert!(!clear.is_sealed());
    assert_eq!(clear.header.sequence, 8);
    maker.set_key(Some(key()));
    let sealed = maker
        .make(&records[1], &[&instrument], &mut rng(2))
        .expect("makes");
    assert!(sealed.is_sealed());
    assert_eq!(sealed.header.sequence, 9);
    // A failure (no randomness, unknown questionnaire) spends no number.
    let broken = maker.make(
        &records[2],
        &[&instrument],
        &mut candour_testkit::sealing_support::Broken,
    );
    assert_eq!(broken, Err(candour_core::seal::SealError::NoRandomness));
    assert!(maker.make(&records[2], &[], &mut rng(3)).is_err());
    assert_eq!(maker.last_issued(), 9);
    let next = maker
        .make(&records[2], &[&instrument], &mut rng(4))
        .expect("makes");
    assert_eq!(next.header.sequence, 10);
}

#[test]
fn an_entry_waiting_in_the_outbox_is_moved_without_lowering_the_counter() {
    use candour_core::storage::Repository;
    use candour_testkit::memory_store::MemoryStore;
    use candour_testkit::native_storage::Archive;
    let instrument = default();
    let records = plausible_records(&instrument, "o", 2);
    let mut archive = Archive::new(MemoryRecords::new());
    let mut journal = Repository::new(MemoryStore::default());
    let mut maker = candour_core::storage::EntryMaker::new(Some(key()), 0);
    // Record 1 waits in the outbox (its database write was cut off);
    // record 2 reached the database.
    let first = maker
        .make(&records[0], &[&instrument], &mut rng(1))
        .expect("makes");
    journal.save_entry(&first).expect("outbox");
    let second = maker
        .make(&records[1], &[&instrument], &mut rng(2))
        .expect("makes");
    archive
        .store
        .commit(plan::store_entry(&second).expect("plans"))
        .expect("stores");
    // An old clear record in the outbox moves too.
    let old = plausible_records(&instrument, "legacy", 1).remove(0);
    journal.save_record(&old).expect("outbox");
    let flushed = archive.flush_outbox(&mut journal, t(1)).expect("flushes");
    assert_eq!(flushed.ids.len(), 2);
    assert!(journal.outbox().expect("outbox").is_empty());
    let read = read(&archive.store);
    assert_eq!(read.entries.len(), 2);
    assert_eq!(read.entries[0].text, first.to_json().expect("json"));
    assert_eq!(read.legacy, vec![old]);
    let counter = archive.store.get(Table::Meta, SEQUENCE_KEY).expect("reads");
    assert_eq!(highest_issued(counter.as_deref(), 0), 2);
}

#[test]
fn the_research_key_is_kept_read_back_and_a_change_is_named_with_both_fingerprints() {
    use candour_core::storage::research_key_store::{KeptResearchKey, KeyChange, RESEARCH_KEY_KEY};
    let mut db = MemoryRecords::new();
    let raw = db.get(Table::Meta, RESEARCH_KEY_KEY).expect("reads");
    assert_eq!(KeptResearchKey::decode(raw.as_deref()), Ok(None));
    let first = key();
    db.commit(vec![KeptResearchKey::keep(&first, t(3)).expect("plans")])
        .expect("keeps");
    let raw = db.get(Table::Meta, RESEARCH_KEY_KEY).expect("reads");
    let kept = KeptResearchKey::decode(raw.as_deref())
        .expect("reads")
        .expect("kept");
    assert_eq!(
        (kept.public_key.clone(), kept.loaded_at),
        (first.clone(), t(3))
    );
    assert_eq!(
        KeyChange::of(None, &first),
        KeyChange::First {
            fingerprint: first.fingerprint()
        }
    );
    assert_eq!(
        KeyChange::of(Some(&first), &first),
        KeyChange::Same {
            fingerprint: first.fingerprint()
        }
    );
    let mut other = [0u8; 32];
    other[0] = 10;
    let second = ResearchPublicKey::from_bytes(&other).expect("key");
    assert_eq!(
        KeyChange::of(Some(&first), &second),
        KeyChange::Replaced {
            old: first.fingerprint(),
            new: second.fingerprint()
        }
    );
    // A damaged value is refused, never used as a key.
    let damaged = raw.expect("raw").replace(&first.to_base64(), "AAAA");
    assert!(KeptResearchKey::decode(Some(&damaged)).is_err());
}
