//! The record database over any [`RecordStore`]: the operations the app and
//! the researcher area need, each composed from the pure decisions of
//! [`candour_core::storage::plan`].
//!
//! The browser's IndexedDB service (`candour_tablet::services::records_db`)
//! performs the same steps asynchronously; this synchronous version runs
//! them over [`crate::memory_records::MemoryRecords`] in native tests.

use candour_core::record::ResponseRecord;
use candour_core::storage::flushed::after_outbox_commit;
use candour_core::storage::index::IndexEntry;
use candour_core::storage::journal_entry::JournalEntry;
use candour_core::storage::plan;
use candour_core::storage::quarantine::Quarantined;
use candour_core::storage::record_format::encode_record;
use candour_core::storage::records::{RecordStore, Table};
use candour_core::storage::repository::{Loaded, Repository};
use candour_core::storage::sequence::SEQUENCE_KEY;
use candour_core::storage::store::{KeyValueStore, StoreError, StoreFault};
use candour_core::storage::Flushed;
use candour_core::time::Timestamp;

/// Finished records, one value per record, with a rebuildable index.
#[derive(Debug, Clone)]
pub struct Archive<S> {
    /// The underlying store.
    pub store: S,
}

impl<S: RecordStore> Archive<S> {
    /// An archive over `store`.
    pub fn new(store: S) -> Self {
        Archive { store }
    }

    /// Stores `record` and its index entry in one transaction, then reads it
    /// back, so a write the store dropped or mangled is reported, not trusted.
    pub fn save(&mut self, record: &ResponseRecord) -> Result<(), StoreError> {
        self.store.commit(plan::save_record(record)?)?;
        let expected = encode_record(record).map_err(StoreError::WriteFailed)?;
        match self.store.get(Table::Records, &record.id)? {
            Some(back) if back == expected => Ok(()),
            _ => Err(StoreError::WriteFailedBecause(StoreFault::NotReadBack(
                record.id.clone(),
            ))),
        }
    }

    /// Whether a record with this id is stored (readable or not).
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        Ok(self.store.get(Table::Records, id)?.is_some())
    }

    /// How many records are stored, without reading them.
    pub fn count(&self) -> Result<usize, StoreError> {
        self.store.count(Table::Records)
    }

    /// One index entry per record, oldest first, rebuilding the index from
    /// the records when it cannot be trusted.
    pub fn list(&mut self, now: Timestamp) -> Result<Vec<IndexEntry>, StoreError> {
        let rows = self.store.get_all(Table::Index)?;
        if let Some(entries) = plan::read_index(&rows, self.count()?) {
            return Ok(entries);
        }
        let loaded = self.load_all(now)?;
        let keys: Vec<String> = rows.into_iter().map(|(k, _)| k).collect();
        self.store
            .commit(plan::rebuild_index(&loaded.records, &keys)?)?;
        Ok(loaded.records.iter().map(IndexEntry::of).collect())
    }

    /// Every readable record, oldest first, for export. Unreadable values are
    /// moved to the quarantine and reported with those found before; every
    /// other record still loads.
    pub fn load_all(&mut self, now: Timestamp) -> Result<Loaded, StoreError> {
        let read = plan::read_records(self.store.get_all(Table::Records)?, now);
        if !read.writes.is_empty() {
            // If the move fails (storage full), the values stay where they
            // are and are reported again next time: nothing is lost.
            let _ = self.store.commit(read.writes);
        }
        Ok(Loaded {
            records: read.records,
            quarantined: self.quarantined()?,
        })
    }

    /// Stamps `at` as the export time of each of `records` (as returned by
    /// [`Archive::load_all`]) not exported before. Returns how many.
    pub fn mark_exported(
        &mut self,
        records: &[ResponseRecord],
        at: Timestamp,
    ) -> Result<usize, StoreError> {
        let writes = plan::mark_exported(records, at)?;
        let marked = writes.len() / 2;
        self.store.commit(writes)?;
        Ok(marked)
    }

    /// Deletes the records `ids` (those shown to be safe elsewhere) and
    /// their index entries. Returns how many were stored.
    pub fn delete_records(&mut self, ids: &[String]) -> Result<usize, StoreError> {
        let mut present = Vec::with_capacity(ids.len());
        for id in ids {
            if self.contains(id)? {
                present.push(id.clone());
            }
        }
        self.store.commit(plan::delete_records(&present))?;
        Ok(present.len())
    }

    /// Every readable journal entry (the surveys in progress); unreadable
    /// ones are moved to the quarantine, and probes left behind removed.
    pub fn journal(&mut self, now: Timestamp) -> Result<Vec<JournalEntry>, StoreError> {
        let read = plan::read_journal(self.store.get_all(Table::Journal)?, now);
        if !read.writes.is_empty() {
            // If this fails, the values stay and are looked at next time.
            let _ = self.store.commit(read.writes);
        }
        Ok(read.entries)
    }

    /// Every quarantined value, raw.
    pub fn quarantined(&self) -> Result<Vec<Quarantined>, StoreError> {
        Ok(self
            .store
            .get_all(Table::Quarantine)?
            .into_iter()
            .map(|(key, raw)| Quarantined::decode(&key, &raw))
            .collect())
    }

    /// Moves every record of the `localStorage` outbox into the archive in
    /// one transaction, deleting their journal entries in it; only once it
    /// committed are the outbox entries (and a head holding a draft whose
    /// record is now stored) removed.
    pub fn flush_outbox<K: KeyValueStore>(
        &mut self,
        journal: &mut Repository<K>,
        now: Timestamp,
    ) -> Result<Flushed, StoreError> {
        let counter = self.store.get(Table::Meta, SEQUENCE_KEY)?;
        let mut plan = plan::flush_outbox(journal.outbox()?, now, counter.as_deref());
        if plan.done_keys.is_empty() {
            return Ok(Flushed::default());
        }
        self.store.commit(std::mem::take(&mut plan.writes))?;
        after_outbox_commit(journal, plan)
    }
}
