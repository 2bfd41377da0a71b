//! What moving the outbox into the record database did, and the step after
//! its one transaction committed, which the browser's IndexedDB service and
//! the test kit's native model both take (planned by
//! [`crate::storage::plan::flush_outbox`]).

use crate::storage::plan::OutboxPlan;
use crate::storage::repository::Repository;
use crate::storage::store::{KeyValueStore, StoreError};

/// What moving the outbox into the record database did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flushed {
    /// Ids of the records moved.
    pub ids: Vec<String>,
    /// Outbox values found unreadable and moved to the quarantine.
    pub quarantined: usize,
}

/// After `plan`'s writes committed (and only then): removes the moved
/// values from the `localStorage` outbox and the drafts of their surveys,
/// so that a record is never in neither place.
pub fn after_outbox_commit<K: KeyValueStore>(
    journal: &mut Repository<K>,
    plan: OutboxPlan,
) -> Result<Flushed, StoreError> {
    journal.remove_outbox(&plan.done_keys)?;
    for id in &plan.ids {
        journal.clear_draft_if(id)?;
    }
    Ok(Flushed {
        ids: plan.ids,
        quarantined: plan.quarantined.len(),
    })
}
