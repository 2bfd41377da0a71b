//! The allow-list of names that may be written into R, SPSS or Stata
//! syntax: a lowercase ASCII letter, then lowercase ASCII letters, digits
//! or underscores, at most 32 characters in all (Stata's limit, the
//! tightest of the three). A name outside it is refused, never escaped:
//! an escape that one language reads one way and another differently is
//! how a label becomes a command.

/// Most characters of a name written into syntax.
pub const MAX_IDENTIFIER_LEN: usize = 32;

/// True when `name` matches `^[a-z][a-z0-9_]{0,31}$`.
pub fn is_identifier(name: &str) -> bool {
    let bytes = name.as_bytes();
    matches!(bytes.first(), Some(b'a'..=b'z'))
        && bytes.len() <= MAX_IDENTIFIER_LEN
        && bytes
            .iter()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_'))
}

/// Most characters of a domain code: `score_` and a later suffix such as
/// `_100` must still fit in [`MAX_IDENTIFIER_LEN`].
pub const MAX_DOMAIN_CODE_LEN: usize = 8;

/// True for a domain code a score column can be named after: an upper-case
/// ASCII letter, then upper-case ASCII letters or digits, at most
/// [`MAX_DOMAIN_CODE_LEN`] characters (`C`, `A1`).
pub fn is_domain_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    matches!(bytes.first(), Some(b'A'..=b'Z'))
        && bytes.len() <= MAX_DOMAIN_CODE_LEN
        && bytes.iter().all(|b| matches!(b, b'A'..=b'Z' | b'0'..=b'9'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers() {
        for ok in ["a", "c3_listened", "score_a1", &"x".repeat(32)] {
            assert!(is_identifier(ok), "{ok:?}");
        }
        for bad in [
            "",
            "A",
            "1a",
            "_a",
            "a-b",
            "a b",
            "a\n",
            "é",
            "a.b",
            "system(",
            &"x".repeat(33),
            "a\u{202e}",
        ] {
            assert!(!is_identifier(bad), "{bad:?}");
        }
    }

    #[test]
    fn domain_codes() {
        for ok in ["A", "C", "A1", "ABCDEFGH"] {
            assert!(is_domain_code(ok), "{ok:?}");
        }
        for bad in [
            "",
            "a",
            "1",
            "A F8.0.\nHOST COMMAND=['touch /tmp/x'].\n* x",
            "A_1",
            "ABCDEFGHI",
            "Ä",
        ] {
            assert!(!is_domain_code(bad), "{bad:?}");
        }
    }
}
