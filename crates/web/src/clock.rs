//! The time and random ids, from the browser.

use candour_core::id::uuid_v4;
use candour_core::time::Timestamp;

/// Now, from the browser's clock.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}

/// A random record id; an id needs to be unique, not secret.
pub fn new_record_id() -> String {
    uuid_v4(random_bytes().unwrap_or_else(|| {
        // Only if the Web Crypto API is missing, which no supported browser lacks.
        std::array::from_fn(|_| (js_sys::Math::random() * 256.0) as u8)
    }))
}

/// 16 random bytes from `crypto.getRandomValues`, or `None` when the Web
/// Crypto API is missing (a PIN salt must then refuse rather than weaken).
pub fn random_bytes() -> Option<[u8; 16]> {
    let mut bytes = [0u8; 16];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .map(|_| bytes)
}
