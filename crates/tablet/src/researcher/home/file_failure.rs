//! Why a panel that reads a picked file and then the tablet's storage
//! could not finish: the file could not be read, or storage refused.
//! Nothing was changed either way.

use candour_core::messages::Messages;
use candour_core::storage::StoreError;
use candour_web::file_pick::PickError;
use thiserror::Error;

/// A picked file that could not be read, or storage that refused.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FileFailure {
    /// The file could not be read (or the browser gave no list of files).
    #[error("{0}")]
    Pick(#[from] PickError),
    /// Storage refused a read or a write.
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl FileFailure {
    /// The failure in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            FileFailure::Pick(e) => e.in_words(m),
            FileFailure::Store(e) => e.in_words(m),
        }
    }
}
