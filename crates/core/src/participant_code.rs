//! The optional pseudonymous participant code typed by staff.
//!
//! Health and crime answers must never sit beside a name, so the format only
//! admits short codes with at least one digit, such as `HAT-042`.

use crate::typed_code::{typed_code, CodeShape};
use thiserror::Error;

/// Why a typed participant code was refused, in words staff can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ParticipantCodeError {
    /// Shorter than 3 or longer than 16 characters.
    #[error("A participant code has 3 to 16 characters, like HAT-042.")]
    Length,
    /// A character other than a letter, digit or hyphen.
    #[error("Use only letters, numbers and hyphens, like HAT-042. Never write a name.")]
    Characters,
    /// No digit: the code could be a name.
    #[error("A participant code needs at least one number, like HAT-042. Never write a name.")]
    NoDigit,
}

impl ParticipantCodeError {
    /// The message in the language of `m` (in English, exactly `Display`).
    pub fn in_words(&self, m: &crate::messages::Messages) -> String {
        let key = match self {
            ParticipantCodeError::Length => "code.length",
            ParticipantCodeError::Characters => "code.characters",
            ParticipantCodeError::NoDigit => "code.no_digit",
        };
        m.get(key).to_owned()
    }
}

impl From<CodeShape> for ParticipantCodeError {
    fn from(shape: CodeShape) -> Self {
        match shape {
            CodeShape::Length => ParticipantCodeError::Length,
            CodeShape::Characters => ParticipantCodeError::Characters,
        }
    }
}

/// Checks a typed code: `Ok(None)` when left empty, `Ok(Some(code))` in
/// upper case when valid.
pub fn parse_participant_code(input: &str) -> Result<Option<String>, ParticipantCodeError> {
    let Some(code) = typed_code(input, 3, 16)? else {
        return Ok(None);
    };
    if !code.chars().any(|c| c.is_ascii_digit()) {
        return Err(ParticipantCodeError::NoDigit);
    }
    Ok(Some(code.to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_and_empty() {
        assert_eq!(parse_participant_code("  "), Ok(None));
        assert_eq!(
            parse_participant_code("hat-042"),
            Ok(Some("HAT-042".into()))
        );
        assert_eq!(parse_participant_code("P7x"), Ok(Some("P7X".into())));
    }

    #[test]
    fn refuses_names_and_odd_input() {
        use ParticipantCodeError::*;
        assert_eq!(parse_participant_code("John Smith"), Err(Characters));
        assert_eq!(parse_participant_code("Johnsmith"), Err(NoDigit));
        assert_eq!(parse_participant_code("a1"), Err(Length));
        assert_eq!(parse_participant_code("A1234567890123456"), Err(Length));
        assert_eq!(parse_participant_code("Zoë-1"), Err(Characters));
        assert!(NoDigit.to_string().contains("Never write a name"));
        let m = crate::messages::Messages::english();
        for e in [Length, Characters, NoDigit] {
            assert_eq!(e.in_words(&m), e.to_string());
        }
    }
}
