//! A key-value store in memory that can be told to fail, standing in for
//! the browser's `localStorage` in fault-injection tests.

use candour_core::storage::{KeyValueStore, StoreError};
use std::collections::BTreeMap;

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
