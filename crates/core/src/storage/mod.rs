//! Saving and loading drafts, records and settings, each value in a
//! versioned envelope under its own key, so that one unreadable value never
//! takes the others with it.
//!
//! Two stores, each for what it does best (see README, "Storage and data
//! safety"):
//!
//! - a [`KeyValueStore`] (`localStorage` in the app): the draft, rewritten
//!   synchronously at every answer, the settings, and the outbox of
//!   finished records waiting to be moved ([`Repository`], [`journal`]);
//! - a [`RecordStore`] (IndexedDB in the app): every finished record, one
//!   value per record, with an index rebuilt from the records when needed
//!   ([`Archive`], [`plan`]).

pub mod archive;
pub mod boot;
pub mod checksum;
pub mod envelope;
pub mod index;
pub mod instruments;
pub mod journal;
pub mod plan;
pub mod quarantine;
pub mod record_format;
pub mod records;
pub mod recover;
pub mod repository;
pub mod store;

pub use archive::{Archive, Flushed};
pub use boot::{boot, Boot};
pub use index::IndexEntry;
pub use quarantine::Quarantined;
pub use records::{MemoryRecords, RecordStore, Table, Write};
pub use recover::{recover_draft, Recovery};
pub use repository::{Loaded, Repository};
pub use store::{KeyValueStore, MemoryStore, StoreError};
