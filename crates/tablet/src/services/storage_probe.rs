//! The test write before a survey starts: a draft-sized and a record-sized
//! value written to the record database in one durable transaction, then
//! removed. See the core's [`candour_core::storage::probe`].

use crate::services::records_db::RecordsDb;
use candour_core::storage::probe::probe;
use candour_core::storage::{StoreError, StoreFault};

/// Proves, with a real write, that `db` can take both a draft and a
/// finished record of a questionnaire of `items` items. The removal of the
/// test values is not waited for (a value left behind by a closed page is
/// removed at the next start-up).
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
pub async fn prove_room(db: Option<&RecordsDb>, items: usize) -> Result<(), StoreError> {
    let db = db.ok_or(StoreError::UnavailableBecause(
        StoreFault::DatabaseDidNotOpen,
    ))?;
    let probe = probe(items);
    db.commit(probe.write).await?;
    let db = db.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = db.commit(probe.remove).await;
    });
    Ok(())
}
