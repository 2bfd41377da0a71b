//! Typed saving and loading over a key-value store (`localStorage` in the
//! app): the journal of the survey in progress, the outbox of finished
//! records, and the settings.
//!
//! Keys: `candour:draft` (the journal's head: the survey in progress,
//! rewritten at every answer, or that none is; see
//! [`crate::storage::journal_entry`]),
//! `candour:record:<id>` (the outbox: a finished record waiting to be moved
//! into the record database, one key per record so a corrupt one never
//! hides the others), `candour:settings`, and
//! `candour:quarantine:<original key>` for values that could not be read.
//!
//! `localStorage` is synchronous, so a value written here is saved before
//! the next event can run: nothing is pending when the page is closed.

use crate::record::ResponseRecord;
use crate::seal::RecordEntry;
use crate::settings::Settings;
use crate::storage::entry_format::{encode_entry, StoredEntry};
use crate::storage::envelope::{open, seal};
use crate::storage::journal_entry::JournalEntry;
use crate::storage::record_format::encode_record;
use crate::storage::store::{KeyValueStore, StoreError};

pub use crate::storage::quarantine::Quarantined;

/// Key of the journal's head (the survey in progress).
pub const DRAFT_KEY: &str = "candour:draft";
/// Key prefix of stored records.
pub const RECORD_PREFIX: &str = "candour:record:";
/// Key of the device settings.
pub const SETTINGS_KEY: &str = "candour:settings";
/// Key prefix of quarantined values.
pub const QUARANTINE_PREFIX: &str = "candour:quarantine:";

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

    /// Saves the journal's head (the survey in progress at its revision).
    pub fn save_draft(&mut self, entry: &JournalEntry) -> Result<(), StoreError> {
        self.write(DRAFT_KEY, &entry.encode().map_err(StoreError::WriteFailed)?)
    }

    /// The journal's head, if any. An unreadable one is quarantined, never
    /// silently dropped, and loading goes on as if there were none.
    pub fn load_draft(&mut self) -> Result<Option<JournalEntry>, StoreError> {
        let Some(raw) = self.store.get(DRAFT_KEY)? else {
            return Ok(None);
        };
        match JournalEntry::decode(&raw) {
            Ok(entry) => Ok(Some(entry)),
            Err(reason) => {
                self.quarantine(DRAFT_KEY, &raw, &reason)?;
                Ok(None)
            }
        }
    }

    /// Removes the journal's head.
    pub fn clear_draft(&mut self) -> Result<(), StoreError> {
        self.store.remove(DRAFT_KEY)
    }

    /// The id of the survey the head holds, if it is readable and holds one
    /// (nothing is quarantined here: [`Repository::load_draft`] does that).
    pub fn draft_id(&self) -> Option<String> {
        let raw = self.store.get(DRAFT_KEY).ok()??;
        JournalEntry::decode(&raw).ok()?.draft.map(|d| d.id)
    }

    /// Removes the head only if it holds the survey `id`: the one whose
    /// record was just stored. A newer survey's draft is never touched.
    pub fn clear_draft_if(&mut self, id: &str) -> Result<bool, StoreError> {
        if self.draft_id().as_deref() == Some(id) {
            self.clear_draft()?;
            return Ok(true);
        }
        Ok(false)
    }

    /// The ids of the records waiting in the outbox, unread.
    pub fn outbox_ids(&self) -> Result<Vec<String>, StoreError> {
        let mut ids: Vec<String> = self
            .store
            .keys()?
            .into_iter()
            .filter_map(|k| k.strip_prefix(RECORD_PREFIX).map(str::to_owned))
            .collect();
        ids.sort();
        Ok(ids)
    }

    /// Puts a finished record's entry (sealed, or clear without a research
    /// key) in the outbox, under its record's key, in record format 3.
    /// Saving it again replaces it, so a double submit can never make two.
    pub fn save_entry(&mut self, entry: &RecordEntry) -> Result<(), StoreError> {
        let key = format!("{RECORD_PREFIX}{}", entry.header.id);
        let stored = StoredEntry::new(entry).map_err(StoreError::WriteFailed)?;
        self.write(
            &key,
            &encode_entry(&stored).map_err(StoreError::WriteFailed)?,
        )
    }

    /// Puts a clear finished record in the outbox, under its own key, in
    /// record format 2 (as builds before issue 14 did; kept for their
    /// fixtures and tests). Saving it again replaces it, so a double submit can
    /// never make two records.
    pub fn save_record(&mut self, record: &ResponseRecord) -> Result<(), StoreError> {
        let key = format!("{RECORD_PREFIX}{}", record.id);
        self.write(
            &key,
            &encode_record(record).map_err(StoreError::WriteFailed)?,
        )
    }

    /// Every `(key, value)` of the outbox, in key order, unread.
    pub fn outbox(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut keys = self.store.keys()?;
        keys.retain(|k| k.starts_with(RECORD_PREFIX));
        keys.sort();
        let mut rows = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(raw) = self.store.get(&key)? {
                rows.push((key, raw));
            }
        }
        Ok(rows)
    }

    /// Removes outbox entries once their records are safely elsewhere.
    pub fn remove_outbox(&mut self, keys: &[String]) -> Result<(), StoreError> {
        for key in keys {
            self.store.remove(key)?;
        }
        Ok(())
    }

    /// Every value quarantined in this store (drafts, outbox records).
    pub fn quarantined(&self) -> Result<Vec<Quarantined>, StoreError> {
        let mut keys = self.store.keys()?;
        keys.retain(|k| k.starts_with(QUARANTINE_PREFIX));
        keys.sort();
        let mut found = Vec::with_capacity(keys.len());
        for key in keys {
            if let Some(raw) = self.store.get(&key)? {
                found.push(Quarantined::decode(&key, &raw));
            }
        }
        Ok(found)
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

    /// Changes the stored settings by `change`, applied to what is stored at
    /// this moment (not to a copy read earlier), and saves them: each panel
    /// changes only its own fields, so two panels never undo each other.
    /// Returns the settings as saved.
    ///
    /// Stored settings that cannot be read are set aside, raw, in the
    /// quarantine before the new ones are saved, so a damaged value is kept
    /// to be looked at rather than silently replaced; a read that storage
    /// refuses changes nothing.
    pub fn update_settings(
        &mut self,
        change: impl FnOnce(Settings) -> Settings,
    ) -> Result<Settings, StoreError> {
        let current = match self.store.get(SETTINGS_KEY)? {
            None => Settings::default(),
            Some(raw) => match open("settings", &raw) {
                Ok(settings) => settings,
                Err(reason) => {
                    self.quarantine(SETTINGS_KEY, &raw, &reason)?;
                    Settings::default()
                }
            },
        };
        let next = change(current);
        self.save_settings(&next)?;
        Ok(next)
    }

    /// Moves an unreadable value aside, raw. If the copy cannot be written
    /// (storage full), the original stays where it is: nothing is lost.
    pub fn quarantine(&mut self, key: &str, raw: &str, reason: &str) -> Result<(), StoreError> {
        let kept = Quarantined {
            key: key.to_owned(),
            reason: reason.to_owned(),
            raw: raw.to_owned(),
            at: None,
        };
        let value = kept.encode().map_err(StoreError::WriteFailed)?;
        self.write(&format!("{QUARANTINE_PREFIX}{key}"), &value)?;
        self.store.remove(key)
    }
}
