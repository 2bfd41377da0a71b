//! The app's own texts (everything a person reads that is not part of the
//! instrument), looked up by key from a locale file such as `locales/en.json`.
//! No component writes user-facing text itself.
//!
//! Every locale falls back to English key by key, so a translation missing a
//! newer key still shows words, never a key's name.

use crate::locale::{self, DEFAULT_LOCALE, EN_JSON, SHIPPED};
use crate::pseudo::pseudo_localise;
use std::collections::BTreeMap;

/// Texts for one locale.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Messages {
    texts: BTreeMap<String, String>,
    /// The locale code these texts are in; empty means English.
    locale: String,
}

/// One locale file's texts, without any fallback.
fn parse(json: &str) -> Result<BTreeMap<String, String>, String> {
    serde_json::from_str(json).map_err(|e| format!("the locale file is not readable: {e}"))
}

impl Messages {
    /// Reads a locale file: one JSON object of key to text. Keys it lacks
    /// fall back to English. The texts count as English until
    /// [`Messages::with_locale`] says otherwise.
    pub fn from_json(json: &str) -> Result<Self, String> {
        let own = parse(json)?;
        let mut texts = parse(EN_JSON).unwrap_or_default();
        texts.extend(own);
        Ok(Messages {
            texts,
            locale: DEFAULT_LOCALE.to_owned(),
        })
    }

    /// The English texts. They are checked by a test, so the fallback to an
    /// empty set never happens in a build that passed its tests.
    pub fn english() -> Self {
        Messages {
            texts: parse(EN_JSON).unwrap_or_default(),
            locale: DEFAULT_LOCALE.to_owned(),
        }
    }

    /// The texts for a locale code, as [`locale::choose`] reads it: a shipped
    /// locale file, a pseudo-locale generated from English, or English for
    /// anything else (so [`Messages::locale`] always says what is shown).
    pub fn for_locale(requested: &str) -> Self {
        let code = locale::choose(Some(requested));
        if locale::is_pseudo(&code) {
            return Self::english().map(pseudo_localise).with_locale(&code);
        }
        SHIPPED
            .iter()
            .find(|(shipped, _)| *shipped == code && code != DEFAULT_LOCALE)
            .and_then(|(_, json)| Self::from_json(json).ok())
            .map_or_else(Self::english, |m| m.with_locale(&code))
    }

    /// The texts of a page that brings its own English texts (`page_en`,
    /// a locale file such as `locales/workbench/en.json`, embedded only in
    /// that page's build) on top of the shared ones: for `requested` as
    /// [`Messages::for_locale`] settles it, the page's keys included, so
    /// that the pseudo-locales also cover them. A page text that cannot be
    /// read leaves the shared texts (its keys then show as their names,
    /// which a test of the page's file prevents).
    pub fn for_page(requested: &str, page_en: &str) -> Self {
        let mut base = Self::for_locale(requested);
        let code = base.locale.clone();
        let own = parse(page_en).unwrap_or_default();
        let own: BTreeMap<String, String> = if locale::is_pseudo(&code) {
            own.into_iter()
                .map(|(k, v)| (k, pseudo_localise(&v)))
                .collect()
        } else {
            own
        };
        // The page's texts are English: a shipped translation of the
        // shared keys keeps its own words, and the page's keys fill in.
        for (key, text) in own {
            base.texts.entry(key).or_insert(text);
        }
        base
    }

    /// Checks a page's own English locale file: it reads, and none of its
    /// keys is also a shared key (one home for each text).
    pub fn check_page_texts(page_en: &str) -> Result<usize, String> {
        let own = parse(page_en)?;
        let shared = parse(EN_JSON)?;
        match own.keys().find(|k| shared.contains_key(*k)) {
            Some(key) => Err(format!("the key {key} is also a shared key")),
            None => Ok(own.len()),
        }
    }

    /// The same texts, said to be in `locale`.
    pub fn with_locale(mut self, locale: &str) -> Self {
        self.locale = locale.to_owned();
        self
    }

    /// The locale code these texts are in (`en` unless set otherwise).
    pub fn locale(&self) -> &str {
        if self.locale.is_empty() {
            DEFAULT_LOCALE
        } else {
            &self.locale
        }
    }

    /// Every text changed by `f`, e.g. pseudo-localised.
    pub fn map(&self, f: impl Fn(&str) -> String) -> Self {
        Messages {
            texts: self.texts.iter().map(|(k, v)| (k.clone(), f(v))).collect(),
            locale: self.locale.clone(),
        }
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
            "Page 7 of 38"
        );
        assert_eq!(m.get("no.such.key"), "no.such.key");
        assert!(m.keys().count() > 20);
    }

    #[test]
    fn a_locale_file_falls_back_to_english_key_by_key() {
        let m = Messages::from_json(r#"{"nav.next": "Weiter"}"#).expect("valid");
        assert_eq!(m.get("nav.next"), "Weiter");
        assert_eq!(m.get("nav.back"), "Back");
    }

    #[test]
    fn messages_for_a_locale_say_which_locale_they_are() {
        assert_eq!(Messages::for_locale("en").locale(), "en");
        assert_eq!(
            Messages::for_locale("zz-ZZ").locale(),
            "en",
            "unknown: English"
        );
        assert_eq!(Messages::for_locale("en-GB").get("nav.next"), "Next");
        let pseudo = Messages::for_locale("en-xa");
        assert_eq!(pseudo.locale(), "en-XA");
        assert_eq!(pseudo.get("nav.next"), "[Ñéẋţ ~]");
        assert_eq!(
            pseudo.keys().count(),
            Messages::english().keys().count(),
            "every key"
        );
        assert_eq!(Messages::for_locale("ar-XB").locale(), "ar-XB");
    }

    #[test]
    fn a_page_brings_its_own_english_texts_and_pseudo_locales_cover_them() {
        let page = r#"{"page.hello": "Hello {name}", "nav.next": "Not this"}"#;
        let m = Messages::for_page("en", page);
        assert_eq!(m.fill("page.hello", &[("name", "R")]), "Hello R");
        assert_eq!(m.get("nav.next"), "Next", "shared keys keep their words");
        let pseudo = Messages::for_page("en-XA", page);
        assert_eq!(pseudo.locale(), "en-XA");
        assert_eq!(pseudo.get("page.hello"), pseudo_localise("Hello {name}"));
        assert!(pseudo.get("page.hello").contains("{name}"));
        assert_eq!(Messages::for_page("ar-XB", page).locale(), "ar-XB");
        let broken = Messages::for_page("en", "{");
        assert_eq!(broken.get("page.hello"), "page.hello");
        assert!(
            Messages::check_page_texts(page).is_err(),
            "nav.next is shared"
        );
        assert_eq!(Messages::check_page_texts(r#"{"page.a": "A"}"#), Ok(1));
    }

    #[test]
    fn every_shipped_locale_file_reads() {
        for (code, json) in crate::locale::SHIPPED {
            assert!(parse(json).is_ok(), "{code}");
        }
    }

    #[test]
    fn a_broken_locale_file_is_an_error_in_words() {
        let e = Messages::from_json("{").expect_err("broken");
        assert!(e.contains("not readable"), "{e}");
    }
}
