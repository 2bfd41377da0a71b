//! The researcher PIN: at least 6 digits, stored only as a salted slow hash.

use crate::hash::to_hex;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use thiserror::Error;

/// PBKDF2 rounds for a new PIN. High enough to slow guessing from a copied
/// hash, low enough that unlocking on a cheap tablet stays under a second.
/// Stored with each hash, so it can be raised without locking anyone out.
pub const ROUNDS: u32 = 100_000;

/// Fewest digits a PIN may have.
pub const MIN_DIGITS: usize = 6;

/// Why a new PIN was refused, in words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PinError {
    /// Not only digits, or too short.
    #[error("A PIN is at least 6 digits, and only digits.")]
    Format,
    /// The two entries differ.
    #[error("The two PINs are not the same. Please type them again.")]
    Mismatch,
    /// Every digit the same or a plain run such as 123456.
    #[error("That PIN is too easy to guess. Please choose another.")]
    TooEasy,
}

/// A stored PIN: never the PIN itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinHash {
    /// Random salt, hex.
    pub salt: String,
    /// PBKDF2 rounds used.
    pub rounds: u32,
    /// Derived key, hex.
    pub hash: String,
}

/// Checks a new PIN and its confirmation.
pub fn check_new_pin(pin: &str, confirm: &str) -> Result<(), PinError> {
    if pin.chars().count() < MIN_DIGITS || !pin.chars().all(|c| c.is_ascii_digit()) {
        return Err(PinError::Format);
    }
    if pin != confirm {
        return Err(PinError::Mismatch);
    }
    let digits: Vec<u8> = pin.bytes().map(|b| b - b'0').collect();
    let same = digits.iter().all(|d| *d == digits[0]);
    let run = |step: i8| {
        digits
            .windows(2)
            .all(|w| (w[1] as i8 - w[0] as i8).rem_euclid(10) == step.rem_euclid(10))
    };
    if same || run(1) || run(-1) {
        return Err(PinError::TooEasy);
    }
    Ok(())
}

/// Hashes `pin` with `salt` (16 random bytes from the browser) at [`ROUNDS`].
pub fn hash_pin(pin: &str, salt: [u8; 16]) -> PinHash {
    PinHash {
        salt: to_hex(&salt),
        rounds: ROUNDS,
        hash: derive(pin, &salt, ROUNDS),
    }
}

/// Whether `pin` matches the stored hash. Compares in constant time so the
/// comparison leaks nothing about how close a guess was.
pub fn verify_pin(pin: &str, stored: &PinHash) -> bool {
    let Some(salt) = from_hex(&stored.salt) else {
        return false;
    };
    let derived = derive(pin, &salt, stored.rounds);
    derived.len() == stored.hash.len()
        && derived
            .bytes()
            .zip(stored.hash.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

fn derive(pin: &str, salt: &[u8], rounds: u32) -> String {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(pin.as_bytes(), salt, rounds, &mut key);
    to_hex(&key)
}

fn from_hex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_stored_salted_and_verified() {
        let stored = hash_pin("402718", [7; 16]);
        assert_eq!(stored.rounds, ROUNDS);
        assert!(!stored.hash.contains("402718"));
        assert!(verify_pin("402718", &stored));
        assert!(!verify_pin("402719", &stored));
        // Another salt, another hash.
        assert_ne!(hash_pin("402718", [8; 16]).hash, stored.hash);
    }

    #[test]
    fn pbkdf2_matches_a_published_vector() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1, 64).
        let mut key = [0u8; 64];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"passwd", b"salt", 1, &mut key);
        assert!(to_hex(&key).starts_with("55ac046e56e3089fec1691c22544b605"));
    }

    #[test]
    fn new_pins_are_checked_in_words() {
        assert_eq!(check_new_pin("12345", "12345"), Err(PinError::Format));
        assert_eq!(check_new_pin("12a456", "12a456"), Err(PinError::Format));
        assert_eq!(check_new_pin("402718", "402717"), Err(PinError::Mismatch));
        assert_eq!(check_new_pin("111111", "111111"), Err(PinError::TooEasy));
        assert_eq!(check_new_pin("123456", "123456"), Err(PinError::TooEasy));
        assert_eq!(check_new_pin("987654", "987654"), Err(PinError::TooEasy));
        assert_eq!(check_new_pin("402718", "402718"), Ok(()));
        assert_eq!(check_new_pin("40271833", "40271833"), Ok(()));
    }

    #[test]
    fn a_damaged_stored_hash_never_unlocks() {
        let mut stored = hash_pin("402718", [7; 16]);
        stored.salt = "zz".into();
        assert!(!verify_pin("402718", &stored));
    }
}
