//! Counting and erasing the stored responses, for the forgotten-PIN path.

use crate::services::local_store::LocalStore;
use crate::services::records_db::RecordsDb;
use candour_core::researcher::secrets::forget_pin;
use candour_core::storage::repository::{DRAFT_KEY, QUARANTINE_PREFIX, RECORD_PREFIX};
use candour_core::storage::KeyValueStore;

/// How many responses are stored: in IndexedDB and still waiting in the
/// localStorage outbox.
pub async fn count_responses() -> Result<usize, String> {
    let db = RecordsDb::open().await.map_err(|e| e.to_string())?;
    let stored = db.count().await.map_err(|e| e.to_string())?;
    let waiting = db.waiting().map_err(|e| e.to_string())?;
    Ok(stored + waiting)
}

/// Removes every response (IndexedDB and the outbox), quarantined value,
/// draft, and the PIN; keeps the device settings, which hold no response.
pub async fn erase_everything() -> Result<(), String> {
    let db = RecordsDb::open().await.map_err(|e| e.to_string())?;
    db.erase_all().await.map_err(|e| e.to_string())?;
    let mut store = LocalStore::open().map_err(|e| e.to_string())?;
    let keys = store.keys().map_err(|e| e.to_string())?;
    for key in keys.iter().filter(|k| {
        k.starts_with(RECORD_PREFIX) || k.starts_with(QUARANTINE_PREFIX) || k.as_str() == DRAFT_KEY
    }) {
        store.remove(key).map_err(|e| e.to_string())?;
    }
    forget_pin(&mut store).map_err(|e| e.to_string())
}
