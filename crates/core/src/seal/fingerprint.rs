//! Short fingerprints of public keys that a person compares by eye.

use data_encoding::BASE32_NOPAD;
use sha2::{Digest, Sha256};

/// The fingerprint of a public key's bytes (the research key's 32 raw
/// X25519 bytes, or a tablet's 65-byte uncompressed P-256 point): the first
/// 10 bytes of its SHA-256 as 16 base32 characters (RFC 4648: A to Z and 2
/// to 7, so no 0/O or 1/I/L to confuse) in four groups of four, e.g.
/// `"MFRG GZDF MZTW Q2LK"`. 80 bits: finding another key with the same
/// fingerprint takes about 2^80 tries. The workbench, the tablet and the
/// files all use this one function.
pub fn fingerprint(public_key: &[u8]) -> String {
    let digest = Sha256::digest(public_key);
    let text = BASE32_NOPAD.encode(&digest[..10]);
    let mut out = String::with_capacity(19);
    for (i, c) in text.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_groups_of_four_base32_characters() {
        let f = fingerprint(&[0u8; 32]);
        assert_eq!(f.len(), 19);
        let groups: Vec<&str> = f.split(' ').collect();
        assert_eq!(groups.len(), 4);
        assert!(groups.iter().all(|g| g.len() == 4
            && g.chars()
                .all(|c| c.is_ascii_uppercase() || ('2'..='7').contains(&c))));
    }

    #[test]
    fn is_sha256_truncated_to_ten_bytes_in_base32() {
        // SHA-256("") = e3b0c442 98fc1c14 9a..; its first 10 bytes in RFC
        // 4648 base32 (checked with Python's base64.b32encode).
        assert_eq!(fingerprint(b""), "4OYM IQUY 7QOB JGX3");
        assert_ne!(fingerprint(&[1]), fingerprint(&[2]));
    }
}
