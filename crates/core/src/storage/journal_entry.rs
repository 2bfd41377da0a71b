//! One entry of the journal of surveys in progress, as stored.
//!
//! The database's `journal` table holds one entry per survey in progress,
//! keyed by its id; `localStorage`'s `candour:draft` holds the newest entry
//! written (the "head"), which may also say that no survey is in progress.
//! Every entry carries a revision number that only grows on a device, so
//! start-up can tell which of the two copies is newer without trusting any
//! clock.

use crate::storage::envelope::{open, seal};
use crate::survey::Draft;
use serde::{Deserialize, Serialize};

/// The survey in progress at one revision, or that none is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Counted up at every write on this device.
    pub rev: u64,
    /// The survey in progress; `None` in a head written when a survey
    /// ended without a record (left before consent).
    pub draft: Option<Draft>,
    /// Surveys that ended without a record whose database entry may not be
    /// deleted yet: start-up ignores (and deletes) their entries. Only in
    /// the `localStorage` head.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ended: Vec<String>,
}

impl JournalEntry {
    /// Writes the entry in a versioned envelope (`kind` "journal", format 1).
    pub fn encode(&self) -> Result<String, String> {
        seal("journal", self)
    }

    /// Reads an entry; a bare draft written by earlier builds (`kind`
    /// "draft", no revision) reads as revision 0, older than anything
    /// written since.
    pub fn decode(raw: &str) -> Result<JournalEntry, String> {
        open::<JournalEntry>("journal", raw).or_else(|journal_error| {
            if !journal_error.starts_with("holds a draft") {
                return Err(journal_error);
            }
            open::<Draft>("draft", raw).map(|draft| JournalEntry {
                rev: 0,
                draft: Some(draft),
                ended: Vec::new(),
            })
        })
    }

    /// The id of the survey it holds.
    pub fn id(&self) -> Option<&str> {
        self.draft.as_ref().map(|d| d.id.as_str())
    }
}
