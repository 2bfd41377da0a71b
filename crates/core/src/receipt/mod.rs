//! Knowing that records are safe elsewhere before they are deleted from the
//! tablet.
//!
//! "Delete exported" removes a record from the tablet only when one of two
//! proofs shows that an exact copy of it exists outside the tablet:
//!
//! - **the export file itself**, picked back in on the tablet: each record
//!   in it is compared, by digest, with the exported form of the record
//!   stored here ([`check_proof`]);
//! - **a receipt** the workbench writes after opening export files: the id
//!   and digest of every record it opened ([`build_receipt`] makes one from
//!   export files; [`check_proof`] checks one against the stored records).
//!
//! A record's **digest** is `sha256:` and the lowercase hex SHA-256 of the
//! UTF-8 bytes of its exact JSON text in the export file's `records` array,
//! from its `{` to its matching `}` ([`record_digest`]). The tablet computes
//! the same text from a stored record with [`exported_form`], the function
//! the export itself writes records with, so a file that holds the record
//! exactly (not a field, a digit or a space different) gives the same digest.
//!
//! The receipt (`candour-receipt`, format version 1) is compact JSON:
//!
//! ```json
//! {"format": "candour-receipt", "format_version": 1, "app_version": "0.1.0",
//!  "written_at": "2026-11-25T10:03:20.000Z",
//!  "files": [{"file": "candour_clinic-a_2026-11-25_2-records.json",
//!             "device_label": "Clinic A", "exported_at": "2026-11-25T10:01:00.000Z",
//!             "record_count": 2}],
//!  "records": [{"id": "1b4e…", "digest": "sha256:…"}, {"id": "…", "digest": "sha256:…"}]}
//! ```
//!
//! Nothing here reads a clock or a file: the browser passes bytes and times in.

mod build;
mod check;
mod digest;
mod error;
mod read;

pub use build::{build_receipt, ExportText};
pub use check::{check_proof, ProofCheck, ProofKind, SafeSet};
pub use digest::{entry_digests, exported_form, record_digest, stored_digests, StoredDigest};
pub use error::{ProofDamage, ProofError};
pub use read::{read_export_records, ExportRecords};

use serde::{Deserialize, Serialize};

/// The receipt's `format` field.
pub const RECEIPT_FORMAT: &str = "candour-receipt";

/// The receipt's `format_version`. Readers refuse versions they do not know.
pub const RECEIPT_VERSION: u32 = 1;

/// A receipt: the records the workbench opened, by id and digest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receipt {
    /// Always [`RECEIPT_FORMAT`].
    pub format: String,
    /// [`RECEIPT_VERSION`].
    pub format_version: u32,
    /// Version of the app that wrote the receipt.
    pub app_version: String,
    /// When it was written, ISO 8601 in UTC.
    pub written_at: String,
    /// The export files the records were read from, in the order opened.
    pub files: Vec<ReceiptFile>,
    /// Every record opened, in file order.
    pub records: Vec<ReceiptRecord>,
}

/// One export file a receipt covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptFile {
    /// The file's name as opened.
    pub file: String,
    /// The tablet label the file names.
    pub device_label: String,
    /// When the file was exported, as the file says it.
    pub exported_at: String,
    /// How many records it holds.
    pub record_count: usize,
}

/// One record a receipt covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptRecord {
    /// The record's id.
    pub id: String,
    /// [`record_digest`] of its exact text in the export file.
    pub digest: String,
}

impl Receipt {
    /// The receipt as compact JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        // Only strings and numbers: serialising cannot fail.
        let mut text = serde_json::to_string(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
