//! Saving and loading drafts, records and settings through a
//! [`KeyValueStore`], each value in a versioned envelope under its own key,
//! so that one unreadable value never takes the others with it.

pub mod envelope;
pub mod recover;
pub mod repository;
pub mod store;

pub use recover::{recover_draft, Recovery};
pub use repository::{Loaded, Quarantined, Repository};
pub use store::{KeyValueStore, MemoryStore, StoreError};
