//! Argon2id (RFC 9106), as the research key file uses it: a passphrase and
//! a salt at a recorded cost give the 256-bit key that seals the private
//! key. One home for the derivation, whether it runs natively (the
//! command-line tool), or in the workbench's background worker, which
//! receives a [`KdfRequest`] as bytes and answers with [`reply_bytes`].
//!
//! The messages are bytes rather than JSON so that the worker's wasm holds
//! nothing but Argon2id and this file.

use argon2::{Algorithm, Argon2, Params, Version};
use zeroize::Zeroizing;

/// Argon2id's cost, as recorded in the key file.
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

    /// Whether a file asks for more than any key file Candour writes.
    pub fn too_costly(self) -> bool {
        self.memory_kib > Self::MAX_MEMORY_KIB || self.iterations > Self::MAX_ITERATIONS
    }
}

/// Why no key was derived. The details are Argon2's own, kept as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KdfError {
    /// Argon2id refuses the cost or salt (too little memory, a short salt).
    UnusableSettings(String),
    /// The derivation itself failed.
    Failed(String),
    /// A message to or from the background worker is not one this version
    /// writes: the worker and the page come from different builds.
    Garbled,
}

/// Derives the 32-byte key from `passphrase` and `salt` at `cost`.
pub fn derive_key(
    passphrase: &[u8],
    salt: &[u8],
    cost: KdfCost,
) -> Result<Zeroizing<[u8; 32]>, KdfError> {
    let params = Params::new(cost.memory_kib, cost.iterations, cost.parallelism, Some(32))
        .map_err(|e| KdfError::UnusableSettings(e.to_string()))?;
    let mut key = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(passphrase, salt, key.as_mut())
        .map_err(|e| KdfError::Failed(e.to_string()))?;
    Ok(key)
}

/// One derivation to do: what the worker receives. Its `Debug` leaves the
/// passphrase out.
#[derive(Clone, PartialEq, Eq)]
pub struct KdfRequest {
    /// The passphrase's UTF-8 bytes, wiped when dropped.
    pub passphrase: Zeroizing<Vec<u8>>,
    /// The key file's salt.
    pub salt: Vec<u8>,
    /// The key file's cost.
    pub cost: KdfCost,
}

impl std::fmt::Debug for KdfRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KdfRequest")
            .field("passphrase", &"(not shown)")
            .field("salt", &self.salt)
            .field("cost", &self.cost)
            .finish()
    }
}

/// The first byte of a request, naming this layout: a request from a build
/// with another layout is refused as [`KdfError::Garbled`] rather than
/// misread. Change it whenever the layout changes.
const REQUEST_TAG: u8 = 0xA1;
/// The first byte of a reply with the key.
const REPLY_KEY: u8 = 0;
/// The first byte of a reply with [`KdfError::UnusableSettings`].
const REPLY_UNUSABLE: u8 = 1;
/// The first byte of a reply with [`KdfError::Failed`].
const REPLY_FAILED: u8 = 2;

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let word = bytes.get(at..at + 4)?;
    Some(u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
}

impl KdfRequest {
    /// The request for `passphrase`, `salt` and `cost`.
    pub fn new(passphrase: &str, salt: &[u8], cost: KdfCost) -> KdfRequest {
        KdfRequest {
            passphrase: Zeroizing::new(passphrase.as_bytes().to_vec()),
            salt: salt.to_vec(),
            cost,
        }
    }

    /// Does the derivation here, on this thread.
    pub fn derive(&self) -> Result<Zeroizing<[u8; 32]>, KdfError> {
        derive_key(&self.passphrase, &self.salt, self.cost)
    }

    /// The request as the worker receives it: a tag, the cost's three
    /// numbers and the salt's length (each 4 bytes, little-endian), the
    /// salt, then the passphrase.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut bytes = Zeroizing::new(Vec::with_capacity(
            17 + self.salt.len() + self.passphrase.len(),
        ));
        bytes.push(REQUEST_TAG);
        // A salt longer than 4 GiB cannot come from a key file (it is
        // read from a JSON text in memory), so the length always fits.
        let salt_len = u32::try_from(self.salt.len()).unwrap_or(u32::MAX);
        for word in [
            self.cost.memory_kib,
            self.cost.iterations,
            self.cost.parallelism,
            salt_len,
        ] {
            bytes.extend_from_slice(&word.to_le_bytes());
        }
        bytes.extend_from_slice(&self.salt);
        bytes.extend_from_slice(&self.passphrase);
        bytes
    }

    /// Reads a request written by [`KdfRequest::to_bytes`]; anything else
    /// (another build's, cut short) is [`KdfError::Garbled`].
    pub fn from_bytes(bytes: &[u8]) -> Result<KdfRequest, KdfError> {
        if bytes.first() != Some(&REQUEST_TAG) {
            return Err(KdfError::Garbled);
        }
        let word = |i: usize| u32_at(bytes, 1 + 4 * i).ok_or(KdfError::Garbled);
        let cost = KdfCost {
            memory_kib: word(0)?,
            iterations: word(1)?,
            parallelism: word(2)?,
        };
        let salt_len = usize::try_from(word(3)?).map_err(|_| KdfError::Garbled)?;
        let salt_end = salt_len.checked_add(17).ok_or(KdfError::Garbled)?;
        let salt = bytes.get(17..salt_end).ok_or(KdfError::Garbled)?;
        let passphrase = bytes.get(salt_end..).ok_or(KdfError::Garbled)?;
        Ok(KdfRequest {
            passphrase: Zeroizing::new(passphrase.to_vec()),
            salt: salt.to_vec(),
            cost,
        })
    }
}

/// The worker's answer to a request's bytes: the key, or why not.
pub fn answer(request: &[u8]) -> Zeroizing<Vec<u8>> {
    reply_bytes(&KdfRequest::from_bytes(request).and_then(|r| r.derive()))
}

/// A derivation's result as the worker sends it back: a tag, then the key
/// or the error's detail in UTF-8.
pub fn reply_bytes(result: &Result<Zeroizing<[u8; 32]>, KdfError>) -> Zeroizing<Vec<u8>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(33));
    match result {
        Ok(key) => {
            bytes.push(REPLY_KEY);
            bytes.extend_from_slice(key.as_ref());
        }
        Err(KdfError::UnusableSettings(detail)) => {
            bytes.push(REPLY_UNUSABLE);
            bytes.extend_from_slice(detail.as_bytes());
        }
        Err(KdfError::Failed(detail)) => {
            bytes.push(REPLY_FAILED);
            bytes.extend_from_slice(detail.as_bytes());
        }
        // An empty reply: the page reads it back as garbled.
        Err(KdfError::Garbled) => {}
    }
    bytes
}

/// Reads a reply written by [`reply_bytes`].
pub fn read_reply(bytes: &[u8]) -> Result<Zeroizing<[u8; 32]>, KdfError> {
    let detail = || String::from_utf8_lossy(&bytes[1..]).into_owned();
    match bytes.first() {
        Some(&REPLY_KEY) => {
            let key: [u8; 32] = bytes[1..].try_into().map_err(|_| KdfError::Garbled)?;
            Ok(Zeroizing::new(key))
        }
        Some(&REPLY_UNUSABLE) => Err(KdfError::UnusableSettings(detail())),
        Some(&REPLY_FAILED) => Err(KdfError::Failed(detail())),
        _ => Err(KdfError::Garbled),
    }
}
