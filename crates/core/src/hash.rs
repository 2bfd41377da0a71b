//! The content hash that every record and codebook carries, so that an answer
//! can always be matched to the exact wording and coding it was given under.

use crate::instrument::Instrument;
use sha2::{Digest, Sha256};

/// `"sha256:"` and the lowercase hex SHA-256 of the instrument's canonical form.
///
/// The canonical form is `serde_json` of the parsed instrument, not the file's
/// bytes: struct fields serialise in declaration order and every map is a
/// `BTreeMap`, so re-indenting the file, reordering its keys or writing `1`
/// for `1.0` leaves the hash alone, while any change of wording, code,
/// condition or option changes it. Defaults are written out, so stating
/// `"required": false` and leaving it out hash the same.
///
/// Changing a model type's fields or their order changes every hash; the
/// golden test (`tests/content_hash.rs`) exists to make that a deliberate act.
pub fn content_hash(instrument: &Instrument) -> String {
    let canonical = match serde_json::to_vec(instrument) {
        Ok(bytes) => bytes,
        // Unreachable for these types (all map keys are strings and no
        // serialiser is custom); `Debug` is still a pure function of the
        // content, so the hash stays meaningful instead of panicking.
        Err(_) => format!("{instrument:?}").into_bytes(),
    };
    format!("sha256:{}", to_hex(&Sha256::digest(&canonical)))
}

/// Lowercase hexadecimal of the bytes, two digits per byte.
pub fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}
