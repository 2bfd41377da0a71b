//! The index: one small entry per stored record, so that the researcher
//! area can list and count records without reading every answer.
//!
//! The index holds nothing that is not in the records: it is written in the
//! same transaction as its record, and rebuilt from the records whenever it
//! disagrees with them (a missing or unreadable entry), so it can never be
//! the only copy of anything.

use crate::record::{ResponseRecord, Status};
use crate::storage::entry_format::{Stored, StoredEntry};
use crate::storage::envelope::{open, seal};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What the index keeps of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// The record's id.
    pub id: String,
    /// How the survey ended.
    pub status: Status,
    /// When staff started it.
    pub started_at: Timestamp,
    /// When it ended.
    pub ended_at: Timestamp,
    /// When it was first exported, if it was.
    #[serde(default)]
    pub exported_at: Option<Timestamp>,
    /// The record's sequence number on this tablet (absent for a clear
    /// record of an earlier build not yet numbered).
    #[serde(default)]
    pub sequence: Option<u64>,
    /// Whether the record is sealed to the research key.
    #[serde(default)]
    pub sealed: bool,
}

impl IndexEntry {
    /// The entry of `record`.
    pub fn of(record: &ResponseRecord) -> Self {
        IndexEntry {
            id: record.id.clone(),
            status: record.status,
            started_at: record.started_at,
            ended_at: record.ended_at,
            exported_at: record.exported_at,
            sequence: None,
            sealed: false,
        }
    }

    /// The entry of a stored record entry, from its clear header only.
    pub fn of_entry(entry: &StoredEntry) -> Self {
        IndexEntry {
            id: entry.header.id.clone(),
            status: entry.header.status,
            started_at: entry.header.started_at,
            ended_at: entry.header.ended_at,
            exported_at: entry.exported_at,
            sequence: Some(entry.header.sequence),
            sealed: entry.sealed,
        }
    }

    /// The entry of any stored value.
    pub fn of_stored(stored: &Stored) -> Self {
        match stored {
            Stored::Entry(e) => IndexEntry::of_entry(e),
            Stored::Legacy(r) => IndexEntry::of(r),
        }
    }

    /// Writes the entry in a versioned envelope (`kind` "index", format 1).
    pub fn encode(&self) -> Result<String, String> {
        seal("index", self)
    }

    /// Reads an entry written by [`IndexEntry::encode`].
    pub fn decode(raw: &str) -> Result<Self, String> {
        open("index", raw)
    }
}
