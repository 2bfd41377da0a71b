//! The research team's public key, as the tablet holds it.

use super::rng::OneEncapsulation;
use super::{fingerprint, Aead, Kdf, Kem, RECORD_INFO};
use hpke::{Deserializable, OpModeS};

/// Bytes of an X25519 public key.
pub const PUBLIC_KEY_LEN: usize = 32;

/// A research public key (X25519), checked: 32 bytes, and not one of the
/// few points for which every sealed record would use the same secret.
#[derive(Clone)]
pub struct ResearchPublicKey {
    key: <Kem as hpke::Kem>::PublicKey,
    bytes: [u8; PUBLIC_KEY_LEN],
}

impl ResearchPublicKey {
    /// The key from its 32 raw bytes (RFC 7748 encoding); `None` when the
    /// length is wrong or the point is of low order (an all-zero shared
    /// secret, which RFC 9180 section 7.1.4 requires refusing).
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let array: [u8; PUBLIC_KEY_LEN] = bytes.try_into().ok()?;
        let key = <Kem as hpke::Kem>::PublicKey::from_bytes(&array).ok()?;
        // One throw-away encapsulation: `hpke` refuses an all-zero shared
        // secret, and with a low-order point every shared secret is zero.
        let mut check = OneEncapsulation::fixed([0x5a; 32]);
        hpke::setup_sender_with_rng::<Aead, Kdf, Kem>(
            &OpModeS::Base,
            &key,
            RECORD_INFO,
            &mut check,
        )
        .ok()?;
        Some(ResearchPublicKey { key, bytes: array })
    }

    /// The 32 raw bytes.
    pub fn to_bytes(&self) -> [u8; PUBLIC_KEY_LEN] {
        self.bytes
    }

    /// The key as HPKE uses it.
    pub fn hpke_key(&self) -> &<Kem as hpke::Kem>::PublicKey {
        &self.key
    }

    /// Its fingerprint, as both the workbench and the tablet show it.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.bytes)
    }

    /// The 32 raw bytes in base64, as files write the key.
    pub fn to_base64(&self) -> String {
        super::encode_base64(&self.bytes)
    }
}

impl PartialEq for ResearchPublicKey {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl Eq for ResearchPublicKey {}

impl std::fmt::Debug for ResearchPublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ResearchPublicKey({})", self.fingerprint())
    }
}

// Keeps the serialised form next to the type: a key in a file is its
// base64 text.
impl serde::Serialize for ResearchPublicKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_base64())
    }
}

impl<'de> serde::Deserialize<'de> for ResearchPublicKey {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        super::decode_base64(&text)
            .and_then(|b| ResearchPublicKey::from_bytes(&b))
            .ok_or_else(|| {
                serde::de::Error::custom("not a research public key (32 bytes of X25519, base64)")
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_wrong_lengths_and_low_order_points() {
        assert!(ResearchPublicKey::from_bytes(&[9u8; 31]).is_none());
        assert!(ResearchPublicKey::from_bytes(&[9u8; 33]).is_none());
        // Low-order points of Curve25519 (from the list in RFC 7748's
        // errata and libsodium's blocklist): zero and one.
        let mut one = [0u8; 32];
        one[0] = 1;
        assert!(ResearchPublicKey::from_bytes(&[0u8; 32]).is_none());
        assert!(ResearchPublicKey::from_bytes(&one).is_none());
        // The base point, 9, is an ordinary public key.
        let mut nine = [0u8; 32];
        nine[0] = 9;
        let key = ResearchPublicKey::from_bytes(&nine).expect("a valid point");
        assert_eq!(key.to_bytes(), nine);
    }
}
