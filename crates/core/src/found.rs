//! What a picked file turned out to be, when it is not the kind of file
//! asked for: a tablet setup file or an export. Typed, so that the refusal
//! is said from the locale files; only a name read from the file itself is
//! carried as written.

use thiserror::Error;

/// What was found instead of the file asked for.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FoundInstead {
    /// JSON, but not an object, which every Candour file is.
    #[error("it is JSON, but not an export object")]
    NotAnObject,
    /// An export of responses (where a setup file was asked for).
    #[error("it is an export of responses")]
    AnExport,
    /// A file of another format, named as the file names it (one line,
    /// cut short).
    #[error("its format is \"{0}\"")]
    OtherFormat(String),
    /// A JSON object with no `format` field; `expected` is the format name
    /// asked for, a code the file should have held rather than a word.
    #[error("it has no \"format\": \"{expected}\" field")]
    NoFormatField {
        /// The format name asked for.
        expected: &'static str,
    },
    /// A signed export whose tablet key cannot be read as base64.
    #[error("its tablet key is not base64")]
    TabletKeyNotBase64,
}
