//! The plans of the journal of surveys in progress: storing a finished
//! record together with the deletion of its journal entry, keeping an
//! entry, dropping entries, and reading the table.

use super::{save_record, set_aside};
use crate::record::ResponseRecord;
use crate::storage::journal_entry::JournalEntry;
use crate::storage::probe::PROBE_PREFIX;
use crate::storage::quarantine::Quarantined;
use crate::storage::records::{Table, Write};
use crate::storage::store::StoreError;
use crate::time::Timestamp;

/// The writes that store a finished `record`: the record and its index
/// entry, and the deletion of its survey's journal entry, in one
/// transaction, so the answers are in the database as a draft or as a
/// record at every moment, never both and never neither.
///
/// This is the one place a finished record is turned into what is stored.
pub fn store_finished(record: &ResponseRecord) -> Result<Vec<Write>, StoreError> {
    let mut writes = save_record(record)?;
    writes.push(Write::Delete {
        table: Table::Journal,
        key: record.id.clone(),
    });
    Ok(writes)
}

/// The write that keeps `entry` (which must hold a survey) as its
/// survey's journal entry, replacing the one before.
pub fn save_journal(entry: &JournalEntry) -> Result<Vec<Write>, StoreError> {
    let Some(id) = entry.id() else {
        return Ok(Vec::new());
    };
    let stored = JournalEntry {
        ended: Vec::new(),
        ..entry.clone()
    };
    Ok(vec![Write::Put {
        table: Table::Journal,
        key: id.to_owned(),
        value: stored.encode().map_err(StoreError::WriteFailed)?,
    }])
}

/// The writes that delete the journal entries of `ids`.
pub fn drop_journal<'a>(ids: impl IntoIterator<Item = &'a String>) -> Vec<Write> {
    ids.into_iter()
        .map(|id| Write::Delete {
            table: Table::Journal,
            key: id.clone(),
        })
        .collect()
}

/// What reading the journal table found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JournalRead {
    /// Every readable entry.
    pub entries: Vec<JournalEntry>,
    /// Moves unreadable entries to the quarantine, and removes storage
    /// probes a closed page left behind.
    pub writes: Vec<Write>,
    /// Entries found unreadable.
    pub quarantined: Vec<Quarantined>,
}

/// Reads `(key, value)` rows of the journal table.
pub fn read_journal(rows: Vec<(String, String)>, now: Timestamp) -> JournalRead {
    let mut read = JournalRead::default();
    for (key, raw) in rows {
        if key.starts_with(PROBE_PREFIX) {
            read.writes.push(Write::Delete {
                table: Table::Journal,
                key,
            });
            continue;
        }
        let entry = JournalEntry::decode(&raw).and_then(|e| match e.id() {
            Some(id) if id == key => Ok(e),
            Some(id) => Err(format!("stored under {key} but holds survey {id}")),
            None => Err("holds no survey".to_owned()),
        });
        match entry {
            Ok(entry) => read.entries.push(entry),
            Err(reason) => {
                let (kept, writes) = set_aside(
                    format!("journal/{key}"),
                    reason,
                    raw,
                    now,
                    &[(Table::Journal, key)],
                );
                read.writes.extend(writes);
                read.quarantined.push(kept);
            }
        }
    }
    read
}
