//! Why a picked file cannot show that records are safe, in words.

use crate::messages::Messages;
use thiserror::Error;

/// A picked file that is neither a readable export nor a readable receipt.
/// Nothing is deleted because of such a file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProofError {
    /// Not UTF-8 text.
    #[error("The file {file} is not a text file.")]
    NotText {
        /// The file's name.
        file: String,
    },
    /// Not JSON, or cut short.
    #[error("The file {file} is not readable JSON (line {line}, column {column}).")]
    NotJson {
        /// The file's name.
        file: String,
        /// Where the reader stopped: the line.
        line: usize,
        /// And the column.
        column: usize,
    },
    /// JSON, but neither a Candour export nor a receipt.
    #[error("The file {file} is neither a Candour export nor a workbench receipt.")]
    NotProof {
        /// The file's name.
        file: String,
    },
    /// A version this app does not read.
    #[error("The file {file} is {format} version {version}, which this app does not read.")]
    UnknownVersion {
        /// The file's name.
        file: String,
        /// `candour-export` or `candour-receipt`.
        format: String,
        /// The version it claims.
        version: u32,
    },
    /// The right kind of file, but its parts are not where they belong.
    #[error("The file {file} is damaged ({damage}).")]
    Damaged {
        /// The file's name.
        file: String,
        /// What is wrong.
        damage: ProofDamage,
    },
}

/// What is wrong with a damaged export or receipt. The JSON reader's own
/// words are data.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProofDamage {
    /// A field is missing or of the wrong type (the reader's words).
    #[error("{0}")]
    Shape(String),
    /// `record_count` disagrees with the records held.
    #[error("it says it holds {stated} records but holds {held}")]
    RecordCount {
        /// The count the file states.
        stated: usize,
        /// The records it holds.
        held: usize,
    },
    /// A record without a readable id (the reader's words).
    #[error("a record has no readable id: {0}")]
    NoRecordId(String),
    /// A signed export whose manifest cannot be read (the reader's words).
    #[error("its manifest cannot be read: {0}")]
    Manifest(String),
    /// A manifest that lists another number of records than the file holds.
    #[error("its manifest lists {listed} records but it holds {held}")]
    ManifestCount {
        /// The records the manifest lists.
        listed: usize,
        /// The records the file holds.
        held: usize,
    },
    /// A record without a readable header (the reader's words).
    #[error("a record has no readable header: {0}")]
    NoRecordHeader(String),
}

impl ProofDamage {
    /// What is wrong, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            ProofDamage::Shape(detail) => m.fill("safe.damage_shape", &[("detail", detail)]),
            ProofDamage::RecordCount { stated, held } => m.fill(
                "safe.damage_record_count",
                &[("stated", &stated.to_string()), ("held", &held.to_string())],
            ),
            ProofDamage::NoRecordId(detail) => {
                m.fill("safe.damage_no_record_id", &[("detail", detail)])
            }
            ProofDamage::Manifest(detail) => m.fill("safe.damage_manifest", &[("detail", detail)]),
            ProofDamage::ManifestCount { listed, held } => m.fill(
                "safe.damage_manifest_count",
                &[("listed", &listed.to_string()), ("held", &held.to_string())],
            ),
            ProofDamage::NoRecordHeader(detail) => {
                m.fill("safe.damage_no_record_header", &[("detail", detail)])
            }
        }
    }
}

impl ProofError {
    /// The error in the researcher's language.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            ProofError::NotText { file } => m.fill("safe.not_text", &[("file", file)]),
            ProofError::NotJson { file, line, column } => m.fill(
                "safe.not_json",
                &[
                    ("file", file),
                    ("line", &line.to_string()),
                    ("column", &column.to_string()),
                ],
            ),
            ProofError::NotProof { file } => m.fill("safe.not_proof", &[("file", file)]),
            ProofError::UnknownVersion {
                file,
                format,
                version,
            } => m.fill(
                "safe.unknown_version",
                &[
                    ("file", file),
                    ("format", format),
                    ("version", &version.to_string()),
                ],
            ),
            ProofError::Damaged { file, damage } => m.fill(
                "safe.damaged",
                &[("file", file), ("detail", &damage.in_words(m))],
            ),
        }
    }
}
