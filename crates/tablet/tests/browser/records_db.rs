//! The IndexedDB record service in a real browser: saving, counting and
//! listing without reading, export with a corrupt value quarantined raw,
//! export marks, deleting only the records named, the journal of surveys in
//! progress (and a record's draft deleted with it), the upgrade of a
//! first-schema database, and the outbox moved in. Each test uses its own
//! database.

use candour_core::record::{InstrumentRef, ResponseRecord, Status};
use candour_core::storage::probe::probe;
use candour_core::storage::record_format::encode_record;
use candour_core::storage::repository::RECORD_PREFIX;
use candour_core::storage::{plan, JournalEntry};
use candour_core::survey::{Draft, Position};
use candour_core::time::Timestamp;
use candour_tablet::services::records_db::RecordsDb;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

fn record(id: &str, started: i64) -> ResponseRecord {
    ResponseRecord {
        id: id.into(),
        instrument: InstrumentRef {
            id: "test".into(),
            version: "1".into(),
            hash: "sha256:00".into(),
        },
        app_version: "0.1.0".into(),
        device_label: "Tablet".into(),
        service_code: Some("MBRO-HAT".into()),
        participant_code: None,
        locale: "en".into(),
        status: Status::Complete,
        started_at: Timestamp(started),
        ended_at: Timestamp(started + 1),
        answers: Default::default(),
        paradata: Default::default(),
        exported_at: None,
    }
}

fn draft(id: &str) -> Draft {
    Draft {
        id: id.into(),
        participant_code: None,
        locale: "en".into(),
        instrument: record(id, 0).instrument,
        device_label: "Tablet".into(),
        service_code: None,
        started_at: Timestamp(0),
        consented_at: Some(Timestamp(1)),
        last_activity: Timestamp(2),
        answers: Default::default(),
        paradata: Default::default(),
        position: Position::Review,
        returning_to_review: false,
    }
}

/// Deletes the database `name` so each test starts empty.
async fn fresh(name: &str) -> RecordsDb {
    if let Some(factory) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) {
        if let Ok(request) = factory.delete_database(name) {
            let done = js_sys::Promise::new(&mut |resolve, _| {
                request.set_onsuccess(Some(&resolve));
                request.set_onerror(Some(&resolve));
            });
            let _ = JsFuture::from(done).await;
        }
    }
    RecordsDb::open_named(name).await.expect("opens")
}

/// Puts a raw value into a table by hand, as a damaged disk or a person would.
async fn put_raw(name: &str, table: &str, key: &str, value: &JsValue) {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("indexedDB");
    let open = factory.open(name).expect("open");
    let opened = js_sys::Promise::new(&mut |resolve, _| open.set_onsuccess(Some(&resolve)));
    JsFuture::from(opened).await.expect("opened");
    let db: web_sys::IdbDatabase = wasm_bindgen::JsCast::unchecked_into(open.result().expect("db"));
    let tx = db
        .transaction_with_str_and_mode(table, web_sys::IdbTransactionMode::Readwrite)
        .expect("tx");
    tx.object_store(table)
        .expect("store")
        .put_with_key(value, &JsValue::from_str(key))
        .expect("put");
    let done = js_sys::Promise::new(&mut |resolve, _| tx.set_oncomplete(Some(&resolve)));
    JsFuture::from(done).await.expect("committed");
    db.close();
}

#[wasm_bindgen_test]
async fn saves_counts_lists_and_exports_with_a_corrupt_record_quarantined() {
    let name = "candour-test-export";
    let db = fresh(name).await;
    for (n, id) in ["a", "b", "c"].iter().enumerate() {
        db.save(&record(id, n as i64)).await.expect("saved");
    }
    db.save(&record("a", 0))
        .await
        .expect("saving again makes one");
    assert_eq!(db.count().await.expect("count"), 3);
    assert!(db.contains("b").await.expect("contains"));
    assert!(!db.contains("zz").await.expect("contains"));
    let listed = db.list(Timestamp(9)).await.expect("list");
    assert_eq!(
        listed.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );

    put_raw(
        name,
        "records",
        "b",
        &JsValue::from_str("{\"format\":2,\"kind\""),
    )
    .await;
    put_raw(name, "records", "c", &js_sys::Object::new().into()).await;
    let loaded = db.load_all(Timestamp(10)).await.expect("load");
    assert_eq!(loaded.records, vec![record("a", 0)]);
    let mut keys: Vec<_> = loaded.quarantined.iter().map(|q| q.key.clone()).collect();
    keys.sort();
    assert_eq!(keys, ["records/b", "records/c"]);
    let b = loaded
        .quarantined
        .iter()
        .find(|q| q.key == "records/b")
        .expect("b");
    assert_eq!(b.raw, "{\"format\":2,\"kind\"", "kept raw");
    assert_eq!(
        db.count().await.expect("count"),
        1,
        "moved out of the records"
    );
    assert_eq!(
        db.list(Timestamp(11)).await.expect("list").len(),
        1,
        "index rebuilt"
    );
    assert_eq!(db.quarantined().await.expect("q").len(), 2);
}

#[wasm_bindgen_test]
async fn marks_exports_and_deletes_only_the_records_named() {
    let db = fresh("candour-test-marks").await;
    db.save(&record("a", 0)).await.expect("saved");
    db.save(&record("b", 1)).await.expect("saved");
    let loaded = db.load_all(Timestamp(5)).await.expect("load");
    assert_eq!(
        db.mark_exported(&loaded.records[..1], Timestamp(6))
            .await
            .expect("mark"),
        1
    );
    let listed = db.list(Timestamp(7)).await.expect("list");
    assert_eq!(listed[0].exported_at, Some(Timestamp(6)));
    assert_eq!(listed[1].exported_at, None);
    let named = ["a".to_owned(), "not-stored".to_owned()];
    assert_eq!(db.delete_records(&named).await.expect("delete"), 1);
    let left = db.load_all(Timestamp(9)).await.expect("load").records;
    assert_eq!(left, vec![record("b", 1)]);
    assert_eq!(db.list(Timestamp(10)).await.expect("list").len(), 1);
}

#[wasm_bindgen_test]
async fn keeps_the_journal_and_deletes_an_entry_with_its_record() {
    let db = fresh("candour-test-journal").await;
    let draft = draft("s-1");
    let entry = JournalEntry {
        rev: 7,
        draft: Some(draft.clone()),
        ended: vec!["gone".into()],
    };
    db.commit(plan::save_journal(&entry).expect("plan"))
        .await
        .expect("journal written");
    let read = db.journal(Timestamp(1)).await.expect("journal");
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].rev, 7);
    assert_eq!(read[0].draft.as_ref(), Some(&draft));
    assert!(
        read[0].ended.is_empty(),
        "only the localStorage head names ended surveys"
    );
    // The record and the deletion of its draft: one transaction.
    db.commit(plan::store_finished(&record("s-1", 0)).expect("plan"))
        .await
        .expect("stored");
    assert!(db.journal(Timestamp(2)).await.expect("journal").is_empty());
    assert!(db.contains("s-1").await.expect("contains"));
    // A probe left by a page closed mid-check is removed at the next read.
    db.commit(probe(3).write).await.expect("probe written");
    assert!(db.journal(Timestamp(3)).await.expect("journal").is_empty());
    put_raw(
        "candour-test-journal",
        "journal",
        "s-2",
        &JsValue::from_str("{broken"),
    )
    .await;
    assert!(db.journal(Timestamp(4)).await.expect("journal").is_empty());
    let kept = db.quarantined().await.expect("quarantine");
    assert!(kept
        .iter()
        .any(|q| q.key == "journal/s-2" && q.raw == "{broken"));
}

#[wasm_bindgen_test]
async fn a_database_made_by_the_first_schema_gains_the_journal_and_keeps_its_records() {
    let name = "candour-test-upgrade";
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("indexedDB");
    if let Ok(request) = factory.delete_database(name) {
        let done = js_sys::Promise::new(&mut |resolve, _| {
            request.set_onsuccess(Some(&resolve));
            request.set_onerror(Some(&resolve));
        });
        let _ = JsFuture::from(done).await;
    }
    // Version 1, as the first builds made it: three tables, one record.
    let open = factory.open_with_u32(name, 1).expect("open v1");
    let upgrade = wasm_bindgen::closure::Closure::<dyn FnMut()>::new({
        let open = open.clone();
        move || {
            let db: web_sys::IdbDatabase =
                wasm_bindgen::JsCast::unchecked_into(open.result().expect("db"));
            for table in ["records", "index", "quarantine"] {
                db.create_object_store(table).expect("table");
            }
        }
    });
    open.set_onupgradeneeded(Some(wasm_bindgen::JsCast::unchecked_ref(upgrade.as_ref())));
    let opened = js_sys::Promise::new(&mut |resolve, _| open.set_onsuccess(Some(&resolve)));
    JsFuture::from(opened).await.expect("opened v1");
    let v1: web_sys::IdbDatabase = wasm_bindgen::JsCast::unchecked_into(open.result().expect("db"));
    v1.close();
    drop(upgrade);
    let value = encode_record(&record("old", 1)).expect("encode");
    put_raw(name, "records", "old", &JsValue::from_str(&value)).await;

    let db = RecordsDb::open_named(name)
        .await
        .expect("opens at version 2");
    assert_eq!(
        db.load_all(Timestamp(2)).await.expect("load").records,
        vec![record("old", 1)]
    );
    db.commit(
        plan::save_journal(&JournalEntry {
            rev: 1,
            draft: Some(draft("new")),
            ended: Vec::new(),
        })
        .expect("plan"),
    )
    .await
    .expect("the journal table exists");
    assert_eq!(db.journal(Timestamp(3)).await.expect("journal").len(), 1);
}

#[wasm_bindgen_test]
async fn moves_the_local_storage_outbox_in_and_only_then_removes_it() {
    let db = fresh("candour-test-outbox").await;
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    let key = format!("{RECORD_PREFIX}outbox-1");
    let value = encode_record(&record("outbox-1", 3)).expect("encode");
    storage.set_item(&key, &value).expect("set");
    let moved = db.flush_outbox(Timestamp(4)).await.expect("moved");
    assert_eq!(moved.ids, ["outbox-1"]);
    assert_eq!(storage.get_item(&key).expect("get"), None);
    assert_eq!(
        db.load_all(Timestamp(5)).await.expect("load").records,
        vec![record("outbox-1", 3)]
    );
    assert_eq!(db.waiting().expect("waiting"), 0);
}
