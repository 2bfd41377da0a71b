//! Texts that an instrument or the app shows, in one locale or several.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A piece of text shown to a person: either one string (in the instrument's
/// own locale) or one string per locale code (`{"en": "...", "fr": "..."}`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Text {
    /// The same text whatever the locale.
    Plain(String),
    /// One text per locale code.
    Localized(BTreeMap<String, String>),
}

impl Text {
    /// The text for `locale`, falling back to its language alone (`ar` for
    /// `ar-EG`), then to `fallback` (the instrument's own locale), then to
    /// any text present, so that a missing translation never shows an empty
    /// screen.
    pub fn get<'a>(&'a self, locale: &str, fallback: &str) -> &'a str {
        match self {
            Text::Plain(s) => s,
            Text::Localized(map) => map
                .get(locale)
                .or_else(|| map.get(&crate::locale::language(locale)))
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or(""),
        }
    }

    /// True when no locale holds any visible character.
    pub fn is_blank(&self) -> bool {
        match self {
            Text::Plain(s) => s.trim().is_empty(),
            Text::Localized(map) => map.values().all(|s| s.trim().is_empty()),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Plain(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_the_locale_its_language_or_the_fallback() {
        let text = Text::Localized(BTreeMap::from([
            ("en".to_owned(), "Next".to_owned()),
            ("ar".to_owned(), "التالي".to_owned()),
        ]));
        assert_eq!(text.get("ar", "en"), "التالي");
        assert_eq!(text.get("ar-EG", "en"), "التالي", "the language alone");
        assert_eq!(text.get("fr", "en"), "Next", "the instrument's own locale");
        assert_eq!(text.get("fr", "de"), "التالي", "any text rather than none");
        assert_eq!(Text::from("Plain").get("ar", "en"), "Plain");
    }
}

/// `text` cut to at most `max` bytes at a character boundary, with line
/// breaks and tabs turned into spaces: labels are one line in syntax files,
/// and values quoted in messages stay short.
pub fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.len() <= max {
        return flat;
    }
    let mut end = max;
    while !flat.is_char_boundary(end) {
        end -= 1;
    }
    flat[..end].to_owned()
}

#[cfg(test)]
mod one_line_tests {
    use super::one_line;

    #[test]
    fn one_line_cuts_at_a_character_boundary() {
        assert_eq!(one_line("a\nb\tc", 10), "a b c");
        assert_eq!(one_line("éé", 3), "é");
        assert_eq!(one_line("😀x", 2), "");
    }
}
