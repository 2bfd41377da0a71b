//! What to do at start-up with the journal left by a reload or a crash:
//! which survey resumes, which are kept as partial records, which entries
//! are dropped.

use crate::instrument::Instrument;
use crate::record::{ResponseRecord, Status};
use crate::settings::Settings;
use crate::storage::journal_entry::JournalEntry;
use crate::survey::Draft;
use crate::time::Timestamp;
use std::collections::BTreeMap;

/// What became of the newest survey in the journal.
#[derive(Debug, Clone, PartialEq)]
pub enum Recovery {
    /// No survey was in progress.
    Nothing,
    /// A recent draft: the same participant carries on where they were.
    Resume(Box<Draft>),
    /// A draft older than the idle limit, now stored as a partial record.
    KeptAsPartial(Box<ResponseRecord>),
    /// A draft older than the idle limit from before consent: nothing kept.
    Discarded,
    /// The draft's record is already stored (the page closed after the
    /// record was saved but before its draft was removed): the draft was
    /// dropped, never turned into a second record or resumed.
    AlreadyStored,
}

/// What start-up is to do with the journal.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryPlan {
    /// What became of the newest survey.
    pub recovery: Recovery,
    /// Records to store (with [`crate::storage::plan::store_finished`],
    /// which also deletes their journal entries): the newest survey when it
    /// is kept as partial, and any older survey left consented.
    pub partial: Vec<ResponseRecord>,
    /// Journal entries to delete: surveys already stored, discarded, or
    /// named as ended by the head.
    pub drop: Vec<String>,
    /// The revision the session's first entry is written with.
    pub next_rev: u64,
}

/// Decides what becomes of every survey in the journal: `entries` from the
/// database and `head` from `localStorage`. For each survey the entry with
/// the highest revision counts; surveys the head names as ended, or whose
/// record `is_stored` (in the database or the outbox), are dropped. The
/// newest survey resumes when it was touched within the idle limit (idle
/// time plus the "still there?" wait) and on `instrument`; otherwise, like
/// any older survey, it is kept as a partial record once consented, and
/// dropped before consent. A survey answered on another instrument (e.g.
/// before an update) cannot resume: its record is coded by its own
/// instrument when that is among `known` (every earlier default ships with
/// the app), else kept as given.
pub fn plan_recovery(
    entries: Vec<JournalEntry>,
    head: Option<JournalEntry>,
    is_stored: impl Fn(&str) -> bool,
    instrument: &Instrument,
    known: &[Instrument],
    settings: &Settings,
    now: Timestamp,
) -> RecoveryPlan {
    let next_rev = entries
        .iter()
        .chain(head.iter())
        .map(|e| e.rev + 1)
        .max()
        .unwrap_or(0);
    let ended: Vec<String> = head.as_ref().map(|h| h.ended.clone()).unwrap_or_default();
    let mut newest_by_id: BTreeMap<String, (u64, Draft)> = BTreeMap::new();
    for entry in entries.into_iter().chain(head) {
        let rev = entry.rev;
        if let Some(draft) = entry.draft {
            match newest_by_id.get(&draft.id) {
                Some((kept, _)) if *kept >= rev => {}
                _ => {
                    newest_by_id.insert(draft.id.clone(), (rev, draft));
                }
            }
        }
    }
    let mut plan = RecoveryPlan {
        recovery: Recovery::Nothing,
        partial: Vec::new(),
        drop: Vec::new(),
        next_rev,
    };
    let mut live: Vec<(u64, Draft)> = Vec::new();
    let mut any_stored = false;
    for (id, (rev, draft)) in newest_by_id {
        if ended.contains(&id) {
            plan.drop.push(id);
        } else if is_stored(&id) {
            any_stored = true;
            plan.drop.push(id);
        } else {
            live.push((rev, draft));
        }
    }
    // Ids named as ended whose entries were already deleted stay listed:
    // deleting them again is harmless, and the head stops naming them.
    for id in ended {
        if !plan.drop.contains(&id) {
            plan.drop.push(id);
        }
    }
    live.sort_by_key(|(rev, _)| *rev);
    let Some((_, newest)) = live.pop() else {
        if any_stored {
            plan.recovery = Recovery::AlreadyStored;
        }
        return plan;
    };
    for (_, older) in live {
        keep_or_drop(older, instrument, known, &mut plan);
    }
    let limit = newest
        .last_activity
        .plus_seconds(settings.abandon_after_seconds());
    let same_instrument = newest.instrument.hash == crate::hash::content_hash(instrument);
    plan.recovery = if now <= limit && same_instrument {
        Recovery::Resume(Box::new(newest))
    } else {
        match keep_or_drop(newest, instrument, known, &mut plan) {
            Some(record) => Recovery::KeptAsPartial(Box::new(record)),
            None => Recovery::Discarded,
        }
    };
    plan
}

/// A survey that will not resume: kept as a partial record once consented
/// (ending when it was last touched: that is when the participant left),
/// dropped before consent.
fn keep_or_drop(
    draft: Draft,
    instrument: &Instrument,
    known: &[Instrument],
    plan: &mut RecoveryPlan,
) -> Option<ResponseRecord> {
    if draft.consented_at.is_none() {
        plan.drop.push(draft.id);
        return None;
    }
    let ended = draft.last_activity;
    let own = if draft.instrument.hash == crate::hash::content_hash(instrument) {
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
    plan.partial.push(record.clone());
    Some(record)
}
