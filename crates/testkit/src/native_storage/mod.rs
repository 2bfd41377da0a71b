//! The app's storage steps run synchronously over the in-memory stores, so
//! that native tests can drive start-up, sending and export through the
//! same pure decisions ([`candour_core::storage::plan`] and
//! [`candour_core::storage::carry_out`]) the browser's IndexedDB service
//! takes asynchronously. Only tests use them, so they live here.

pub mod archive;
pub mod boot;
pub mod outbox;

pub use archive::Archive;
pub use boot::{boot, Boot};
pub use outbox::outbox_records;
