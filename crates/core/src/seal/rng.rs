//! Randomness for one HPKE encapsulation, drawn before sealing starts so
//! that a failing source of randomness is an error in words, not a panic.

use rand_core::{TryCryptoRng, TryRng};
use std::convert::Infallible;
use zeroize::Zeroize;

/// Bytes an X25519 encapsulation asks for: one private key's worth, which
/// RFC 9180's `DeriveKeyPair` turns into the ephemeral key pair.
pub(crate) const ENCAP_BYTES: usize = 32;

/// The ephemeral key material of one encapsulation, drawn from the
/// caller's generator. `hpke` takes an infallible generator; this hands it
/// exactly these bytes, once, and is wiped when dropped.
pub(crate) struct OneEncapsulation {
    ikm: [u8; ENCAP_BYTES],
    used: bool,
}

impl OneEncapsulation {
    /// Draws the bytes; `None` when the generator fails.
    pub(crate) fn draw<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Option<Self> {
        let mut ikm = [0u8; ENCAP_BYTES];
        rng.try_fill_bytes(&mut ikm).ok()?;
        Some(OneEncapsulation { ikm, used: false })
    }

    /// Fixed bytes: only for checking a public key, where the result is
    /// thrown away and nothing is sealed.
    pub(crate) fn fixed(ikm: [u8; ENCAP_BYTES]) -> Self {
        OneEncapsulation { ikm, used: false }
    }
}

impl Drop for OneEncapsulation {
    fn drop(&mut self) {
        self.ikm.zeroize();
    }
}

impl TryRng for OneEncapsulation {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    /// Hands over the drawn bytes. Asked twice, or for another length, it
    /// panics: giving the same or made-up bytes would reuse an ephemeral key
    /// (and so a key and nonce), which must never happen silently. `hpke`
    /// asks once for exactly [`ENCAP_BYTES`]; a test holds it to that.
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        assert!(
            !self.used && dst.len() == ENCAP_BYTES,
            "HPKE asked for randomness other than one X25519 key's worth"
        );
        dst.copy_from_slice(&self.ikm);
        self.ikm.zeroize();
        self.used = true;
        Ok(())
    }
}

impl TryCryptoRng for OneEncapsulation {}
