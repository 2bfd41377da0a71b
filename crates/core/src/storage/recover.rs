//! What to do at start-up with a draft left by a reload or a crash.

use crate::instrument::Instrument;
use crate::record::{ResponseRecord, Status};
use crate::settings::Settings;
use crate::storage::repository::Repository;
use crate::storage::store::{KeyValueStore, StoreError};
use crate::survey::Draft;
use crate::time::Timestamp;

/// The outcome of looking for a draft at start-up.
#[derive(Debug, Clone, PartialEq)]
pub enum Recovery {
    /// No draft was left.
    Nothing,
    /// A recent draft: the same participant carries on where they were.
    Resume(Box<Draft>),
    /// A draft older than the idle limit, now stored as a partial record.
    KeptAsPartial(Box<ResponseRecord>),
    /// A draft older than the idle limit from before consent: nothing kept.
    Discarded,
    /// The draft's record is already stored (the page closed after the
    /// record was saved but before the draft was removed): the draft was
    /// dropped, never turned into a second record or resumed.
    AlreadyStored,
}

/// Looks for a draft and resumes it, or keeps it as a partial record (in the
/// outbox) once the idle limit (idle time plus the "still there?" wait) has
/// passed. `is_stored` says whether a record with the draft's id is already
/// in the record database; the browser asks IndexedDB before calling this.
///
/// A draft answered on another instrument than `instrument` (the one new
/// surveys use now, e.g. after an update) cannot be resumed: it is kept as
/// a partial record, coded by its own instrument when that is among
/// `known` (every earlier default ships with the app), else as given.
pub fn recover_draft<S: KeyValueStore>(
    repo: &mut Repository<S>,
    instrument: &Instrument,
    known: &[Instrument],
    settings: &Settings,
    now: Timestamp,
    is_stored: impl FnOnce(&str) -> bool,
) -> Result<Recovery, StoreError> {
    let Some(draft) = repo.load_draft()? else {
        return Ok(Recovery::Nothing);
    };
    if is_stored(&draft.id) {
        repo.clear_draft()?;
        return Ok(Recovery::AlreadyStored);
    }
    let limit = draft
        .last_activity
        .plus_seconds(settings.abandon_after_seconds());
    let same_instrument = draft.instrument.hash == crate::hash::content_hash(instrument);
    if now <= limit && same_instrument {
        return Ok(Recovery::Resume(Box::new(draft)));
    }
    if draft.consented_at.is_none() {
        repo.clear_draft()?;
        return Ok(Recovery::Discarded);
    }
    // The draft ends when it was last touched, not now: that is when the
    // participant left.
    let ended = draft.last_activity;
    let own = if same_instrument {
        Some(instrument)
    } else {
        known
            .iter()
            .find(|i| crate::hash::content_hash(i) == draft.instrument.hash)
    };
    let record = match own {
        Some(own) => draft.into_record(own, Status::Partial, ended),
        // Its instrument is not on hand: keep the answers exactly as given.
        None => draft.into_record_as_given(Status::Partial, ended),
    };
    repo.save_record(&record)?;
    repo.clear_draft()?;
    Ok(Recovery::KeptAsPartial(Box::new(record)))
}
