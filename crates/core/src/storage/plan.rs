//! Pure decisions about the record database: given what was read, which
//! writes to commit. Both the browser's IndexedDB service and the test
//! kit's native model of it (over an in-memory store) call these, so the
//! logic that decides what is kept, moved or quarantined is the same in tests
//! and in the app.

use crate::record::ResponseRecord;
use crate::storage::checksum::checksum;
use crate::storage::entry_format::{decode_stored, decode_stored_under, Stored};
use crate::storage::index::IndexEntry;
use crate::storage::quarantine::Quarantined;
use crate::storage::record_format::{check_key, decode_record, encode_record};
use crate::storage::records::{Table, Write};
use crate::storage::repository::RECORD_PREFIX;
use crate::storage::sequence;
use crate::storage::store::StoreError;
use crate::time::Timestamp;
use std::collections::BTreeSet;

mod entries;
mod journal;
pub use entries::{
    mark_entries_exported, migrate_legacy, read_stored, rebuild_index_stored, store_entry,
    Migration, ReadStored,
};
pub use journal::{drop_journal, read_journal, save_journal, store_finished, JournalRead};

/// The writes that store `record` (replacing any record with its id, so
/// storing it twice never makes two) and its index entry, together.
pub fn save_record(record: &ResponseRecord) -> Result<Vec<Write>, StoreError> {
    let value = encode_record(record).map_err(StoreError::WriteFailed)?;
    let entry = IndexEntry::of(record)
        .encode()
        .map_err(StoreError::WriteFailed)?;
    Ok(vec![
        Write::Put {
            table: Table::Records,
            key: record.id.clone(),
            value,
        },
        Write::Put {
            table: Table::Index,
            key: record.id.clone(),
            value: entry,
        },
    ])
}

/// The writes that delete the records `ids` and their index entries (the
/// records shown to be safe elsewhere; see [`crate::receipt`]).
pub fn delete_records<'a>(ids: impl IntoIterator<Item = &'a String>) -> Vec<Write> {
    ids.into_iter()
        .flat_map(|id| {
            [Table::Records, Table::Index].map(|table| Write::Delete {
                table,
                key: id.clone(),
            })
        })
        .collect()
}

/// What reading stored records found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadRecords {
    /// Every readable record, oldest first.
    pub records: Vec<ResponseRecord>,
    /// Values found unreadable now (they are moved by `writes`).
    pub quarantined: Vec<Quarantined>,
    /// Moves each unreadable value to the quarantine, raw, and removes it
    /// and its index entry, so it is reported once and never exported.
    pub writes: Vec<Write>,
}

/// The key an unreadable value is kept under in the quarantine table: where
/// it came from and a checksum of the value, so the same value set aside
/// twice (two tabs, or a retry) is kept once, and two different values
/// from the same place are both kept.
pub fn quarantine_key(origin: &str, raw: &str) -> String {
    format!("{origin}@{}", checksum(raw))
}

/// Sets aside an unreadable value found at `origin`: the value as it was,
/// with the reason, and the writes that put it in the quarantine table and
/// delete `from` (its table and key, and any entry that points at it). A
/// value that cannot even be encoded for the quarantine gets no writes: it
/// is left where it is, reported now, never deleted.
pub(crate) fn set_aside(
    origin: String,
    reason: String,
    raw: String,
    now: Timestamp,
    from: &[(Table, String)],
) -> (Quarantined, Vec<Write>) {
    let kept = Quarantined {
        key: origin,
        reason,
        raw,
        at: Some(now),
    };
    let mut writes = Vec::new();
    if let Ok(value) = kept.encode() {
        writes.push(Write::Put {
            table: Table::Quarantine,
            key: quarantine_key(&kept.key, &kept.raw),
            value,
        });
        writes.extend(from.iter().map(|(table, key)| Write::Delete {
            table: *table,
            key: key.clone(),
        }));
    }
    (kept, writes)
}

/// Reads `(id, value)` rows of the records table as clear records. One
/// unreadable value never stops the others: it is set aside with the
/// reason. Record entries (format 3) are left where they are, unread:
/// [`read_stored`] reads every format.
pub fn read_records(rows: Vec<(String, String)>, now: Timestamp) -> ReadRecords {
    let mut read = ReadRecords::default();
    for (id, raw) in rows {
        if matches!(decode_stored(&raw), Ok(Stored::Entry(_))) {
            continue;
        }
        match decode_record(&raw).and_then(|r| check_key(&r, &id).map(|()| r)) {
            Ok(record) => read.records.push(record),
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
    read.records
        .sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    read
}

/// Reads the index. `None` when it cannot be trusted (an entry unreadable,
/// or not one entry per record), meaning: rebuild it from the records.
pub fn read_index(rows: &[(String, String)], record_count: usize) -> Option<Vec<IndexEntry>> {
    if rows.len() != record_count {
        return None;
    }
    let mut entries = Vec::with_capacity(rows.len());
    for (id, raw) in rows {
        let entry = IndexEntry::decode(raw).ok()?;
        if &entry.id != id {
            return None;
        }
        entries.push(entry);
    }
    entries.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
    Some(entries)
}

/// The writes that make the index exactly one entry per readable record:
/// entries written for every record, stale ones (no record) removed.
pub fn rebuild_index(
    records: &[ResponseRecord],
    index_keys: &[String],
) -> Result<Vec<Write>, StoreError> {
    let ids: BTreeSet<&str> = records.iter().map(|r| r.id.as_str()).collect();
    let mut writes = Vec::with_capacity(records.len());
    for record in records {
        writes.push(Write::Put {
            table: Table::Index,
            key: record.id.clone(),
            value: IndexEntry::of(record)
                .encode()
                .map_err(StoreError::WriteFailed)?,
        });
    }
    for key in index_keys.iter().filter(|k| !ids.contains(k.as_str())) {
        writes.push(Write::Delete {
            table: Table::Index,
            key: key.clone(),
        });
    }
    Ok(writes)
}

/// The writes that stamp `at` as the export time of each of `records` not
/// exported before (the first export time is kept).
pub fn mark_exported(records: &[ResponseRecord], at: Timestamp) -> Result<Vec<Write>, StoreError> {
    stamp_exported(records, at, |r| &mut r.exported_at, save_record)
}

/// The writes `store` makes of each of `stored` not exported before, with
/// `at` stamped as its export time (`exported_at` finds it). One rule for
/// clear records ([`mark_exported`]) and entries ([`mark_entries_exported`]):
/// the first export time is kept, as it says when the answers first left
/// the tablet.
fn stamp_exported<T: Clone>(
    stored: &[T],
    at: Timestamp,
    exported_at: fn(&mut T) -> &mut Option<Timestamp>,
    store: fn(&T) -> Result<Vec<Write>, StoreError>,
) -> Result<Vec<Write>, StoreError> {
    let mut writes = Vec::new();
    for value in stored {
        let mut marked = value.clone();
        let time = exported_at(&mut marked);
        if time.is_none() {
            *time = Some(at);
            writes.extend(store(&marked)?);
        }
    }
    Ok(writes)
}

/// What moving the outbox into the record database will do.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutboxPlan {
    /// The writes to commit, in one transaction.
    pub writes: Vec<Write>,
    /// The outbox keys to remove once (and only once) the writes committed.
    pub done_keys: Vec<String>,
    /// The ids of the records moved.
    pub ids: Vec<String>,
    /// Outbox values that could not be read, moved to the quarantine.
    pub quarantined: Vec<Quarantined>,
    /// The highest sequence number among the entries moved (0: none).
    pub highest_sequence: u64,
}

/// Plans moving `(key, value)` rows of the `localStorage` outbox (keys
/// `candour:record:<id>`, any record format) into the record database, each
/// with the deletion of its survey's journal entry ([`store_finished`]). The
/// outbox holds finished records that are not yet in IndexedDB: records
/// written by the first build (format 1) and records whose IndexedDB write
/// had not completed when the page went away.
pub fn flush_outbox(
    rows: Vec<(String, String)>,
    now: Timestamp,
    counter: Option<&str>,
) -> OutboxPlan {
    let mut plan = OutboxPlan::default();
    for (key, raw) in rows {
        let Some(id) = key.strip_prefix(RECORD_PREFIX) else {
            continue;
        };
        let decoded = decode_stored_under(id, &raw);
        let planned = decoded.and_then(|stored| match stored {
            Stored::Entry(entry) => {
                plan.highest_sequence = plan.highest_sequence.max(entry.header.sequence);
                let mut writes = entries::put_entry(&entry).map_err(|e| e.to_string())?;
                writes.extend(journal::drop_journal([&entry.header.id]));
                Ok((entry.header.id, writes))
            }
            Stored::Legacy(r) => store_finished(&r)
                .map(|w| (r.id, w))
                .map_err(|e| e.to_string()),
        });
        match planned {
            Ok((id, writes)) => {
                plan.writes.extend(writes);
                plan.ids.push(id);
            }
            Err(reason) => {
                // Nothing to delete: the outbox key goes once the writes
                // committed, with `done_keys`.
                let (kept, writes) = set_aside(key.clone(), reason, raw, now, &[]);
                if writes.is_empty() {
                    continue; // left in the outbox: reported again next time
                }
                plan.writes.extend(writes);
                plan.quarantined.push(kept);
            }
        }
        plan.done_keys.push(key);
    }
    if plan.highest_sequence > 0 {
        // Never lowers the counter: a later record may already be stored.
        match sequence::bump(sequence::highest_issued(counter, plan.highest_sequence)) {
            Ok(write) => plan.writes.push(write),
            Err(_) => return OutboxPlan::default(),
        }
    }
    plan
}
