//! What the app finds when it starts: the instrument (a researcher's own
//! when one was chosen and still loads, otherwise the default), the
//! settings, whether both stores work, the outbox moved into the record
//! database, and a draft to resume or keep.
//!
//! The steps and their order are those of the core's
//! [`candour_core::storage::boot`] (tested natively), done here over
//! IndexedDB, which answers asynchronously. No step reads the stored
//! records, so start-up takes as long with 10,000 of them as with none.

use crate::services::instruments::for_new_surveys;
use crate::services::local_store::LocalStore;
use crate::services::records_db::{OpeningRecords, RecordsDb};
use crate::services::storage_status::request_persistence;
use candour_core::settings::Settings;
use candour_core::storage::instruments::StoredProblem;
use candour_core::storage::{recover_draft, Recovery, Repository, StoreError};
use candour_core::survey::{Action, Survey};
use candour_web::clock::now;
use std::cell::RefCell;
use std::rc::Rc;

/// The state the app starts in.
pub struct Startup {
    /// The survey state (resumed when a recent draft was found).
    pub survey: Option<Survey>,
    /// Device settings.
    pub settings: Settings,
    /// Why no survey may start (storage missing, refused or full), if so.
    pub storage_problem: Option<StoreError>,
    /// True when an abandoned draft was just kept as a partial record.
    pub kept_partial: bool,
    /// Why the researcher's chosen instrument could not be used, when the
    /// default is used instead (said on the start screen).
    pub instrument_problem: Option<StoredProblem>,
    /// The record database, when it opened.
    pub db: Option<RecordsDb>,
}

thread_local! {
    /// The record database asked for by [`open_early`], until start-up takes it.
    static EARLY_OPEN: RefCell<Option<Result<OpeningRecords, StoreError>>> =
        const { RefCell::new(None) };
}

/// Asks the browser to open the record database before the app's first
/// render; [`start_up`] then waits for it rather than asking only then.
/// Asked once: a second call while the first is pending does nothing.
pub fn open_early() {
    EARLY_OPEN.with(|early| {
        let mut early = early.borrow_mut();
        if early.is_none() {
            *early = Some(RecordsDb::begin_open());
        }
    });
}

/// Loads everything the first screen needs. Never panics: each failure is
/// carried to the screen that says it in words.
pub async fn start_up() -> Startup {
    // Asked before anything else (see `open_early`): the browser opens the
    // database while the app renders and reads the instrument, instead of
    // only after both.
    let opening = EARLY_OPEN
        .with(|early| early.borrow_mut().take())
        .unwrap_or_else(RecordsDb::begin_open);
    // A researcher's instrument when one was chosen and still loads,
    // otherwise the default. A draft answered on another instrument is
    // kept as a partial record by `recover`, never resumed on this one.
    let (instrument, instrument_problem) = for_new_surveys();
    let survey = instrument.map(|instrument| Survey::new(Rc::new(instrument)));
    let opened = match opening {
        Ok(opening) => opening.finish().await,
        Err(e) => Err(e),
    };
    let mut startup = Startup {
        survey,
        settings: Settings::default(),
        storage_problem: None,
        kept_partial: false,
        instrument_problem,
        db: None,
    };
    let mut journal = match LocalStore::open() {
        Ok(store) => Repository::new(store),
        Err(e) => {
            startup.storage_problem = Some(e);
            return startup;
        }
    };
    startup.settings = journal.load_settings();
    let db = match opened {
        Ok(db) => db,
        Err(e) => {
            startup.storage_problem = Some(e);
            return startup;
        }
    };
    // Asked at every start; never awaited, so a browser that prompts the
    // user cannot hold up the start screen. The researcher area reads the
    // outcome with `storage_status`.
    wasm_bindgen_futures::spawn_local(async {
        let _ = request_persistence().await;
    });
    // First the outbox (a record whose move was cut off, or the first
    // build's records), so a draft whose record it holds is seen as stored.
    if let Err(e) = db.flush_outbox(now()).await {
        startup.storage_problem = Some(e);
    }
    recover(&mut startup, &mut journal, &db).await;
    if startup.kept_partial {
        if let Err(e) = db.flush_outbox(now()).await {
            startup.storage_problem = Some(e);
        }
    }
    startup.db = Some(db);
    mark_ready();
    startup
}

/// Resumes, keeps or drops the draft left by the last session.
async fn recover(startup: &mut Startup, journal: &mut Repository<LocalStore>, db: &RecordsDb) {
    let Some(survey) = startup.survey.as_mut() else {
        return;
    };
    let stored = match journal.draft_id() {
        Some(id) => db.contains(&id).await,
        None => Ok(false),
    };
    let stored = match stored {
        Ok(stored) => stored,
        Err(e) => {
            startup.storage_problem = Some(e);
            return;
        }
    };
    let instrument = survey.instrument.clone();
    let known = crate::services::instruments::known_instruments();
    match recover_draft(
        journal,
        &instrument,
        &known,
        &startup.settings,
        now(),
        |_| stored,
    ) {
        Ok(Recovery::Resume(draft)) => survey.apply(Action::Resume(draft)),
        Ok(Recovery::KeptAsPartial(_)) => startup.kept_partial = true,
        Ok(Recovery::Nothing | Recovery::Discarded | Recovery::AlreadyStored) => {}
        Err(e) => startup.storage_problem = Some(e),
    }
}

/// Leaves a `candour:storage-ready` mark in the page's performance timeline,
/// so tests and the benchmark can measure start-up from outside.
fn mark_ready() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("candour:storage-ready");
    }
}
