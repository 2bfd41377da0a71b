//! Carrying out a [`RecoveryPlan`] in whichever record store the caller
//! has: the native [`crate::storage::boot`] and the browser's start-up both
//! build the same writes here, commit them their own way, then finish here.

use crate::storage::journal::{record_stored, Seen};
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
