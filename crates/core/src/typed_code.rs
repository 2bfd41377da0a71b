//! What the codes staff type have in common (participant and service
//! codes): the spaces around are dropped, an empty code is no code, and a
//! code has a set length and only letters, digits and hyphens, so that it
//! reads the same on every tablet and can never hold a sentence.

/// Why a typed code's shape was refused; each kind of code says it in its
/// own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeShape {
    /// Fewer or more characters than the kind of code allows.
    Length,
    /// A character other than an ASCII letter, a digit or a hyphen.
    Characters,
}

/// The code typed in `input` without the spaces around it (`None` when
/// left empty), or why its shape is refused: not `fewest` to `most`
/// characters, or a character other than an ASCII letter, digit or hyphen.
pub(crate) fn typed_code(
    input: &str,
    fewest: usize,
    most: usize,
) -> Result<Option<&str>, CodeShape> {
    let code = input.trim();
    if code.is_empty() {
        return Ok(None);
    }
    if !(fewest..=most).contains(&code.chars().count()) {
        return Err(CodeShape::Length);
    }
    if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(CodeShape::Characters);
    }
    Ok(Some(code))
}
