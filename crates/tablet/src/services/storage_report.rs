//! A read-only storage report, callable from the browser's console
//! (`await wasmBindings.candourStorageReport()`) by support staff and by the
//! end-to-end tests and benchmark, which have no other way to run the
//! export's read path before the researcher area calls it.
//!
//! It reports ids, counts and reasons only, never an answer, so it reveals
//! nothing a person at the tablet could not already see in the researcher
//! area. Like an export, reading moves newly found unreadable values to the
//! quarantine.

use crate::services::records_db::RecordsDb;
use crate::services::storage_status::storage_status;
use candour_web::clock::now;
use serde_json::json;
use wasm_bindgen::prelude::*;

/// Reads every record as an export does and reports, as JSON: how many
/// records are stored and loaded, their ids, the quarantined values (key,
/// reason, size), the outbox, the time the read took, and the browser's
/// persistence and estimate. Storage errors are reported in words.
#[wasm_bindgen(js_name = candourStorageReport)]
pub async fn storage_report() -> String {
    let report = match RecordsDb::open().await {
        Ok(db) => {
            let count = db.count().await;
            let started = js_sys::Date::now();
            let loaded = db.load_all(now()).await;
            // Record entries (sealed or numbered): ids from their headers.
            let entries: Vec<String> = match db.load_stored(now()).await {
                Ok(read) => read.entries.iter().map(|e| e.id().to_owned()).collect(),
                Err(_) => Vec::new(),
            };
            let read_ms = js_sys::Date::now() - started;
            let status = storage_status().await;
            match (count, loaded) {
                (Ok(count), Ok(loaded)) => json!({
                    "stored": count,
                    "loaded": loaded.records.len() + entries.len(),
                    "ids": loaded.records.iter().map(|r| r.id.as_str())
                        .chain(entries.iter().map(String::as_str)).collect::<Vec<_>>(),
                    "entries": entries.len(),
                    "quarantined": loaded.quarantined.iter().map(|q| json!({
                        "key": q.key, "reason": q.reason, "bytes": q.raw.len(),
                    })).collect::<Vec<_>>(),
                    "waiting": db.waiting().ok(),
                    "read_ms": read_ms,
                    "persisted": status.persisted,
                    "usage_bytes": status.usage_bytes,
                    "quota_bytes": status.quota_bytes,
                }),
                (Err(e), _) | (_, Err(e)) => json!({ "error": e.to_string() }),
            }
        }
        Err(e) => json!({ "error": e.to_string() }),
    };
    report.to_string()
}
