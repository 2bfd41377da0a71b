//! Typed saving and loading over a key-value store.
//!
//! Keys: `candour:draft`, `candour:record:<id>` (one key per record, so a
//! corrupt one never hides the others), `candour:settings`, and
//! `candour:quarantine:<original key>` for values that could not be read.

use crate::core::record::ResponseRecord;
use crate::core::settings::Settings;
use crate::core::storage::envelope::{open, seal};
use crate::core::storage::store::{KeyValueStore, StoreError};
use crate::core::survey::Draft;
use serde::{Deserialize, Serialize};

/// Key of the survey in progress.
pub const DRAFT_KEY: &str = "candour:draft";
/// Key prefix of stored records.
pub const RECORD_PREFIX: &str = "candour:record:";
/// Key of the device settings.
pub const SETTINGS_KEY: &str = "candour:settings";
/// Key prefix of quarantined values.
pub const QUARANTINE_PREFIX: &str = "candour:quarantine:";

/// A stored value that could not be read, kept raw for inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// The key it was stored under.
    pub key: String,
    /// Why it could not be read.
    pub reason: String,
    /// The value exactly as stored.
    pub raw: String,
}

/// What loading the records found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// Every readable record, oldest first.
    pub records: Vec<ResponseRecord>,
    /// Every value that could not be read (newly found or quarantined before).
    pub quarantined: Vec<Quarantined>,
}

/// Drafts, records and settings over a store.
#[derive(Debug, Clone)]
pub struct Repository<S> {
    /// The underlying store.
    pub store: S,
}

impl<S: KeyValueStore> Repository<S> {
    /// A repository over `store`.
    pub fn new(store: S) -> Self {
        Repository { store }
    }

    /// Saves the survey in progress.
    pub fn save_draft(&mut self, draft: &Draft) -> Result<(), StoreError> {
        self.write(
            DRAFT_KEY,
            &seal("draft", draft).map_err(StoreError::WriteFailed)?,
        )
    }

    /// The survey in progress, if any. An unreadable draft is quarantined,
    /// never silently dropped, and loading goes on as if there were none.
    pub fn load_draft(&mut self) -> Result<Option<Draft>, StoreError> {
        let Some(raw) = self.store.get(DRAFT_KEY)? else {
            return Ok(None);
        };
        match open::<Draft>("draft", &raw) {
            Ok(draft) => Ok(Some(draft)),
            Err(reason) => {
                self.quarantine(DRAFT_KEY, &raw, &reason)?;
                Ok(None)
            }
        }
    }

    /// Removes the survey in progress.
    pub fn clear_draft(&mut self) -> Result<(), StoreError> {
        self.store.remove(DRAFT_KEY)
    }

    /// Saves a record under its own key. Saving it again replaces it, so a
    /// double submit can never make two records.
    pub fn save_record(&mut self, record: &ResponseRecord) -> Result<(), StoreError> {
        let key = format!("{RECORD_PREFIX}{}", record.id);
        self.write(
            &key,
            &seal("record", record).map_err(StoreError::WriteFailed)?,
        )
    }

    /// Every record, oldest first. Unreadable ones are moved to quarantine
    /// and reported; all the others still load.
    pub fn load_records(&mut self) -> Result<Loaded, StoreError> {
        let mut loaded = Loaded::default();
        let mut keys = self.store.keys()?;
        keys.sort();
        for key in keys {
            let Some(raw) = self.store.get(&key)? else {
                continue;
            };
            if key.starts_with(RECORD_PREFIX) {
                match open::<ResponseRecord>("record", &raw) {
                    Ok(record) => loaded.records.push(record),
                    Err(reason) => {
                        self.quarantine(&key, &raw, &reason)?;
                        loaded.quarantined.push(Quarantined { key, reason, raw });
                    }
                }
            } else if key.starts_with(QUARANTINE_PREFIX) {
                if let Ok(q) = serde_json::from_str::<Quarantined>(&raw) {
                    loaded.quarantined.push(q);
                }
            }
        }
        loaded
            .records
            .sort_by(|a, b| a.started_at.cmp(&b.started_at).then(a.id.cmp(&b.id)));
        Ok(loaded)
    }

    /// The device settings; defaults when none are saved or they are unreadable.
    pub fn load_settings(&self) -> Settings {
        self.store
            .get(SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|raw| open("settings", &raw).ok())
            .unwrap_or_default()
    }

    /// Saves the device settings.
    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), StoreError> {
        self.write(
            SETTINGS_KEY,
            &seal("settings", settings).map_err(StoreError::WriteFailed)?,
        )
    }

    /// Writes and reads back, so that a write the store silently dropped or
    /// mangled is reported rather than trusted.
    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.store.set(key, value)?;
        match self.store.get(key)? {
            Some(back) if back == value => Ok(()),
            _ => Err(StoreError::WriteFailed(format!(
                "{key} did not read back as written"
            ))),
        }
    }

    /// Moves an unreadable value aside, raw. If the copy cannot be written
    /// (storage full), the original stays where it is: nothing is lost.
    fn quarantine(&mut self, key: &str, raw: &str, reason: &str) -> Result<(), StoreError> {
        let kept = Quarantined {
            key: key.to_owned(),
            reason: reason.to_owned(),
            raw: raw.to_owned(),
        };
        let value =
            serde_json::to_string(&kept).map_err(|e| StoreError::WriteFailed(e.to_string()))?;
        self.write(&format!("{QUARANTINE_PREFIX}{key}"), &value)?;
        self.store.remove(key)
    }
}
