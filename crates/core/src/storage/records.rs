//! The narrow interface finished records are stored through (IndexedDB in
//! the app), and an in-memory implementation with fault injection for
//! native tests.
//!
//! It is synchronous on purpose: the decisions (what to write, what to
//! quarantine, when the index is stale) are pure functions in
//! [`crate::storage::plan`] that both this trait's users and the
//! browser's asynchronous IndexedDB service call, so the same logic is
//! tested natively and runs in the app.

use crate::storage::store::StoreError;
use std::collections::BTreeMap;

/// The tables (IndexedDB object stores) of the record database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// One value per record, keyed by the record's id.
    Records,
    /// One small [`crate::storage::index::IndexEntry`] per record,
    /// keyed by id, rebuilt from `Records` when it disagrees.
    Index,
    /// Values that could not be read, kept raw.
    Quarantine,
    /// The journal of surveys in progress: one
    /// [`crate::storage::journal_entry::JournalEntry`] per survey, keyed by
    /// its id, rewritten at every answer and deleted in the same
    /// transaction that stores the survey's record.
    Journal,
    /// Small values about the tablet's records as a whole, keyed by name:
    /// the sequence counter ([`crate::storage::sequence`]), written in the
    /// same transaction as each record it numbers.
    Meta,
}

impl Table {
    /// Every table, in the order they are created.
    pub const ALL: [Table; 5] = [
        Table::Records,
        Table::Index,
        Table::Quarantine,
        Table::Journal,
        Table::Meta,
    ];

    /// The object store's name.
    pub fn name(self) -> &'static str {
        match self {
            Table::Records => "records",
            Table::Index => "index",
            Table::Quarantine => "quarantine",
            Table::Journal => "journal",
            Table::Meta => "meta",
        }
    }
}

/// One change of a batch that is committed all at once or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Write {
    /// Store `value` under `key`, replacing what was there.
    Put {
        /// Which table.
        table: Table,
        /// The key.
        key: String,
        /// The value, as text.
        value: String,
    },
    /// Remove `key` (nothing happens if it is absent).
    Delete {
        /// Which table.
        table: Table,
        /// The key.
        key: String,
    },
    /// Remove every key of `table`.
    Clear {
        /// Which table.
        table: Table,
    },
}

/// A transactional store of text values in a few tables.
pub trait RecordStore {
    /// The value under `key`, if any.
    fn get(&self, table: Table, key: &str) -> Result<Option<String>, StoreError>;
    /// Every `(key, value)` of `table`, in key order.
    fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StoreError>;
    /// How many keys `table` holds.
    fn count(&self, table: Table) -> Result<usize, StoreError>;
    /// Applies every write, or none of them (one IndexedDB transaction).
    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError>;
}

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
