//! Why a research key file could not be made or opened: typed to the
//! last detail, so that the workbench says every part of it through its
//! locale file (`crate::words`), and the command-line tool prints the
//! English `Display`.

use candour_kdf::KdfError;
use thiserror::Error;

/// Fewest characters a new passphrase may have (here, with the error that
/// names it).
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Why a key file could not be made or opened, in words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyFileError {
    /// The new passphrase is too short.
    #[error("The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters. A few ordinary words in a row are easy to remember and hard to guess.")]
    PassphraseTooShort,
    /// The two passphrases typed differ.
    #[error("The two passphrases are not the same. Please type them again.")]
    PassphrasesDiffer,
    /// No randomness for the salt and nonce.
    #[error("The browser gave no random numbers, so no key file was made. Try again.")]
    NoRandomness,
    /// Not a key file.
    #[error("This is not a Candour research key file{found}.")]
    NotKeyFile {
        /// What it is instead, when known.
        found: NotKeyFound,
    },
    /// A key file of an unknown version.
    #[error("This research key file is of format version {found}, which this version of Candour cannot read. Use a newer version of the workbench.")]
    UnknownVersion {
        /// The version found.
        found: u32,
    },
    /// A key file with the wrong shape or impossible values.
    #[error("This research key file is damaged ({damage}). Use your backup copy of the key file.")]
    Damaged {
        /// What is wrong.
        damage: KeyFileDamage,
    },
    /// The passphrase does not open it.
    #[error("The passphrase does not open this key file. Check it and type it again (capital letters count). If it is right, the file was changed: use your backup copy.")]
    WrongPassphrase,
    /// It opened, but the key inside is not the one the file names.
    #[error("This key file names the key {stated}, but the key inside it is {actual}. The file was changed: use your backup copy.")]
    KeyMismatch {
        /// Fingerprint the file states.
        stated: String,
        /// Fingerprint of the key inside.
        actual: String,
    },
}

/// What a file refused as a key file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum NotKeyFound {
    /// Not JSON, or JSON of no Candour format.
    #[error("")]
    Unknown,
    /// The tablet setup file made with the key.
    #[error(": it is a tablet setup file, which holds only the public key")]
    SetupFile,
    /// An export of responses.
    #[error(": it is an export of responses")]
    Export,
}

/// What is wrong with a damaged key file.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyFileDamage {
    /// `format_version` is missing.
    #[error("it has no format version")]
    NoFormatVersion,
    /// A field is missing, extra or of the wrong type: the JSON reader's
    /// own detail, kept as data.
    #[error("{0}")]
    Shape(String),
    /// A derivation other than Argon2id 1.3.
    #[error("it names a key derivation other than Argon2id version 1.3")]
    OtherDerivation,
    /// A cipher other than AES-256-GCM.
    #[error("it names a cipher other than AES-256-GCM")]
    OtherCipher,
    /// A cost beyond anything Candour writes (a hostile file).
    #[error("its key derivation asks for more memory or time than any key file Candour writes")]
    TooCostly,
    /// The salt is not base64.
    #[error("its salt is not base64")]
    Salt,
    /// The nonce is not 12 bytes of base64.
    #[error("its nonce is not 12 bytes of base64")]
    Nonce,
    /// The sealed private key is not base64.
    #[error("its private key is not base64")]
    PrivateKey,
    /// The public key is not an X25519 public key.
    #[error("its public key is not a research key")]
    PublicKey,
    /// What the passphrase opened is not an X25519 private key.
    #[error("the key inside is not an X25519 private key")]
    KeyInside,
    /// Argon2id refused the file's settings (Argon2's detail, as data).
    #[error("its key derivation settings are not usable: {0}")]
    UnusableSettings(String),
    /// Argon2id failed (Argon2's detail, as data).
    #[error("its key derivation failed: {0}")]
    DerivationFailed(String),
    /// The page and its background worker are of different builds.
    #[error("the key derivation's answer was not understood")]
    Garbled,
}

impl From<KdfError> for KeyFileError {
    fn from(error: KdfError) -> KeyFileError {
        let damage = match error {
            KdfError::UnusableSettings(detail) => KeyFileDamage::UnusableSettings(detail),
            KdfError::Failed(detail) => KeyFileDamage::DerivationFailed(detail),
            KdfError::Garbled => KeyFileDamage::Garbled,
        };
        KeyFileError::Damaged { damage }
    }
}

impl From<KeyFileDamage> for KeyFileError {
    fn from(damage: KeyFileDamage) -> KeyFileError {
        KeyFileError::Damaged { damage }
    }
}
