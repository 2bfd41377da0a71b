//! Making CSV cells safe to open in a spreadsheet.
//!
//! Exports and the codebook are opened in Excel or LibreOffice by researchers.
//! A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return may be
//! run as a formula there ("CSV injection"), and free-text answers come from
//! anyone holding the tablet. Every cell written to a CSV passes through
//! [`neutralise_cell`].

use std::borrow::Cow;

/// The UTF-8 byte-order mark that starts every CSV the app writes: without it
/// Excel reads the file as a legacy code page and mangles accents, emoji and
/// right-to-left text.
pub const BOM: &str = "\u{FEFF}";

/// The cell with a single quote `'` put in front when a spreadsheet could read
/// it as a formula, unchanged otherwise.
///
/// A plain number such as `-99` or `-1.5` is left alone: the missing-data
/// codes are negative, must stay numbers in the data, and a spreadsheet reads
/// them as numbers, never as formulas. Anything else that starts with a
/// dangerous character (for example the codebook cell `-99=Prefer not to
/// say; ...`) gets the quote, so a reader that parses such a cell should
/// strip one leading `'`.
///
/// A NUL character, which R, SPSS and spreadsheets all stop reading at (R
/// refuses the whole file), is written as U+FFFD, the replacement
/// character; the JSON keeps it as it was.
pub fn neutralise_cell(s: &str) -> Cow<'_, str> {
    let s: Cow<'_, str> = if s.contains('\0') {
        Cow::Owned(s.replace('\0', "\u{FFFD}"))
    } else {
        Cow::Borrowed(s)
    };
    let dangerous = matches!(s.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'));
    if dangerous && !is_plain_number(&s) {
        Cow::Owned(format!("'{s}"))
    } else {
        s
    }
}

/// True for an optional minus, ASCII digits and at most one decimal point
/// between digits: the only shapes of number the exports write. Deliberately
/// narrower than `f64::from_str`, which also accepts `-inf` and `-1e5`.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && parts.next().is_none_or(all_digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_quoted() {
        for cell in [
            "=1+1",
            "=HYPERLINK(\"http://x\",\"click\")",
            "+44 7700 900000",
            "-2+3",
            "@SUM(A1:A2)",
            "\tlooks empty",
            "\r=1",
            "-99=Prefer not to say; -97=Shown but not answered",
            "-",
            "-inf",
            "-1e5",
            "-1.",
            "-.5",
        ] {
            assert_eq!(neutralise_cell(cell), format!("'{cell}"), "{cell:?}");
        }
    }

    #[test]
    fn safe_cells_are_unchanged_and_borrowed() {
        for cell in [
            "",
            "-99",
            "-97",
            "-1.5",
            "0",
            "12.25",
            "1=Strongly disagree; 2=Disagree",
            "shown if b7_work is 1 (Yes)",
            "a=b",
            " =1+1",
            "'already quoted",
            "😀 emoji first",
            "מה שלומך",
        ] {
            assert!(
                matches!(neutralise_cell(cell), Cow::Borrowed(c) if c == cell),
                "{cell:?}"
            );
        }
    }

    #[test]
    fn nul_becomes_the_replacement_character() {
        assert_eq!(neutralise_cell("a\0b"), "a\u{FFFD}b");
        assert_eq!(neutralise_cell("=\0"), "'=\u{FFFD}");
    }

    #[test]
    fn plain_number_shapes() {
        assert!(is_plain_number("-99"));
        assert!(is_plain_number("3.25"));
        assert!(!is_plain_number("--1"));
        assert!(!is_plain_number("-1.2.3"));
        assert!(!is_plain_number("-1 "));
        assert!(!is_plain_number("-٣")); // non-ASCII digit
    }
}
