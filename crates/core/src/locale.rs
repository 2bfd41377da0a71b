//! Which locales the app can show, which one to use, and which way it reads.
//!
//! A locale is a BCP 47 code such as `en` or `ar-EG`. The app's own texts
//! come from locale files embedded in the build ([`SHIPPED`]); the
//! instrument's texts come from the instrument (see [`crate::text`]).
//! Two pseudo-locales, generated from English by [`crate::pseudo`],
//! exist only for testing: [`PSEUDO_LONG`] (accented and longer, to find
//! hard-coded text and overflow) and [`PSEUDO_RTL`] (the same, right to left,
//! to check the layout mirrors).

/// The locale every text falls back to, and the one used when none is asked.
pub const DEFAULT_LOCALE: &str = "en";

/// The accented, longer pseudo-locale.
pub const PSEUDO_LONG: &str = "en-XA";

/// The right-to-left pseudo-locale.
pub const PSEUDO_RTL: &str = "ar-XB";

/// The English locale file: every key, and the text any other locale falls
/// back to.
pub const EN_JSON: &str = include_str!("../../../locales/en.json");

/// Locale files embedded in the build: code and JSON. Add a line (and the
/// file under `locales/`) to ship a language.
pub const SHIPPED: &[(&str, &str)] = &[(DEFAULT_LOCALE, EN_JSON)];

/// Languages written right to left (primary language subtags).
const RIGHT_TO_LEFT: &[&str] = &["ar", "he", "fa", "ur", "ps", "sd", "yi", "dv", "ug", "ckb"];

/// Which way a locale's text runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

impl Direction {
    /// The value of the HTML `dir` attribute.
    pub fn as_attr(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// The primary language of a locale code, lower case: `ar` for `ar-EG`
/// (`_` is accepted as a separator too, as some devices write `en_GB`).
pub fn language(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Which way text in `code` runs.
pub fn direction(code: &str) -> Direction {
    if RIGHT_TO_LEFT.contains(&language(code).as_str()) {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// True for the test-only pseudo-locales.
pub fn is_pseudo(code: &str) -> bool {
    code == PSEUDO_LONG || code == PSEUDO_RTL
}

/// Whether a number takes the singular form of a unit in `code`'s language
/// ("1 time a day", but "0 times", "2 times", "1.5 times" in English). The
/// rule is CLDR's "one" category for the languages it differs in: French
/// and Portuguese say "0 fois" and "1,5 fois" in the singular; languages
/// without plural forms (Chinese, Japanese, Korean, Thai, Vietnamese,
/// Indonesian, Malay) take the unit as given. Every other language, and the
/// pseudo-locales, follow English: exactly 1 is singular.
pub fn takes_singular(code: &str, n: f64) -> bool {
    match language(code).as_str() {
        "fr" | "pt" => (0.0..2.0).contains(&n),
        "zh" | "ja" | "ko" | "th" | "vi" | "id" | "ms" => false,
        _ => n == 1.0,
    }
}

/// The language a voice must speak to read `code` aloud: the pseudo-locales
/// are accented English, so an English voice reads them.
pub fn speech_language(code: &str) -> String {
    if is_pseudo(code) {
        DEFAULT_LOCALE.to_owned()
    } else {
        language(code)
    }
}

/// The locale to use for a request (e.g. `?locale=` in the address), in its
/// canonical spelling: a shipped locale or a pseudo-locale, matched without
/// regard to case or to `_` versus `-`; anything else, or nothing, gives
/// [`DEFAULT_LOCALE`].
pub fn choose(requested: Option<&str>) -> String {
    let Some(requested) = requested.map(str::trim).filter(|r| !r.is_empty()) else {
        return DEFAULT_LOCALE.to_owned();
    };
    let wanted = requested.replace('_', "-");
    let known = SHIPPED
        .iter()
        .map(|(code, _)| *code)
        .chain([PSEUDO_LONG, PSEUDO_RTL]);
    for code in known {
        if code.eq_ignore_ascii_case(&wanted) {
            return code.to_owned();
        }
    }
    // "en-GB" with only "en" shipped: the language's own file.
    let language = language(&wanted);
    SHIPPED
        .iter()
        .find(|(code, _)| *code == language)
        .map_or(DEFAULT_LOCALE, |(code, _)| code)
        .to_owned()
}

/// The value of `locale` in a URL query string such as `?locale=en-XA&x=1`,
/// if present. Only letters, digits, `-` and `_` are accepted, so nothing
/// else in the address can reach the page.
pub fn from_query(query: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(key, _)| *key == "locale")
        .map(|(_, value)| value.to_owned())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 35
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_singular_follows_each_language() {
        for (code, n, singular) in [
            ("en", 1.0, true),
            ("en-GB", 0.0, false),
            ("en", 2.0, false),
            ("en", 1.5, false),
            ("en-XA", 1.0, true),
            ("ar", 1.0, true),
            ("fr", 0.0, true),
            ("fr", 1.5, true),
            ("fr", 2.0, false),
            ("pt-BR", 1.0, true),
            ("zh", 1.0, false),
        ] {
            assert_eq!(takes_singular(code, n), singular, "{code} {n}");
        }
    }

    #[test]
    fn right_to_left_languages() {
        for code in ["ar", "ar-EG", "he", "fa-IR", "ur", "AR", PSEUDO_RTL] {
            assert_eq!(direction(code), Direction::Rtl, "{code}");
        }
        for code in ["en", "en-GB", "fr", PSEUDO_LONG, "", "arn"] {
            assert_eq!(direction(code), Direction::Ltr, "{code}");
        }
        assert_eq!(Direction::Rtl.as_attr(), "rtl");
    }

    #[test]
    fn choosing_a_locale() {
        assert_eq!(choose(None), "en");
        assert_eq!(choose(Some("")), "en");
        assert_eq!(choose(Some("en")), "en");
        assert_eq!(choose(Some("en-xa")), PSEUDO_LONG);
        assert_eq!(choose(Some("ar_XB")), PSEUDO_RTL);
        assert_eq!(choose(Some("en-GB")), "en", "the language's own file");
        assert_eq!(choose(Some("xx")), "en", "unknown: the default");
    }

    #[test]
    fn the_locale_from_an_address() {
        assert_eq!(from_query("?locale=en-XA").as_deref(), Some("en-XA"));
        assert_eq!(from_query("a=1&locale=ar_XB").as_deref(), Some("ar_XB"));
        assert_eq!(from_query("?locale="), None);
        assert_eq!(from_query("?locale=<script>"), None);
        assert_eq!(from_query("?lang=fr"), None);
        assert_eq!(from_query(""), None);
    }

    #[test]
    fn voices_for_pseudo_locales_speak_english() {
        assert_eq!(speech_language(PSEUDO_LONG), "en");
        assert_eq!(speech_language(PSEUDO_RTL), "en");
        assert_eq!(speech_language("fr-CA"), "fr");
        assert_eq!(language("en_GB"), "en");
    }
}
