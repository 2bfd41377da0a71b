//! How a record entry (issue 14: a clear header with the record sealed to
//! the research key, or in clear on a tablet without one) is stored, and
//! how a stored value of any record format is read.
//!
//! Record format **3**:
//! `{"format":3,"kind":"entry","exported_at":null,"sum":"fnv1a64:…","data":{…entry…}}`.
//! `data` is the entry's exact text ([`RecordEntry::to_json`]), never
//! rewritten: the signed export lists it byte for byte and the manifest
//! signs its digest, so marking a record exported changes only
//! `exported_at`, outside the checksummed text. Formats 1 and 2 (clear
//! records of earlier builds) are still read ([`Stored::Legacy`]).

use crate::export::signed::record_digest;
use crate::record::ResponseRecord;
use crate::seal::{RecordEntry, RecordHeader};
use crate::storage::checksum::checksum;
use crate::storage::record_format::{check_held_id, decode_record};
use crate::time::Timestamp;
use serde::Deserialize;
use serde_json::value::RawValue;
use thiserror::Error;

/// The record format entries are written in.
pub const ENTRY_FORMAT: u32 = 3;

/// A stored record entry: its header (to count, list and mark it without
/// opening anything), its exact text, and when it was first exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    /// The entry's clear header, read from `text`.
    pub header: RecordHeader,
    /// The entry exactly as stored and exported.
    pub text: String,
    /// Whether the record is sealed (false: kept in clear, no research key).
    pub sealed: bool,
    /// When it was first exported, if it was.
    pub exported_at: Option<Timestamp>,
}

impl StoredEntry {
    /// The stored form of `entry`, not yet exported.
    pub fn new(entry: &RecordEntry) -> Result<Self, String> {
        Ok(StoredEntry {
            header: entry.header.clone(),
            text: entry.to_json().map_err(|e| e.to_string())?,
            sealed: entry.is_sealed(),
            exported_at: None,
        })
    }

    /// The record's id.
    pub fn id(&self) -> &str {
        &self.header.id
    }

    /// The digest the signed export's manifest lists for this entry, and
    /// the one a receipt names it by.
    pub fn digest(&self) -> String {
        record_digest(&self.text)
    }

    /// The entry itself, read from its text.
    pub fn entry(&self) -> Result<RecordEntry, DamagedEntry> {
        serde_json::from_str(&self.text).map_err(|e| DamagedEntry::from_json(&e))
    }
}

/// A stored entry whose text does not read as a record entry.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("damaged entry: {detail}")]
pub struct DamagedEntry {
    /// The JSON reader's words: technical detail for whoever looks into
    /// the fault, so kept as they came.
    pub detail: String,
}

impl DamagedEntry {
    fn from_json(e: &serde_json::Error) -> Self {
        DamagedEntry {
            detail: e.to_string(),
        }
    }
}

/// A stored value of any record format.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// A record entry (format 3).
    Entry(StoredEntry),
    /// A clear record of an earlier build (formats 1 and 2), not yet
    /// numbered: start-up turns it into a clear entry
    /// ([`crate::storage::plan::migrate_legacy`]).
    Legacy(ResponseRecord),
}

impl Stored {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Stored::Entry(e) => e.id(),
            Stored::Legacy(r) => &r.id,
        }
    }
}

/// Writes `entry` in record format 3.
pub fn encode_entry(entry: &StoredEntry) -> Result<String, String> {
    // Milliseconds, like every time the tablet stores.
    let exported = serde_json::to_string(&entry.exported_at).map_err(|e| e.to_string())?;
    let sum = checksum(&entry.text);
    Ok(format!(
        "{{\"format\":{ENTRY_FORMAT},\"kind\":\"entry\",\"exported_at\":{exported},\"sum\":\"{sum}\",\"data\":{}}}",
        entry.text
    ))
}

/// Reads a value of any record format stored under `key_id`, refusing one
/// that holds another record (a hand edit, or a copy under the wrong key),
/// as [`crate::storage::record_format::check_key`] does for clear records.
pub fn decode_stored_under(key_id: &str, raw: &str) -> Result<Stored, String> {
    let stored = decode_stored(raw)?;
    check_held_id(stored.id(), key_id)?;
    Ok(stored)
}

/// The envelope of format 3, with `data` kept as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryEnvelope<'a> {
    format: u32,
    kind: String,
    exported_at: Option<Timestamp>,
    sum: String,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// Reads a value of any record format. The error says, in words, why it
/// cannot be trusted; the caller quarantines it.
pub fn decode_stored(raw: &str) -> Result<Stored, String> {
    if !raw.starts_with("{\"format\":3,") {
        return decode_record(raw).map(Stored::Legacy);
    }
    let envelope: EntryEnvelope<'_> =
        serde_json::from_str(raw).map_err(|e| format!("not a readable value: {e}"))?;
    if envelope.format != ENTRY_FORMAT || envelope.kind != "entry" {
        return Err(format!("holds a {}, not a record entry", envelope.kind));
    }
    let text = envelope.data.get();
    if envelope.sum != checksum(text) {
        return Err("changed after it was saved (checksum differs)".into());
    }
    // The reason is kept with the quarantined value, in the storage report
    // a researcher downloads, like every other reason here: data, so its
    // English form.
    let entry: RecordEntry =
        serde_json::from_str(text).map_err(|e| DamagedEntry::from_json(&e).to_string())?;
    let exported_at = envelope.exported_at;
    Ok(Stored::Entry(StoredEntry {
        header: entry.header.clone(),
        text: text.to_owned(),
        sealed: entry.is_sealed(),
        exported_at,
    }))
}
