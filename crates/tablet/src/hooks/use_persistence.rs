//! Saves every change of the survey to both stores and moves each finished
//! record into the record database, again whenever the page is hidden.

use crate::hooks::use_flush_on_hide::use_flush_on_hide;
use crate::services::local_store::LocalStore;
use crate::services::randomness::BrowserRandom;
use crate::services::records_db::RecordsDb;
use crate::services::window_lock::WindowLock;
use crate::state::SurveyCtx;
use candour_core::instrument::Instrument;
use candour_core::record::ResponseRecord;
use candour_core::seal::RecordEntry;
use candour_core::storage::journal::{
    after_commit, persist, persist_entries, record_stored, shown_problem, Persisted, Seen,
};
use candour_core::storage::{plan, EntryMaker, Repository, StoreError, StoreFault, Write};
use candour_web::clock::now;
use candour_web::timing::Step;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the screen says about saving.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saving {
    /// Why the last change, or a finished record, is not saved, if so.
    pub problem: Option<StoreError>,
    /// True once another window took over (only without Web Locks): this
    /// window writes nothing more.
    pub window_lost: bool,
}

/// Saves after every change of the draft or the finished record, and
/// returns what the screen must say.
///
/// The order of writes is the core's [`persist`] (tested natively): each
/// change writes the journal's head to `localStorage` at once and commits
/// the same entry to the database's journal; a finished record goes to the
/// `localStorage` outbox and to the database in one transaction with the
/// deletion of its journal entry, and the outbox entry goes only once that
/// completed. Commits are issued in the order of the changes. When the page
/// is hidden or left, the head is written again, a refused commit retried,
/// and the outbox moved. Nothing is written once `lock` is no longer held.
///
/// Used once, by [`crate::app::App`], which holds the survey.
///
/// With `maker` (a research key is kept), a finished record is sealed and
/// numbered at once ([`persist_entries`]): only its sealed entry reaches
/// the outbox and the database. Without one, records are stored as before.
#[hook]
pub fn use_persistence(
    survey: &SurveyCtx,
    db: Option<RecordsDb>,
    lock: Rc<WindowLock>,
    next_rev: u64,
    maker: Option<EntryMaker>,
) -> Saving {
    let change_problem = use_state_eq(|| None::<StoreError>);
    let record_problem = use_state_eq(|| None::<StoreError>);
    let window_lost = use_state_eq(|| false);
    let saver = {
        let seen = use_mut_ref(|| Seen::starting_at(next_rev));
        let last = use_mut_ref(|| None::<Persisted>);
        let last_failed = use_mut_ref(|| false);
        let unsaved = use_mut_ref(|| None::<ResponseRecord>);
        let generation = use_mut_ref(|| 0u64);
        let maker = use_mut_ref(move || maker);
        let unsaved_entry = use_mut_ref(|| None::<RecordEntry>);
        Saver {
            maker,
            unsaved_entry,
            db,
            lock,
            seen,
            last,
            last_failed,
            unsaved,
            generation,
            change_problem: change_problem.setter(),
            record_problem: record_problem.setter(),
            window_lost: window_lost.setter(),
        }
    };
    {
        let saver = saver.clone();
        let deps = (survey.0.draft.clone(), survey.0.finished.clone());
        let instrument = survey.0.instrument.clone();
        use_effect_with(deps, move |(draft, finished)| {
            saver.save(draft.as_ref(), finished.as_ref(), &instrument);
        });
    }
    use_flush_on_hide(Callback::from(move |()| saver.on_hide()));
    Saving {
        problem: (*change_problem)
            .clone()
            .or_else(|| (*record_problem).clone()),
        window_lost: *window_lost,
    }
}

/// The hook's memory and what it sets.
#[derive(Clone)]
struct Saver {
    /// Seals and numbers finished records, when a research key is kept.
    maker: Rc<RefCell<Option<EntryMaker>>>,
    /// A finished record's entry neither the outbox nor the database took yet.
    unsaved_entry: Rc<RefCell<Option<RecordEntry>>>,
    db: Option<RecordsDb>,
    lock: Rc<WindowLock>,
    seen: Rc<RefCell<Seen>>,
    /// The last change's writes, for the page to write again when hidden.
    last: Rc<RefCell<Option<Persisted>>>,
    /// Whether the database refused the last change's commit.
    last_failed: Rc<RefCell<bool>>,
    /// A finished record neither the outbox nor the database took yet.
    unsaved: Rc<RefCell<Option<ResponseRecord>>>,
    /// Counts changes, so only the newest change's outcome is shown.
    generation: Rc<RefCell<u64>>,
    change_problem: UseStateSetter<Option<StoreError>>,
    record_problem: UseStateSetter<Option<StoreError>>,
    window_lost: UseStateSetter<bool>,
}

impl Saver {
    /// True while this window may write; says so on screen when not.
    fn may_write(&self) -> bool {
        let held = self.lock.still_held();
        if !held {
            self.window_lost.set(true);
        }
        held
    }

    /// The synchronous save of a change, then its commit.
    fn save(
        &self,
        draft: Option<&candour_core::survey::Draft>,
        finished: Option<&ResponseRecord>,
        instrument: &Instrument,
    ) {
        if !self.may_write() {
            return;
        }
        let mut maker = self.maker.borrow_mut();
        let persisted = match (LocalStore::open(), maker.as_mut()) {
            (Ok(store), Some(maker)) => {
                let mut make = |record: &ResponseRecord| {
                    // In the timeline for the benchmark (`candour:seal`).
                    let step = Step::start("candour:seal");
                    let made = maker.make(record, &[instrument], &mut BrowserRandom);
                    step.end();
                    made
                };
                persist_entries(
                    &mut Repository::new(store),
                    &mut self.seen.borrow_mut(),
                    draft,
                    finished,
                    &mut make,
                )
            }
            (Ok(store), None) => persist(
                &mut Repository::new(store),
                &mut self.seen.borrow_mut(),
                draft,
                finished,
            ),
            // No localStorage at all: start-up said so, and no survey
            // started; a change here can only be the start screen's.
            (Err(e), _) => Persisted {
                sync_problem: Some(e),
                ..Persisted::default()
            },
        };
        drop(maker);
        let generation = *self.generation.borrow() + 1;
        self.generation.replace(generation);
        self.change_problem.set(shown_problem(&persisted, None));
        self.last.replace(Some(persisted.clone()));
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = this.commit(&persisted).await;
            if *this.generation.borrow() == generation {
                this.last_failed.replace(outcome.is_err());
                this.change_problem
                    .set(shown_problem(&persisted, Some(&outcome)));
            }
        });
    }

    /// Commits one change's writes (issued at once, so in the order of the
    /// changes), then tidies `localStorage` after it.
    async fn commit(&self, persisted: &Persisted) -> Result<(), StoreError> {
        let outcome = match (&self.db, persisted.writes.is_empty()) {
            (_, true) => Ok(()),
            (Some(db), false) => db.commit(persisted.writes.clone()).await,
            (None, false) => Err(StoreError::UnavailableBecause(
                StoreFault::DatabaseDidNotOpen,
            )),
        };
        if let Ok(store) = LocalStore::open() {
            let mut repo = Repository::new(store);
            let _ = after_commit(&mut repo, &mut self.seen.borrow_mut(), persisted, &outcome);
        }
        if let Some(entry) = &persisted.entry {
            match &outcome {
                Ok(()) => self.record_problem.set(None),
                Err(e) => {
                    if self.seen.borrow().unsaved.as_deref() == Some(entry.header.id.as_str()) {
                        self.unsaved_entry.replace(Some(entry.clone()));
                    }
                    self.record_problem.set(Some(e.clone()));
                }
            }
        }
        if let Some(record) = &persisted.finished {
            match &outcome {
                Ok(()) => self.record_problem.set(None),
                Err(e) => {
                    if self.seen.borrow().unsaved.as_deref() == Some(record.id.as_str()) {
                        self.unsaved.replace(Some(record.clone()));
                    }
                    self.record_problem.set(Some(e.clone()));
                }
            }
        }
        outcome
    }

    /// When the page is hidden or left: the head written again (synchronous,
    /// done before the page goes), then a refused commit retried, the record
    /// nothing took stored, and the outbox moved.
    fn on_hide(&self) {
        if !self.may_write() {
            return;
        }
        let last = self.last.borrow().clone();
        if let (Some(head), Ok(store)) = (
            last.as_ref().and_then(|p| p.head.as_ref()),
            LocalStore::open(),
        ) {
            let unsaved = self.seen.borrow().unsaved.clone();
            if unsaved.is_none() || unsaved.as_deref() == head.id() {
                let _ = Repository::new(store).save_draft(head);
            }
        }
        let Some(db) = self.db.clone() else {
            return;
        };
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if *this.last_failed.borrow() {
                if let Some(last) = last.filter(|p| p.finished.is_none() && p.entry.is_none()) {
                    let retried = db.commit(last.writes.clone()).await;
                    this.last_failed.replace(retried.is_err());
                    this.change_problem
                        .set(shown_problem(&last, Some(&retried)));
                }
            }
            let outcome = this.store_unsaved(&db).await;
            this.record_problem.set(outcome.err());
        });
    }

    /// Stores the record nothing took yet, then moves the outbox.
    async fn store_unsaved(&self, db: &RecordsDb) -> Result<(), StoreError> {
        let entry = self.unsaved_entry.borrow().clone();
        if let Some(entry) = entry {
            let writes = plan::store_entry(&entry)?;
            self.commit_unsaved(db, writes, &entry.header.id).await?;
            self.unsaved_entry.replace(None);
        }
        let record = self.unsaved.borrow().clone();
        if let Some(record) = record {
            let writes = plan::store_finished(&record)?;
            self.commit_unsaved(db, writes, &record.id).await?;
            self.unsaved.replace(None);
        }
        db.flush_outbox(now()).await.map(|_| ())
    }

    /// Commits the writes that store the finished answers `id`, then notes
    /// them stored (outbox copy and draft dropped), as an entry and a
    /// clear record alike.
    async fn commit_unsaved(
        &self,
        db: &RecordsDb,
        writes: Vec<Write>,
        id: &str,
    ) -> Result<(), StoreError> {
        db.commit(writes).await?;
        record_stored(
            &mut Repository::new(LocalStore::open()?),
            &mut self.seen.borrow_mut(),
            id,
        )
    }
}
