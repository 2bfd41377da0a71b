//! The time and random ids, from the browser.

use crate::core::id::uuid_v4;
use crate::core::time::Timestamp;

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A random record id from `crypto.getRandomValues`. Falls back to
/// `Math.random` only if the Web Crypto API is missing, which no supported
/// browser lacks; an id needs to be unique, not secret.
pub fn new_record_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}
