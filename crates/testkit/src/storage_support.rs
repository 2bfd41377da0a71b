//! Shared helpers of the storage tests: surveys and records on the small
//! fixture instrument, a record store that counts what is read, and the
//! tablet as the persistence hook runs it ([`Device`]).
#![allow(dead_code)]

use crate::memory_records::MemoryRecords;
use crate::memory_store::MemoryStore;
use crate::native_storage::boot;
use crate::native_storage::Archive;
use candour_core::answer::AnswerValue;
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_core::record::ResponseRecord;
use candour_core::settings::Settings;
use candour_core::storage::journal::{after_commit, persist, record_stored, shown_problem};
use candour_core::storage::journal::{Persisted, Seen};
use candour_core::storage::{
    plan, JournalEntry, RecordStore, Recovery, Repository, StoreError, Table, Write,
};
use candour_core::survey::{Action, Draft, Survey};
use candour_core::time::Timestamp;
use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The small fixture instrument.
pub const FIXTURE: &str = include_str!("../../../tests/fixtures/small_instrument.json");

/// The fixture instrument, loaded.
pub fn instrument() -> Instrument {
    load_instrument(FIXTURE).expect("fixture loads")
}

/// `s` seconds after a fixed moment.
pub fn t(s: i64) -> Timestamp {
    Timestamp(1_800_000_000_000 + s * 1000)
}

/// A survey with consent given and one answer, for id `id`.
pub fn survey_with_answer(id: &str) -> Survey {
    let mut s = Survey::new(Rc::new(instrument()));
    s.apply(Action::Start {
        id: id.into(),
        participant_code: None,
        locale: "en".into(),
        device_label: "Tablet 1".into(),
        service_code: None,
        now: t(0),
    });
    s.apply(Action::Consent {
        agreed: true,
        now: t(1),
    });
    s.apply(Action::Answer {
        variable: "s1_respect".into(),
        value: Some(AnswerValue::Code(4)),
        now: t(2),
    });
    s
}

/// The journal entry holding `draft` at revision `rev`.
pub fn entry(draft: &Draft, rev: u64) -> JournalEntry {
    JournalEntry {
        rev,
        draft: Some(draft.clone()),
        ended: Vec::new(),
    }
}

/// The journal entry of `survey`'s draft at revision 1.
pub fn head_of(survey: &Survey) -> JournalEntry {
    entry(survey.draft.as_ref().expect("a draft"), 1)
}

/// A partial record with one answer, id `id`.
pub fn finished(id: &str) -> ResponseRecord {
    let mut s = survey_with_answer(id);
    s.apply(Action::Abandon { now: t(3) });
    s.finished.expect("record")
}

/// A record store that counts every full-table read of the records, so a
/// test can prove start-up never reads them all.
#[derive(Default)]
pub struct Counting {
    /// The store itself.
    pub inner: MemoryRecords,
    /// How many times every record was read.
    pub full_reads: Rc<Cell<usize>>,
}

impl RecordStore for Counting {
    fn get(&self, table: Table, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(table, key)
    }
    fn get_all(&self, table: Table) -> Result<Vec<(String, String)>, StoreError> {
        if table == Table::Records {
            self.full_reads.set(self.full_reads.get() + 1);
        }
        self.inner.get_all(table)
    }
    fn count(&self, table: Table) -> Result<usize, StoreError> {
        self.inner.count(table)
    }
    fn commit(&mut self, writes: Vec<Write>) -> Result<(), StoreError> {
        self.inner.commit(writes)
    }
}

/// The tablet as the persistence hook runs it: `localStorage` (the
/// journal's head and the outbox), the database, what the hook remembers,
/// and the database commits not yet run (a crash drops them).
#[derive(Clone)]
pub struct Device {
    /// `localStorage`.
    pub journal: Repository<MemoryStore>,
    /// The database.
    pub archive: Archive<MemoryRecords>,
    /// The hook's memory of what it saved.
    pub seen: Seen,
    /// Commits issued but not yet run, in order.
    pub pending: Vec<Persisted>,
    /// A finished record neither the outbox nor the database took.
    pub unsaved: Option<ResponseRecord>,
}

impl Default for Device {
    fn default() -> Self {
        Device {
            journal: Repository::new(MemoryStore::new()),
            archive: Archive::new(MemoryRecords::new()),
            seen: Default::default(),
            pending: Vec::new(),
            unsaved: None,
        }
    }
}

impl Device {
    /// The synchronous save after a change (the hook's effect); the
    /// database writes wait in `pending`. Returns the problem shown at once.
    pub fn save(&mut self, survey: &Survey) -> Option<StoreError> {
        let done = persist(
            &mut self.journal,
            &mut self.seen,
            survey.draft.as_ref(),
            survey.finished.as_ref(),
        );
        let shown = done.blocked.clone();
        self.pending.push(done);
        shown
    }

    /// Runs the pending commits in order, as the browser does; returns the
    /// problem each change shows once the database answered.
    pub fn commit_pending(&mut self) -> Vec<Option<StoreError>> {
        let mut shown = Vec::new();
        for done in std::mem::take(&mut self.pending) {
            let outcome = if done.writes.is_empty() {
                Ok(())
            } else {
                self.archive.store.commit(done.writes.clone())
            };
            let _ = after_commit(&mut self.journal, &mut self.seen, &done, &outcome);
            if let (Err(_), Some(record)) = (&outcome, &done.finished) {
                if self.seen.unsaved.as_deref() == Some(record.id.as_str()) {
                    self.unsaved = Some(record.clone());
                }
            }
            shown.push(shown_problem(&done, Some(&outcome)));
        }
        shown
    }

    /// What the hook does when the page is hidden: the pending commits,
    /// the record nothing took, and the outbox.
    pub fn on_hide(&mut self) -> Result<(), StoreError> {
        self.commit_pending();
        if let Some(record) = self.unsaved.clone() {
            let writes = plan::store_finished(&record)?;
            self.archive.store.commit(writes)?;
            record_stored(&mut self.journal, &mut self.seen, &record.id)?;
            self.unsaved = None;
        }
        self.archive
            .flush_outbox(&mut self.journal, t(0))
            .map(|_| ())
    }

    /// Start-up on this device after a crash (pending commits are lost);
    /// returns what became of the newest draft and every record stored.
    pub fn restart(
        mut self,
        settings: &Settings,
        now: Timestamp,
    ) -> (
        Result<Recovery, StoreError>,
        BTreeMap<String, ResponseRecord>,
    ) {
        let booted = boot(
            &mut self.journal,
            &mut self.archive,
            &instrument(),
            &[],
            settings,
            now,
        );
        let loaded = self.archive.load_all(now).expect("the database reads");
        assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
        let stored = loaded
            .records
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        (booted.recovery, stored)
    }
}
