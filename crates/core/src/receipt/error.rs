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
    #[error("The file {file} is not readable JSON ({detail}).")]
    NotJson {
        /// The file's name.
        file: String,
        /// What the reader said.
        detail: String,
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
    #[error("The file {file} is damaged ({detail}).")]
    Damaged {
        /// The file's name.
        file: String,
        /// What is wrong.
        detail: String,
    },
}

impl ProofError {
    /// The error in the researcher's language.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            ProofError::NotText { file } => m.fill("safe.not_text", &[("file", file)]),
            ProofError::NotJson { file, detail } => {
                m.fill("safe.not_json", &[("file", file), ("detail", detail)])
            }
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
            ProofError::Damaged { file, detail } => {
                m.fill("safe.damaged", &[("file", file), ("detail", detail)])
            }
        }
    }
}
