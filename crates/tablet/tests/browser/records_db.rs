//! The IndexedDB record service in a real browser: saving, counting and
//! listing without reading, export with a corrupt value quarantined raw,
//! export marks, deleting exported records, the outbox moved in, and a full
//! erase. Each test uses its own database.

use candour_core::record::{InstrumentRef, ResponseRecord, Status};
use candour_core::storage::record_format::encode_record;
use candour_core::storage::repository::RECORD_PREFIX;
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
async fn marks_exports_deletes_only_exported_records_and_erases() {
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
    assert_eq!(db.delete_exported(Timestamp(8)).await.expect("delete"), 1);
    let left = db.load_all(Timestamp(9)).await.expect("load").records;
    assert_eq!(left, vec![record("b", 1)]);
    db.erase_all().await.expect("erase");
    assert_eq!(db.count().await.expect("count"), 0);
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
