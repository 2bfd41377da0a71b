//! Saving and loading drafts, records and settings, each value in a
//! versioned envelope under its own key, so that one unreadable value never
//! takes the others with it.
//!
//! Two stores, each for what it does best (see README, "Storage and data
//! safety"):
//!
//! - a [`RecordStore`] (IndexedDB in the app): every finished record, one
//!   value per record, with an index rebuilt from the records when needed,
//!   and the journal of surveys in progress ([`plan`], [`journal`]);
//! - a [`KeyValueStore`] (`localStorage` in the app): the settings, and the
//!   synchronous fallback copies: the journal's head, rewritten at every
//!   answer, and the outbox of finished records not yet confirmed in the
//!   database ([`Repository`]).

pub mod carry_out;
pub mod checksum;
pub mod entry_format;
pub mod envelope;
pub mod finish;
pub mod flushed;
pub mod index;
pub mod instruments;
pub mod journal;
pub mod journal_entry;
pub mod plan;
pub mod probe;
pub mod quarantine;
pub mod record_format;
pub mod records;
pub mod recover;
pub mod repository;
pub mod research_key_store;
pub mod sequence;
pub mod store;

pub use carry_out::{
    after_recovery_commit, after_recovery_entry_commit, recovery_entry_writes, recovery_writes,
    RecoveryEntries,
};
pub use entry_format::{DamagedEntry, Stored, StoredEntry};
pub use finish::EntryMaker;
pub use flushed::Flushed;
pub use index::IndexEntry;
pub use journal_entry::JournalEntry;
pub use quarantine::Quarantined;
pub use records::{RecordStore, Table, Write};
pub use recover::{plan_recovery, Recovery, RecoveryPlan};
pub use repository::{Loaded, Repository};
pub use store::{KeyValueStore, StoreError, StoreFault};
