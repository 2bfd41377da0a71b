#![cfg(not(target_arch = "wasm32"))]
//! The core's errors in words: in English each `in_words` is exactly its
//! `Display` (so the screens read as before), and in a pseudo-locale every
//! sentence comes from a locale file (no key shows as its name, no English
//! sentence is left around the values).

use candour_core::export::signed::SignedExportError;
use candour_core::export::{ExportError, ImportError, ImportProblem};
use candour_core::found::FoundInstead;
use candour_core::instrument::load::InstrumentProblem;
use candour_core::instrument::texts::{ItemText, TextPlace};
use candour_core::locale::PSEUDO_LONG;
use candour_core::messages::Messages;
use candour_core::receipt::{ProofDamage, ProofError};
use candour_core::seal::SetupError;
use candour_core::storage::instruments::{SaveError, StoredProblem};
use candour_core::storage::{DamagedEntry, StoreError, StoreFault};

use candour_testkit::in_words::{check, check_no_english};

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

/// Every fault the app names itself, in both sentences it can stand in.
fn store_faults() -> Vec<(StoreFault, &'static [&'static str])> {
    vec![
        (StoreFault::NoWindow, &[]),
        (StoreFault::StorageTurnedOff, &[]),
        (StoreFault::NoIndexedDb, &[]),
        (StoreFault::DatabaseDidNotOpen, &[]),
        (StoreFault::DatabaseDidNotAnswer, &[]),
        (StoreFault::DatabaseRefused, &[]),
        (StoreFault::DatabaseUnreadable, &[]),
        (StoreFault::SaveCancelled, &[]),
        (StoreFault::NoTable("records"), &["records"]),
        (StoreFault::NotReadBack(s("r1")), &["r1"]),
        (
            StoreFault::ResearchKeyUnreadable(s("missing field `public_key`")),
            &["missing field `public_key`"],
        ),
        (StoreFault::LastSurveyNotSaved, &[]),
        (
            StoreFault::PinDamaged(s("not a readable value")),
            &["not a readable value"],
        ),
        (
            StoreFault::RecoveryCodeDamaged(s("not a readable value")),
            &["not a readable value"],
        ),
        (StoreFault::PinNotReadBack, &[]),
        (StoreFault::RecoveryCodeNotReadBack, &[]),
    ]
}

#[test]
fn storage_faults_the_app_names_are_in_words() {
    for (fault, data) in store_faults() {
        for e in [
            StoreError::UnavailableBecause(fault.clone()),
            StoreError::WriteFailedBecause(fault.clone()),
        ] {
            check_no_english(e.to_string(), |m| e.in_words(m), data);
            let saved = SaveError::Store(e.clone());
            check_no_english(saved.to_string(), |m| saved.in_words(m), data);
        }
    }
    assert_eq!(
        StoreError::UnavailableBecause(StoreFault::DatabaseDidNotOpen).to_string(),
        "This browser does not let Candour save answers (the database did not open)."
    );
}

#[test]
fn a_damaged_entry_is_in_words() {
    let e = DamagedEntry {
        detail: s("EOF while parsing an object at line 1 column 9"),
    };
    assert_eq!(
        e.to_string(),
        "damaged entry: EOF while parsing an object at line 1 column 9"
    );
    let english = Messages::english();
    assert_eq!(e.in_words(&english), e.to_string());
    let pseudo = e.in_words(&Messages::for_locale(PSEUDO_LONG));
    assert!(pseudo.starts_with('['), "{pseudo}");
    assert!(!pseudo.contains("damaged entry"), "{pseudo}");
}

#[test]
fn setup_file_refusals_are_in_words() {
    for e in [
        SetupError::NotJson,
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

/// Everything a refused file can turn out to be, with the values it
/// carries as data.
fn found_instead() -> Vec<(FoundInstead, &'static [&'static str])> {
    vec![
        (FoundInstead::NotAnObject, &["JSON"]),
        (FoundInstead::AnExport, &[]),
        (FoundInstead::OtherFormat(s("xml-survey")), &["xml-survey"]),
        (
            FoundInstead::NoFormatField {
                expected: "candour-tablet-setup",
            },
            &["candour-tablet-setup"],
        ),
        (FoundInstead::TabletKeyNotBase64, &[]),
    ]
}

#[test]
fn what_a_refused_setup_file_is_instead_is_in_words() {
    for (found, data) in found_instead() {
        let e = SetupError::NotSetupFile { found };
        check_no_english(e.to_string(), |m| e.in_words(m), data);
    }
    for e in [SetupError::KeyNotValid, SetupError::NoFormatVersion] {
        check_no_english(e.to_string(), |m| e.in_words(m), &[]);
    }
    let e = SetupError::NotSetupFile {
        found: FoundInstead::AnExport,
    };
    assert_eq!(
        e.to_string(),
        "This is not a tablet setup file: it is an export of responses. Pick the file the \
         researcher's workbench saved as the tablet setup file."
    );
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
            found: FoundInstead::OtherFormat(s("x")),
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
        ImportProblem::InstrumentListChanged,
        ImportProblem::InstrumentProblems {
            id: s("i"),
            version: s("1"),
            problems: vec![
                InstrumentProblem::NoSections,
                InstrumentProblem::BlankText {
                    place: TextPlace::Item(s("a1"), ItemText::Help),
                },
            ],
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
fn what_a_refused_export_is_instead_is_in_words() {
    for (found, data) in found_instead() {
        let e = ImportError {
            file: s("export.json"),
            problem: Box::new(ImportProblem::NotCandour { found }),
        };
        let data = [data, &["export.json"]].concat();
        check_no_english(e.to_string(), |m| e.in_words(m), &data);
    }
}

#[test]
fn an_export_whose_questionnaire_fails_its_checks_says_each_problem_in_words() {
    let e = ImportError {
        file: s("export.json"),
        problem: Box::new(ImportProblem::InstrumentProblems {
            id: s("staff-survey"),
            version: s("2"),
            problems: vec![
                InstrumentProblem::NoSections,
                InstrumentProblem::BlankText {
                    place: TextPlace::Item(s("a1_help"), ItemText::Help),
                },
                InstrumentProblem::MissingLocale {
                    place: TextPlace::SectionIntro(s("s_intro")),
                    locale: s("fr"),
                },
            ],
        }),
    };
    // The English as it has always been (each problem is a sentence, and
    // the refusal closes its own), which the command-line tool prints.
    assert_eq!(
        e.to_string(),
        "The file \"export.json\" holds instrument staff-survey version 2, which fails the \
         questionnaire checks: The instrument has no sections. Add at least one section with \
         items. Item a1_help, help: it is blank. Write it, or remove it. Section s_intro, \
         intro: it has no \"fr\" text. A translated text must include the instrument's own \
         locale.."
    );
    let data = [
        "export.json",
        "staff-survey",
        "a1_help",
        "s_intro",
        "\"fr\"",
    ];
    check_no_english(e.to_string(), |m| e.in_words(m), &data);
}

#[test]
fn every_place_of_a_text_is_in_words() {
    let item = |text| TextPlace::Item(s("a1_x"), text);
    let places = [
        (TextPlace::Title, "The title"),
        (TextPlace::Information, "The information"),
        (TextPlace::Consent, "The consent question"),
        (TextPlace::ScaleAnswer("dont_know"), "scales.dont_know"),
        (
            TextPlace::ScaleLabel("agreement", 3),
            "scales.agreement, label 3",
        ),
        (TextPlace::DomainName(s("C")), "Domain C, name"),
        (TextPlace::SectionTitle(s("s1")), "Section s1, title"),
        (TextPlace::SectionIntro(s("s1")), "Section s1, intro"),
        (TextPlace::GroupHeading(s("g1")), "Group g1, heading"),
        (item(ItemText::Text), "Item a1_x, text"),
        (item(ItemText::Help), "Item a1_x, help"),
        (
            item(ItemText::GlossaryTerm(2)),
            "Item a1_x, glossary entry 2 term",
        ),
        (
            item(ItemText::GlossaryExplanation(2)),
            "Item a1_x, glossary entry 2 explanation",
        ),
        (item(ItemText::Choice(-9)), "Item a1_x, choice -9"),
        (item(ItemText::LowLabel), "Item a1_x, low label"),
        (item(ItemText::HighLabel), "Item a1_x, high label"),
        (item(ItemText::Unit), "Item a1_x, unit"),
        (item(ItemText::UnitSingular), "Item a1_x, unit_singular"),
    ];
    // The file's own names, which stay as written ("scales." is the
    // file's field path, so it is a name too).
    let data = [
        "a1_x",
        "s1",
        "g1",
        "dont_know",
        "agreement",
        "unit_singular",
        "scales",
    ];
    for (place, english) in places {
        assert_eq!(place.to_string(), english);
        for p in [
            InstrumentProblem::BlankText {
                place: place.clone(),
            },
            InstrumentProblem::MissingLocale {
                place: place.clone(),
                locale: s("en"),
            },
        ] {
            let mut data = data.to_vec();
            data.push("\"en\"");
            check_no_english(p.to_string(), |m| p.in_words(m), &data);
        }
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

/// What is wrong with a picked-back export or receipt: every damage in
/// words, the reader's own words kept as data.
#[test]
fn a_damaged_proof_file_is_in_words() {
    for (damage, data) in [
        (
            ProofDamage::Shape(s("missing field `records`")),
            vec!["missing field `records`"],
        ),
        (ProofDamage::RecordCount { stated: 3, held: 2 }, vec![]),
        (
            ProofDamage::NoRecordId(s("expected `,`")),
            vec!["expected `,`"],
        ),
        (
            ProofDamage::Manifest(s("expected `,`")),
            vec!["expected `,`"],
        ),
        (ProofDamage::ManifestCount { listed: 3, held: 2 }, vec![]),
        (
            ProofDamage::NoRecordHeader(s("expected `,`")),
            vec!["expected `,`"],
        ),
    ] {
        check_no_english(damage.to_string(), |m| damage.in_words(m), &data);
        let e = ProofError::Damaged {
            file: s("export.json"),
            damage,
        };
        let pseudo = e.in_words(&Messages::for_locale(PSEUDO_LONG));
        assert!(!pseudo.contains("Nothing was deleted"), "{pseudo}");
    }
    let e = ProofError::NotJson {
        file: s("export.json"),
        line: 3,
        column: 14,
    };
    assert_eq!(
        e.in_words(&Messages::english()),
        "The file export.json cannot be read (line 3, column 14); it may have been cut short. Nothing was deleted."
    );
    assert!(!e
        .in_words(&Messages::for_locale(PSEUDO_LONG))
        .contains("line 3"));
}
