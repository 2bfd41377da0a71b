//! What to save after each change of the survey state: the pure part of
//! the persistence hook, so the order of writes is tested natively.
//!
//! The journal of a survey in progress lives where finished records live,
//! in the database (IndexedDB in the app), with `localStorage` as the
//! fallback; each change is written to both, so neither a full
//! `localStorage` nor a full database leaves an answer only in memory:
//!
//! 1. Each change writes the journal's head to `localStorage`
//!    (synchronous: saved before the next event can run, so a page closed
//!    at once loses nothing) and returns the database writes for the same
//!    entry, at the same revision, which the browser commits at once.
//! 2. A finished record goes to the `localStorage` outbox (synchronous) and
//!    to the database in one transaction with the deletion of its journal
//!    entry ([`plan::store_finished`]); the outbox entry and the head are
//!    removed only once that transaction completed ([`after_commit`]).
//! 3. If the outbox refuses the record and the database has not yet taken
//!    it, its draft in the head is its only synchronous copy: no other
//!    survey's draft may replace it until the record is stored.
//!
//! Start-up (the browser's, and the test kit's native model of it) takes, for each survey, the entry
//! with the highest revision of the two stores.

use crate::record::ResponseRecord;
use crate::seal::{RecordEntry, SealError};
use crate::storage::journal_entry::JournalEntry;
use crate::storage::plan;
use crate::storage::repository::{Repository, RECORD_PREFIX};
use crate::storage::store::{KeyValueStore, StoreError, StoreFault};
use crate::storage::Write;
use crate::survey::Draft;

/// What the saves so far saw, so each change is saved once and revisions
/// only grow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// The id of the draft in the state last saved.
    pub draft_id: Option<String>,
    /// The id of the finished record last saved.
    pub finished_id: Option<String>,
    /// A finished record that is neither in the outbox nor yet confirmed in
    /// the database: its draft is its only synchronous copy, so no other
    /// draft may replace it until [`Seen::stored`] is called with its id.
    pub unsaved: Option<String>,
    /// The revision the next entry is written with.
    pub next_rev: u64,
    /// Surveys that ended without a record whose journal entry may still be
    /// in the database: every head written names them, and every commit
    /// deletes them again, until a commit that did so completed.
    pub ended: Vec<String>,
}

impl Seen {
    /// What a session sees first, after start-up found revisions up to
    /// `next_rev - 1`.
    pub fn starting_at(next_rev: u64) -> Self {
        Seen {
            next_rev,
            ..Seen::default()
        }
    }

    /// Records that the record `id` is now safely in the database.
    pub fn stored(&mut self, id: &str) {
        if self.unsaved.as_deref() == Some(id) {
            self.unsaved = None;
        }
    }

    fn take_rev(&mut self) -> u64 {
        let rev = self.next_rev;
        self.next_rev += 1;
        rev
    }
}

/// What [`persist`] did, and what is left for the asynchronous part.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Persisted {
    /// What `localStorage` refused, if anything. Not shown by itself: the
    /// database may still take the change ([`shown_problem`]).
    pub sync_problem: Option<StoreError>,
    /// A draft refused outright (see [`Seen::unsaved`]): shown at once.
    pub blocked: Option<StoreError>,
    /// The database writes of this change, committed at once, in one
    /// transaction, in the order of the changes.
    pub writes: Vec<Write>,
    /// The finished record `writes` store, if any (clear: the path of
    /// builds before issue 14, [`persist`]).
    pub finished: Option<ResponseRecord>,
    /// The finished record's entry `writes` store, if any (sealed, or
    /// clear and numbered: [`persist_entries`]).
    pub entry: Option<RecordEntry>,
    /// The journal entries `writes` delete for surveys that ended without a
    /// record.
    pub ended: Vec<String>,
    /// The head this change wrote (or tried to) to `localStorage`, for the
    /// page to write again when it is hidden if that failed.
    pub head: Option<JournalEntry>,
}

/// Turns a finished record into the entry that is stored (in the app,
/// [`crate::storage::EntryMaker::make`] with the browser's randomness).
pub type MakeEntry<'a> = &'a mut dyn FnMut(&ResponseRecord) -> Result<RecordEntry, SealError>;

/// Saves the state `draft` / `finished` after a change; `seen` is what the
/// previous call saw and is updated. The finished record is stored in
/// clear (record format 2), as builds before issue 14 did; see
/// [`persist_entries`] for sealed, numbered entries.
pub fn persist<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    draft: Option<&Draft>,
    finished: Option<&ResponseRecord>,
) -> Persisted {
    persist_with(repo, seen, draft, finished, None)
}

/// [`persist`], but the finished record is first turned into its entry by
/// `make` (sealed to the research key, or clear, and numbered), and only
/// the entry reaches the outbox and the database: the clear answers are
/// kept nowhere after Send but in the draft, which the entry's transaction
/// deletes. When `make` fails (no randomness), nothing is stored, the
/// failure is shown at once, the draft stays the head's (no other survey
/// may replace it), and the next change tries again.
pub fn persist_entries<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    draft: Option<&Draft>,
    finished: Option<&ResponseRecord>,
    make: MakeEntry<'_>,
) -> Persisted {
    persist_with(repo, seen, draft, finished, Some(make))
}

fn persist_with<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    draft: Option<&Draft>,
    finished: Option<&ResponseRecord>,
    make: Option<MakeEntry<'_>>,
) -> Persisted {
    let mut done = Persisted::default();
    if let Some(record) = finished {
        if seen.finished_id.as_deref() != Some(record.id.as_str()) {
            match make {
                None => {
                    seen.finished_id = Some(record.id.clone());
                    store_finished(repo, seen, record, &mut done);
                }
                Some(make) => match make(record) {
                    Ok(entry) => {
                        seen.finished_id = Some(record.id.clone());
                        store_entry(repo, seen, entry, &mut done);
                    }
                    Err(e) => {
                        seen.unsaved = Some(record.id.clone());
                        done.blocked = Some(StoreError::WriteFailed(e.to_string()));
                    }
                },
            }
        }
    }
    let ended_now = seen
        .draft_id
        .clone()
        .filter(|old| draft.is_none_or(|d| &d.id != old))
        .filter(|old| finished.is_none_or(|r| &r.id != old));
    if let Some(old) = ended_now {
        // Left without a record (before consent): its entry goes.
        if !seen.ended.contains(&old) {
            seen.ended.push(old);
        }
    }
    match draft {
        Some(draft) if seen.unsaved.as_ref().is_some_and(|id| id != &draft.id) => {
            // Writing this draft would replace the only copy of the last
            // survey. The screen says saving failed; the start screen is
            // blocked, so this happens only if a survey started regardless.
            done.blocked = Some(StoreError::WriteFailedBecause(
                StoreFault::LastSurveyNotSaved,
            ));
        }
        Some(draft) => save_draft(repo, seen, draft, &mut done),
        None if finished.is_none() && !seen.ended.is_empty() => write_head(repo, seen, &mut done),
        None => {}
    }
    if done.blocked.is_none() && !seen.ended.is_empty() {
        done.writes.extend(plan::drop_journal(&seen.ended));
        done.ended = seen.ended.clone();
    }
    seen.draft_id = draft.map(|d| d.id.clone());
    done
}

/// A finished record: to the outbox now, to the database with its journal
/// entry's deletion next.
fn store_finished<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    record: &ResponseRecord,
    done: &mut Persisted,
) {
    match plan::store_finished(record) {
        Ok(writes) => done.writes.extend(writes),
        Err(e) => done.sync_problem = Some(e),
    }
    done.finished = Some(record.clone());
    match repo.save_record(record) {
        Ok(()) => {
            // The outbox holds it: the head need no longer hold its draft.
            if repo.draft_id().as_deref() == Some(record.id.as_str()) {
                write_head(repo, seen, done);
            }
        }
        Err(e) => {
            done.sync_problem = Some(e);
            seen.unsaved = Some(record.id.clone());
        }
    }
}

/// A finished record's entry: to the outbox now, to the database with the
/// counter and its journal entry's deletion next.
fn store_entry<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    entry: RecordEntry,
    done: &mut Persisted,
) {
    match plan::store_entry(&entry) {
        Ok(writes) => done.writes.extend(writes),
        Err(e) => done.sync_problem = Some(e),
    }
    let id = entry.header.id.clone();
    let outboxed = repo.save_entry(&entry);
    done.entry = Some(entry);
    match outboxed {
        Ok(()) => {
            seen.stored(&id);
            if repo.draft_id().as_deref() == Some(id.as_str()) {
                write_head(repo, seen, done);
            }
        }
        Err(e) => {
            done.sync_problem = Some(e);
            seen.unsaved = Some(id);
        }
    }
}

/// A draft: its head in `localStorage` now, its entry in the database next.
fn save_draft<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    draft: &Draft,
    done: &mut Persisted,
) {
    let entry = JournalEntry {
        rev: seen.take_rev(),
        draft: Some(draft.clone()),
        ended: seen.ended.clone(),
    };
    match plan::save_journal(&entry) {
        Ok(writes) => done.writes.extend(writes),
        Err(e) => done.sync_problem = Some(e),
    }
    done.head = Some(entry.clone());
    if let Err(e) = repo.save_draft(&entry) {
        done.sync_problem = Some(e);
        // A head left holding another survey would look newer than it is.
        if repo.draft_id().is_some_and(|id| id != draft.id) {
            let _ = repo.clear_draft();
        }
    }
}

/// The head when no survey is in progress: names the surveys that ended
/// without a record until the database has deleted their entries, and is
/// removed when there are none.
fn write_head<S: KeyValueStore>(repo: &mut Repository<S>, seen: &mut Seen, done: &mut Persisted) {
    if seen.unsaved.is_some() {
        // The head holds the draft of a record nothing else holds yet (it
        // already names every survey that ended before it).
        return;
    }
    if seen.ended.is_empty() {
        if let Err(e) = repo.clear_draft() {
            done.sync_problem = Some(e);
        }
        return;
    }
    let head = JournalEntry {
        rev: seen.take_rev(),
        draft: None,
        ended: seen.ended.clone(),
    };
    if repo.save_draft(&head).is_err() {
        // Removing never needs room: at least no stale draft stays.
        if let Err(e) = repo.clear_draft() {
            done.sync_problem = Some(e);
        }
    }
}

/// After the database committed (or refused) the writes of `persisted`:
/// once a finished record is stored, its outbox entry and any head still
/// holding its draft are removed; once ended surveys' entries are deleted,
/// heads stop naming them.
pub fn after_commit<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    persisted: &Persisted,
    outcome: &Result<(), StoreError>,
) -> Result<(), StoreError> {
    if outcome.is_err() {
        return Ok(());
    }
    seen.ended.retain(|id| !persisted.ended.contains(id));
    match (&persisted.finished, &persisted.entry) {
        (Some(record), _) => record_stored(repo, seen, &record.id),
        (None, Some(entry)) => record_stored(repo, seen, &entry.header.id),
        (None, None) => Ok(()),
    }
}

/// The record `id` is in the database: its outbox entry and any head still
/// holding its draft go.
pub fn record_stored<S: KeyValueStore>(
    repo: &mut Repository<S>,
    seen: &mut Seen,
    id: &str,
) -> Result<(), StoreError> {
    seen.stored(id);
    repo.remove_outbox(&[format!("{RECORD_PREFIX}{id}")])?;
    repo.clear_draft_if(id).map(|_| ())
}

/// What the screen says after a change whose writes are `persisted`, once
/// the database answered `commit` (`None` while it has not).
///
/// A draft is saved if either store took it. A finished record is saved
/// only once it is in the database: until then the start screen stays
/// blocked, even when the outbox holds it.
pub fn shown_problem(
    persisted: &Persisted,
    commit: Option<&Result<(), StoreError>>,
) -> Option<StoreError> {
    if let Some(blocked) = &persisted.blocked {
        return Some(blocked.clone());
    }
    let refused = match commit {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };
    if persisted.finished.is_some() || persisted.entry.is_some() {
        return refused;
    }
    match (&persisted.sync_problem, refused) {
        (Some(sync), Some(db)) => Some(if db == StoreError::Full {
            db
        } else {
            sync.clone()
        }),
        _ => None,
    }
}
