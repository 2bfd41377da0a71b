//! The receipt the tablet accepts as proof that the responses of the export
//! files opened here are safe on the researcher's computer, so that "Delete
//! exported responses" can remove them without the export file being
//! carried back to the tablet. The format and its builder are the core's
//! ([`candour_core::receipt`]); this picks the files it covers.

use super::Opened;
use candour_core::receipt::{build_receipt, ExportText, ProofError, Receipt};
use candour_core::time::Timestamp;
use std::collections::HashSet;

/// The receipt for every accepted file of `files`, in the order opened,
/// written at `written_at`; `None` when no file was accepted. A refused
/// file is left out: none of its records is vouched for. So is every record
/// of a signed file that was not both verified and opened (altered, sealed
/// to another key, or sealed with no key given): the tablet must not delete
/// what the researcher cannot read.
pub fn receipt_of(files: &[Opened], written_at: Timestamp) -> Option<Result<Receipt, ProofError>> {
    let read: HashSet<&str> = files
        .iter()
        .filter_map(|f| f.outcome.as_ref().ok())
        .flat_map(|(file, _)| file.records.iter().map(|r| r.id.as_str()))
        .collect();
    let texts: Vec<ExportText<'_>> = files
        .iter()
        .filter(|f| f.outcome.is_ok())
        .filter_map(|f| {
            f.text.as_deref().map(|text| ExportText {
                name: &f.name,
                text,
            })
        })
        .collect();
    if texts.is_empty() {
        return None;
    }
    Some(build_receipt(&texts, written_at).map(|mut receipt| {
        receipt.records.retain(|r| read.contains(r.id.as_str()));
        receipt
    }))
}

/// The receipt's file name, with the day it was written and how many
/// records it names: `candour_receipt_2026-11-25_12-records.json`.
pub fn receipt_name(receipt: &Receipt) -> String {
    let day = receipt.written_at.get(..10).unwrap_or("undated");
    format!(
        "candour_receipt_{day}_{}-records.json",
        receipt.records.len()
    )
}
