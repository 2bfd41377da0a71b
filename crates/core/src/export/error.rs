//! Why an export could not be written, in words a researcher can act on.
//!
//! Every error stops the whole export instead of leaving a record out: a
//! file that silently lacks a response is worse than no file, and nothing
//! on the device is changed or deleted when an export fails.

use thiserror::Error;

/// A reason an export (JSON, CSV or syntax) could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    /// A record names an instrument that was not handed to the export.
    #[error(
        "Record {record_id} was answered on {instrument_id} version {instrument_version} \
         ({instrument_hash}), which is not available here, so nothing was exported. \
         Load that instrument again, then export."
    )]
    InstrumentMissing {
        /// The record's id.
        record_id: String,
        /// The instrument id it names.
        instrument_id: String,
        /// The instrument version it names.
        instrument_version: String,
        /// The content hash it names.
        instrument_hash: String,
    },
    /// A record's instrument id or version disagrees with its hash.
    #[error(
        "Record {record_id} says it was answered on {claimed_id} version {claimed_version}, \
         but its instrument hash belongs to {actual_id} version {actual_version}; the record \
         may be damaged, so nothing was exported."
    )]
    InstrumentMismatch {
        /// The record's id.
        record_id: String,
        /// The id the record names.
        claimed_id: String,
        /// The version the record names.
        claimed_version: String,
        /// The id of the instrument with the record's hash.
        actual_id: String,
        /// The version of the instrument with the record's hash.
        actual_version: String,
    },
    /// A record holds an answer to a variable its instrument does not ask.
    #[error(
        "Record {record_id} holds an answer to \"{variable}\", which {instrument_id} version \
         {instrument_version} does not ask. Nothing was exported, so that this answer is not \
         lost; the record may be damaged."
    )]
    UnknownVariable {
        /// The record's id.
        record_id: String,
        /// The variable answered.
        variable: String,
        /// The record's instrument id.
        instrument_id: String,
        /// The record's instrument version.
        instrument_version: String,
    },
    /// A number answer is not a finite number (JSON cannot hold it).
    #[error(
        "Record {record_id} holds a number for \"{variable}\" that is not a real number, so \
         nothing was exported; the record may be damaged."
    )]
    NotFinite {
        /// The record's id.
        record_id: String,
        /// The variable.
        variable: String,
    },
    /// A multiple-choice value that one 0/1 column per option cannot hold.
    #[error(
        "Record {record_id} answers the multiple-choice item \"{variable}\" with {value}, which \
         cannot be written as one 0/1 column per option (only its listed codes, a missing \
         code or blank can), so the table was not written. The JSON export keeps the value."
    )]
    ValueDoesNotFit {
        /// The record's id.
        record_id: String,
        /// The variable.
        variable: String,
        /// The value, as JSON shows it.
        value: String,
    },
    /// Two columns of the wide table would have the same name.
    #[error(
        "The table of {instrument_id} version {instrument_version} would have two columns called \
         \"{column}\" (a variable name clashes with a multiple-choice option column or a score \
         column), so it was not written. Rename one variable in the instrument."
    )]
    DuplicateColumn {
        /// The clashing column name.
        column: String,
        /// The instrument id.
        instrument_id: String,
        /// The instrument version.
        instrument_version: String,
    },
    /// A name that would be written into R, SPSS or Stata syntax is not on
    /// the allow-list ([`crate::ident::is_identifier`]): refused, never
    /// escaped, so that no name can be read as a command.
    #[error(
        "The {what} {name:?} cannot be written into a syntax file: a name there must be a \
         lower-case letter, then lower-case letters, digits or _, at most 32 characters. \
         Nothing was written."
    )]
    UnsafeName {
        /// The name as found.
        name: String,
        /// What it names: `variable`, `score column`, `dataset`.
        what: &'static str,
    },
    /// Writing into memory failed (not expected; reported rather than panicking).
    #[error("The export could not be written: {0}")]
    Write(String),
}

impl From<serde_json::Error> for ExportError {
    fn from(e: serde_json::Error) -> Self {
        ExportError::Write(e.to_string())
    }
}
