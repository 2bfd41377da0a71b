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

use super::keys::ResearchKeyPair;
use aes_gcm::aead::{Aead as _, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use argon2::{Algorithm, Argon2, Params, Version};
use candour_core::export::iso;
use candour_core::seal::{decode_base64, encode_base64, ResearchPublicKey};
use candour_core::time::Timestamp;
use rand_core::TryCryptoRng;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use zeroize::Zeroizing;

/// The key file's `format`.
pub const KEY_FILE_FORMAT: &str = "candour-research-key";
/// The key file's `format_version`.
pub const KEY_FILE_VERSION: u32 = 1;
/// Fewest characters a new passphrase may have.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// Argon2id's cost, as recorded in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfCost {
    /// Memory in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Lanes.
    pub parallelism: u32,
}

impl KdfCost {
    /// RFC 9106 section 4's second recommended option (64 MiB, 3 passes)
    /// with one lane, because the browser's WebAssembly runs one thread:
    /// about a second on a researcher's computer, and each guess at the
    /// passphrase costs an attacker the same.
    pub const RECOMMENDED: KdfCost = KdfCost {
        memory_kib: 64 * 1024,
        iterations: 3,
        parallelism: 1,
    };

    /// Most memory a file may ask for (1 GiB): a hostile file must not
    /// exhaust the researcher's computer.
    pub const MAX_MEMORY_KIB: u32 = 1024 * 1024;
    /// Most passes a file may ask for.
    pub const MAX_ITERATIONS: u32 = 64;
}

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
        /// What it is instead, when known (with a leading ": ").
        found: String,
    },
    /// A key file of an unknown version.
    #[error("This research key file is of format version {found}, which this version of Candour cannot read. Use a newer version of the workbench.")]
    UnknownVersion {
        /// The version found.
        found: u32,
    },
    /// A key file with the wrong shape or impossible values.
    #[error("This research key file is damaged ({detail}). Use your backup copy of the key file.")]
    Damaged {
        /// What is wrong.
        detail: String,
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

fn derive(
    passphrase: &str,
    salt: &[u8],
    cost: KdfCost,
) -> Result<Zeroizing<[u8; 32]>, KeyFileError> {
    let params = Params::new(cost.memory_kib, cost.iterations, cost.parallelism, Some(32))
        .map_err(|e| KeyFileError::Damaged {
            detail: format!("its key derivation settings are not usable: {e}"),
        })?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase.as_bytes(), salt, key.as_mut())
        .map_err(|e| KeyFileError::Damaged {
            detail: format!("its key derivation failed: {e}"),
        })?;
    Ok(key)
}

/// Writes `pair` as a key file protected by `passphrase` (checked with
/// [`check_new_passphrase`] first), with Argon2id at `cost`
/// ([`KdfCost::RECOMMENDED`] unless the researcher's computer is too
/// slow) and a random salt and nonce from `rng`.
pub fn write_key_file<R: TryCryptoRng + ?Sized>(
    pair: &ResearchKeyPair,
    passphrase: &str,
    cost: KdfCost,
    created_at: Timestamp,
    rng: &mut R,
) -> Result<String, KeyFileError> {
    check_new_passphrase(passphrase, passphrase)?;
    let mut salt = [0u8; 16];
    let mut nonce = [0u8; 12];
    rng.try_fill_bytes(&mut salt)
        .and_then(|()| rng.try_fill_bytes(&mut nonce))
        .map_err(|_| KeyFileError::NoRandomness)?;
    let mut shape = KeyFileShape {
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
    let key = derive(passphrase, &salt, cost)?;
    let cipher = Aes256Gcm::new((&*key).into());
    let secret = pair.secret_bytes();
    let aad = bound(&shape);
    let sealed = cipher
        .encrypt(
            &Nonce::from(nonce),
            Payload {
                msg: &secret,
                aad: &aad,
            },
        )
        .map_err(|_| KeyFileError::NoRandomness)?;
    shape.private_key = encode_base64(&sealed);
    let mut text = serde_json::to_string_pretty(&shape).map_err(|e| KeyFileError::Damaged {
        detail: e.to_string(),
    })?;
    text.push('\n');
    Ok(text)
}

/// Opens a key file with its passphrase. Refused in words: a file that is
/// not a key file, damaged, of another version, a wrong passphrase, or a
/// key inside that is not the one the file names.
pub fn open_key_file(bytes: &[u8], passphrase: &str) -> Result<ResearchKeyPair, KeyFileError> {
    let shape = read_shape(bytes)?;
    let damaged = |detail: &str| KeyFileError::Damaged {
        detail: detail.to_owned(),
    };
    if shape.kdf.algorithm != "argon2id" || shape.kdf.version != 0x13 {
        return Err(damaged(
            "it names a key derivation other than Argon2id version 1.3",
        ));
    }
    if shape.cipher.algorithm != "aes-256-gcm" {
        return Err(damaged("it names a cipher other than AES-256-GCM"));
    }
    let cost = KdfCost {
        memory_kib: shape.kdf.memory_kib,
        iterations: shape.kdf.iterations,
        parallelism: shape.kdf.parallelism,
    };
    if cost.memory_kib > KdfCost::MAX_MEMORY_KIB || cost.iterations > KdfCost::MAX_ITERATIONS {
        return Err(damaged(
            "its key derivation asks for more memory or time than any key file Candour writes",
        ));
    }
    let salt = decode_base64(&shape.kdf.salt).ok_or_else(|| damaged("its salt is not base64"))?;
    let nonce: [u8; 12] = decode_base64(&shape.cipher.nonce)
        .and_then(|n| n.try_into().ok())
        .ok_or_else(|| damaged("its nonce is not 12 bytes of base64"))?;
    let sealed = decode_base64(&shape.private_key)
        .ok_or_else(|| damaged("its private key is not base64"))?;
    let stated = decode_base64(&shape.public_key)
        .and_then(|b| ResearchPublicKey::from_bytes(&b))
        .ok_or_else(|| damaged("its public key is not a research key"))?;
    let key = derive(passphrase, &salt, cost)?;
    let cipher = Aes256Gcm::new((&*key).into());
    let secret = Zeroizing::new(
        cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: &sealed,
                    aad: &bound(&shape),
                },
            )
            .map_err(|_| KeyFileError::WrongPassphrase)?,
    );
    let pair = ResearchKeyPair::from_secret_bytes(&secret)
        .ok_or_else(|| damaged("the key inside is not an X25519 private key"))?;
    if *pair.public() != stated || shape.fingerprint != stated.fingerprint() {
        return Err(KeyFileError::KeyMismatch {
            stated: candour_core::text::one_line(&shape.fingerprint, 40),
            actual: pair.fingerprint(),
        });
    }
    Ok(pair)
}

/// The public key a key file names, without the passphrase (to show its
/// fingerprint before asking for it).
pub fn key_file_public_key(bytes: &[u8]) -> Result<ResearchPublicKey, KeyFileError> {
    let shape = read_shape(bytes)?;
    decode_base64(&shape.public_key)
        .and_then(|b| ResearchPublicKey::from_bytes(&b))
        .ok_or_else(|| KeyFileError::Damaged {
            detail: "its public key is not a research key".to_owned(),
        })
}

fn read_shape(bytes: &[u8]) -> Result<KeyFileShape, KeyFileError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let not_key = |found: &str| KeyFileError::NotKeyFile {
        found: found.to_owned(),
    };
    let text = std::str::from_utf8(bytes).map_err(|_| not_key(""))?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| not_key(""))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(KEY_FILE_FORMAT) => {}
        Some("candour-tablet-setup") => {
            return Err(not_key(
                ": it is a tablet setup file, which holds only the public key",
            ))
        }
        Some("candour-export") => return Err(not_key(": it is an export of responses")),
        _ => return Err(not_key("")),
    }
    match value.get("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(KEY_FILE_VERSION) => {}
        Some(v) => {
            return Err(KeyFileError::UnknownVersion {
                found: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        None => {
            return Err(KeyFileError::Damaged {
                detail: "it has no format version".to_owned(),
            })
        }
    }
    serde_json::from_value(value).map_err(|e| KeyFileError::Damaged {
        detail: e.to_string(),
    })
}
