//! The instruments of this device over `localStorage`: the one new surveys
//! use, and every one ever used (for exports). The rules are the core's
//! [`candour_core::storage::instruments`], tested natively.

use crate::services::local_store::LocalStore;
use candour_core::instrument::default::{default_instrument, shipped_defaults};
use candour_core::instrument::Instrument;
use candour_core::storage::instruments::{self as stored, Chosen, SaveError, StoredProblem};
use candour_core::storage::StoreError;

/// Every instrument this device knows: the default first, then every
/// earlier default (records answered before an update still need theirs),
/// then every researcher's instrument ever loaded here, each once. An
/// export hands these over, so that each record's instrument definition
/// goes with it.
pub fn known_instruments() -> Vec<Instrument> {
    match LocalStore::open() {
        Ok(store) => stored::known_instruments(&store, shipped_defaults()),
        Err(_) => shipped_defaults(),
    }
}

/// Which instrument new surveys use, as stored (without storage: the default).
pub fn chosen() -> Chosen {
    match LocalStore::open() {
        Ok(store) => stored::chosen_instrument(&store),
        Err(e) => Chosen::Unusable(StoredProblem::Store(e)),
    }
}

/// The instrument for new surveys at start-up: the chosen one when it
/// still loads, otherwise the default with the reason the chosen one could
/// not be used (for a visible notice). `None` only when even the default
/// does not load. No storage is not a reason here: start-up says that
/// itself, and nothing can have been chosen then.
pub fn for_new_surveys() -> (Option<Instrument>, Option<StoredProblem>) {
    let Ok(store) = LocalStore::open() else {
        return (default_instrument().ok(), None);
    };
    match stored::chosen_instrument(&store) {
        Chosen::Loaded(instrument) => (Some(*instrument), None),
        Chosen::Default => (default_instrument().ok(), None),
        Chosen::Unusable(problem) => (default_instrument().ok(), Some(problem)),
    }
}

/// Checks `bytes` as an instrument file and, when it has no problem at
/// all, stores it for new surveys from the next start.
pub fn save(bytes: &[u8]) -> Result<Instrument, SaveError> {
    let mut store = LocalStore::open().map_err(SaveError::Store)?;
    stored::save_instrument(&mut store, bytes)
}

/// New surveys use the default again from the next start.
pub fn choose_default() -> Result<(), StoreError> {
    stored::use_default(&mut LocalStore::open()?)
}
