//! The tablet's sequence counter: every record finished on this tablet gets
//! the next number, 1, 2, 3, …, never reused and never reset, so that the
//! researcher can tell which records are missing from the files they hold.
//!
//! The counter is one value in the database's `meta` table, written in the
//! same transaction as the record it numbered
//! ([`crate::storage::plan::store_entry`]). Deleting records (once they
//! are safe elsewhere) never lowers it. When the counter is missing (a
//! database of an earlier build) or unreadable, the next number is still
//! above every number stored, so no stored number is given twice; numbers
//! of records already deleted could then be given again, which the
//! workbench reports as reused numbers rather than hiding it.

use crate::storage::envelope::{open, seal};
use crate::storage::records::{Table, Write};
use crate::storage::store::StoreError;
use serde::{Deserialize, Serialize};

/// The counter's key in [`Table::Meta`].
pub const SEQUENCE_KEY: &str = "sequence";

/// The highest number given so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceCounter {
    /// The last sequence number given to a record (0: none yet).
    pub last: u64,
}

impl SequenceCounter {
    /// Reads the stored counter; `None` when absent, `Err` when unreadable.
    pub fn decode(raw: Option<&str>) -> Result<Option<Self>, String> {
        raw.map(|raw| open("sequence", raw)).transpose()
    }

    /// The counter as stored.
    pub fn encode(&self) -> Result<String, String> {
        seal("sequence", self)
    }
}

/// The highest number this tablet has given, from the stored counter (its
/// raw value, if any) and the highest number among the stored records.
pub fn highest_issued(counter: Option<&str>, highest_stored: u64) -> u64 {
    match SequenceCounter::decode(counter) {
        Ok(Some(c)) => c.last.max(highest_stored),
        // Missing or unreadable: never below a number still stored.
        Ok(None) | Err(_) => highest_stored,
    }
}

/// The number the next record gets.
pub fn next_sequence(counter: Option<&str>, highest_stored: u64) -> u64 {
    highest_issued(counter, highest_stored).saturating_add(1)
}

/// The write that records `sequence` as the last number given.
pub fn bump(sequence: u64) -> Result<Write, StoreError> {
    Ok(Write::Put {
        table: Table::Meta,
        key: SEQUENCE_KEY.to_owned(),
        value: SequenceCounter { last: sequence }
            .encode()
            .map_err(StoreError::WriteFailed)?,
    })
}
