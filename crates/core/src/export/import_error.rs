//! Why an import file was refused, worded to name the file and the reason.

use super::FORMAT_VERSION;
use crate::found::FoundInstead;
use crate::instrument::load::InstrumentProblem;
use thiserror::Error;

/// A file that could not be imported: its name and the reason.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("The file \"{file}\" {problem}.")]
pub struct ImportError {
    /// The file's name, as picked.
    pub file: String,
    /// What is wrong with it (boxed: the reasons carry several names, and
    /// a small error keeps every `Result` small).
    pub problem: Box<ImportProblem>,
}

/// What is wrong with an import file, worded to follow "The file X ...".
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ImportProblem {
    /// Nothing in it.
    #[error("is empty")]
    Empty,
    /// Not UTF-8 text (a spreadsheet, a picture...).
    #[error("is not a text file (perhaps a spreadsheet or a picture was picked)")]
    NotText,
    /// Not JSON at all.
    #[error("is not JSON ({detail}, at line {line} column {column})")]
    NotJson {
        /// The parser's words.
        detail: String,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
    },
    /// JSON that stops in the middle.
    #[error(
        "ends too early, at line {line} column {column}: it may have been cut short when copied"
    )]
    CutShort {
        /// Line where it ends.
        line: usize,
        /// Column where it ends.
        column: usize,
    },
    /// JSON, but not a Candour export.
    #[error("is not a Candour export: {found}")]
    NotCandour {
        /// What was found instead.
        found: FoundInstead,
    },
    /// A Candour export of a version this app cannot read.
    #[error("is a Candour export of format version {found}, which this app cannot read (it reads versions 1 to {FORMAT_VERSION}); use a newer version of the app")]
    UnknownVersion {
        /// The version found.
        found: String,
    },
    /// A Candour export whose content has the wrong shape.
    #[error("is a damaged Candour export: {detail} (at line {line} column {column})")]
    WrongShape {
        /// The parser's words.
        detail: String,
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
    },
    /// The record count disagrees with the records.
    #[error(
        "says it holds {claimed} records but holds {found}: it may have been cut short or edited"
    )]
    CountMismatch {
        /// The count stated.
        claimed: usize,
        /// The records present.
        found: usize,
    },
    /// An instrument definition does not match its hash.
    #[error("holds instrument {id} version {version} whose definition does not match its hash {hash}: the file was changed after export")]
    HashMismatch {
        /// The instrument id.
        id: String,
        /// Its version.
        version: String,
        /// The hash stated.
        hash: String,
    },
    /// A signed export whose questionnaires are not the ones its valid
    /// manifest signs (the English is the one the command-line tool has
    /// always printed).
    #[error("holds instrument (the list of questionnaires) version - whose definition does not match its hash signed in the manifest: the file was changed after export")]
    InstrumentListChanged,
    /// An instrument definition fails the questionnaire checks.
    #[error("holds instrument {id} version {version}, which fails the questionnaire checks: {}", one_after_another(.problems))]
    InstrumentProblems {
        /// The instrument id (one line, cut short).
        id: String,
        /// Its version (one line, cut short).
        version: String,
        /// Every problem, as the questionnaire checks found them.
        problems: Vec<InstrumentProblem>,
    },
    /// A record's instrument is not in the file.
    #[error("has record {record_id} answered on {id} version {version} ({hash}), but that instrument is not in the file")]
    InstrumentNotInFile {
        /// The record's id.
        record_id: String,
        /// Instrument id named.
        id: String,
        /// Instrument version named.
        version: String,
        /// Instrument hash named.
        hash: String,
    },
    /// A record's instrument id or version disagrees with the instrument of its hash.
    #[error("has record {record_id} naming {id} version {version}, but its hash belongs to {actual_id} version {actual_version}")]
    InstrumentMismatch {
        /// The record's id.
        record_id: String,
        /// Instrument id named.
        id: String,
        /// Instrument version named.
        version: String,
        /// Id of the instrument with that hash.
        actual_id: String,
        /// Version of the instrument with that hash.
        actual_version: String,
    },
    /// A record answers a variable its instrument does not ask.
    #[error("has record {record_id} with an answer to \"{variable}\", which its instrument does not ask")]
    UnknownVariable {
        /// The record's id.
        record_id: String,
        /// The variable.
        variable: String,
    },
    /// A record lists a variable twice.
    #[error("has record {record_id} with two answers to \"{variable}\"")]
    RepeatedVariable {
        /// The record's id.
        record_id: String,
        /// The variable.
        variable: String,
    },
    /// A service code that is not one (a hand edit, or another tool).
    #[error("has record {record_id} with the service code {value}, which is not a service code (2 to 16 letters A to Z, digits and single hyphens)")]
    BadServiceCode {
        /// The record's id.
        record_id: String,
        /// The value as written, cut short.
        value: String,
    },
    /// A multiple-choice value that the tables cannot hold.
    #[error("has record {record_id} answering the multiple-choice item \"{variable}\" with {value}, which is not one of its codes, a missing code or blank")]
    ValueDoesNotFit {
        /// The record's id.
        record_id: String,
        /// The variable.
        variable: String,
        /// The value as JSON shows it.
        value: String,
    },
}

/// The problems on one line, one sentence after another (a refusal is one
/// sentence about the file, unlike a questionnaire's own list of problems).
fn one_after_another(problems: &[InstrumentProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}
