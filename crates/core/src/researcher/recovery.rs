//! The recovery code: shown once when the PIN is set, written down on
//! paper, and kept on the tablet only as a
//! [`crate::researcher::slow_hash::SlowHash`]. It resets a forgotten PIN
//! and keeps every record.
//!
//! 20 symbols of Crockford's base 32 (100 random bits), shown in groups of
//! four. The alphabet has no I, L, O or U, and reading it back forgives
//! what people mistype: lower case, spaces, dashes, and O, I or L for the
//! digits they look like.

use thiserror::Error;

/// Crockford's base-32 alphabet.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in a code (5 bits each: 100 bits).
pub const SYMBOLS: usize = 20;
/// Random bytes a code is made from (only the first 100 bits are used).
pub const RANDOM_BYTES: usize = 16;

/// Why a typed recovery code cannot be one.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecoveryCodeError {
    /// A character that is in no recovery code.
    #[error("A recovery code has only letters and digits.")]
    Character,
    /// Too few or too many symbols.
    #[error("A recovery code has 20 letters and digits.")]
    Length,
}

impl RecoveryCodeError {
    /// The refusal in the researcher's language.
    pub fn in_words(&self, m: &crate::messages::Messages) -> String {
        m.get(match self {
            RecoveryCodeError::Character => "recovery.bad_character",
            RecoveryCodeError::Length => "recovery.bad_length",
        })
        .to_owned()
    }
}

/// A new recovery code from `random` bytes (from `crypto.getRandomValues`),
/// as it is shown and written down: `XXXX-XXXX-XXXX-XXXX-XXXX`.
pub fn new_recovery_code(random: [u8; RANDOM_BYTES]) -> String {
    let mut bits: u128 = u128::from_be_bytes(random);
    let mut symbols = [0u8; SYMBOLS];
    for symbol in symbols.iter_mut() {
        *symbol = ALPHABET[(bits >> (128 - 5)) as usize];
        bits <<= 5;
    }
    symbols
        .chunks(4)
        .map(|group| String::from_utf8_lossy(group).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// The code as typed, in the one form that is hashed: 20 symbols, upper
/// case, no separators.
pub fn normalise_recovery_code(typed: &str) -> Result<String, RecoveryCodeError> {
    let mut out = String::with_capacity(SYMBOLS);
    for c in typed.chars() {
        let c = match c.to_ascii_uppercase() {
            ' ' | '-' | '\t' | '\u{a0}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return Err(RecoveryCodeError::Character);
        }
        out.push(c);
    }
    if out.len() != SYMBOLS {
        return Err(RecoveryCodeError::Length);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_twenty_symbols_in_groups_and_reads_back() {
        let code = new_recovery_code([0xa5; RANDOM_BYTES]);
        assert_eq!(code.len(), SYMBOLS + 4);
        assert_eq!(code.matches('-').count(), 4);
        let plain = normalise_recovery_code(&code).expect("reads back");
        assert_eq!(plain, code.replace('-', ""));
        // Every bit matters: another random gives another code.
        assert_ne!(new_recovery_code([0xa4; RANDOM_BYTES]), code);
        assert_eq!(
            new_recovery_code([0; RANDOM_BYTES]),
            "0000-0000-0000-0000-0000"
        );
        assert_eq!(
            new_recovery_code([0xff; RANDOM_BYTES]),
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"
        );
    }

    #[test]
    fn what_people_mistype_is_forgiven_and_nothing_else() {
        assert_eq!(
            normalise_recovery_code("abcd efgh-jkmn pqrs tvwo"),
            Ok("ABCDEFGHJKMNPQRSTVW0".to_owned())
        );
        assert_eq!(
            normalise_recovery_code("1111-iiii-llll-1111-0000"),
            Ok("11111111111111110000".to_owned())
        );
        assert_eq!(
            normalise_recovery_code("ABCD-EFGH-JKMN-PQRS-TVWU"),
            Err(RecoveryCodeError::Character)
        );
        assert_eq!(
            normalise_recovery_code("ABCD-EFGH"),
            Err(RecoveryCodeError::Length)
        );
        assert_eq!(
            normalise_recovery_code("ABCD-EFGH-JKMN-PQRS-TVWX-Y"),
            Err(RecoveryCodeError::Length)
        );
        assert_eq!(
            normalise_recovery_code("ÄBCD-EFGH-JKMN-PQRS-TVWX"),
            Err(RecoveryCodeError::Character)
        );
    }
}
