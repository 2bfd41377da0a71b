//! Counting and erasing the stored responses, for the forgotten-PIN path.

use crate::core::researcher::secrets::forget_pin;
use crate::core::storage::repository::{DRAFT_KEY, QUARANTINE_PREFIX, RECORD_PREFIX};
use crate::core::storage::KeyValueStore;
use crate::ui::services::local_store::LocalStore;

/// How many responses are stored (0 when storage cannot be read).
pub fn count_responses() -> usize {
    LocalStore::open()
        .and_then(|s| s.keys())
        .map(|keys| keys.iter().filter(|k| k.starts_with(RECORD_PREFIX)).count())
        .unwrap_or(0)
}

/// Removes every response, quarantined value, draft, and the PIN; keeps the
/// device settings (label, idle time), which hold no response.
pub fn erase_everything() -> Result<(), String> {
    let mut store = LocalStore::open().map_err(|e| e.to_string())?;
    let keys = store.keys().map_err(|e| e.to_string())?;
    for key in keys.iter().filter(|k| {
        k.starts_with(RECORD_PREFIX) || k.starts_with(QUARANTINE_PREFIX) || k.as_str() == DRAFT_KEY
    }) {
        store.remove(key).map_err(|e| e.to_string())?;
    }
    forget_pin(&mut store).map_err(|e| e.to_string())
}
