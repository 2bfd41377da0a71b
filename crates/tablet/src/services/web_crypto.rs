//! What the WebCrypto services (key derivation, the signing key) share:
//! finding `crypto.subtle`, and saying in words why it refused.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::SubtleCrypto;

/// The page's `crypto.subtle`, or `None` where the browser has none: an
/// old browser, or a page not served over https or from localhost, where
/// `crypto.subtle` is undefined (checked, not assumed).
pub fn subtle_crypto() -> Option<SubtleCrypto> {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok())?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok()?;
    subtle.dyn_into::<SubtleCrypto>().ok()
}

/// Why WebCrypto refused, in the browser's words: the error's message,
/// else what was thrown if it is text, else nothing (the screen then says
/// from the locale that no reason was given).
pub fn refusal(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_default()
}
