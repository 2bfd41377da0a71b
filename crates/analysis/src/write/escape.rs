//! What may be written into a syntax file, for each language: names from
//! the allow-list only, and labels escaped so that they stay labels.
//!
//! A label is data typed by a researcher (or by whoever edited an export):
//! it may hold quotes, backslashes, line breaks, NUL, or the bidirectional
//! controls that make source text display in another order than it runs
//! ("Trojan source"). Each writer puts labels through its language's
//! function here; names go through [`name`], which refuses rather than
//! escapes.

use candour_core::export::ExportError;
use candour_core::ident::is_identifier;
use std::fmt::Write;

/// `name` when it is on the allow-list, otherwise the typed refusal that
/// says `what` it names. Called at the point each name is written.
pub(crate) fn name<'a>(name: &'a str, what: &'static str) -> Result<&'a str, ExportError> {
    if is_identifier(name) {
        Ok(name)
    } else {
        Err(ExportError::UnsafeName {
            name: name.to_owned(),
            what,
        })
    }
}

/// True for characters no syntax file gets as they are: C0 and C1 controls
/// (NUL and line breaks included), the Unicode line and paragraph
/// separators, the byte-order mark, and every bidirectional control.
pub(crate) fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

/// `text` on one line, each unsafe character a space, cut to at most `max`
/// bytes at a character boundary: for comments and for languages without
/// escapes (SPSS, Stata).
pub(crate) fn plain_line(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max));
    for c in text.chars() {
        let c = if is_unsafe(c) { ' ' } else { c };
        if out.len() + c.len_utf8() > max {
            break;
        }
        out.push(c);
    }
    out
}

/// A double-quoted R string literal. Quotes, backslashes and the usual
/// breaks are escaped; every other unsafe character is written as a
/// `\u{...}` escape, so the script's text holds none of them; NUL, which an
/// R string cannot hold at all, becomes U+FFFD (the replacement
/// character). Other text stays as it is: the script is UTF-8.
pub(crate) fn r_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\u{fffd}"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters Stata would act on inside a string, and their full-width
/// look-alikes: `"` ends the string, `` ` `` and `$` expand macros (and no
/// escape stops that in every context), `\` is the escape character.
const STATA_LOOKALIKES: [(char, char); 4] = [
    ('"', '\u{FF02}'),
    ('`', '\u{FF40}'),
    ('$', '\u{FF04}'),
    ('\\', '\u{FF3C}'),
];

/// A double-quoted Stata string of at most `max` bytes: one line, unsafe
/// characters as spaces, the characters Stata would act on as their
/// full-width look-alikes, and the comment markers `//`, `/*` and `*/`
/// broken by a space (Stata strips comments before it reads strings).
pub(crate) fn stata_string(s: &str, max: usize) -> String {
    let mut text = String::with_capacity(s.len());
    for c in plain_line(s, usize::MAX).chars() {
        match STATA_LOOKALIKES.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => text.push(*to),
            None => text.push(c),
        }
    }
    while text.contains("//") || text.contains("/*") || text.contains("*/") {
        text = text
            .replace("//", "/ /")
            .replace("/*", "/ *")
            .replace("*/", "* /");
    }
    format!("\"{}\"", plain_line(&text, max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_refused_not_escaped() {
        assert_eq!(name("c3_listened", "variable"), Ok("c3_listened"));
        let e = name("a F8.0.\nHOST COMMAND", "variable").unwrap_err();
        assert!(matches!(
            e,
            ExportError::UnsafeName {
                what: "variable",
                ..
            }
        ));
        assert!(e.to_string().contains("\\nHOST COMMAND"), "{e}");
    }

    #[test]
    fn r_strings() {
        assert_eq!(r_string("a \"b\" \\ c\nd"), r#""a \"b\" \\ c\nd""#);
        assert_eq!(r_string("מה 😀"), "\"מה 😀\"");
        assert_eq!(r_string("\u{7}"), "\"\\u{7}\"");
        assert_eq!(r_string("a\0b"), "\"a\\u{fffd}b\"");
        assert_eq!(r_string("x\u{202e}y\u{2066}"), "\"x\\u{202e}y\\u{2066}\"");
        assert_eq!(r_string("\u{2028}"), "\"\\u{2028}\"");
    }

    #[test]
    fn plain_lines() {
        assert_eq!(plain_line("a\nb\0c\u{202e}d", 100), "a b c d");
        assert_eq!(plain_line("éé", 3), "é");
    }

    #[test]
    fn stata_strings() {
        assert_eq!(stata_string("plain", 80), "\"plain\"");
        assert_eq!(
            stata_string("say \"hi\" `x' $HOME \\ ok", 80),
            "\"say ＂hi＂ ｀x' ＄HOME ＼ ok\""
        );
        assert_eq!(
            stata_string("a // b /* c */ ///", 80),
            "\"a / / b / * c * / / / /\""
        );
        assert_eq!(stata_string("l1\nl2\u{202e}", 80), "\"l1 l2 \"");
        assert_eq!(stata_string("ééé", 5), "\"éé\"");
    }
}
