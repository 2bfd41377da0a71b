//! The narrow storage interface the core saves through, and an in-memory
//! implementation with fault injection for native tests.

use crate::messages::Messages;
use std::collections::BTreeMap;
use thiserror::Error;

/// Why storage refused a read or write, in words staff and researchers can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The browser's storage for this app is full.
    #[error("The tablet's storage is full, so nothing more can be saved.")]
    Full,
    /// Storage cannot be used at all (turned off, or a private window).
    #[error("This browser does not let Candour save answers ({0}).")]
    Unavailable(String),
    /// A write failed for another reason.
    #[error("Saving failed: {0}.")]
    WriteFailed(String),
}

impl StoreError {
    /// The error in the language of `m` (in English, exactly the text of
    /// `Display`). The browser's own words, when there are any, stay as
    /// they came: they are for whoever looks into the fault.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            StoreError::Full => m.get("storage.error_full").to_owned(),
            StoreError::Unavailable(detail) => {
                m.fill("storage.error_unavailable", &[("detail", detail)])
            }
            StoreError::WriteFailed(detail) => {
                m.fill("storage.error_write_failed", &[("detail", detail)])
            }
        }
    }

    /// The calm message a participant is shown when a save fails. Full
    /// storage needs no technical detail: staff are asked for, and the
    /// researcher area says why.
    pub fn for_participant(&self, m: &Messages) -> String {
        match self {
            StoreError::Full => m.get("storage.full").to_owned(),
            _ => format!("{} ({})", m.get("storage.failed"), self.in_words(m)),
        }
    }

    /// The message on the start screen, which is blocked, for staff.
    pub fn for_staff(&self, m: &Messages) -> String {
        match self {
            StoreError::Full => m.get("storage.full_staff").to_owned(),
            _ => format!("{} {}", m.get("storage.unavailable"), self.in_words(m)),
        }
    }
}

/// A string key-value store: the browser's storage in the app, memory in tests.
pub trait KeyValueStore {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (nothing happens if it is absent).
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    /// Every key present, in no particular order.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store that can be told to fail, for fault-injection tests.
#[derive(Debug, Default, Clone)]
pub struct MemoryStore {
    /// The stored values.
    pub values: BTreeMap<String, String>,
    /// When set, the total bytes of keys and values may not exceed this.
    pub quota_bytes: Option<usize>,
    /// When set to N, every Nth write fails.
    pub fail_every_nth_write: Option<usize>,
    writes: usize,
}

impl MemoryStore {
    /// An empty store with no limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes used by keys and values.
    pub fn used_bytes(&self) -> usize {
        self.values.iter().map(|(k, v)| k.len() + v.len()).sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.values.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writes += 1;
        if self
            .fail_every_nth_write
            .is_some_and(|n| n > 0 && self.writes.is_multiple_of(n))
        {
            return Err(StoreError::WriteFailed("injected failure".into()));
        }
        if let Some(quota) = self.quota_bytes {
            let replaced = self.values.get(key).map_or(0, |v| key.len() + v.len());
            if self.used_bytes() - replaced + key.len() + value.len() > quota {
                return Err(StoreError::Full);
            }
        }
        self.values.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.values.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.values.keys().cloned().collect())
    }
}
