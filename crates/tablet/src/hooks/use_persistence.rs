//! Saves the draft at every change and moves each finished record into the
//! record database, flushing again whenever the page is hidden.

use crate::hooks::use_flush_on_hide::use_flush_on_hide;
use crate::services::local_store::LocalStore;
use crate::services::records_db::RecordsDb;
use crate::state::SurveyCtx;
use candour_core::record::ResponseRecord;
use candour_core::storage::journal::{persist, Persisted, Seen};
use candour_core::storage::{Repository, StoreError};
use candour_core::survey::Draft;
use candour_web::clock::now;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Saves after every change of the draft or the finished record, and
/// returns the last save failure, if any, for the screen to say in words.
///
/// The order of writes is the core's [`persist`] (tested natively): the
/// draft is written synchronously to `localStorage` at every answer; a
/// finished record goes to the `localStorage` outbox before its draft is
/// removed, and is then moved into IndexedDB, the outbox entry removed only
/// once that transaction completed. On `visibilitychange` to hidden and on
/// `pagehide`, the draft is written again and the outbox moved again.
///
/// ```ignore
/// let save_problem = use_persistence(&survey, startup.db.clone());
/// ```
#[hook]
pub fn use_persistence(survey: &SurveyCtx, db: Option<RecordsDb>) -> Option<StoreError> {
    let saving = use_state_eq(|| None::<StoreError>);
    let moving = use_state_eq(|| None::<StoreError>);
    let seen = use_mut_ref(Seen::default);
    let latest_draft = use_mut_ref(|| None::<Draft>);
    let unsaved = use_mut_ref(|| None::<ResponseRecord>);
    let mover = Mover {
        db,
        seen: seen.clone(),
        unsaved: unsaved.clone(),
        problem: moving.setter(),
    };
    {
        let mover = mover.clone();
        let latest_draft = latest_draft.clone();
        let saving = saving.clone();
        let deps = (survey.0.draft.clone(), survey.0.finished.clone());
        use_effect_with(deps, move |(draft, finished)| {
            latest_draft.replace(draft.clone());
            let outcome = match LocalStore::open() {
                Ok(store) => persist(
                    &mut Repository::new(store),
                    &mut seen.borrow_mut(),
                    draft.as_ref(),
                    finished.as_ref(),
                ),
                Err(e) => Persisted {
                    problem: Some(e),
                    ..Persisted::default()
                },
            };
            saving.set(outcome.problem.clone());
            if let Some(record) = outcome.direct {
                unsaved.replace(Some(record));
            }
            if outcome.flush || unsaved.borrow().is_some() {
                mover.start();
            }
        });
    }
    use_flush_on_hide(Callback::from(move |()| {
        // Already written at the change; written again in case that write
        // failed and room has been made since. Synchronous: done before the
        // page goes.
        if let (Some(draft), Ok(store)) = (latest_draft.borrow().as_ref(), LocalStore::open()) {
            if mover.seen.borrow().unsaved.is_none() {
                let _ = Repository::new(store).save_draft(draft);
            }
        }
        mover.start();
    }));
    (*saving).clone().or_else(|| (*moving).clone())
}

/// Moves finished records into IndexedDB in the background.
#[derive(Clone)]
struct Mover {
    db: Option<RecordsDb>,
    seen: Rc<RefCell<Seen>>,
    /// A finished record the outbox refused (its draft is its only copy).
    unsaved: Rc<RefCell<Option<ResponseRecord>>>,
    problem: UseStateSetter<Option<StoreError>>,
}

impl Mover {
    /// Moves the outbox and any unsaved record; the outcome replaces the
    /// last one shown.
    fn start(&self) {
        let Some(db) = self.db.clone() else {
            return;
        };
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = this.move_all(&db).await;
            this.problem.set(outcome.err());
        });
    }

    async fn move_all(&self, db: &RecordsDb) -> Result<(), StoreError> {
        let direct = self.unsaved.borrow().clone();
        if let Some(record) = direct {
            db.save(&record).await?;
            Repository::new(LocalStore::open()?).clear_draft_if(&record.id)?;
            self.seen.borrow_mut().stored(&record.id);
            self.unsaved.replace(None);
        }
        db.flush_outbox(now()).await.map(|_| ())
    }
}
