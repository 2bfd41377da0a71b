//! The digest of a record's exported form, and the exported form of a
//! stored record.

use crate::export::{export_record, ExportError};
use crate::hash::{content_hash, to_hex};
use crate::instrument::Instrument;
use crate::record::ResponseRecord;
use crate::storage::StoredEntry;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// `sha256:` and the lowercase hex SHA-256 of `text`'s UTF-8 bytes: the
/// digest of a record whose exact JSON text in an export file is `text`.
pub fn record_digest(text: &str) -> String {
    format!("sha256:{}", to_hex(&Sha256::digest(text.as_bytes())))
}

/// The exact JSON text the export writes for `record` (answered on
/// `instrument`) inside its `records` array. An export file serialises
/// each record with the same serialiser, compact, so this text is a
/// substring of every export file holding the record.
pub fn exported_form(
    record: &ResponseRecord,
    instrument: &Instrument,
) -> Result<String, ExportError> {
    let exported = export_record(record, instrument)?;
    Ok(serde_json::to_string(&exported)?)
}

/// A stored record's id and the digest of its exported form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDigest {
    /// The record's id.
    pub id: String,
    /// [`record_digest`] of [`exported_form`].
    pub digest: String,
}

/// The digest of every record that can be exported with `instruments`.
/// A record whose instrument is not among them cannot be exported, so it
/// has no digest and can never be confirmed safe: it is left out.
pub fn stored_digests(
    records: &[ResponseRecord],
    instruments: &[&Instrument],
) -> Vec<StoredDigest> {
    let by_hash: HashMap<String, &Instrument> =
        instruments.iter().map(|i| (content_hash(i), *i)).collect();
    records
        .iter()
        .filter_map(|record| {
            let instrument = by_hash.get(&record.instrument.hash)?;
            let text = exported_form(record, instrument).ok()?;
            Some(StoredDigest {
                id: record.id.clone(),
                digest: record_digest(&text),
            })
        })
        .collect()
}

/// The digest of every stored record entry: the digest of its exact text,
/// which the signed export (format 3) writes byte for byte and lists in its
/// manifest, so a receipt or the export file picked back confirms it.
pub fn entry_digests(entries: &[StoredEntry]) -> Vec<StoredDigest> {
    entries
        .iter()
        .map(|entry| StoredDigest {
            id: entry.header.id.clone(),
            digest: entry.digest(),
        })
        .collect()
}
