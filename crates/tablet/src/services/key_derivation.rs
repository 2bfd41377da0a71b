//! PBKDF2-HMAC-SHA256 with WebCrypto, for the PIN and the recovery code.
//!
//! `crypto.subtle.deriveBits` runs off the page's main thread, so the
//! screen stays live while 600,000 rounds are computed (and it is far
//! faster than hashing in WebAssembly). What is derived, and how the
//! result is stored and compared, is the core's
//! [`candour_core::researcher::slow_hash`], whose native tests pin it to
//! the `pbkdf2` crate and published vectors; the browser test checks this
//! service gives the same bytes.

use crate::services::web_crypto::{refusal, subtle_crypto};
use candour_core::researcher::slow_hash::{Derivation, KEY_BYTES};
use js_sys::{Array, Object, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

/// Why a key could not be derived.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeriveError {
    /// No WebCrypto: an old browser, or a page not served over https or
    /// from localhost.
    #[error("this browser has no Web Crypto")]
    NoCrypto,
    /// WebCrypto refused.
    #[error("the browser could not derive the key ({0})")]
    Refused(String),
}

fn subtle() -> Result<SubtleCrypto, DeriveError> {
    subtle_crypto().ok_or(DeriveError::NoCrypto)
}

fn refused(e: JsValue) -> DeriveError {
    DeriveError::Refused(refusal(&e))
}

/// The key `derivation` makes of `secret` (its UTF-8 bytes), [`KEY_BYTES`]
/// long.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
pub async fn derive_key(secret: &str, derivation: &Derivation) -> Result<Vec<u8>, DeriveError> {
    let subtle = subtle()?;
    let usages = Array::of1(&"deriveBits".into());
    let raw = Uint8Array::from(secret.as_bytes());
    let base = subtle
        .import_key_with_str("raw", &raw, "PBKDF2", false, &usages)
        .map_err(refused)?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(refused)?
        .unchecked_into();
    let params = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&params, &key.into(), value);
    set("name", &"PBKDF2".into()).map_err(refused)?;
    set("hash", &"SHA-256".into()).map_err(refused)?;
    set("salt", &Uint8Array::from(derivation.salt.as_slice())).map_err(refused)?;
    set("iterations", &derivation.rounds.into()).map_err(refused)?;
    let bits = subtle
        .derive_bits_with_object(&params, &base, (KEY_BYTES * 8) as u32)
        .map_err(refused)?;
    let buffer = JsFuture::from(bits).await.map_err(refused)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
