//! Checks that an error is said through the locale files: in English its
//! `in_words` is exactly its `Display` (which the command-line tool
//! prints), and in a pseudo-locale every sentence comes from a locale file.
//! The core's and the analysis crate's errors are all said on the
//! workbench's page, whose locale file holds the shared texts too.

use candour_core::locale::PSEUDO_LONG;
use candour_core::messages::Messages;

/// The workbench's own texts, where these errors' words live.
pub const WORKBENCH_EN: &str = include_str!("../../../locales/workbench/en.json");

/// Checks one error: `words` with English equals `display`, and with the
/// pseudo-locale differs from it and is no key name.
pub fn check(display: String, words: impl Fn(&Messages) -> String) {
    let english = Messages::for_page("en", WORKBENCH_EN);
    assert_eq!(words(&english), display);
    let pseudo = words(&Messages::for_page(PSEUDO_LONG, WORKBENCH_EN));
    assert_ne!(pseudo, display, "not localised: {display}");
    assert!(pseudo.starts_with('['), "a key or a bare value: {pseudo}");
}

/// As [`check`], and in the pseudo-locale no English word is left once the
/// values the error carries as data (`data`: names, numbers, a reader's
/// words) are taken out: every word around them came from a locale file.
pub fn check_no_english(display: String, words: impl Fn(&Messages) -> String, data: &[&str]) {
    check(display.clone(), &words);
    let mut pseudo = words(&Messages::for_page(PSEUDO_LONG, WORKBENCH_EN));
    for value in data {
        pseudo = pseudo.replace(value, " ");
    }
    // The pseudo-locale turns every letter into an accented one: two plain
    // ASCII letters in a row are English left over.
    let mut run = 0;
    for c in pseudo.chars() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        assert!(run < 2, "English left in {pseudo:?} (from {display:?})");
    }
}
