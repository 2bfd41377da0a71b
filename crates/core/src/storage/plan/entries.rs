//! The plans for record entries (issue 14): storing a sealed (or clear)
//! entry together with its number and the deletion of its draft, reading
//! the records table in any format, numbering the clear records of earlier
//! builds, and marking entries exported without touching their text.

use super::set_aside;
use crate::export::export_record;
use crate::hash::content_hash;
use crate::instrument::Instrument;
use crate::record::ResponseRecord;
use crate::seal::RecordEntry;
use crate::storage::entry_format::{decode_stored_under, encode_entry, Stored, StoredEntry};
use crate::storage::index::IndexEntry;
use crate::storage::quarantine::Quarantined;
use crate::storage::records::{Table, Write};
use crate::storage::sequence::bump;
use crate::storage::store::StoreError;
use crate::time::Timestamp;
use std::collections::HashMap;

/// The writes that put `entry` and its index entry (replacing any value
/// with its id, so storing it twice never makes two).
pub(super) fn put_entry(entry: &StoredEntry) -> Result<Vec<Write>, StoreError> {
    Ok(vec![
        Write::Put {
            table: Table::Records,
            key: entry.header.id.clone(),
            value: encode_entry(entry).map_err(StoreError::WriteFailed)?,
        },
        Write::Put {
            table: Table::Index,
            key: entry.header.id.clone(),
            value: IndexEntry::of_entry(entry)
                .encode()
                .map_err(StoreError::WriteFailed)?,
        },
    ])
}

/// The writes that store a finished record's entry: the entry and its
/// index entry, the sequence counter raised to the entry's number, and
/// the deletion of its survey's journal entry (the draft), all in one
/// transaction: the answers are stored as a draft or as an entry at every
/// moment, never both and never neither, and a number is spent only with
/// the record that carries it. `entry`'s number must come from
/// [`crate::storage::sequence::next_sequence`].
pub fn store_entry(entry: &RecordEntry) -> Result<Vec<Write>, StoreError> {
    let stored = StoredEntry::new(entry).map_err(StoreError::WriteFailed)?;
    let mut writes = put_entry(&stored)?;
    writes.push(bump(stored.header.sequence)?);
    writes.push(Write::Delete {
        table: Table::Journal,
        key: stored.header.id.clone(),
    });
    Ok(writes)
}

/// What reading the records table found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadStored {
    /// Every readable entry, in sequence order.
    pub entries: Vec<StoredEntry>,
    /// Clear records of earlier builds not yet numbered, oldest first.
    pub legacy: Vec<ResponseRecord>,
    /// Values found unreadable now (moved by `writes`).
    pub quarantined: Vec<Quarantined>,
    /// Moves each unreadable value to the quarantine.
    pub writes: Vec<Write>,
}

impl ReadStored {
    /// The highest sequence number among the stored entries (0: none).
    pub fn highest_sequence(&self) -> u64 {
        self.entries
            .iter()
            .map(|e| e.header.sequence)
            .max()
            .unwrap_or(0)
    }
}

/// Reads `(id, value)` rows of the records table, of any record format.
/// One unreadable value never stops the others: it is set aside with the
/// reason, as [`super::read_records`] does.
pub fn read_stored(rows: Vec<(String, String)>, now: Timestamp) -> ReadStored {
    let mut read = ReadStored::default();
    for (id, raw) in rows {
        let decoded = decode_stored_under(&id, &raw);
        match decoded {
            Ok(Stored::Entry(e)) => read.entries.push(e),
            Ok(Stored::Legacy(r)) => read.legacy.push(r),
            Err(reason) => {
                let (kept, writes) = set_aside(
                    format!("records/{id}"),
                    reason,
                    raw,
                    now,
                    &[(Table::Records, id.clone()), (Table::Index, id)],
                );
                read.writes.extend(writes);
                read.quarantined.push(kept);
            }
        }
    }
    read.entries.sort_by_key(|e| e.header.sequence);
    read.legacy
        .sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    read
}

/// Numbering the clear records of an earlier build.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Migration {
    /// The entries the records become (clear, numbered, with their export
    /// time kept).
    pub entries: Vec<StoredEntry>,
    /// Records whose questionnaire is not stored: they stay as they are
    /// (still counted, exported in clear by id, deletable) and are tried
    /// again at the next start.
    pub kept: Vec<ResponseRecord>,
    /// Replaces each migrated record by its entry, under the same key, and
    /// raises the counter: one transaction.
    pub writes: Vec<Write>,
}

/// Turns `legacy` records (oldest first) into clear entries numbered from
/// `highest_issued + 1`, each in its export form on its own questionnaire
/// (found by hash among `instruments`). Nothing is lost: the entry holds the
/// record exactly as the export writes it, and a record that cannot be
/// turned is kept.
pub fn migrate_legacy(
    legacy: &[ResponseRecord],
    instruments: &[&Instrument],
    highest_issued: u64,
) -> Result<Migration, StoreError> {
    let by_hash: HashMap<String, &Instrument> =
        instruments.iter().map(|i| (content_hash(i), *i)).collect();
    let mut migration = Migration::default();
    let mut sequence = highest_issued;
    for record in legacy {
        let Some(exported) = by_hash
            .get(&record.instrument.hash)
            .and_then(|i| export_record(record, i).ok())
        else {
            migration.kept.push(record.clone());
            continue;
        };
        sequence += 1;
        let entry = RecordEntry::clear(exported, sequence);
        let mut stored = StoredEntry::new(&entry).map_err(StoreError::WriteFailed)?;
        stored.exported_at = record.exported_at;
        migration.writes.extend(put_entry(&stored)?);
        migration.entries.push(stored);
    }
    if sequence > highest_issued {
        migration.writes.push(bump(sequence)?);
    }
    Ok(migration)
}

/// The writes that stamp `at` as the export time of each of `entries` not
/// exported before (the first export time is kept); the entries' text, and
/// so their digests, are unchanged.
pub fn mark_entries_exported(
    entries: &[StoredEntry],
    at: Timestamp,
) -> Result<Vec<Write>, StoreError> {
    super::stamp_exported(entries, at, |e| &mut e.exported_at, put_entry)
}

/// The writes that make the index exactly one entry per readable value of
/// the records table, entries and clear records of earlier builds alike
/// (see [`super::rebuild_index`]).
pub fn rebuild_index_stored(
    read: &ReadStored,
    index_keys: &[String],
) -> Result<Vec<Write>, StoreError> {
    let mut writes = super::rebuild_index(&read.legacy, &[])?;
    for entry in &read.entries {
        writes.push(Write::Put {
            table: Table::Index,
            key: entry.header.id.clone(),
            value: IndexEntry::of_entry(entry)
                .encode()
                .map_err(StoreError::WriteFailed)?,
        });
    }
    let ids: std::collections::BTreeSet<&str> = read
        .entries
        .iter()
        .map(|e| e.id())
        .chain(read.legacy.iter().map(|r| r.id.as_str()))
        .collect();
    for key in index_keys.iter().filter(|k| !ids.contains(k.as_str())) {
        writes.push(Write::Delete {
            table: Table::Index,
            key: key.clone(),
        });
    }
    Ok(writes)
}
