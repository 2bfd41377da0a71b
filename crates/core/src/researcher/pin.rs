//! The researcher PIN: at least 6 digits, never an easy run, kept only as a
//! [`crate::researcher::slow_hash::SlowHash`].

use thiserror::Error;

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

impl PinError {
    /// The refusal in the researcher's language.
    pub fn in_words(&self, m: &crate::messages::Messages) -> String {
        m.get(match self {
            PinError::Format => "pin.format",
            PinError::Mismatch => "pin.mismatch",
            PinError::TooEasy => "pin.too_easy",
        })
        .to_owned()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
