//! What moving the outbox into the record database did, as the app's
//! start-up reports it (planned by [`crate::storage::plan::flush_outbox`]).

/// What moving the outbox into the record database did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flushed {
    /// Ids of the records moved.
    pub ids: Vec<String>,
    /// Outbox values found unreadable and moved to the quarantine.
    pub quarantined: usize,
}
