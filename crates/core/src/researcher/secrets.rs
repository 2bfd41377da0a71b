//! Where the PIN hash, the recovery code's hash and the lockout are kept on
//! the device (`localStorage`: small, read at once).

use crate::researcher::lockout::{Lockout, FREE_ATTEMPTS};
use crate::researcher::slow_hash::SlowHash;
use crate::storage::envelope::{open, seal};
use crate::storage::{KeyValueStore, StoreError, StoreFault};

/// Key of the PIN hash.
pub const PIN_KEY: &str = "candour:pin";
/// Key of the recovery code's hash.
pub const RECOVERY_KEY: &str = "candour:recovery";
/// Key of the mark "a recovery code was made and not yet shown": set
/// before the code is stored and cleared once staff say they wrote it
/// down, so that a code whose screen went away (staff left the gate while
/// it was hashed, the page closed) is never silently the only way in.
pub const RECOVERY_UNSHOWN_KEY: &str = "candour:recovery-unshown";
/// Key of the wrong-try count and the wait.
pub const LOCKOUT_KEY: &str = "candour:lockout";

/// The stored PIN hash; `None` before a PIN is set. A damaged value is an
/// error, never `None`: a damaged PIN must not let anyone set a new one
/// (only the recovery code may).
pub fn load_pin(store: &impl KeyValueStore) -> Result<Option<SlowHash>, StoreError> {
    load_hash(store, PIN_KEY, "pin", StoreFault::PinDamaged)
}

/// Stores the PIN hash.
pub fn save_pin(store: &mut impl KeyValueStore, pin: &SlowHash) -> Result<(), StoreError> {
    save_hash(store, PIN_KEY, "pin", pin, StoreFault::PinNotReadBack)
}

/// The stored recovery code's hash; `None` when none was made (a PIN set
/// by an older build), an error when damaged.
pub fn load_recovery(store: &impl KeyValueStore) -> Result<Option<SlowHash>, StoreError> {
    load_hash(
        store,
        RECOVERY_KEY,
        "recovery",
        StoreFault::RecoveryCodeDamaged,
    )
}

/// Stores the recovery code's hash (replacing the last: only the newest
/// code works).
pub fn save_recovery(store: &mut impl KeyValueStore, code: &SlowHash) -> Result<(), StoreError> {
    save_hash(
        store,
        RECOVERY_KEY,
        "recovery",
        code,
        StoreFault::RecoveryCodeNotReadBack,
    )
}

/// Marks that the recovery code named `token` (random, made with it) is
/// being made and has not been shown yet.
pub fn mark_code_unshown(store: &mut impl KeyValueStore, token: &str) -> Result<(), StoreError> {
    store.set(RECOVERY_UNSHOWN_KEY, token)
}

/// Whether the newest recovery code may never have been seen: the next
/// right PIN then makes a new one and shows it. Unreadable storage counts
/// as no mark (the PIN could not be checked either).
pub fn code_unshown(store: &impl KeyValueStore) -> bool {
    matches!(store.get(RECOVERY_UNSHOWN_KEY), Ok(Some(_)))
}

/// Clears the mark, when it still names the code `token`: staff said they
/// wrote that code down. A code confirmed on a screen left open elsewhere,
/// since replaced, clears nothing: the newest code stays marked.
pub fn clear_code_unshown(store: &mut impl KeyValueStore, token: &str) -> Result<(), StoreError> {
    match store.get(RECOVERY_UNSHOWN_KEY)? {
        Some(marked) if marked == token => store.remove(RECOVERY_UNSHOWN_KEY),
        _ => Ok(()),
    }
}

fn load_hash(
    store: &impl KeyValueStore,
    key: &str,
    kind: &str,
    damaged: fn(String) -> StoreFault,
) -> Result<Option<SlowHash>, StoreError> {
    match store.get(key)? {
        None => Ok(None),
        Some(raw) => open(kind, &raw)
            .map(Some)
            .map_err(|e| StoreError::UnavailableBecause(damaged(e))),
    }
}

fn save_hash(
    store: &mut impl KeyValueStore,
    key: &str,
    kind: &str,
    hash: &SlowHash,
    not_read_back: StoreFault,
) -> Result<(), StoreError> {
    let value = seal(kind, hash).map_err(StoreError::WriteFailed)?;
    store.set(key, &value)?;
    // Read back: a PIN that did not really save would lock everyone out.
    match store.get(key)? {
        Some(back) if back == value => Ok(()),
        _ => Err(StoreError::WriteFailedBecause(not_read_back)),
    }
}

/// The lockout state. A damaged or unreadable one counts as the strictest
/// safe state (four wrong tries, so one more begins a wait); one written by
/// an older build that kept a clock time begins its wait again whole.
pub fn load_lockout(store: &impl KeyValueStore) -> Lockout {
    let strict = Lockout {
        failures: FREE_ATTEMPTS - 1,
        ..Lockout::default()
    };
    match store.get(LOCKOUT_KEY) {
        Ok(None) => Lockout::default(),
        Ok(Some(raw)) => open::<Lockout>("lockout", &raw)
            .map(Lockout::from_older_build)
            .unwrap_or(strict),
        Err(_) => strict,
    }
}

/// Stores the lockout state.
pub fn save_lockout(store: &mut impl KeyValueStore, lockout: &Lockout) -> Result<(), StoreError> {
    store.set(
        LOCKOUT_KEY,
        &seal("lockout", lockout).map_err(StoreError::WriteFailed)?,
    )
}
