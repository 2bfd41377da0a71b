//! Why a key file, a new key, a download or an export file was refused,
//! in words.

use crate::combine::DownloadError;
use crate::open::Refusal;
use crate::sealing::{KeyFileDamage, KeyFileError, NewKeyError, NotKeyFound, MIN_PASSPHRASE_CHARS};
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
            KeyFileError::NotKeyFile { found } => m
                .get(match found {
                    NotKeyFound::Unknown => "key_file.not_key_file",
                    NotKeyFound::SetupFile => "key_file.not_key_file_setup",
                    NotKeyFound::Export => "key_file.not_key_file_export",
                })
                .to_owned(),
            KeyFileError::UnknownVersion { found } => {
                m.fill("key_file.unknown_version", &[("found", &found.to_string())])
            }
            KeyFileError::Damaged { damage } => {
                m.fill("key_file.damaged", &[("detail", &damage.in_words(m))])
            }
            KeyFileError::WrongPassphrase => m.get("key_file.wrong_passphrase").to_owned(),
            KeyFileError::KeyMismatch { stated, actual } => m.fill(
                "key_file.key_mismatch",
                &[("stated", stated), ("actual", actual)],
            ),
        }
    }
}

impl KeyFileDamage {
    /// What is wrong, in the language of `m`. A detail from the JSON
    /// reader or from Argon2 is data, set in a localised phrase.
    pub fn in_words(&self, m: &Messages) -> String {
        let fixed = |key: &str| m.get(key).to_owned();
        match self {
            KeyFileDamage::NoFormatVersion => fixed("key_file.damage.no_format_version"),
            KeyFileDamage::Shape(detail) => m.fill("key_file.damage.shape", &[("detail", detail)]),
            KeyFileDamage::OtherDerivation => fixed("key_file.damage.other_derivation"),
            KeyFileDamage::OtherCipher => fixed("key_file.damage.other_cipher"),
            KeyFileDamage::TooCostly => fixed("key_file.damage.too_costly"),
            KeyFileDamage::Salt => fixed("key_file.damage.salt"),
            KeyFileDamage::Nonce => fixed("key_file.damage.nonce"),
            KeyFileDamage::PrivateKey => fixed("key_file.damage.private_key"),
            KeyFileDamage::PublicKey => fixed("key_file.damage.public_key"),
            KeyFileDamage::KeyInside => fixed("key_file.damage.key_inside"),
            KeyFileDamage::UnusableSettings(detail) => {
                m.fill("key_file.damage.unusable_settings", &[("detail", detail)])
            }
            KeyFileDamage::DerivationFailed(detail) => {
                m.fill("key_file.damage.derivation_failed", &[("detail", detail)])
            }
            KeyFileDamage::Garbled => fixed("key_file.damage.garbled"),
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
