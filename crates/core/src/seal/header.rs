//! A sealed record's clear header: what stays readable, and the exact
//! bytes that bind it to the ciphertext.

use crate::export::{iso, ExportRecord};
use crate::record::{InstrumentRef, ResponseRecord, Status};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// What stays readable on a sealed record: enough to count, list, mark and
/// check records for completeness, and nothing a participant said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordHeader {
    /// This tablet's number for the record: 1, 2, 3, ... in the order
    /// records were finished, never reused.
    pub sequence: u64,
    /// The record's id (UUID v4).
    pub id: String,
    /// `complete`, `partial` or `declined_consent`.
    pub status: Status,
    /// When staff started the survey.
    #[serde(with = "iso::required")]
    pub started_at: Timestamp,
    /// When it ended.
    #[serde(with = "iso::required")]
    pub ended_at: Timestamp,
    /// The questionnaire answered: id, version and hash.
    pub instrument: InstrumentRef,
}

/// What the associated data starts with, before the header's JSON: names
/// what the bytes are, so they cannot be mistaken for another use.
pub const AAD_PREFIX: &[u8] = b"candour sealed record header v1\n";

impl RecordHeader {
    /// The header of a stored record with its sequence number.
    pub fn of_response(record: &ResponseRecord, sequence: u64) -> Self {
        RecordHeader {
            sequence,
            id: record.id.clone(),
            status: record.status,
            started_at: record.started_at,
            ended_at: record.ended_at,
            instrument: record.instrument.clone(),
        }
    }

    /// The header of an export record with its sequence number.
    pub fn of_export(record: &ExportRecord, sequence: u64) -> Self {
        RecordHeader {
            sequence,
            id: record.id.clone(),
            status: record.status,
            started_at: record.started_at,
            ended_at: record.ended_at,
            instrument: record.instrument.clone(),
        }
    }

    /// Whether `record` says what this header says (the sequence number
    /// aside, which only the header carries).
    pub fn describes(&self, record: &ExportRecord) -> bool {
        *self == RecordHeader::of_export(record, self.sequence)
    }

    /// The exact bytes bound to the ciphertext as HPKE's associated data:
    /// [`AAD_PREFIX`], then the header as compact JSON with its fields in
    /// the order declared here (`{"sequence":17,"id":"…","status":"…",
    /// "started_at":"…","ended_at":"…","instrument":{"id":"…","version":"…",
    /// "hash":"…"}}`). Computed from the parsed values, so any change of a
    /// value changes them, while the file's spacing does not matter.
    pub fn aad(&self) -> Vec<u8> {
        let mut bytes = AAD_PREFIX.to_vec();
        // Only strings, integers and a unit enum: writing cannot fail.
        if serde_json::to_writer(&mut bytes, self).is_err() {
            bytes.truncate(AAD_PREFIX.len());
        }
        bytes
    }
}
