//! Reading every record left in the `localStorage` outbox, as the first
//! builds did at start-up. The app now moves the outbox into the record
//! database instead (see [`super::Archive::flush_outbox`]); the tests of
//! the outbox's format and its quarantine still read it this way.

use candour_core::storage::record_format::{check_key, decode_record};
use candour_core::storage::repository::QUARANTINE_PREFIX;
use candour_core::storage::repository::RECORD_PREFIX;
use candour_core::storage::{KeyValueStore, Loaded, Quarantined, Repository, StoreError};

/// Every record still in the outbox, oldest first. Unreadable ones are
/// moved to quarantine and reported; all the others still load.
pub fn outbox_records<K: KeyValueStore>(repo: &mut Repository<K>) -> Result<Loaded, StoreError> {
    let mut loaded = Loaded::default();
    let mut keys = repo.store.keys()?;
    keys.sort();
    for key in keys {
        let Some(raw) = repo.store.get(&key)? else {
            continue;
        };
        if let Some(id) = key.strip_prefix(RECORD_PREFIX) {
            match decode_record(&raw).and_then(|r| check_key(&r, id).map(|()| r)) {
                Ok(record) => loaded.records.push(record),
                Err(reason) => {
                    repo.quarantine(&key, &raw, &reason)?;
                    loaded.quarantined.push(Quarantined {
                        key,
                        reason,
                        raw,
                        at: None,
                    });
                }
            }
        } else if key.starts_with(QUARANTINE_PREFIX) {
            loaded.quarantined.push(Quarantined::decode(&key, &raw));
        }
    }
    loaded
        .records
        .sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    Ok(loaded)
}
