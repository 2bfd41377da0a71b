//! A record store in memory that can be told to fail, standing in for the
//! browser's IndexedDB in fault-injection tests.

use candour_core::storage::{RecordStore, StoreError, Table, Write};
use std::collections::BTreeMap;

/// An in-memory record store that can be told to fail, for fault-injection
/// tests.
#[derive(Debug, Default, Clone)]
pub struct MemoryRecords {
    /// The stored values, per table.
    pub tables: BTreeMap<Table, BTreeMap<String, String>>,
    /// When set, the total bytes of keys and values may not exceed this;
    /// a commit that would exceed it fails whole with [`StoreError::Full`].
    pub quota_bytes: Option<usize>,
    /// When set to N, every Nth commit fails whole.
    pub fail_every_nth_commit: Option<usize>,
    /// When set, every read fails with this error (storage gone).
    pub fail_reads: Option<StoreError>,
    commits: usize,
}

impl MemoryRecords {
    /// An empty store with no limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Bytes used by keys and values.
    pub fn used_bytes(&self) -> usize {
        self.tables
            .values()
            .flat_map(|t| t.iter())
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }

    /// Replaces a value directly, bypassing every check: corruption by hand.
    pub fn corrupt(&mut self, table: Table, key: &str, value: &str) {
        self.tables
            .entry(table)
            .or_default()
            .insert(key.to_owned(), value.to_owned());
    }

    fn check_read(&self) -> Result<(), StoreError> {
        match &self.fail_reads {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl RecordStore for MemoryRecords {
    fn get(&self, table: Table, key: &str) -> Result<Option<String>, StoreError> {
        self.check_read()?;
        Ok(self.tables.get(&table).and_then(|t| t.get(key)).cloned())
    }

    fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StoreError> {
        self.check_read()?;
        Ok(self
            .tables
            .get(&table)
            .map(|t| t.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default())
    }

    fn count(&self, table: Table) -> Result<usize, StoreError> {
        self.check_read()?;
        Ok(self.tables.get(&table).map_or(0, BTreeMap::len))
    }

    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.commits += 1;
        if self
            .fail_every_nth_commit
            .is_some_and(|n| n > 0 && self.commits.is_multiple_of(n))
        {
            return Err(StoreError::WriteFailed("injected failure".into()));
        }
        // Applied to a copy first: a transaction that fails leaves nothing.
        let mut next = self.tables.clone();
        for write in writes {
            match write {
                Write::Put { table, key, value } => {
                    next.entry(table).or_default().insert(key, value);
                }
                Write::Delete { table, key } => {
                    if let Some(t) = next.get_mut(&table) {
                        t.remove(&key);
                    }
                }
                Write::Clear { table } => {
                    next.remove(&table);
                }
            }
        }
        if let Some(quota) = self.quota_bytes {
            let used: usize = next
                .values()
                .flat_map(|t| t.iter())
                .map(|(k, v)| k.len() + v.len())
                .sum();
            // Like a browser, a commit that frees space always succeeds.
            if used > quota && used > self.used_bytes() {
                return Err(StoreError::Full);
            }
        }
        self.tables = next;
        Ok(())
    }
}
