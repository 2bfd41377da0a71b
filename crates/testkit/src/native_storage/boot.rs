//! Start-up over the two stores, in the order that can never lose or
//! duplicate a response: first the outbox is moved into the database (so a
//! record whose database write was cut off is stored, and its journal entry
//! deleted with it), then the journal is read from both stores and each
//! survey in it is resumed, kept as a partial record, or dropped
//! ([`plan_recovery`]).
//!
//! Nothing here reads every record: start-up costs the same with 10,000
//! stored records as with none. The browser's `services::startup`
//! performs the same steps asynchronously over IndexedDB.

use super::archive::Archive;
use candour_core::instrument::Instrument;
use candour_core::settings::Settings;
use candour_core::storage::carry_out::{after_recovery_commit, recovery_writes};
use candour_core::storage::records::RecordStore;
use candour_core::storage::recover::{plan_recovery, Recovery, RecoveryPlan};
use candour_core::storage::repository::Repository;
use candour_core::storage::store::{KeyValueStore, StoreError};
use candour_core::storage::Flushed;
use candour_core::time::Timestamp;

/// What start-up found.
#[derive(Debug, Clone, PartialEq)]
pub struct Boot {
    /// The outbox moved into the database, or why it could not be (it then
    /// stays in the outbox, and is tried again at the next start-up).
    pub flushed: Result<Flushed, StoreError>,
    /// What became of the newest survey in the journal, or why the journal
    /// could not be read or its decisions stored (nothing is lost then:
    /// every draft stays where it was and is looked at again next time).
    pub recovery: Result<Recovery, StoreError>,
    /// Older surveys also kept as partial records (rare: each needs a
    /// failure that left two surveys in the journal).
    pub older_kept: usize,
    /// The revision the session's first journal entry is written with.
    pub next_rev: u64,
}

/// Runs start-up. `known` are the other instruments the device knows, to
/// code a draft left on one of them (see [`plan_recovery`]).
pub fn boot<K: KeyValueStore, S: RecordStore>(
    journal: &mut Repository<K>,
    archive: &mut Archive<S>,
    instrument: &Instrument,
    known: &[Instrument],
    settings: &Settings,
    now: Timestamp,
) -> Boot {
    let flushed = archive.flush_outbox(journal, now);
    let mut boot = Boot {
        flushed,
        recovery: Ok(Recovery::Nothing),
        older_kept: 0,
        next_rev: 0,
    };
    let read = read_journal(journal, archive, now);
    let (entries, head, outbox) = match read {
        Ok(read) => read,
        Err(e) => {
            boot.recovery = Err(e);
            return boot;
        }
    };
    let mut stored = Vec::new();
    for entry in entries.iter().chain(head.iter()) {
        if let Some(id) = entry.id() {
            match archive.contains(id) {
                Ok(true) => stored.push(id.to_owned()),
                Ok(false) => {}
                Err(e) => {
                    boot.recovery = Err(e);
                    return boot;
                }
            }
        }
    }
    let is_stored = |id: &str| stored.iter().any(|s| s == id) || outbox.iter().any(|o| o == id);
    let plan = plan_recovery(entries, head, is_stored, instrument, known, settings, now);
    boot.next_rev = plan.next_rev;
    boot.older_kept = plan.partial.len().saturating_sub(usize::from(matches!(
        plan.recovery,
        Recovery::KeptAsPartial(_)
    )));
    boot.recovery = carry_out(journal, archive, plan);
    boot
}

type JournalRead = (
    Vec<candour_core::storage::journal_entry::JournalEntry>,
    Option<candour_core::storage::journal_entry::JournalEntry>,
    Vec<String>,
);

fn read_journal<K: KeyValueStore, S: RecordStore>(
    journal: &mut Repository<K>,
    archive: &mut Archive<S>,
    now: Timestamp,
) -> Result<JournalRead, StoreError> {
    let entries = archive.journal(now)?;
    let head = journal.load_draft()?;
    let outbox = journal.outbox_ids()?;
    Ok((entries, head, outbox))
}

/// Stores the partial records and drops what the plan drops, in one
/// transaction (see [`recovery_writes`]). A survey resumes even if that
/// fails: what it would have dropped is looked at again next time.
fn carry_out<K: KeyValueStore, S: RecordStore>(
    journal: &mut Repository<K>,
    archive: &mut Archive<S>,
    plan: RecoveryPlan,
) -> Result<Recovery, StoreError> {
    let writes = recovery_writes(journal, &plan)?;
    if let Err(e) = archive.store.commit(writes) {
        return match plan.recovery {
            Recovery::Resume(_) => Ok(plan.recovery),
            _ => Err(e),
        };
    }
    after_recovery_commit(journal, &plan)?;
    Ok(plan.recovery)
}
