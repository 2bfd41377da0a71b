//! Reading the records of an export file as their exact text, and reading a
//! receipt, without trusting either.

use super::error::{ProofDamage, ProofError};
use super::{Receipt, RECEIPT_FORMAT, RECEIPT_VERSION};
use crate::export::signed::{Manifest, SIGNED_FORMAT_VERSION};
use crate::export::{FORMAT_NAME, READABLE_VERSIONS};
use serde::Deserialize;
use serde_json::value::RawValue;

/// What an export file says about itself, and each record's exact text.
#[derive(Debug)]
pub struct ExportRecords<'a> {
    /// The tablet label it names.
    pub device_label: String,
    /// When it was exported, as written.
    pub exported_at: String,
    /// Each record's `id` and its exact JSON text, in file order.
    pub records: Vec<(String, &'a str)>,
}

/// The parts of an export the proof needs; every other field is left to
/// the export's own reader.
#[derive(Deserialize)]
struct ExportShape<'a> {
    format_version: u32,
    device_label: String,
    exported_at: String,
    record_count: usize,
    #[serde(borrow)]
    records: Vec<&'a RawValue>,
}

/// The parts of a signed (format 3) export the proof needs: its manifest
/// (for the tablet's label, the time and the number of records) and each
/// record entry's exact text. The signature is the workbench's to check: a
/// proof compares digests with the entries stored here, so an entry
/// changed on the way confirms nothing whatever the signature says.
#[derive(Deserialize)]
struct SignedShape<'a> {
    #[serde(borrow)]
    manifest: &'a RawValue,
    #[serde(borrow)]
    records: Vec<&'a RawValue>,
}

/// Only the id in a record entry's clear header.
#[derive(Deserialize)]
struct EntryId {
    header: RecordId,
}

/// Only the id of a record, read from its text.
#[derive(Deserialize)]
struct RecordId {
    id: String,
}

/// Only the `format` and `format_version` of any JSON object.
#[derive(Deserialize)]
struct Kind {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    format_version: Option<u32>,
}

/// What a picked file turned out to be.
pub(crate) enum Picked<'a> {
    /// An export file.
    Export(ExportRecords<'a>),
    /// A receipt.
    Receipt(Receipt),
}

/// Reads `bytes` (a file named `file`) as an export or a receipt.
pub(crate) fn read_picked<'a>(file: &str, bytes: &'a [u8]) -> Result<Picked<'a>, ProofError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| ProofError::NotText {
        file: file.to_owned(),
    })?;
    let kind: Kind = serde_json::from_str(text).map_err(|e| match e.classify() {
        // Valid JSON, but not an object: not a proof of anything.
        serde_json::error::Category::Data => ProofError::NotProof {
            file: file.to_owned(),
        },
        _ => not_json(file, &e),
    })?;
    match kind.format.as_deref() {
        Some(FORMAT_NAME) => read_export_records(file, text).map(Picked::Export),
        Some(RECEIPT_FORMAT) => {
            let version = kind.format_version.unwrap_or(0);
            if version != RECEIPT_VERSION {
                return Err(ProofError::UnknownVersion {
                    file: file.to_owned(),
                    format: RECEIPT_FORMAT.to_owned(),
                    version,
                });
            }
            serde_json::from_str::<Receipt>(text)
                .map(Picked::Receipt)
                .map_err(|e| damaged(file, ProofDamage::Shape(e.to_string())))
        }
        _ => Err(ProofError::NotProof {
            file: file.to_owned(),
        }),
    }
}

/// The records of the export file `text` (named `file`), each as its id and
/// its exact text. Refuses a file whose `record_count` disagrees with its
/// records (cut short or edited), and a version this app does not write.
pub fn read_export_records<'a>(file: &str, text: &'a str) -> Result<ExportRecords<'a>, ProofError> {
    // A file re-saved with a byte-order mark is still read, as the
    // workbench reads it; the records' own text is unchanged by it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let kind: Kind = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => damaged(file, ProofDamage::Shape(e.to_string())),
        _ => not_json(file, &e),
    })?;
    if kind.format_version == Some(SIGNED_FORMAT_VERSION) {
        return read_signed_records(file, text);
    }
    let shape: ExportShape<'a> = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => damaged(file, ProofDamage::Shape(e.to_string())),
        _ => not_json(file, &e),
    })?;
    // Format 1 (before questionnaire 2.0) is still read: its records are
    // compared like any others, and differ from what the tablet writes now.
    if !READABLE_VERSIONS.contains(&shape.format_version) {
        return Err(ProofError::UnknownVersion {
            file: file.to_owned(),
            format: FORMAT_NAME.to_owned(),
            version: shape.format_version,
        });
    }
    if shape.record_count != shape.records.len() {
        return Err(damaged(
            file,
            ProofDamage::RecordCount {
                stated: shape.record_count,
                held: shape.records.len(),
            },
        ));
    }
    let mut records = Vec::with_capacity(shape.records.len());
    for raw in shape.records {
        let id = serde_json::from_str::<RecordId>(raw.get())
            .map_err(|e| damaged(file, ProofDamage::NoRecordId(e.to_string())))?
            .id;
        records.push((id, raw.get()));
    }
    Ok(ExportRecords {
        device_label: shape.device_label,
        exported_at: shape.exported_at,
        records,
    })
}

/// The record entries of the signed export `text`, each as the id in its
/// clear header and its exact text (whose digest the manifest lists, and
/// the tablet stores). Refuses a file whose manifest lists another number
/// of records than it holds.
fn read_signed_records<'a>(file: &str, text: &'a str) -> Result<ExportRecords<'a>, ProofError> {
    let shape: SignedShape<'a> =
        serde_json::from_str(text).map_err(|e| damaged(file, ProofDamage::Shape(e.to_string())))?;
    let manifest: Manifest = serde_json::from_str(shape.manifest.get())
        .map_err(|e| damaged(file, ProofDamage::Manifest(e.to_string())))?;
    if manifest.records.len() != shape.records.len() {
        return Err(damaged(
            file,
            ProofDamage::ManifestCount {
                listed: manifest.records.len(),
                held: shape.records.len(),
            },
        ));
    }
    let mut records = Vec::with_capacity(shape.records.len());
    for raw in shape.records {
        let id = serde_json::from_str::<EntryId>(raw.get())
            .map_err(|e| damaged(file, ProofDamage::NoRecordHeader(e.to_string())))?
            .header
            .id;
        records.push((id, raw.get()));
    }
    Ok(ExportRecords {
        device_label: manifest.tablet.label,
        exported_at: manifest.exported_at.to_string(),
        records,
    })
}

fn not_json(file: &str, e: &serde_json::Error) -> ProofError {
    ProofError::NotJson {
        file: file.to_owned(),
        line: e.line(),
        column: e.column(),
    }
}

fn damaged(file: &str, damage: ProofDamage) -> ProofError {
    ProofError::Damaged {
        file: file.to_owned(),
        damage,
    }
}
