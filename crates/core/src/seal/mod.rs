//! Sealing finished records to the research team's key, and what the
//! tablet needs around it (issue 14; the design is `docs/sealing.md`).
//!
//! The construction is HPKE (RFC 9180) in base mode with
//! DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, from the `hpke`
//! crate: every record gets its own HPKE context, so its own ephemeral key
//! and its own AES-256-GCM key. The record's clear header (what staff and
//! the export need to count and mark records: [`RecordHeader`]) is the
//! AEAD's associated data, so a header changed after sealing makes the
//! record unopenable.
//!
//! The tablet calls, in order:
//! 1. [`read_setup_file`] when staff load a tablet setup file (it checks the
//!    research key and its fingerprint, and any questionnaire in it);
//! 2. [`seal_response`] when a record is finished, with the next sequence
//!    number and a random number generator (`getrandom`'s `SysRng` in the
//!    browser);
//! 3. [`crate::export::signed`] to write a signed export of the entries.
//!
//! Opening needs the private key and lives in `candour-analysis`, which the
//! tablet does not link.

mod base64;
mod entry;
mod fingerprint;
mod header;
mod research_key;
mod rng;
mod seal_record;
mod setup_file;

pub use base64::{decode_base64, encode_base64};
pub use entry::{EntryBody, RecordEntry, SealedContent};
pub use fingerprint::fingerprint;
pub use header::{RecordHeader, AAD_PREFIX};
pub use research_key::{ResearchPublicKey, PUBLIC_KEY_LEN};
pub use seal_record::{seal_bytes, seal_record, seal_response, SealError};
pub use setup_file::{
    read_setup_file, write_setup_file, SetupError, TabletSetup, SETUP_FORMAT, SETUP_FORMAT_VERSION,
};

/// The HPKE key encapsulation: DHKEM(X25519, HKDF-SHA256), KEM id 0x0020.
pub type Kem = hpke::kem::X25519HkdfSha256;
/// The HPKE key derivation: HKDF-SHA256, KDF id 0x0001.
pub type Kdf = hpke::kdf::HkdfSha256;
/// The HPKE AEAD: AES-256-GCM, AEAD id 0x0002.
pub type Aead = hpke::aead::AesGcm256;

/// The suite's name as files write it (`sealed.suite`). Readers refuse any
/// other, so a later change of suite is a new name, never a silent misread.
pub const SUITE: &str = "hpke-base-x25519-sha256-aes256gcm";

/// HPKE's `info` for sealed records: separates Candour records from any
/// other use of the same research key.
pub const RECORD_INFO: &[u8] = b"candour sealed record v1";

/// The version of the randomness traits the sealing functions take
/// (`rand_core`), re-exported so that callers name the same one.
pub use rand_core;
