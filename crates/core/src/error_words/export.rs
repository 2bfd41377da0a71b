//! Why an export was not written, in words.

use crate::export::signed::SignedExportError;
use crate::export::ExportError;
use crate::messages::Messages;

impl ExportError {
    /// Why nothing was exported, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            ExportError::InstrumentMissing {
                record_id,
                instrument_id,
                instrument_version,
                instrument_hash,
            } => m.fill(
                "export_error.instrument_missing",
                &[
                    ("record_id", record_id),
                    ("instrument_id", instrument_id),
                    ("instrument_version", instrument_version),
                    ("instrument_hash", instrument_hash),
                ],
            ),
            ExportError::InstrumentMismatch {
                record_id,
                claimed_id,
                claimed_version,
                actual_id,
                actual_version,
            } => m.fill(
                "export_error.instrument_mismatch",
                &[
                    ("record_id", record_id),
                    ("claimed_id", claimed_id),
                    ("claimed_version", claimed_version),
                    ("actual_id", actual_id),
                    ("actual_version", actual_version),
                ],
            ),
            ExportError::UnknownVariable {
                record_id,
                variable,
                instrument_id,
                instrument_version,
            } => m.fill(
                "export_error.unknown_variable",
                &[
                    ("record_id", record_id),
                    ("variable", variable),
                    ("instrument_id", instrument_id),
                    ("instrument_version", instrument_version),
                ],
            ),
            ExportError::NotFinite {
                record_id,
                variable,
            } => m.fill(
                "export_error.not_finite",
                &[("record_id", record_id), ("variable", variable)],
            ),
            ExportError::ValueDoesNotFit {
                record_id,
                variable,
                value,
            } => m.fill(
                "export_error.value_does_not_fit",
                &[
                    ("record_id", record_id),
                    ("variable", variable),
                    ("value", value),
                ],
            ),
            ExportError::DuplicateColumn {
                column,
                instrument_id,
                instrument_version,
            } => m.fill(
                "export_error.duplicate_column",
                &[
                    ("column", column),
                    ("instrument_id", instrument_id),
                    ("instrument_version", instrument_version),
                ],
            ),
            ExportError::UnsafeName { name, what } => {
                let what = match *what {
                    "variable" => m.get("export_error.what_variable"),
                    "score column" => m.get("export_error.what_score_column"),
                    "dataset" => m.get("export_error.what_dataset"),
                    other => other,
                };
                m.fill(
                    "export_error.unsafe_name",
                    &[("what", what), ("name", &format!("{name:?}"))],
                )
            }
            ExportError::Write(detail) => m.fill("export_error.write", &[("detail", detail)]),
        }
    }
}

impl SignedExportError {
    /// Why nothing was exported, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            SignedExportError::Export(e) => e.in_words(m),
            SignedExportError::RepeatedSequence { sequence } => m.fill(
                "signed_export.repeated_sequence",
                &[("sequence", &sequence.to_string())],
            ),
            SignedExportError::SequenceOutOfRange {
                id,
                sequence,
                highest,
            } => m.fill(
                "signed_export.sequence_out_of_range",
                &[
                    ("id", id),
                    ("sequence", &sequence.to_string()),
                    ("highest", &highest.to_string()),
                ],
            ),
            SignedExportError::TabletKey => m.get("signed_export.tablet_key").to_owned(),
            SignedExportError::SignatureLength { found } => m.fill(
                "signed_export.signature_length",
                &[("found", &found.to_string())],
            ),
        }
    }
}
