//! The slow, salted hash the PIN and the recovery code are kept as:
//! PBKDF2-HMAC-SHA256 at the OWASP figure of 600,000 rounds.
//!
//! The core decides everything about the stored value (its format, when it
//! must be upgraded, and whether a derived key matches it, in constant
//! time) but derives nothing itself: the browser derives the key with
//! WebCrypto's `deriveBits`, which runs off the page's main thread, so the
//! screen never freezes while a PIN is checked. Native tests derive the
//! same keys with the `pbkdf2` crate and published vectors, so the stored
//! format is pinned to an independent implementation.

use crate::hash::to_hex;
use serde::{Deserialize, Serialize};

/// The key derivation every new hash uses.
pub const KDF: &str = "pbkdf2-hmac-sha256";
/// PBKDF2-HMAC-SHA256 rounds for a new hash: OWASP's current figure.
/// Stored with each hash, so it can be raised again without locking
/// anyone out: a hash with fewer rounds is upgraded at the next unlock.
pub const ROUNDS: u32 = 600_000;
/// Bytes of random salt per hash.
pub const SALT_BYTES: usize = 16;
/// Bytes of derived key kept.
pub const KEY_BYTES: usize = 32;

/// A stored PIN or recovery code: never the secret itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlowHash {
    /// The key derivation; values written before it was stored are PBKDF2.
    #[serde(default = "legacy_kdf")]
    pub kdf: String,
    /// Random salt, hex.
    pub salt: String,
    /// PBKDF2 rounds used.
    pub rounds: u32,
    /// Derived key, hex.
    pub hash: String,
}

fn legacy_kdf() -> String {
    KDF.to_owned()
}

/// What to ask the key derivation for: PBKDF2-HMAC-SHA256 of the secret's
/// UTF-8 bytes with this salt and these rounds, [`KEY_BYTES`] long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derivation {
    /// The salt.
    pub salt: Vec<u8>,
    /// The rounds.
    pub rounds: u32,
}

impl Derivation {
    /// The derivation of a new hash with a fresh `salt` at [`ROUNDS`].
    pub fn new(salt: [u8; SALT_BYTES]) -> Self {
        Derivation {
            salt: salt.to_vec(),
            rounds: ROUNDS,
        }
    }

    /// The stored value of the key `derived` by this derivation.
    pub fn hash_of(&self, derived: &[u8]) -> SlowHash {
        SlowHash {
            kdf: KDF.to_owned(),
            salt: to_hex(&self.salt),
            rounds: self.rounds,
            hash: to_hex(derived),
        }
    }
}

impl SlowHash {
    /// How to derive the key this hash was made with; `None` when the
    /// stored value is damaged (unknown derivation, salt or key not hex,
    /// no rounds), which then never matches anything.
    pub fn derivation(&self) -> Option<Derivation> {
        if self.kdf != KDF || self.rounds == 0 || self.hash.len() != 2 * KEY_BYTES {
            return None;
        }
        from_hex(&self.hash)?;
        Some(Derivation {
            salt: from_hex(&self.salt)?,
            rounds: self.rounds,
        })
    }

    /// Whether `derived` (from [`SlowHash::derivation`]) is the stored key.
    /// Compares in constant time, so the comparison leaks nothing about how
    /// close a guess was.
    pub fn matches(&self, derived: &[u8]) -> bool {
        let Some(stored) = self.derivation().and_then(|_| from_hex(&self.hash)) else {
            return false;
        };
        stored.len() == derived.len()
            && stored
                .iter()
                .zip(derived)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }

    /// True when the hash is weaker than a new one would be (fewer rounds,
    /// or an older derivation): it is made again at the next right unlock.
    pub fn needs_upgrade(&self) -> bool {
        self.kdf != KDF || self.rounds < ROUNDS
    }
}

fn from_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}
