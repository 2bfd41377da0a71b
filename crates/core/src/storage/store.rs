//! The narrow storage interface the core saves through (an in-memory
//! implementation with fault injection is in the test kit).

use crate::messages::Messages;
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
