//! Where the PIN hash and the lockout are kept on the device.

use crate::researcher::lockout::Lockout;
use crate::researcher::pin::PinHash;
use crate::storage::envelope::{open, seal};
use crate::storage::{KeyValueStore, StoreError};

/// Key of the PIN hash.
pub const PIN_KEY: &str = "candour:pin";
/// Key of the wrong-PIN count and lockout.
pub const LOCKOUT_KEY: &str = "candour:lockout";

/// The stored PIN hash; `None` before a PIN is set. An unreadable value reads
/// as `None` only if absent: a damaged one is an error, so a damaged PIN can
/// never silently let someone set a new one without erasing the responses.
pub fn load_pin(store: &impl KeyValueStore) -> Result<Option<PinHash>, StoreError> {
    match store.get(PIN_KEY)? {
        None => Ok(None),
        Some(raw) => open("pin", &raw)
            .map(Some)
            .map_err(|e| StoreError::WriteFailed(format!("the stored PIN is damaged ({e})"))),
    }
}

/// Stores a PIN hash.
pub fn save_pin(store: &mut impl KeyValueStore, pin: &PinHash) -> Result<(), StoreError> {
    store.set(PIN_KEY, &seal("pin", pin).map_err(StoreError::WriteFailed)?)
}

/// Removes the PIN (only as part of erasing every response).
pub fn forget_pin(store: &mut impl KeyValueStore) -> Result<(), StoreError> {
    store.remove(PIN_KEY)?;
    store.remove(LOCKOUT_KEY)
}

/// The lockout state; a damaged one counts as the strictest safe state
/// (five failures, so one more wrong PIN locks).
pub fn load_lockout(store: &impl KeyValueStore) -> Lockout {
    match store.get(LOCKOUT_KEY) {
        Ok(None) => Lockout::default(),
        Ok(Some(raw)) => open("lockout", &raw).unwrap_or(Lockout {
            failures: crate::researcher::lockout::FREE_ATTEMPTS - 1,
            locked_until: None,
        }),
        Err(_) => Lockout::default(),
    }
}

/// Stores the lockout state.
pub fn save_lockout(store: &mut impl KeyValueStore, lockout: &Lockout) -> Result<(), StoreError> {
    store.set(
        LOCKOUT_KEY,
        &seal("lockout", lockout).map_err(StoreError::WriteFailed)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::researcher::pin::hash_pin;
    use crate::storage::MemoryStore;

    #[test]
    fn pin_and_lockout_round_trip_and_damage_is_safe() {
        let mut store = MemoryStore::new();
        assert_eq!(load_pin(&store), Ok(None));
        let pin = hash_pin("402718", [1; 16]);
        save_pin(&mut store, &pin).expect("save");
        assert_eq!(load_pin(&store), Ok(Some(pin)));
        store.set(PIN_KEY, "garbage").expect("damage");
        assert!(
            load_pin(&store).is_err(),
            "a damaged PIN is never treated as no PIN"
        );

        let mut lockout = Lockout::default();
        lockout.attempt(false, crate::time::Timestamp(0));
        save_lockout(&mut store, &lockout).expect("save");
        assert_eq!(load_lockout(&store), lockout);
        store.set(LOCKOUT_KEY, "garbage").expect("damage");
        assert_eq!(load_lockout(&store).failures, 4);
        forget_pin(&mut store).expect("forget");
        assert_eq!(load_pin(&store), Ok(None));
    }
}
