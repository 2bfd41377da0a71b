//! What to save after each change of the survey state: the pure part of
//! the persistence hook, so the order of writes is tested natively.
//!
//! The order never leaves a moment when an answer exists nowhere:
//!
//! 1. The draft is rewritten in `localStorage` at every change (synchronous:
//!    saved before the next event, so a closed page loses nothing).
//! 2. A finished record goes to the `localStorage` outbox first; only once
//!    that write is checked is the draft removed. The record is then moved
//!    into IndexedDB by [`crate::storage::Archive::flush_outbox`] (or
//!    the browser's equivalent), which removes the outbox entry only after
//!    its transaction completed.
//! 3. If the outbox write fails (storage full), the draft stays, and the
//!    record is written to IndexedDB directly; the draft is removed only
//!    once that transaction completed.

use crate::record::ResponseRecord;
use crate::storage::repository::Repository;
use crate::storage::store::{KeyValueStore, StoreError};
use crate::survey::Draft;

/// What the last save saw, so each change is saved once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// The id of the draft in the state last saved.
    pub draft_id: Option<String>,
    /// The id of the finished record last saved.
    pub finished_id: Option<String>,
    /// A finished record that is neither in the outbox nor yet confirmed in
    /// the archive: its draft is the only copy, so no other draft may
    /// replace it until [`Seen::stored`] is called with its id.
    pub unsaved: Option<String>,
}

impl Seen {
    /// Records that the record `id` is now safely in the archive.
    pub fn stored(&mut self, id: &str) {
        if self.unsaved.as_deref() == Some(id) {
            self.unsaved = None;
        }
    }
}

/// What [`persist`] did, and what is left for the asynchronous part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Persisted {
    /// Why the draft or the outbox could not be written, if it could not.
    pub problem: Option<StoreError>,
    /// True when the outbox has a new record to move into the archive.
    pub flush: bool,
    /// A finished record the outbox refused: it must be written to the
    /// archive directly, and the draft removed only once that completed.
    pub direct: Option<ResponseRecord>,
}

/// Saves the state `draft` / `finished` after a change; `seen` is what the
/// previous call saw and is updated.
pub fn persist<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    draft: Option<&Draft>,
    finished: Option<&ResponseRecord>,
) -> Persisted {
    let mut done = Persisted::default();
    if let Some(record) = finished {
        if seen.finished_id.as_deref() != Some(record.id.as_str()) {
            seen.finished_id = Some(record.id.clone());
            match repo.save_record(record) {
                Ok(()) => {
                    done.flush = true;
                    if let Err(e) = repo.clear_draft_if(&record.id) {
                        done.problem = Some(e);
                    }
                }
                Err(e) => {
                    done.problem = Some(e);
                    seen.unsaved = Some(record.id.clone());
                    done.direct = Some(record.clone());
                }
            }
        }
    }
    match draft {
        Some(draft) if seen.unsaved.as_ref().is_some_and(|id| id != &draft.id) => {
            // Writing this draft would overwrite the only copy of the last
            // survey. The screen says saving failed; the start screen is
            // blocked, so this happens only if a survey started regardless.
            done.problem = Some(StoreError::WriteFailed(
                "the last survey is not saved yet, so this one cannot be".into(),
            ));
        }
        Some(draft) => {
            if let Err(e) = repo.save_draft(draft) {
                done.problem = Some(e);
            }
        }
        None if finished.is_none() => {
            // The survey ended with nothing to keep (left before consent):
            // remove its draft, and only its own.
            if let Some(id) = &seen.draft_id {
                if let Err(e) = repo.clear_draft_if(id) {
                    done.problem = Some(e);
                }
            }
        }
        None => {}
    }
    seen.draft_id = draft.map(|d| d.id.clone());
    done
}
