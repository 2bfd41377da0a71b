#![cfg(not(target_arch = "wasm32"))]
//! The analysis errors in words: in English each `in_words` is exactly its
//! `Display` (which the command-line tool prints), and in a pseudo-locale
//! every sentence comes from the workbench's locale file.

use candour_analysis::combine::DownloadError;
use candour_analysis::sealing::{KeyFileError, NewKeyError};
use candour_core::export::ExportError;
use candour_core::instrument::load::{InstrumentErrors, InstrumentProblem};
use candour_core::locale::PSEUDO_LONG;
use candour_core::messages::Messages;

/// The workbench's own texts, where these errors' words live.
const WORKBENCH_EN: &str = include_str!("../../../locales/workbench/en.json");

/// `words` with English equals `display`; with the pseudo-locale it is a
/// pseudo-localised sentence (no key name, no English left around values).
fn check(display: String, words: impl Fn(&Messages) -> String) {
    assert_eq!(words(&Messages::for_page("en", WORKBENCH_EN)), display);
    let pseudo = words(&Messages::for_page(PSEUDO_LONG, WORKBENCH_EN));
    assert_ne!(pseudo, display, "not localised: {display}");
    assert!(pseudo.starts_with('['), "a key or a bare value: {pseudo}");
}

fn s(text: &str) -> String {
    text.to_owned()
}

#[test]
fn key_file_errors_are_in_words() {
    for e in [
        KeyFileError::PassphraseTooShort,
        KeyFileError::PassphrasesDiffer,
        KeyFileError::NoRandomness,
        KeyFileError::NotKeyFile { found: s("") },
        KeyFileError::UnknownVersion { found: 7 },
        KeyFileError::Damaged {
            detail: s("bad salt"),
        },
        KeyFileError::WrongPassphrase,
        KeyFileError::KeyMismatch {
            stated: s("AAAA"),
            actual: s("BBBB"),
        },
    ] {
        check(e.to_string(), |m| e.in_words(m));
        let new_key = NewKeyError::KeyFile(e.clone());
        check(new_key.to_string(), |m| new_key.in_words(m));
    }
}

#[test]
fn new_key_and_download_errors_are_in_words() {
    let questionnaire = NewKeyError::Questionnaire(InstrumentErrors {
        problems: vec![InstrumentProblem::NoSections],
    });
    check(questionnaire.to_string(), |m| questionnaire.in_words(m));
    let setup = NewKeyError::SetupFile(s("out of memory"));
    check(setup.to_string(), |m| setup.in_words(m));
    for e in [
        DownloadError::NoSuchDataset(3),
        DownloadError::Export(ExportError::Write(s("out of memory"))),
    ] {
        check(e.to_string(), |m| e.in_words(m));
    }
}
