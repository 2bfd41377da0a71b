//! Base64 (RFC 4648, standard alphabet, padded) for keys, ciphertexts and
//! signatures inside JSON files.

use data_encoding::BASE64;

/// The standard padded base64 of `bytes`.
pub fn encode_base64(bytes: &[u8]) -> String {
    BASE64.encode(bytes)
}

/// The bytes of standard padded base64 text, or `None` when it is not
/// that (wrong characters, length or padding).
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    BASE64.decode(text.as_bytes()).ok()
}

/// Serde for a `Vec<u8>` written as base64 text.
pub(crate) mod as_base64 {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the bytes as base64.
    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::encode_base64(bytes))
    }

    /// Reads base64 text into bytes.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = <&str>::deserialize(d)?;
        super::decode_base64(text).ok_or_else(|| serde::de::Error::custom("not base64"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_what_is_not_base64() {
        // RFC 4648 section 10.
        assert_eq!(encode_base64(b"foob"), "Zm9vYg==");
        assert_eq!(decode_base64("Zm9vYmFy").as_deref(), Some(&b"foobar"[..]));
        assert_eq!(decode_base64("Zm9vYg"), None, "padding is required");
        assert_eq!(decode_base64("Zm9v Yg=="), None);
        assert_eq!(decode_base64("Zm9v!g=="), None);
    }
}
