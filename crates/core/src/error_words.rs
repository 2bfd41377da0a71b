//! The core's errors in the reader's language: the same sentences as their
//! English `Display` (which the command-line tool, logs and tests use), but
//! taken from the locale files, so that a researcher or member of staff
//! never reads English on a page shown in another language. The pattern is
//! [`crate::validate::AnswerError::in_words`]'s: one `in_words` per error.
//!
//! What an error carries that is not a sentence (a file name, a record id,
//! a parser's or the browser's own words about a fault) is put into the
//! sentence as it came.

use crate::export::signed::SignedExportError;
use crate::export::{ExportError, ImportError, ImportProblem, FORMAT_VERSION};
use crate::messages::Messages;
use crate::seal::SetupError;
use crate::storage::instruments::{SaveError, StoredProblem};

impl SetupError {
    /// The refusal in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            SetupError::NotJson => m.get("setup_file.not_json").to_owned(),
            SetupError::NotSetupFile { found } => {
                m.fill("setup_file.not_setup_file", &[("found", found)])
            }
            SetupError::UnknownVersion { found } => m.fill(
                "setup_file.unknown_version",
                &[("found", &found.to_string())],
            ),
            SetupError::Damaged { detail } => m.fill("setup_file.damaged", &[("detail", detail)]),
            SetupError::UnknownSuite { found } => {
                m.fill("setup_file.unknown_suite", &[("found", found)])
            }
            SetupError::FingerprintMismatch { stated, actual } => m.fill(
                "setup_file.fingerprint_mismatch",
                &[("stated", stated), ("actual", actual)],
            ),
            SetupError::Instrument(errors) => m.fill(
                "setup_file.instrument",
                &[("problems", &errors.to_string())],
            ),
        }
    }
}

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

impl SaveError {
    /// Why the questionnaire was not stored, in the language of `m`. A
    /// file that is not text is said as the questionnaire panels say it;
    /// an invalid one lists its problems one per line.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            SaveError::NotText => m.get("researcher.instrument_not_text").to_owned(),
            SaveError::Invalid(errors) => errors.to_string(),
            SaveError::Store(e) => e.in_words(m),
        }
    }
}

impl StoredProblem {
    /// Why the chosen questionnaire cannot be used, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            StoredProblem::Store(e) => {
                m.fill("stored_problem.store", &[("problem", &e.in_words(m))])
            }
            StoredProblem::Damaged(detail) => {
                m.fill("stored_problem.damaged", &[("detail", detail)])
            }
            StoredProblem::Missing(id) => m.fill("stored_problem.missing", &[("id", id)]),
            StoredProblem::NoLongerValid(errors) => m.fill(
                "stored_problem.no_longer_valid",
                &[("problems", &errors.to_string())],
            ),
            StoredProblem::HashChanged(detail) => {
                m.fill("stored_problem.hash_changed", &[("detail", detail)])
            }
        }
    }
}

impl ImportError {
    /// Why the file was refused, naming it, in the language of `m`. The
    /// keys are the workbench's own (`locales/workbench/en.json`): only the
    /// workbench opens exports.
    pub fn in_words(&self, m: &Messages) -> String {
        let file = self.file.as_str();
        let n = |v: &usize| v.to_string();
        match &*self.problem {
            ImportProblem::Empty => m.fill("import.empty", &[("file", file)]),
            ImportProblem::NotText => m.fill("import.not_text", &[("file", file)]),
            ImportProblem::NotJson {
                detail,
                line,
                column,
            } => m.fill(
                "import.not_json",
                &[
                    ("file", file),
                    ("detail", detail),
                    ("line", &n(line)),
                    ("column", &n(column)),
                ],
            ),
            ImportProblem::CutShort { line, column } => m.fill(
                "import.cut_short",
                &[("file", file), ("line", &n(line)), ("column", &n(column))],
            ),
            ImportProblem::NotCandour { found } => {
                m.fill("import.not_candour", &[("file", file), ("found", found)])
            }
            ImportProblem::UnknownVersion { found } => m.fill(
                "import.unknown_version",
                &[
                    ("file", file),
                    ("found", found),
                    ("readable", &FORMAT_VERSION.to_string()),
                ],
            ),
            ImportProblem::WrongShape {
                detail,
                line,
                column,
            } => m.fill(
                "import.wrong_shape",
                &[
                    ("file", file),
                    ("detail", detail),
                    ("line", &n(line)),
                    ("column", &n(column)),
                ],
            ),
            ImportProblem::CountMismatch { claimed, found } => m.fill(
                "import.count_mismatch",
                &[
                    ("file", file),
                    ("claimed", &n(claimed)),
                    ("found", &n(found)),
                ],
            ),
            ImportProblem::HashMismatch { id, version, hash } => m.fill(
                "import.hash_mismatch",
                &[
                    ("file", file),
                    ("id", id),
                    ("version", version),
                    ("hash", hash),
                ],
            ),
            ImportProblem::InstrumentProblems {
                id,
                version,
                problems,
            } => m.fill(
                "import.instrument_problems",
                &[
                    ("file", file),
                    ("id", id),
                    ("version", version),
                    ("problems", &problems.join(" ")),
                ],
            ),
            ImportProblem::InstrumentNotInFile {
                record_id,
                id,
                version,
                hash,
            } => m.fill(
                "import.instrument_not_in_file",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("id", id),
                    ("version", version),
                    ("hash", hash),
                ],
            ),
            ImportProblem::InstrumentMismatch {
                record_id,
                id,
                version,
                actual_id,
                actual_version,
            } => m.fill(
                "import.instrument_mismatch",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("id", id),
                    ("version", version),
                    ("actual_id", actual_id),
                    ("actual_version", actual_version),
                ],
            ),
            ImportProblem::UnknownVariable {
                record_id,
                variable,
            } => m.fill(
                "import.unknown_variable",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("variable", variable),
                ],
            ),
            ImportProblem::RepeatedVariable {
                record_id,
                variable,
            } => m.fill(
                "import.repeated_variable",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("variable", variable),
                ],
            ),
            ImportProblem::BadServiceCode { record_id, value } => m.fill(
                "import.bad_service_code",
                &[("file", file), ("record_id", record_id), ("value", value)],
            ),
            ImportProblem::ValueDoesNotFit {
                record_id,
                variable,
                value,
            } => m.fill(
                "import.value_does_not_fit",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("variable", variable),
                    ("value", value),
                ],
            ),
        }
    }
}
