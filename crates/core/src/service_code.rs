//! The service code: which treatment service a tablet collects for, set by
//! staff in the researcher area and stored in every record beside the
//! tablet label, so that records from several services can be combined
//! and compared.
//!
//! It is a code, not free text, so that two tablets of one service write
//! the same thing: 2 to 16 characters, letters A to Z, digits and single
//! hyphens, starting and ending with a letter or digit (such as `MBRO-HAT`
//! or `RTD01`). Lower case is taken as upper case.

use crate::typed_code::{typed_code, CodeShape};
use thiserror::Error;

/// Fewest and most characters of a service code.
pub const SERVICE_CODE_LENGTH: (usize, usize) = (2, 16);

/// Why a typed service code was refused, in words staff can act on.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ServiceCodeError {
    /// Shorter than 2 or longer than 16 characters.
    #[error("A service code has 2 to 16 characters, like MBRO-HAT.")]
    Length,
    /// A character other than a letter A to Z, a digit or a hyphen.
    #[error("Use only letters A to Z, numbers and hyphens in a service code, like MBRO-HAT.")]
    Characters,
    /// A hyphen at either end, or two together.
    #[error("A service code cannot start or end with a hyphen, or have two together.")]
    Hyphens,
}

impl ServiceCodeError {
    /// The message in the language of `m` (in English, exactly `Display`).
    pub fn in_words(&self, m: &crate::messages::Messages) -> String {
        let key = match self {
            ServiceCodeError::Length => "service_code.length",
            ServiceCodeError::Characters => "service_code.characters",
            ServiceCodeError::Hyphens => "service_code.hyphens",
        };
        m.get(key).to_owned()
    }
}

impl From<CodeShape> for ServiceCodeError {
    fn from(shape: CodeShape) -> Self {
        match shape {
            CodeShape::Length => ServiceCodeError::Length,
            CodeShape::Characters => ServiceCodeError::Characters,
        }
    }
}

/// Checks a typed service code: `Ok(None)` when left empty (no service
/// code), `Ok(Some(code))` in upper case when valid.
pub fn parse_service_code(input: &str) -> Result<Option<String>, ServiceCodeError> {
    let (fewest, most) = SERVICE_CODE_LENGTH;
    let Some(code) = typed_code(input, fewest, most)? else {
        return Ok(None);
    };
    if code.starts_with('-') || code.ends_with('-') || code.contains("--") {
        return Err(ServiceCodeError::Hyphens);
    }
    Ok(Some(code.to_ascii_uppercase()))
}

/// Whether `code` is a service code exactly as stored (already checked and
/// in upper case); readers of files and settings use it to refuse anything
/// else.
pub fn is_service_code(code: &str) -> bool {
    parse_service_code(code).is_ok_and(|parsed| parsed.as_deref() == Some(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_codes_and_empty() {
        assert_eq!(parse_service_code("   "), Ok(None));
        assert_eq!(
            parse_service_code(" mbro-hat "),
            Ok(Some("MBRO-HAT".into()))
        );
        assert_eq!(parse_service_code("RTD01"), Ok(Some("RTD01".into())));
        assert_eq!(parse_service_code("A1"), Ok(Some("A1".into())));
        assert_eq!(
            parse_service_code("ABCDEFGHIJKLMNOP"),
            Ok(Some("ABCDEFGHIJKLMNOP".into()))
        );
    }

    #[test]
    fn refuses_what_is_not_a_code() {
        use ServiceCodeError::*;
        assert_eq!(parse_service_code("A"), Err(Length));
        assert_eq!(parse_service_code("ABCDEFGHIJKLMNOPQ"), Err(Length));
        assert_eq!(parse_service_code("Clinic A"), Err(Characters));
        assert_eq!(parse_service_code("HAT_1"), Err(Characters));
        assert_eq!(parse_service_code("ZOË-1"), Err(Characters));
        assert_eq!(parse_service_code("=SUM(A1)"), Err(Characters));
        assert_eq!(parse_service_code("-HAT"), Err(Hyphens));
        assert_eq!(parse_service_code("HAT-"), Err(Hyphens));
        assert_eq!(parse_service_code("HA--T"), Err(Hyphens));
        let m = crate::messages::Messages::english();
        for e in [Length, Characters, Hyphens] {
            assert_eq!(e.in_words(&m), e.to_string());
        }
    }

    #[test]
    fn a_stored_code_is_upper_case_and_valid() {
        assert!(is_service_code("MBRO-HAT"));
        assert!(!is_service_code("mbro-hat"));
        assert!(!is_service_code(" MBRO"));
        assert!(!is_service_code(""));
    }
}
