//! Researchers' own instruments, kept on the device.
//!
//! Keys: `candour:instrument:<hash>` holds every instrument ever loaded
//! (the file's text, in an envelope), and `candour:instrument` names the one
//! new surveys use (by hash). Every instrument is kept, never replaced,
//! because records keep the instrument they were answered on and an export
//! must include the definition of each one its records use.
//!
//! The text is stored as loaded and checked again by [`load_instrument`] at
//! every read, so an instrument a newer version of the app would refuse is
//! never used silently: the app falls back to the default and says why.

use crate::hash::content_hash;
use crate::instrument::load::{load_instrument, InstrumentErrors};
use crate::instrument::Instrument;
use crate::storage::envelope::{open, seal};
use crate::storage::store::{KeyValueStore, StoreError};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Key naming the instrument new surveys use; absent means the default.
pub const CHOICE_KEY: &str = "candour:instrument";
/// Key prefix of every stored instrument, followed by its content hash.
pub const INSTRUMENT_PREFIX: &str = "candour:instrument:";

const CHOICE_KIND: &str = "instrument-choice";
const INSTRUMENT_KIND: &str = "instrument";

/// What `candour:instrument` holds.
#[derive(Debug, Serialize, Deserialize)]
struct Choice {
    hash: String,
}

/// What `candour:instrument:<hash>` holds.
#[derive(Debug, Serialize, Deserialize)]
struct StoredText {
    json: String,
}

/// Why an instrument file was not stored.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SaveError {
    /// The bytes are not UTF-8 text.
    #[error("The file is not a text file (perhaps a spreadsheet or a picture was picked).")]
    NotText,
    /// The instrument has problems; nothing was stored.
    #[error("{0}")]
    Invalid(InstrumentErrors),
    /// Storage refused the write.
    #[error("{0}")]
    Store(StoreError),
}

/// Why the chosen instrument could not be used (the default is used instead).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum StoredProblem {
    /// Storage could not be read.
    #[error("storage could not be read: {0}")]
    Store(StoreError),
    /// The choice or the stored text is damaged.
    #[error("what is stored is damaged: {0}")]
    Damaged(String),
    /// The chosen instrument's text is not on the device.
    #[error("the questionnaire {0} is no longer on this tablet")]
    Missing(String),
    /// The text no longer passes this version's checks.
    #[error("it no longer passes the checks of this version of the app: {0}")]
    NoLongerValid(InstrumentErrors),
    /// The text loads but now hashes differently, so records would name
    /// another instrument than the one chosen.
    #[error("its content no longer matches the questionnaire that was loaded ({0})")]
    HashChanged(String),
}

/// Which instrument new surveys use, as stored.
#[derive(Debug, Clone, PartialEq)]
pub enum Chosen {
    /// Nothing chosen: the default.
    Default,
    /// A researcher's instrument, checked again as it was read (boxed: it
    /// is far larger than the other variants).
    Loaded(Box<Instrument>),
    /// One was chosen but cannot be used; the default is used instead.
    Unusable(StoredProblem),
}

/// Checks `bytes` as an instrument file and, when it has no problem, stores
/// it and makes it the instrument for new surveys. Nothing is stored when
/// there is any problem.
pub fn save_instrument<S: KeyValueStore>(
    store: &mut S,
    bytes: &[u8],
) -> Result<Instrument, SaveError> {
    let text = std::str::from_utf8(bytes).map_err(|_| SaveError::NotText)?;
    let instrument = load_instrument(text).map_err(SaveError::Invalid)?;
    let hash = content_hash(&instrument);
    let sealed = seal(
        INSTRUMENT_KIND,
        &StoredText {
            json: text.to_owned(),
        },
    )
    .map_err(|e| SaveError::Store(StoreError::WriteFailed(e)))?;
    // The text first: a choice must never name an instrument not stored.
    store
        .set(&format!("{INSTRUMENT_PREFIX}{hash}"), &sealed)
        .map_err(SaveError::Store)?;
    let choice = seal(CHOICE_KIND, &Choice { hash })
        .map_err(|e| SaveError::Store(StoreError::WriteFailed(e)))?;
    store.set(CHOICE_KEY, &choice).map_err(SaveError::Store)?;
    Ok(instrument)
}

/// Makes the default the instrument for new surveys again. Stored
/// instruments are kept: records answered on them still need them.
pub fn use_default<S: KeyValueStore>(store: &mut S) -> Result<(), StoreError> {
    store.remove(CHOICE_KEY)
}

/// The instrument new surveys use, as stored.
pub fn chosen_instrument<S: KeyValueStore>(store: &S) -> Chosen {
    let raw = match store.get(CHOICE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Chosen::Default,
        Err(e) => return Chosen::Unusable(StoredProblem::Store(e)),
    };
    let loaded = open::<Choice>(CHOICE_KIND, &raw)
        .map_err(StoredProblem::Damaged)
        .and_then(|choice| read_stored(store, &choice.hash));
    match loaded {
        Ok(instrument) => Chosen::Loaded(Box::new(instrument)),
        Err(problem) => Chosen::Unusable(problem),
    }
}

/// The instrument stored under `hash`, checked again and hashed again.
fn read_stored<S: KeyValueStore>(store: &S, hash: &str) -> Result<Instrument, StoredProblem> {
    let raw = store
        .get(&format!("{INSTRUMENT_PREFIX}{hash}"))
        .map_err(StoredProblem::Store)?
        .ok_or_else(|| StoredProblem::Missing(hash.to_owned()))?;
    let stored: StoredText = open(INSTRUMENT_KIND, &raw).map_err(StoredProblem::Damaged)?;
    let instrument = load_instrument(&stored.json).map_err(StoredProblem::NoLongerValid)?;
    if content_hash(&instrument) != hash {
        return Err(StoredProblem::HashChanged(hash.to_owned()));
    }
    Ok(instrument)
}

/// Every instrument this device knows: `shipped` first (the default and
/// every earlier default the app ships), then every stored instrument that
/// still reads, each once (by content hash), stored ones in key order.
/// Unreadable ones are left out: no record can be exported with them
/// anyway, and the export says which is missing.
pub fn known_instruments<S: KeyValueStore>(store: &S, shipped: Vec<Instrument>) -> Vec<Instrument> {
    let mut out: Vec<(String, Instrument)> = Vec::new();
    for instrument in shipped {
        let hash = content_hash(&instrument);
        if !out.iter().any(|(h, _)| *h == hash) {
            out.push((hash, instrument));
        }
    }
    let mut hashes: Vec<String> = store
        .keys()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|k| k.strip_prefix(INSTRUMENT_PREFIX).map(str::to_owned))
        .collect();
    hashes.sort();
    for hash in hashes {
        if out.iter().any(|(h, _)| *h == hash) {
            continue;
        }
        if let Ok(instrument) = read_stored(store, &hash) {
            out.push((hash, instrument));
        }
    }
    out.into_iter().map(|(_, i)| i).collect()
}
