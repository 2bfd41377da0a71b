//! The faults the tablet names itself (no browser words to pass on), in
//! words: in English exactly each error's text, and in the pseudo-locale
//! from the locale file, with no English left.

use candour_core::locale::PSEUDO_LONG;
use candour_core::messages::Messages;
use wasm_bindgen_test::wasm_bindgen_test;

/// Panics when `said` holds a run of two ASCII letters: an English word.
fn assert_no_english(said: &str) {
    let mut run = 0;
    for c in said.chars() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        assert!(run < 2, "English left in {said:?}");
    }
}

/// Every signing-key fault, in both sentences it can stand in.
#[wasm_bindgen_test]
fn the_signing_key_faults_are_in_words() {
    use candour_tablet::services::signing_key::{KeyFault, SigningError};
    let english = Messages::english();
    let pseudo = Messages::for_locale(PSEUDO_LONG);
    let faults = [
        KeyFault::NoPrivateKey,
        KeyFault::NoPublicKey,
        KeyFault::NoWindow,
        KeyFault::NoIndexedDb,
        KeyFault::DatabaseDidNotOpen,
        KeyFault::DidNotReadBack,
        KeyFault::KeptKeyUnusable,
        KeyFault::KeptPublicKeyDamaged,
        KeyFault::KeptTabletIdDamaged,
    ];
    for fault in faults {
        for e in [
            SigningError::RefusedBecause(fault),
            SigningError::NotKeptBecause(fault),
        ] {
            assert_eq!(e.in_words(&english), e.to_string());
            let said = e.in_words(&pseudo);
            assert!(!said.contains(&fault.to_string()), "{fault} left in {said}");
            assert_no_english(&said);
        }
    }
    assert_eq!(
        SigningError::NotKeptBecause(KeyFault::DatabaseDidNotOpen).to_string(),
        "This browser cannot keep the tablet's signing key (the key database did not open), so \
         exports cannot be signed."
    );
}

/// A picked file the browser would not read, without saying why.
#[wasm_bindgen_test]
fn a_file_the_browser_refused_without_words_is_in_words() {
    use candour_web::file_pick::PickError;
    let e = PickError::Refused {
        name: "setup.json".into(),
    };
    assert_eq!(
        e.to_string(),
        "The file \"setup.json\" could not be read (the browser refused)."
    );
    assert_eq!(
        e.in_words(&Messages::english()),
        "The file \"setup.json\" could not be read (the browser refused). Please pick it again."
    );
    let said = e.in_words(&Messages::for_locale(PSEUDO_LONG));
    assert_no_english(&said.replace("setup.json", " "));
}

/// WebCrypto refused without a word of its own: the locale says so.
#[wasm_bindgen_test]
fn a_signing_refusal_without_the_browser_s_words_is_in_words() {
    use candour_tablet::services::signing_key::SigningError;
    let e = SigningError::Refused(String::new());
    assert_eq!(
        e.in_words(&Messages::english()),
        "This browser refused to make or use the tablet's signing key, without saying why, so \
         exports cannot be signed."
    );
    assert_no_english(&e.in_words(&Messages::for_locale(PSEUDO_LONG)));
    let with_words = SigningError::Refused("NotSupportedError".into());
    assert_eq!(
        with_words.in_words(&Messages::english()),
        with_words.to_string()
    );
}
