//! The narrow interface finished records are stored through (IndexedDB in
//! the app; an in-memory implementation with fault injection is in the
//! test kit).
//!
//! It is synchronous on purpose: the decisions (what to write, what to
//! quarantine, when the index is stale) are pure functions in
//! [`crate::storage::plan`] that both this trait's users and the
//! browser's asynchronous IndexedDB service call, so the same logic is
//! tested natively and runs in the app.

use crate::storage::store::StoreError;

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
