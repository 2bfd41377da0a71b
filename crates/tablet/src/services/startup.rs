//! What the app finds when it starts: the instrument (a researcher's own
//! when one was chosen and still loads, otherwise the default), the
//! settings, whether both stores work, the outbox moved into the record
//! database, and the journal's surveys resumed, kept or dropped.
//!
//! It runs only once this window holds the survey lock, so a second
//! window writes nothing. The steps and their order are those of the test
//! kit's `native_storage::boot`, which drives the same core steps natively
//! so that they are tested without a browser; here they run over IndexedDB, which answers asynchronously. No step reads the stored
//! records, so start-up takes as long with 10,000 of them as with none.

use crate::services::instruments::for_new_surveys;
use crate::services::local_store::LocalStore;
use crate::services::randomness::BrowserRandom;
use crate::services::records_db::{OpeningRecords, RecordsDb};
use crate::services::storage_status::request_persistence;
use candour_core::settings::Settings;
use candour_core::storage::instruments::StoredProblem;
use candour_core::storage::{
    after_recovery_commit, after_recovery_entry_commit, plan_recovery, recovery_entry_writes,
    recovery_writes, EntryMaker, Recovery, RecoveryPlan, Repository, StoreError,
};
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
    /// The revision this session's first journal entry is written with.
    pub next_rev: u64,
    /// What turns finished records into sealed, numbered entries: present
    /// only when a research key is kept on this tablet. Without one the
    /// tablet stores records as it always has (in clear, unnumbered).
    pub maker: Option<EntryMaker>,
}

/// The record database asked for before the app's first render, handed to
/// [`start_up`] through the app's props: the browser opens it while the
/// app renders and reads the instrument, instead of only after both.
/// Opening writes nothing. Compared by identity, as a prop.
#[derive(Clone, Default)]
pub struct EarlyOpen(Rc<RefCell<Option<Result<OpeningRecords, StoreError>>>>);

impl EarlyOpen {
    /// Asks the browser to open the record database now.
    pub fn begin() -> EarlyOpen {
        EarlyOpen(Rc::new(RefCell::new(Some(RecordsDb::begin_open()))))
    }

    /// The opening asked for, once; then (or when none was asked) a new one.
    fn take(&self) -> Result<OpeningRecords, StoreError> {
        self.0
            .borrow_mut()
            .take()
            .unwrap_or_else(RecordsDb::begin_open)
    }
}

impl PartialEq for EarlyOpen {
    fn eq(&self, other: &EarlyOpen) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Loads everything the first screen needs. Never panics: each failure is
/// carried to the screen that says it in words. Call it only while this
/// window holds the survey lock.
pub async fn start_up(early: &EarlyOpen) -> Startup {
    // Asked before anything else (see `EarlyOpen`).
    let opening = early.take();
    // A researcher's instrument when one was chosen and still loads,
    // otherwise the default. A draft answered on another instrument is
    // kept as a partial record, never resumed on this one.
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
        next_rev: 0,
        maker: None,
    };
    let mut journal = match LocalStore::open_proven() {
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
    // build's records), so a survey whose record it holds is seen as ended.
    if let Err(e) = db.flush_outbox(now()).await {
        startup.storage_problem = Some(e);
    }
    match sealing(&db).await {
        Ok(maker) => startup.maker = maker,
        // A key was loaded but cannot be read: no survey starts, and none
        // is resumed either (its Send would store the answers unsealed);
        // its draft stays in the journal until the setup file is loaded
        // again.
        Err(e) => {
            startup.storage_problem = Some(e);
            return startup;
        }
    }
    if let Err(e) = recover(&mut startup, &mut journal, &db).await {
        startup.storage_problem = Some(e);
    }
    startup.db = Some(db);
    mark_ready();
    startup
}

/// The entry maker when a research key is kept, numbering on from the
/// highest number given; clear records of earlier builds are numbered
/// first (once: the index says whether any are left).
async fn sealing(db: &RecordsDb) -> Result<Option<EntryMaker>, StoreError> {
    let Some(kept) = db.research_key().await? else {
        return Ok(None);
    };
    let at = now();
    let mut maker = EntryMaker::new(Some(kept.public_key), db.highest_issued(at).await?);
    if db.list(at).await?.iter().any(|e| e.sequence.is_none()) {
        let known = crate::services::instruments::known_instruments();
        let refs: Vec<&candour_core::instrument::Instrument> = known.iter().collect();
        maker.at_least(db.number_legacy(&refs, at).await?);
    }
    Ok(Some(maker))
}

/// Resumes, keeps or drops each survey of the journal (both stores).
async fn recover(
    startup: &mut Startup,
    journal: &mut Repository<LocalStore>,
    db: &RecordsDb,
) -> Result<(), StoreError> {
    let Some(survey) = startup.survey.as_mut() else {
        return Ok(());
    };
    let at = now();
    let entries = db.journal(at).await?;
    let head = journal.load_draft()?;
    let outbox = journal.outbox_ids()?;
    let mut stored = Vec::new();
    for entry in entries.iter().chain(head.iter()) {
        if let Some(id) = entry.id() {
            if db.contains(id).await? || outbox.iter().any(|o| o == id) {
                stored.push(id.to_owned());
            }
        }
    }
    let instrument = survey.instrument.clone();
    let known = crate::services::instruments::known_instruments();
    let plan = plan_recovery(
        entries,
        head,
        |id| stored.iter().any(|s| s == id),
        &instrument,
        &known,
        &startup.settings,
        at,
    );
    startup.next_rev = plan.next_rev;
    let recovery = plan.recovery.clone();
    let carried = match startup.maker.as_mut() {
        Some(maker) => {
            let refs: Vec<&candour_core::instrument::Instrument> =
                std::iter::once(&*instrument).chain(known.iter()).collect();
            carry_out_sealed(journal, db, plan, maker, &refs).await
        }
        None => carry_out(journal, db, plan).await,
    };
    match recovery {
        // A survey resumes even if dropping old entries failed: they are
        // looked at again next time.
        Recovery::Resume(draft) => {
            survey.apply(Action::Resume(draft));
            Ok(())
        }
        Recovery::KeptAsPartial(_) => {
            startup.kept_partial = carried.is_ok();
            carried
        }
        Recovery::Nothing | Recovery::Discarded | Recovery::AlreadyStored => carried,
    }
}

/// Stores the partial records and drops what the plan drops, in one
/// transaction, with the core's writes (as its `boot` does natively).
async fn carry_out(
    journal: &mut Repository<LocalStore>,
    db: &RecordsDb,
    plan: RecoveryPlan,
) -> Result<(), StoreError> {
    let writes = recovery_writes(journal, &plan)?;
    if writes.is_empty() {
        return Ok(());
    }
    db.commit(writes).await?;
    after_recovery_commit(journal, &plan)
}

/// [`carry_out`] on a tablet with a research key: each draft closed as
/// partial is sealed first, and only its entry is stored.
async fn carry_out_sealed(
    journal: &mut Repository<LocalStore>,
    db: &RecordsDb,
    plan: RecoveryPlan,
    maker: &mut EntryMaker,
    instruments: &[&candour_core::instrument::Instrument],
) -> Result<(), StoreError> {
    let mut make = |record: &candour_core::record::ResponseRecord| {
        maker.make(record, instruments, &mut BrowserRandom)
    };
    let planned = recovery_entry_writes(journal, &plan, &mut make)?;
    if !planned.writes.is_empty() {
        db.commit(planned.writes.clone()).await?;
        after_recovery_entry_commit(journal, &plan, &planned)?;
    }
    match planned.failed.into_iter().next() {
        Some((_, e)) => Err(StoreError::WriteFailed(e.to_string())),
        None => Ok(()),
    }
}

/// Leaves a `candour:storage-ready` mark in the page's performance timeline,
/// so tests and the benchmark can measure start-up from outside.
fn mark_ready() {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("candour:storage-ready");
    }
}
