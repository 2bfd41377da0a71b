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
    /// Storage cannot be used, for a reason the app names itself.
    #[error("This browser does not let Candour save answers ({0}).")]
    UnavailableBecause(StoreFault),
    /// A write failed, for a reason the app names itself.
    #[error("Saving failed: {0}.")]
    WriteFailedBecause(StoreFault),
}

/// A storage fault the app names itself, when the browser gives no words
/// of its own (those stay as data in [`StoreError::Unavailable`] and
/// [`StoreError::WriteFailed`]): typed, so that it is said from the locale
/// files. What it carries (a table's name, a record id, a reader's words)
/// is data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreFault {
    /// The page has no window (a worker, or a page being torn down).
    #[error("no window")]
    NoWindow,
    /// The browser's storage is switched off.
    #[error("storage is turned off")]
    StorageTurnedOff,
    /// The browser has no IndexedDB.
    #[error("this browser has no IndexedDB")]
    NoIndexedDb,
    /// The database was asked for but did not open.
    #[error("the database did not open")]
    DatabaseDidNotOpen,
    /// The database did not answer in time.
    #[error("the browser's database did not answer")]
    DatabaseDidNotAnswer,
    /// The database refused, without saying why.
    #[error("the browser's database refused")]
    DatabaseRefused,
    /// The database failed a read, without saying why.
    #[error("the browser's database cannot be read")]
    DatabaseUnreadable,
    /// A save was cancelled, without a reason.
    #[error("the browser cancelled the save")]
    SaveCancelled,
    /// A table the database should have is missing.
    #[error("no table {0}")]
    NoTable(&'static str),
    /// A saved record read back different from what was written.
    #[error("record {0} did not read back as written")]
    NotReadBack(String),
    /// The research key kept on the tablet cannot be read (the reader's
    /// words).
    #[error("the research key kept on this tablet cannot be read ({0}); load the tablet setup file again")]
    ResearchKeyUnreadable(String),
    /// A new survey's draft would replace the only copy of the last one.
    #[error("the last survey is not saved yet, so this one cannot be")]
    LastSurveyNotSaved,
    /// The stored PIN hash cannot be read (the reader's words).
    #[error("the stored PIN is damaged ({0})")]
    PinDamaged(String),
    /// The stored recovery code's hash cannot be read (the reader's words).
    #[error("the stored recovery code is damaged ({0})")]
    RecoveryCodeDamaged(String),
    /// A new PIN read back different from what was written.
    #[error("the PIN did not read back as written")]
    PinNotReadBack,
    /// A new recovery code read back different from what was written.
    #[error("the recovery code did not read back as written")]
    RecoveryCodeNotReadBack,
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
            StoreError::UnavailableBecause(fault) => m.fill(
                "storage.error_unavailable",
                &[("detail", &fault.in_words(m))],
            ),
            StoreError::WriteFailedBecause(fault) => m.fill(
                "storage.error_write_failed",
                &[("detail", &fault.in_words(m))],
            ),
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

impl StoreFault {
    /// The fault in the language of `m`, worded to stand inside a
    /// [`StoreError`]'s sentence.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            StoreFault::NoWindow => m.get("storage.fault_no_window").to_owned(),
            StoreFault::StorageTurnedOff => m.get("storage.fault_turned_off").to_owned(),
            StoreFault::NoIndexedDb => m.get("storage.fault_no_indexed_db").to_owned(),
            StoreFault::DatabaseDidNotOpen => m.get("storage.fault_did_not_open").to_owned(),
            StoreFault::DatabaseDidNotAnswer => m.get("storage.fault_did_not_answer").to_owned(),
            StoreFault::DatabaseRefused => m.get("storage.fault_refused").to_owned(),
            StoreFault::DatabaseUnreadable => m.get("storage.fault_unreadable").to_owned(),
            StoreFault::SaveCancelled => m.get("storage.fault_save_cancelled").to_owned(),
            StoreFault::NoTable(name) => m.fill("storage.fault_no_table", &[("table", name)]),
            StoreFault::NotReadBack(id) => m.fill("storage.fault_not_read_back", &[("id", id)]),
            StoreFault::PinDamaged(detail) => {
                m.fill("storage.fault_pin_damaged", &[("detail", detail)])
            }
            StoreFault::RecoveryCodeDamaged(detail) => {
                m.fill("storage.fault_recovery_damaged", &[("detail", detail)])
            }
            StoreFault::PinNotReadBack => m.get("storage.fault_pin_not_read_back").to_owned(),
            StoreFault::RecoveryCodeNotReadBack => {
                m.get("storage.fault_recovery_not_read_back").to_owned()
            }
            StoreFault::ResearchKeyUnreadable(detail) => m.fill(
                "storage.fault_research_key_unreadable",
                &[("detail", detail)],
            ),
            StoreFault::LastSurveyNotSaved => {
                m.get("storage.fault_last_survey_not_saved").to_owned()
            }
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
