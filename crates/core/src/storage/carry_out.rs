//! Carrying out a [`RecoveryPlan`] in whichever record store the caller
//! has: the browser's start-up and the test kit's native model of it both
//! build the same writes here, commit them their own way, then finish here.

use crate::seal::SealError;
use crate::storage::journal::{record_stored, MakeEntry, Seen};
use crate::storage::plan;
use crate::storage::records::Write;
use crate::storage::recover::{Recovery, RecoveryPlan};
use crate::storage::repository::Repository;
use crate::storage::store::{KeyValueStore, StoreError};

/// The writes that store the plan's partial records and drop what it
/// drops, to be committed in one transaction. Each partial record goes to
/// the outbox first, so it is kept even if that transaction fails (if the
/// outbox refuses too, the draft stays in the journal until the database
/// takes the record).
pub fn recovery_writes<K: KeyValueStore>(
    journal: &mut Repository<K>,
    plan: &RecoveryPlan,
) -> Result<Vec<Write>, StoreError> {
    let mut writes = Vec::new();
    for record in &plan.partial {
        let _ = journal.save_record(record);
        writes.extend(plan::store_finished(record)?);
    }
    writes.extend(plan::drop_journal(&plan.drop));
    Ok(writes)
}

/// What [`recovery_entry_writes`] planned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecoveryEntries {
    /// The writes to commit in one transaction.
    pub writes: Vec<Write>,
    /// The partial records whose entry could not be made, by id, with why:
    /// their drafts stay where they are and are tried again next start.
    pub failed: Vec<(String, SealError)>,
}

/// [`recovery_writes`] for a tablet that stores entries: each abandoned
/// draft closed as partial is first turned into its entry by `make`
/// (sealed to the research key, or clear, and numbered), and only the entry
/// goes to the outbox and the database. A draft whose entry cannot be made
/// (no randomness, its questionnaire unknown) stays in the journal, as it
/// was, and is tried again at the next start.
pub fn recovery_entry_writes<K: KeyValueStore>(
    journal: &mut Repository<K>,
    plan: &RecoveryPlan,
    make: MakeEntry<'_>,
) -> Result<RecoveryEntries, StoreError> {
    let mut planned = RecoveryEntries::default();
    for record in &plan.partial {
        match make(record) {
            Ok(entry) => {
                let _ = journal.save_entry(&entry);
                planned.writes.extend(plan::store_entry(&entry)?);
            }
            Err(e) => planned.failed.push((record.id.clone(), e)),
        }
    }
    planned.writes.extend(plan::drop_journal(&plan.drop));
    Ok(planned)
}

/// After the writes of [`recovery_entry_writes`] were committed: as
/// [`after_recovery_commit`], except that a draft whose entry could not be
/// made keeps its place in the head.
pub fn after_recovery_entry_commit<K: KeyValueStore>(
    journal: &mut Repository<K>,
    plan: &RecoveryPlan,
    planned: &RecoveryEntries,
) -> Result<(), StoreError> {
    let mut seen = Seen::default();
    let failed = |id: &str| planned.failed.iter().any(|(f, _)| f == id);
    for record in plan.partial.iter().filter(|r| !failed(&r.id)) {
        record_stored(journal, &mut seen, &record.id)?;
    }
    let head_kept = journal.draft_id().is_some_and(|id| failed(&id));
    if !matches!(plan.recovery, Recovery::Resume(_)) && !head_kept {
        journal.clear_draft()?;
    }
    Ok(())
}

/// After the writes of [`recovery_writes`] were committed: the outbox
/// copies go, and unless a survey resumes, the head too (every survey it
/// held or named is now stored or dropped).
pub fn after_recovery_commit<K: KeyValueStore>(
    journal: &mut Repository<K>,
    plan: &RecoveryPlan,
) -> Result<(), StoreError> {
    let mut seen = Seen::default();
    for record in &plan.partial {
        record_stored(journal, &mut seen, &record.id)?;
    }
    if !matches!(plan.recovery, Recovery::Resume(_)) {
        journal.clear_draft()?;
    }
    Ok(())
}
