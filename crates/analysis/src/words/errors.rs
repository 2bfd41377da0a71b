//! Why a key file, a new key, a download or an export file was refused,
//! in words.

use crate::combine::DownloadError;
use crate::open::Refusal;
use crate::sealing::{KeyFileError, NewKeyError, MIN_PASSPHRASE_CHARS};
use candour_core::messages::Messages;

impl KeyFileError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            KeyFileError::PassphraseTooShort => m.fill(
                "key_file.passphrase_too_short",
                &[("min", &MIN_PASSPHRASE_CHARS.to_string())],
            ),
            KeyFileError::PassphrasesDiffer => m.get("key_file.passphrases_differ").to_owned(),
            KeyFileError::NoRandomness => m.get("key_file.no_randomness").to_owned(),
            KeyFileError::NotKeyFile { found } => {
                m.fill("key_file.not_key_file", &[("found", found)])
            }
            KeyFileError::UnknownVersion { found } => {
                m.fill("key_file.unknown_version", &[("found", &found.to_string())])
            }
            KeyFileError::Damaged { detail } => m.fill("key_file.damaged", &[("detail", detail)]),
            KeyFileError::WrongPassphrase => m.get("key_file.wrong_passphrase").to_owned(),
            KeyFileError::KeyMismatch { stated, actual } => m.fill(
                "key_file.key_mismatch",
                &[("stated", stated), ("actual", actual)],
            ),
        }
    }
}

impl NewKeyError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            NewKeyError::KeyFile(e) => e.in_words(m),
            NewKeyError::Questionnaire(errors) => m.fill(
                "new_key.questionnaire",
                &[("problems", &errors.in_words(m))],
            ),
            NewKeyError::SetupFile(detail) => m.fill("new_key.setup_file", &[("detail", detail)]),
        }
    }
}

impl DownloadError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            DownloadError::NoSuchDataset(n) => {
                m.fill("combine.no_such_dataset", &[("n", &n.to_string())])
            }
            DownloadError::Export(e) => e.in_words(m),
        }
    }
}

impl Refusal {
    /// Why the file was refused, in the language of `m`. A file that could
    /// not be read carries the words the page already said it in.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            Refusal::Unreadable(words) => words.clone(),
            Refusal::Invalid(e) => e.in_words(m),
        }
    }
}
