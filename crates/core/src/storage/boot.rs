//! Start-up over the two stores, in the order that can never lose or
//! duplicate a response: first the outbox is moved into the archive (so a
//! record whose IndexedDB write was cut off is stored), then the draft is
//! looked at, dropped if its record is already stored, and otherwise
//! resumed or kept as a partial record.
//!
//! Nothing here reads every record: start-up costs the same with 10,000
//! stored records as with none. The browser's `ui::services::startup`
//! performs the same steps asynchronously over IndexedDB.

use crate::instrument::Instrument;
use crate::settings::Settings;
use crate::storage::archive::{Archive, Flushed};
use crate::storage::records::RecordStore;
use crate::storage::recover::{recover_draft, Recovery};
use crate::storage::repository::Repository;
use crate::storage::store::{KeyValueStore, StoreError};
use crate::time::Timestamp;

/// What start-up found.
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    /// The outbox moved into the archive, or why it could not be (it then
    /// stays in the outbox, and is tried again at the next start-up).
    pub flushed: Result<Flushed, StoreError>,
    /// What became of the draft.
    pub recovery: Result<Recovery, StoreError>,
}

/// Runs start-up. A record kept as partial goes through the outbox like
/// any other, and is moved at once. `known` are the other instruments the
/// device knows, to code a draft left on one of them (see [`recover_draft`]).
pub fn boot<K: KeyValueStore, S: RecordStore>(
    journal: &mut Repository<K>,
    archive: &mut Archive<S>,
    instrument: &Instrument,
    known: &[Instrument],
    settings: &Settings,
    now: Timestamp,
) -> Boot {
    let flushed = archive.flush_outbox(journal, now);
    let stored = journal
        .draft_id()
        .map(|id| archive.contains(&id))
        .transpose();
    let recovery = match stored {
        Ok(stored) => {
            let stored = stored.unwrap_or(false);
            recover_draft(journal, instrument, known, settings, now, |_| stored)
        }
        Err(e) => Err(e),
    };
    let flushed = match (&recovery, flushed) {
        (Ok(Recovery::KeptAsPartial(_)), Ok(mut before)) => {
            archive.flush_outbox(journal, now).map(|after| {
                before.ids.extend(after.ids);
                before.quarantined += after.quarantined;
                before
            })
        }
        (_, flushed) => flushed,
    };
    Boot { flushed, recovery }
}
