//! The research key file: the private key protected by a passphrase.
//!
//! ```json
//! {"format": "candour-research-key", "format_version": 1,
//!  "created_at": "2026-11-25T10:00:00.000Z",
//!  "public_key": "<32 bytes, base64>", "fingerprint": "MFRG GZDF MZTW Q2LK",
//!  "kdf": {"algorithm": "argon2id", "version": 19, "memory_kib": 65536,
//!          "iterations": 3, "parallelism": 1, "salt": "<16 bytes, base64>"},
//!  "cipher": {"algorithm": "aes-256-gcm", "nonce": "<12 bytes, base64>"},
//!  "private_key": "<32 bytes sealed, with the 16-byte tag, base64>"}
//! ```
//!
//! The passphrase goes through Argon2id (RFC 9106) with the parameters
//! written in the file, giving a 256-bit AES-GCM key; everything else in
//! the file is the associated data, so changing any of it (a parameter,
//! the public key, the fingerprint, the date) makes the file unopenable
//! rather than misleading.

use super::key_file_error::{KeyFileDamage, KeyFileError, NotKeyFound, MIN_PASSPHRASE_CHARS};
use super::keys::ResearchKeyPair;
use aes_gcm::aead::{Aead as _, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use candour_core::export::iso;
use candour_core::seal::{decode_base64, encode_base64, ResearchPublicKey};
use candour_core::time::Timestamp;
use candour_kdf::{KdfCost, KdfRequest};
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The key file's `format`.
pub const KEY_FILE_FORMAT: &str = "candour-research-key";
/// The key file's `format_version`.
pub const KEY_FILE_VERSION: u32 = 1;
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyFileShape {
    format: String,
    format_version: u32,
    #[serde(with = "iso::required")]
    created_at: Timestamp,
    public_key: String,
    fingerprint: String,
    kdf: KdfShape,
    cipher: CipherShape,
    private_key: String,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KdfShape {
    algorithm: String,
    version: u32,
    memory_kib: u32,
    iterations: u32,
    parallelism: u32,
    salt: String,
}

#[derive(Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CipherShape {
    algorithm: String,
    nonce: String,
}

/// The associated data: every field but the sealed key, in a fixed order.
#[derive(Serialize)]
struct Bound<'a> {
    format: &'a str,
    format_version: u32,
    #[serde(with = "iso::required")]
    created_at: Timestamp,
    public_key: &'a str,
    fingerprint: &'a str,
    kdf: &'a KdfShape,
    cipher: &'a CipherShape,
}

const AAD_PREFIX: &[u8] = b"candour research key file v1\n";

fn bound(shape: &KeyFileShape) -> Vec<u8> {
    let mut aad = AAD_PREFIX.to_vec();
    let fields = Bound {
        format: &shape.format,
        format_version: shape.format_version,
        created_at: shape.created_at,
        public_key: &shape.public_key,
        fingerprint: &shape.fingerprint,
        kdf: &shape.kdf,
        cipher: &shape.cipher,
    };
    // Strings and integers only: writing cannot fail.
    if serde_json::to_writer(&mut aad, &fields).is_err() {
        aad.truncate(AAD_PREFIX.len());
    }
    aad
}

/// Checks a new passphrase and its confirmation.
pub fn check_new_passphrase(passphrase: &str, confirm: &str) -> Result<(), KeyFileError> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(KeyFileError::PassphraseTooShort);
    }
    if passphrase != confirm {
        return Err(KeyFileError::PassphrasesDiffer);
    }
    Ok(())
}

/// A new key file, all but sealed: the salt and nonce chosen, waiting
/// for the key its passphrase derives ([`NewKeyFile::derivation`], done
/// here or in the workbench's background worker), then
/// [`NewKeyFile::seal`].
pub struct NewKeyFile {
    shape: KeyFileShape,
    salt: [u8; 16],
    nonce: [u8; 12],
    secret: Zeroizing<Vec<u8>>,
}

impl NewKeyFile {
    /// Starts the key file of `pair` at `cost` ([`KdfCost::RECOMMENDED`]
    /// unless the researcher's computer is too slow), with a random salt
    /// and nonce from `rng`.
    pub fn new<R: TryCryptoRng + ?Sized>(
        pair: &ResearchKeyPair,
        cost: KdfCost,
        created_at: Timestamp,
        rng: &mut R,
    ) -> Result<NewKeyFile, KeyFileError> {
        let mut salt = [0u8; 16];
        let mut nonce = [0u8; 12];
        rng.try_fill_bytes(&mut salt)
            .and_then(|()| rng.try_fill_bytes(&mut nonce))
            .map_err(|_| KeyFileError::NoRandomness)?;
        let shape = KeyFileShape {
            format: KEY_FILE_FORMAT.to_owned(),
            format_version: KEY_FILE_VERSION,
            created_at,
            public_key: pair.public().to_base64(),
            fingerprint: pair.fingerprint(),
            kdf: KdfShape {
                algorithm: "argon2id".to_owned(),
                version: 0x13,
                memory_kib: cost.memory_kib,
                iterations: cost.iterations,
                parallelism: cost.parallelism,
                salt: encode_base64(&salt),
            },
            cipher: CipherShape {
                algorithm: "aes-256-gcm".to_owned(),
                nonce: encode_base64(&nonce),
            },
            private_key: String::new(),
        };
        Ok(NewKeyFile {
            shape,
            salt,
            nonce,
            secret: pair.secret_bytes(),
        })
    }

    /// The derivation that gives this file's key from `passphrase`.
    pub fn derivation(&self, passphrase: &str) -> KdfRequest {
        KdfRequest::new(passphrase, &self.salt, cost_of(&self.shape.kdf))
    }

    /// The file's text, its private key sealed with `key` (from
    /// [`NewKeyFile::derivation`]).
    pub fn seal(mut self, key: &[u8; 32]) -> Result<String, KeyFileError> {
        let cipher = Aes256Gcm::new(key.into());
        let aad = bound(&self.shape);
        let sealed = cipher
            .encrypt(
                &Nonce::from(self.nonce),
                Payload {
                    msg: &self.secret,
                    aad: &aad,
                },
            )
            .map_err(|_| KeyFileError::NoRandomness)?;
        self.shape.private_key = encode_base64(&sealed);
        let mut text = serde_json::to_string_pretty(&self.shape)
            .map_err(|e| KeyFileDamage::Shape(e.to_string()))?;
        text.push('\n');
        Ok(text)
    }
}

/// Writes `pair` as a key file protected by `passphrase` (checked with
/// [`check_new_passphrase`] first), with Argon2id at `cost` on this
/// thread: [`NewKeyFile`] in one step.
pub fn write_key_file<R: TryCryptoRng + ?Sized>(
    pair: &ResearchKeyPair,
    passphrase: &str,
    cost: KdfCost,
    created_at: Timestamp,
    rng: &mut R,
) -> Result<String, KeyFileError> {
    check_new_passphrase(passphrase, passphrase)?;
    let file = NewKeyFile::new(pair, cost, created_at, rng)?;
    let key = file.derivation(passphrase).derive()?;
    file.seal(&key)
}

fn cost_of(kdf: &KdfShape) -> KdfCost {
    KdfCost {
        memory_kib: kdf.memory_kib,
        iterations: kdf.iterations,
        parallelism: kdf.parallelism,
    }
}

/// A key file read and checked in everything but its passphrase: waiting
/// for the key the passphrase derives ([`LockedKeyFile::derivation`], done
/// here or in the workbench's background worker), then
/// [`LockedKeyFile::open`].
pub struct LockedKeyFile {
    shape: KeyFileShape,
    salt: Vec<u8>,
    nonce: [u8; 12],
    sealed: Vec<u8>,
    stated: ResearchPublicKey,
}

impl LockedKeyFile {
    /// Reads a key file. Refused in words: a file that is not a key file,
    /// damaged, of another version, or asking for more work than any file
    /// Candour writes (checked before any derivation starts).
    pub fn read(bytes: &[u8]) -> Result<LockedKeyFile, KeyFileError> {
        let shape = read_shape(bytes)?;
        if shape.kdf.algorithm != "argon2id" || shape.kdf.version != 0x13 {
            return Err(KeyFileDamage::OtherDerivation.into());
        }
        if shape.cipher.algorithm != "aes-256-gcm" {
            return Err(KeyFileDamage::OtherCipher.into());
        }
        if cost_of(&shape.kdf).too_costly() {
            return Err(KeyFileDamage::TooCostly.into());
        }
        let salt = decode_base64(&shape.kdf.salt).ok_or(KeyFileDamage::Salt)?;
        let nonce: [u8; 12] = decode_base64(&shape.cipher.nonce)
            .and_then(|n| n.try_into().ok())
            .ok_or(KeyFileDamage::Nonce)?;
        let sealed = decode_base64(&shape.private_key).ok_or(KeyFileDamage::PrivateKey)?;
        let stated = decode_base64(&shape.public_key)
            .and_then(|b| ResearchPublicKey::from_bytes(&b))
            .ok_or(KeyFileDamage::PublicKey)?;
        Ok(LockedKeyFile {
            shape,
            salt,
            nonce,
            sealed,
            stated,
        })
    }

    /// The derivation that gives this file's key from `passphrase`.
    pub fn derivation(&self, passphrase: &str) -> KdfRequest {
        KdfRequest::new(passphrase, &self.salt, cost_of(&self.shape.kdf))
    }

    /// Opens the private key with `key` (from [`LockedKeyFile::derivation`]).
    /// Refused in words: a wrong passphrase, or a key inside that is not
    /// the one the file names.
    pub fn open(&self, key: &[u8; 32]) -> Result<ResearchKeyPair, KeyFileError> {
        let cipher = Aes256Gcm::new(key.into());
        let secret = Zeroizing::new(
            cipher
                .decrypt(
                    &Nonce::from(self.nonce),
                    Payload {
                        msg: &self.sealed,
                        aad: &bound(&self.shape),
                    },
                )
                .map_err(|_| KeyFileError::WrongPassphrase)?,
        );
        let pair = ResearchKeyPair::from_secret_bytes(&secret).ok_or(KeyFileDamage::KeyInside)?;
        if *pair.public() != self.stated || self.shape.fingerprint != self.stated.fingerprint() {
            return Err(KeyFileError::KeyMismatch {
                stated: candour_core::text::one_line(&self.shape.fingerprint, 40),
                actual: pair.fingerprint(),
            });
        }
        Ok(pair)
    }
}

/// Opens a key file with its passphrase, deriving on this thread:
/// [`LockedKeyFile`] in one step.
pub fn open_key_file(bytes: &[u8], passphrase: &str) -> Result<ResearchKeyPair, KeyFileError> {
    let locked = LockedKeyFile::read(bytes)?;
    let key = locked.derivation(passphrase).derive()?;
    locked.open(&key)
}

/// The public key a key file names, without the passphrase (to show its
/// fingerprint before asking for it).
pub fn key_file_public_key(bytes: &[u8]) -> Result<ResearchPublicKey, KeyFileError> {
    let shape = read_shape(bytes)?;
    decode_base64(&shape.public_key)
        .and_then(|b| ResearchPublicKey::from_bytes(&b))
        .ok_or_else(|| KeyFileDamage::PublicKey.into())
}

fn read_shape(bytes: &[u8]) -> Result<KeyFileShape, KeyFileError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let not_key = |found: NotKeyFound| KeyFileError::NotKeyFile { found };
    let text = std::str::from_utf8(bytes).map_err(|_| not_key(NotKeyFound::Unknown))?;
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| not_key(NotKeyFound::Unknown))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(KEY_FILE_FORMAT) => {}
        Some("candour-tablet-setup") => return Err(not_key(NotKeyFound::SetupFile)),
        Some("candour-export") => return Err(not_key(NotKeyFound::Export)),
        _ => return Err(not_key(NotKeyFound::Unknown)),
    }
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(KEY_FILE_VERSION) => {}
        Some(v) => {
            return Err(KeyFileError::UnknownVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        None => return Err(KeyFileDamage::NoFormatVersion.into()),
    }
    serde_json::from_value(value).map_err(|e| KeyFileDamage::Shape(e.to_string()).into())
}
