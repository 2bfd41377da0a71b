//! The stored responses, for the app and the researcher area: a narrow,
//! asynchronous API over IndexedDB whose every decision (what is written,
//! what is quarantined, when the index is rebuilt) is the tested core's
//! ([`candour_core::storage::plan`]); this file only sequences reads and
//! writes, exactly as the test kit's native model (`native_storage::Archive`) does.
//!
//! Example: `tests/browser/hook_examples.rs`, compiled and run with the
//! browser tests.

use crate::services::idb_store::{IdbStore, OpeningDb};
use crate::services::local_store::LocalStore;
use candour_core::record::ResponseRecord;
use candour_core::storage::index::IndexEntry;
use candour_core::storage::record_format::encode_record;
use candour_core::storage::research_key_store::{KeptResearchKey, RESEARCH_KEY_KEY};
use candour_core::storage::sequence::SEQUENCE_KEY;
use candour_core::storage::StoredEntry;
use candour_core::storage::{
    flushed::after_outbox_commit, plan, Flushed, JournalEntry, Loaded, Quarantined, Repository,
    StoreError, StoreFault, Table, Write,
};
use candour_core::time::Timestamp;

/// The database's name in this origin's IndexedDB.
pub const DB_NAME: &str = "candour";

/// The record database; cheap to clone (one shared connection).
#[derive(Clone, PartialEq)]
pub struct RecordsDb {
    store: IdbStore,
}

/// The record database being opened ([`RecordsDb::begin_open`]).
pub struct OpeningRecords(OpeningDb);

impl OpeningRecords {
    /// Waits until the record database is open.
    pub async fn finish(self) -> Result<RecordsDb, StoreError> {
        Ok(RecordsDb {
            store: self.0.finish().await?,
        })
    }
}

impl RecordsDb {
    /// Opens the app's record database.
    pub async fn open() -> Result<Self, StoreError> {
        Self::open_named(DB_NAME).await
    }

    /// Asks the browser to open the app's record database now; see
    /// [`IdbStore::begin_open`] (nothing may await before `finish`).
    pub fn begin_open() -> Result<OpeningRecords, StoreError> {
        Ok(OpeningRecords(IdbStore::begin_open(DB_NAME)?))
    }

    /// Opens the record database `name` (tests use their own).
    pub async fn open_named(name: &str) -> Result<Self, StoreError> {
        Ok(RecordsDb {
            store: IdbStore::open(name).await?,
        })
    }

    /// Stores `record` with its index entry in one durable transaction,
    /// then reads it back: `Ok` means it is on disk, as written.
    pub async fn save(&self, record: &ResponseRecord) -> Result<(), StoreError> {
        self.store.commit(plan::save_record(record)?).await?;
        let expected = encode_record(record).map_err(StoreError::WriteFailed)?;
        match self.store.get(Table::Records, &record.id).await? {
            Some(back) if back == expected => Ok(()),
            _ => Err(StoreError::WriteFailedBecause(StoreFault::NotReadBack(
                record.id.clone(),
            ))),
        }
    }

    /// Whether a record with this id is stored, without reading it.
    pub async fn contains(&self, id: &str) -> Result<bool, StoreError> {
        self.store.contains(Table::Records, id).await
    }

    /// How many records are stored, without reading them.
    pub async fn count(&self) -> Result<usize, StoreError> {
        self.store.count(Table::Records).await
    }

    /// One small entry per record (id, status, times, export time, and
    /// for record entries their number), oldest first, without reading any
    /// answer. When the index disagrees with the records it is rebuilt from
    /// them first (from clear headers only: nothing sealed is opened).
    pub async fn list(&self, now: Timestamp) -> Result<Vec<IndexEntry>, StoreError> {
        let rows = self.store.get_all(Table::Index).await?;
        if let Some(entries) = plan::read_index(&rows, self.count().await?) {
            return Ok(entries);
        }
        let read = self.load_stored(now).await?;
        let keys: Vec<String> = rows.into_iter().map(|(k, _)| k).collect();
        self.store
            .commit(plan::rebuild_index_stored(&read, &keys)?)
            .await?;
        let mut entries: Vec<IndexEntry> = read
            .legacy
            .iter()
            .map(IndexEntry::of)
            .chain(read.entries.iter().map(IndexEntry::of_entry))
            .collect();
        entries.sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
        Ok(entries)
    }

    /// Every readable value of the records table: record entries (sealed
    /// or clear, in sequence order) and clear records of earlier builds;
    /// unreadable values are moved to the quarantine now.
    pub async fn load_stored(&self, now: Timestamp) -> Result<plan::ReadStored, StoreError> {
        let mut read = plan::read_stored(self.store.get_all(Table::Records).await?, now);
        if !read.writes.is_empty() {
            // If the move fails, the values stay and are reported again.
            let _ = self.store.commit(std::mem::take(&mut read.writes)).await;
        }
        Ok(read)
    }

    /// A value of the `meta` table (the sequence counter, the research key).
    pub async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.get(Table::Meta, key).await
    }

    /// The highest sequence number this tablet has given (the counter, and
    /// never below a number the index lists).
    pub async fn highest_issued(&self, now: Timestamp) -> Result<u64, StoreError> {
        let counter = self.meta(SEQUENCE_KEY).await?;
        let listed = self
            .list(now)
            .await?
            .iter()
            .filter_map(|e| e.sequence)
            .max()
            .unwrap_or(0);
        Ok(candour_core::storage::sequence::highest_issued(
            counter.as_deref(),
            listed,
        ))
    }

    /// The research key kept on this tablet, if one was loaded. A kept
    /// value that cannot be read is an error: nothing is sealed to a
    /// guessed key, and staff are asked to load the setup file again.
    pub async fn research_key(&self) -> Result<Option<KeptResearchKey>, StoreError> {
        let raw = self.meta(RESEARCH_KEY_KEY).await?;
        KeptResearchKey::decode(raw.as_deref()).map_err(|e| {
            StoreError::WriteFailedBecause(StoreFault::ResearchKeyUnreadable(e.to_string()))
        })
    }

    /// Numbers the clear records of earlier builds, turning each into a
    /// clear entry on its own questionnaire (from `instruments`), in one
    /// transaction with the counter; returns the highest number given.
    /// Done when a research key is kept (at start-up and before a signed
    /// export), so a signed export lists every record. A record whose
    /// questionnaire is unknown stays as it is.
    pub async fn number_legacy(
        &self,
        instruments: &[&candour_core::instrument::Instrument],
        now: Timestamp,
    ) -> Result<u64, StoreError> {
        let highest = self.highest_issued(now).await?;
        let read = self.load_stored(now).await?;
        if read.legacy.is_empty() {
            return Ok(highest);
        }
        let migration = plan::migrate_legacy(&read.legacy, instruments, highest)?;
        if migration.writes.is_empty() {
            return Ok(highest);
        }
        self.store.commit(migration.writes).await?;
        Ok(migration
            .entries
            .iter()
            .map(|e| e.header.sequence)
            .max()
            .unwrap_or(highest))
    }

    /// Stamps `at` as the export time of each of `entries` not exported
    /// before; their text (and so their digest) is unchanged.
    pub async fn mark_entries_exported(
        &self,
        entries: &[StoredEntry],
        at: Timestamp,
    ) -> Result<usize, StoreError> {
        self.commit_marks(plan::mark_entries_exported(entries, at)?)
            .await
    }

    /// Every readable record, oldest first, for export, and every value
    /// that could not be read (newly found ones are moved to the quarantine
    /// now). One unreadable record never stops the others.
    pub async fn load_all(&self, now: Timestamp) -> Result<Loaded, StoreError> {
        let read = plan::read_records(self.store.get_all(Table::Records).await?, now);
        if !read.writes.is_empty() {
            // If the move fails (storage full), the values stay where they
            // are and are reported again next time: nothing is lost.
            let _ = self.store.commit(read.writes).await;
        }
        Ok(Loaded {
            records: read.records,
            quarantined: self.quarantined().await?,
        })
    }

    /// Stamps `at` as the export time of each of `records` (as returned by
    /// [`RecordsDb::load_all`]) not exported before; call it once the
    /// export file was handed to the browser. Returns how many were marked.
    pub async fn mark_exported(
        &self,
        records: &[ResponseRecord],
        at: Timestamp,
    ) -> Result<usize, StoreError> {
        self.commit_marks(plan::mark_exported(records, at)?).await
    }

    /// Commits the writes that mark records exported, and says how many
    /// records they mark: each marked record (or entry) is rewritten with
    /// its index entry, two writes.
    async fn commit_marks(&self, writes: Vec<Write>) -> Result<usize, StoreError> {
        let marked = writes.len() / 2;
        self.store.commit(writes).await?;
        Ok(marked)
    }

    /// Deletes the records `ids` (those shown to be safe elsewhere, see
    /// [`candour_core::receipt`]) and their index entries, in one
    /// transaction. Returns how many of them were stored.
    pub async fn delete_records(&self, ids: &[String]) -> Result<usize, StoreError> {
        let mut present = Vec::with_capacity(ids.len());
        for id in ids {
            if self.contains(id).await? {
                present.push(id.clone());
            }
        }
        self.store.commit(plan::delete_records(&present)).await?;
        Ok(present.len())
    }

    /// Applies `writes` (the core's plans: a journal entry, a finished
    /// record, a probe) in one durable transaction: all or nothing.
    pub async fn commit(&self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.store.commit(writes).await
    }

    /// Every readable journal entry (the surveys in progress); unreadable
    /// ones are moved to the quarantine, and probes a closed page left
    /// behind are removed.
    pub async fn journal(&self, now: Timestamp) -> Result<Vec<JournalEntry>, StoreError> {
        let read = plan::read_journal(self.store.get_all(Table::Journal).await?, now);
        if !read.writes.is_empty() {
            // If this fails, the values stay and are looked at next time.
            let _ = self.store.commit(read.writes).await;
        }
        Ok(read.entries)
    }

    /// Every value that could not be read, raw, for the researcher to
    /// download: from IndexedDB and from `localStorage` (drafts).
    pub async fn quarantined(&self) -> Result<Vec<Quarantined>, StoreError> {
        let mut found: Vec<Quarantined> = self
            .store
            .get_all(Table::Quarantine)
            .await?
            .into_iter()
            .map(|(key, raw)| Quarantined::decode(&key, &raw))
            .collect();
        found.extend(Repository::new(LocalStore::open()?).quarantined()?);
        Ok(found)
    }

    /// How many finished records wait in the `localStorage` outbox (because
    /// the database was full or the page closed before they were moved).
    pub fn waiting(&self) -> Result<usize, StoreError> {
        Ok(Repository::new(LocalStore::open()?).outbox()?.len())
    }

    /// Moves every record of the outbox into the database, in one durable
    /// transaction that also deletes their journal entries; the outbox
    /// entries (and a head holding a draft whose record is now stored) are
    /// removed only after it committed.
    pub async fn flush_outbox(&self, now: Timestamp) -> Result<Flushed, StoreError> {
        let mut journal = Repository::new(LocalStore::open()?);
        let outbox = journal.outbox()?;
        if outbox.is_empty() {
            // Nearly always: nothing to move, so nothing more to read.
            return Ok(Flushed::default());
        }
        let counter = self.store.get(Table::Meta, SEQUENCE_KEY).await?;
        let mut plan = plan::flush_outbox(outbox, now, counter.as_deref());
        if plan.done_keys.is_empty() {
            return Ok(Flushed::default());
        }
        self.store.commit(std::mem::take(&mut plan.writes)).await?;
        after_outbox_commit(&mut journal, plan)
    }
}
