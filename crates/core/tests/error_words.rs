#![cfg(not(target_arch = "wasm32"))]
//! The core's errors in words: in English each `in_words` is exactly its
//! `Display` (so the screens read as before), and in a pseudo-locale every
//! sentence comes from a locale file (no key shows as its name, no English
//! sentence is left around the values).

use candour_core::export::signed::SignedExportError;
use candour_core::export::{ExportError, ImportError, ImportProblem};
use candour_core::locale::PSEUDO_LONG;
use candour_core::messages::Messages;
use candour_core::seal::SetupError;
use candour_core::storage::instruments::{SaveError, StoredProblem};
use candour_core::storage::StoreError;

/// The workbench's own texts, where the import refusals live.
const WORKBENCH_EN: &str = include_str!("../../../locales/workbench/en.json");

/// Checks one error: `words` with English equals `display`, and with the
/// pseudo-locale differs from it and is no key name.
fn check(display: String, words: impl Fn(&Messages) -> String) {
    let english = Messages::for_page("en", WORKBENCH_EN);
    assert_eq!(words(&english), display);
    let pseudo = words(&Messages::for_page(PSEUDO_LONG, WORKBENCH_EN));
    assert_ne!(pseudo, display, "not localised: {display}");
    assert!(pseudo.starts_with('['), "a key or a bare value: {pseudo}");
}

fn s(text: &str) -> String {
    text.to_owned()
}

#[test]
fn storage_errors_are_in_words() {
    for e in [
        StoreError::Full,
        StoreError::Unavailable(s("SecurityError")),
        StoreError::WriteFailed(s("QuotaExceededError")),
    ] {
        check(e.to_string(), |m| e.in_words(m));
        let saved = SaveError::Store(e.clone());
        check(saved.to_string(), |m| saved.in_words(m));
    }
}

#[test]
fn setup_file_refusals_are_in_words() {
    for e in [
        SetupError::NotJson,
        SetupError::NotSetupFile {
            found: s("it is an export of responses"),
        },
        SetupError::UnknownVersion { found: 9 },
        SetupError::Damaged {
            detail: s("missing field `format`"),
        },
        SetupError::UnknownSuite { found: s("rsa") },
        SetupError::FingerprintMismatch {
            stated: s("AAAA BBBB"),
            actual: s("CCCC DDDD"),
        },
    ] {
        check(e.to_string(), |m| e.in_words(m));
    }
}

#[test]
fn export_errors_are_in_words() {
    let errors = [
        ExportError::InstrumentMissing {
            record_id: s("r1"),
            instrument_id: s("i"),
            instrument_version: s("1"),
            instrument_hash: s("sha256:00"),
        },
        ExportError::InstrumentMismatch {
            record_id: s("r1"),
            claimed_id: s("i"),
            claimed_version: s("1"),
            actual_id: s("j"),
            actual_version: s("2"),
        },
        ExportError::UnknownVariable {
            record_id: s("r1"),
            variable: s("v"),
            instrument_id: s("i"),
            instrument_version: s("1"),
        },
        ExportError::NotFinite {
            record_id: s("r1"),
            variable: s("v"),
        },
        ExportError::ValueDoesNotFit {
            record_id: s("r1"),
            variable: s("v"),
            value: s("[9]"),
        },
        ExportError::DuplicateColumn {
            column: s("v_1"),
            instrument_id: s("i"),
            instrument_version: s("1"),
        },
        ExportError::UnsafeName {
            name: s("Bad Name"),
            what: "variable",
        },
        ExportError::UnsafeName {
            name: s("x;"),
            what: "score column",
        },
        ExportError::UnsafeName {
            name: s("x;"),
            what: "dataset",
        },
        ExportError::Write(s("out of memory")),
    ];
    for e in errors {
        check(e.to_string(), |m| e.in_words(m));
        let signed = SignedExportError::Export(e.clone());
        check(signed.to_string(), |m| signed.in_words(m));
    }
    for e in [
        SignedExportError::RepeatedSequence { sequence: 4 },
        SignedExportError::SequenceOutOfRange {
            id: s("r1"),
            sequence: 9,
            highest: 3,
        },
        SignedExportError::TabletKey,
        SignedExportError::SignatureLength { found: 63 },
    ] {
        check(e.to_string(), |m| e.in_words(m));
    }
}

#[test]
fn a_stored_questionnaire_that_cannot_be_used_is_in_words() {
    for p in [
        StoredProblem::Store(StoreError::Full),
        StoredProblem::Damaged(s("bad envelope")),
        StoredProblem::Missing(s("sha256:00")),
        StoredProblem::HashChanged(s("sha256:11")),
    ] {
        check(p.to_string(), |m| p.in_words(m));
    }
}

#[test]
fn import_refusals_are_in_words() {
    let problems = [
        ImportProblem::Empty,
        ImportProblem::NotText,
        ImportProblem::NotJson {
            detail: s("expected value"),
            line: 1,
            column: 2,
        },
        ImportProblem::CutShort { line: 3, column: 4 },
        ImportProblem::NotCandour {
            found: s("its format is \"x\""),
        },
        ImportProblem::UnknownVersion { found: s("9") },
        ImportProblem::WrongShape {
            detail: s("missing field `records`"),
            line: 1,
            column: 9,
        },
        ImportProblem::CountMismatch {
            claimed: 3,
            found: 2,
        },
        ImportProblem::HashMismatch {
            id: s("i"),
            version: s("1"),
            hash: s("sha256:00"),
        },
        ImportProblem::InstrumentProblems {
            id: s("i"),
            version: s("1"),
            problems: vec![s("One."), s("Two.")],
        },
        ImportProblem::InstrumentNotInFile {
            record_id: s("r1"),
            id: s("i"),
            version: s("1"),
            hash: s("sha256:00"),
        },
        ImportProblem::InstrumentMismatch {
            record_id: s("r1"),
            id: s("i"),
            version: s("1"),
            actual_id: s("j"),
            actual_version: s("2"),
        },
        ImportProblem::UnknownVariable {
            record_id: s("r1"),
            variable: s("v"),
        },
        ImportProblem::RepeatedVariable {
            record_id: s("r1"),
            variable: s("v"),
        },
        ImportProblem::BadServiceCode {
            record_id: s("r1"),
            value: s("a b"),
        },
        ImportProblem::ValueDoesNotFit {
            record_id: s("r1"),
            variable: s("v"),
            value: s("[9]"),
        },
    ];
    for problem in problems {
        let e = ImportError {
            file: s("export.json"),
            problem: Box::new(problem),
        };
        check(e.to_string(), |m| e.in_words(m));
    }
}

#[test]
fn a_questionnaire_file_that_is_not_text_is_said_as_the_panels_say_it() {
    let m = Messages::english();
    assert_eq!(
        SaveError::NotText.in_words(&m),
        m.get("researcher.instrument_not_text")
    );
}

#[test]
fn questionnaire_problems_are_in_words() {
    use candour_core::instrument::load::{InstrumentErrors, InstrumentProblem as P};
    let problems = vec![
        P::NotJson {
            line: 3,
            column: 7,
            detail: s("expected `,`"),
        },
        P::EndsEarly { line: 9, column: 1 },
        P::NoSections,
        P::ScaleLabelCount {
            scale: "scales.agreement",
            expected: 5,
            found: 4,
        },
        P::BadDomainCode { domain: s("c d") },
        P::EmptyGroup { group: s("b_hard") },
        P::NegativeMin {
            variable: s("u1_days"),
            min: -1.5,
        },
        P::MinAboveMax {
            variable: s("u1_days"),
            min: 30.0,
            max: 7.25,
        },
        P::ConditionUnknownCode {
            variable: s("b2"),
            uses: s("b1"),
            value: 7.0,
        },
        P::DuplicateChoiceCode {
            variable: s("b1"),
            code: -3,
        },
        P::NonFiniteNumber {
            variable: s("u1_days"),
            field: "step",
        },
        P::BlankScaleEnd {
            variable: s("a1_works"),
            end: "low",
            value: 0,
        },
        P::BlankScaleEnd {
            variable: s("a1_works"),
            end: "high",
            value: 10,
        },
        P::MissingCodeOnFreeText {
            variable: s("c5_problem"),
            option: "prefer not to say",
        },
        P::MissingCodeOnFreeText {
            variable: s("c5_problem"),
            option: "don't know",
        },
        P::ConditionWithinGroup {
            variable: s("b2"),
            uses: s("b1"),
            group: s("b_hard"),
        },
    ];
    for p in &problems {
        check(p.to_string(), |m| p.in_words(m));
    }
    let all = InstrumentErrors { problems };
    check(all.to_string(), |m| all.in_words(m));
    let setup = SetupError::Instrument(all.clone());
    check(setup.to_string(), |m| setup.in_words(m));
    let saved = SaveError::Invalid(all.clone());
    check(saved.to_string(), |m| saved.in_words(m));
    let stored = StoredProblem::NoLongerValid(all);
    check(stored.to_string(), |m| stored.in_words(m));
}
