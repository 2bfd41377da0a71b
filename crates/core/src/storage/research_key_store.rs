//! The research key the tablet seals to, as it keeps it: one value in the
//! database's `meta` table, written when staff load a tablet setup file
//! ([`crate::seal::read_setup_file`]) and read at start-up to make the
//! [`crate::storage::EntryMaker`].
//!
//! Loading a different key later is allowed (a new study, a lost key) but
//! never silent: [`KeyChange`] says what changes, with both fingerprints,
//! and records already sealed stay sealed to the key they were sealed to.

use crate::seal::ResearchPublicKey;
use crate::storage::envelope::{open, seal};
use crate::storage::records::{Table, Write};
use crate::storage::store::StoreError;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The research key's key in [`Table::Meta`].
pub const RESEARCH_KEY_KEY: &str = "research_key";

/// The research key as kept, with when it was loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptResearchKey {
    /// The key (checked again when read: a damaged value is refused).
    pub public_key: ResearchPublicKey,
    /// When staff loaded it.
    pub loaded_at: Timestamp,
}

impl KeptResearchKey {
    /// Reads the kept value; `None` when no key was ever loaded. A value
    /// that cannot be read is an error in words: the tablet then says the
    /// key must be loaded again, and never seals to a guessed key.
    pub fn decode(raw: Option<&str>) -> Result<Option<Self>, String> {
        raw.map(|raw| open("research_key", raw)).transpose()
    }

    /// The write that keeps `key`, loaded at `now`.
    pub fn keep(key: &ResearchPublicKey, now: Timestamp) -> Result<Write, StoreError> {
        let kept = KeptResearchKey {
            public_key: key.clone(),
            loaded_at: now,
        };
        Ok(Write::Put {
            table: Table::Meta,
            key: RESEARCH_KEY_KEY.to_owned(),
            value: seal("research_key", &kept).map_err(StoreError::WriteFailed)?,
        })
    }
}

/// What loading a setup file's key changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyChange {
    /// The tablet had no key: records are sealed from now on.
    First {
        /// The new key's fingerprint.
        fingerprint: String,
    },
    /// The same key again: nothing changes.
    Same {
        /// Its fingerprint.
        fingerprint: String,
    },
    /// Another key replaces the one loaded before: records from now on are
    /// sealed to the new one; those stored already stay sealed to the old.
    Replaced {
        /// The key loaded before.
        old: String,
        /// The new key.
        new: String,
    },
}

impl KeyChange {
    /// What loading `new` changes when `old` is kept.
    pub fn of(old: Option<&ResearchPublicKey>, new: &ResearchPublicKey) -> Self {
        match old {
            None => KeyChange::First {
                fingerprint: new.fingerprint(),
            },
            Some(old) if old == new => KeyChange::Same {
                fingerprint: new.fingerprint(),
            },
            Some(old) => KeyChange::Replaced {
                old: old.fingerprint(),
                new: new.fingerprint(),
            },
        }
    }
}
