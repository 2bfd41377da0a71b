//! The app's own texts (everything a person reads that is not part of the
//! instrument), looked up by key from a locale file such as `locales/en.json`.
//! No component writes user-facing text itself.

use std::collections::BTreeMap;

/// The English texts, embedded.
pub const EN_JSON: &str = include_str!("../../locales/en.json");

/// Texts for one locale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Messages {
    texts: BTreeMap<String, String>,
}

impl Messages {
    /// Reads a locale file: one JSON object of key to text.
    pub fn from_json(json: &str) -> Result<Self, String> {
        serde_json::from_str(json)
            .map(|texts| Messages { texts })
            .map_err(|e| format!("the locale file is not readable: {e}"))
    }

    /// The English texts. They are checked by a test, so the fallback to an
    /// empty set never happens in a build that passed its tests.
    pub fn english() -> Self {
        Self::from_json(EN_JSON).unwrap_or_default()
    }

    /// The text for `key`; the key itself when missing, so a gap is visible
    /// and never a crash.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts.get(key).map(String::as_str).unwrap_or(key)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        values
            .iter()
            .fold(self.get(key).to_owned(), |text, (name, value)| {
                text.replace(&format!("{{{name}}}"), value)
            })
    }

    /// Every key, for tests that compare locales.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.texts.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_loads_and_fills() {
        let m = Messages::from_json(EN_JSON).expect("en.json is valid");
        assert_eq!(m.get("nav.next"), "Next");
        assert_eq!(
            m.fill("question.counter", &[("n", "7"), ("total", "38")]),
            "Question 7 of 38"
        );
        assert_eq!(m.get("no.such.key"), "no.such.key");
        assert!(m.keys().count() > 20);
    }

    #[test]
    fn a_broken_locale_file_is_an_error_in_words() {
        let e = Messages::from_json("{").expect_err("broken");
        assert!(e.contains("not readable"), "{e}");
    }
}
