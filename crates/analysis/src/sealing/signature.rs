//! Checking a tablet's signature over an export's manifest.

use candour_core::export::signed::{SIGNATURE_ALGORITHM, SIGNATURE_LEN, TABLET_KEY_LEN};
use candour_core::seal::decode_base64;
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};

/// Whether `signature` (P1363 `r||s`, 64 bytes, as WebCrypto's ECDSA
/// `sign` returns it) is a valid ECDSA P-256 SHA-256 signature of `message`
/// by `public_key` (the 65-byte uncompressed point WebCrypto's
/// `exportKey("raw", …)` gives). Any malformed input is simply not valid.
pub fn verify_p1363(public_key: &[u8], message: &[u8], signature: &[u8]) -> bool {
    if public_key.len() != TABLET_KEY_LEN || signature.len() != SIGNATURE_LEN {
        return false;
    }
    let Ok(key) = VerifyingKey::from_sec1_bytes(public_key) else {
        return false;
    };
    let Ok(signature) = Signature::from_slice(signature) else {
        return false;
    };
    key.verify(message, &signature).is_ok()
}

/// [`verify_p1363`] with the key and signature as a manifest and its
/// signature block write them (base64), and the algorithm named.
pub fn verify_manifest(
    public_key_base64: &str,
    algorithm: &str,
    signature_base64: &str,
    manifest_bytes: &[u8],
) -> bool {
    if algorithm != SIGNATURE_ALGORITHM {
        return false;
    }
    match (
        decode_base64(public_key_base64),
        decode_base64(signature_base64),
    ) {
        (Some(key), Some(sig)) => verify_p1363(&key, manifest_bytes, &sig),
        _ => false,
    }
}
