//! Building a receipt from the export files the workbench opened.

use super::digest::record_digest;
use super::error::ProofError;
use super::read::read_export_records;
use super::{Receipt, ReceiptFile, ReceiptRecord, RECEIPT_FORMAT, RECEIPT_VERSION};
use crate::time::Timestamp;

/// One export file as opened: its name and its text.
#[derive(Debug, Clone, Copy)]
pub struct ExportText<'a> {
    /// The file's name.
    pub name: &'a str,
    /// Its whole text.
    pub text: &'a str,
}

/// The receipt for `files` (export files, each read whole), written at
/// `written_at`: every record of every file by id and the digest of its
/// exact text. A file that is not a readable export fails the whole
/// receipt, so a receipt never claims less or more than the files hold.
pub fn build_receipt(
    files: &[ExportText<'_>],
    written_at: Timestamp,
) -> Result<Receipt, ProofError> {
    let mut receipt = Receipt {
        format: RECEIPT_FORMAT.to_owned(),
        format_version: RECEIPT_VERSION,
        app_version: crate::APP_VERSION.to_owned(),
        written_at: written_at.to_string(),
        files: Vec::with_capacity(files.len()),
        records: Vec::new(),
    };
    for file in files {
        let read = read_export_records(file.name, file.text)?;
        receipt.files.push(ReceiptFile {
            file: file.name.to_owned(),
            device_label: read.device_label,
            exported_at: read.exported_at,
            record_count: read.records.len(),
        });
        receipt
            .records
            .extend(read.records.into_iter().map(|(id, text)| ReceiptRecord {
                id,
                digest: record_digest(text),
            }));
    }
    Ok(receipt)
}
