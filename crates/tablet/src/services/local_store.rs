//! The browser's `localStorage` behind the core's [`KeyValueStore`].

use candour_core::storage::{KeyValueStore, StoreError, StoreFault};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// `window.localStorage`, checked usable when opened.
pub struct LocalStore {
    storage: Storage,
}

/// A key written and removed at start-up to prove storage works.
const PROBE_KEY: &str = "candour:probe";

impl LocalStore {
    /// Opens local storage, writing nothing. Fails with
    /// [`StoreError::UnavailableBecause`] when storage is turned off (or
    /// [`StoreError::Unavailable`], with the browser's words). Whether it
    /// accepts writes was proven once, at start-up ([`LocalStore::open_proven`]);
    /// a write refused since then fails with its own error.
    pub fn open() -> Result<Self, StoreError> {
        let storage = web_sys::window()
            .ok_or(StoreError::UnavailableBecause(StoreFault::NoWindow))?
            .local_storage()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?
            .ok_or(StoreError::UnavailableBecause(StoreFault::StorageTurnedOff))?;
        Ok(LocalStore { storage })
    }

    /// Opens local storage and proves it accepts a write: start-up's check,
    /// so that no survey starts pretending to save. Fails with
    /// [`StoreError::Unavailable`] or [`StoreError::UnavailableBecause`]
    /// when storage is turned off or refuses writes (some private modes). A full store opens (its writes then
    /// fail with [`StoreError::Full`]).
    pub fn open_proven() -> Result<Self, StoreError> {
        let store = Self::open()?;
        match store.storage.set_item(PROBE_KEY, "1") {
            Ok(()) => {}
            // Full is not unavailable: what is stored can still be read and
            // removed, and each write then says it is full.
            Err(e) if is_quota_error(&e) => return Ok(store),
            Err(e) => return Err(StoreError::Unavailable(describe(&e))),
        }
        store
            .storage
            .remove_item(PROBE_KEY)
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        Ok(store)
    }
}

impl KeyValueStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(key)
            .map_err(|e| StoreError::Unavailable(describe(&e)))
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota_error(&e) {
                StoreError::Full
            } else {
                StoreError::WriteFailed(describe(&e))
            }
        })
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.storage
            .remove_item(key)
            .map_err(|e| StoreError::WriteFailed(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self
            .storage
            .length()
            .map_err(|e| StoreError::Unavailable(describe(&e)))?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Ok(Some(key)) = self.storage.key(i) {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Browsers name the quota error differently (Firefox's older name too).
fn is_quota_error(e: &JsValue) -> bool {
    e.dyn_ref::<web_sys::DomException>().is_some_and(|d| {
        matches!(
            d.name().as_str(),
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED"
        )
    })
}

/// A browser error in words.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<web_sys::DomException>()
        .map(|d| format!("{}: {}", d.name(), d.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser refused".into())
}
