#![cfg(not(target_arch = "wasm32"))]
//! The analysis errors in words: in English each `in_words` is exactly its
//! `Display` (which the command-line tool prints), and in a pseudo-locale
//! every sentence comes from the workbench's locale file.

use candour_analysis::combine::DownloadError;
use candour_analysis::sealing::{KeyFileDamage, KeyFileError, NewKeyError, NotKeyFound};
use candour_core::export::ExportError;
use candour_core::instrument::load::{InstrumentErrors, InstrumentProblem};
use candour_core::locale::PSEUDO_LONG;
use candour_core::messages::Messages;

use candour_testkit::in_words::{check, check_no_english, WORKBENCH_EN};

fn s(text: &str) -> String {
    text.to_owned()
}

#[test]
fn key_file_errors_are_in_words() {
    for e in [
        KeyFileError::PassphraseTooShort,
        KeyFileError::PassphrasesDiffer,
        KeyFileError::NoRandomness,
        KeyFileError::NotKeyFile {
            found: NotKeyFound::Unknown,
        },
        KeyFileError::NotKeyFile {
            found: NotKeyFound::SetupFile,
        },
        KeyFileError::NotKeyFile {
            found: NotKeyFound::Export,
        },
        KeyFileError::UnknownVersion { found: 7 },
        KeyFileError::Damaged {
            damage: KeyFileDamage::Salt,
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

/// Every way a key file can be damaged: in English the `Display`, and in
/// the pseudo-locale no English phrase of it is left (a detail from the
/// JSON reader or Argon2 is data, and stays as it is).
#[test]
fn each_damage_to_a_key_file_is_in_words() {
    for damage in [
        KeyFileDamage::NoFormatVersion,
        KeyFileDamage::Shape(s("missing field `salt`")),
        KeyFileDamage::OtherDerivation,
        KeyFileDamage::OtherCipher,
        KeyFileDamage::TooCostly,
        KeyFileDamage::Salt,
        KeyFileDamage::Nonce,
        KeyFileDamage::PrivateKey,
        KeyFileDamage::PublicKey,
        KeyFileDamage::KeyInside,
        KeyFileDamage::UnusableSettings(s("memory cost is too small")),
        KeyFileDamage::DerivationFailed(s("out of memory")),
        KeyFileDamage::Garbled,
    ] {
        let data: &[&str] = match &damage {
            KeyFileDamage::Shape(detail)
            | KeyFileDamage::UnusableSettings(detail)
            | KeyFileDamage::DerivationFailed(detail) => &[detail.as_str()],
            _ => &[],
        };
        let e = KeyFileError::Damaged {
            damage: damage.clone(),
        };
        check_no_english(e.to_string(), |m| e.in_words(m), data);
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

#[test]
fn findings_are_in_words() {
    use candour_analysis::sealing::{Finding, TabletName};
    let tablet = |ambiguous| TabletName {
        label: s("Clinic A"),
        key: s("AAAA BBBB"),
        ambiguous,
    };
    let unnamed = TabletName {
        label: s(" "),
        key: s("CCCC"),
        ambiguous: false,
    };
    let findings = vec![
        Finding::Unsigned { file: s("a.json") },
        Finding::SignatureInvalid {
            file: s("a.json"),
            tablet: tablet(true),
            records: 1,
        },
        Finding::SignatureInvalid {
            file: s("a.json"),
            tablet: unnamed.clone(),
            records: 3,
        },
        Finding::RecordAltered {
            file: s("a.json"),
            tablet: tablet(false),
            sequence: 4,
            id: s("r4"),
        },
        Finding::RecordAdded {
            file: s("a.json"),
            tablet: tablet(false),
            sequence: 5,
            id: s("r5"),
        },
        Finding::RecordRemoved {
            file: s("a.json"),
            tablet: tablet(false),
            sequence: 6,
            id: s("r6"),
        },
        Finding::RecordDamaged {
            file: s("a.json"),
            tablet: tablet(false),
            position: 2,
        },
        Finding::CannotOpen {
            file: s("a.json"),
            tablet: tablet(false),
            sequence: 7,
            id: s("r7"),
        },
        Finding::WrongResearchKey {
            file: s("a.json"),
            tablet: tablet(false),
            records: 2,
            sealed_to: s("DDDD"),
            opened_with: s("EEEE"),
        },
        Finding::NoResearchKey {
            file: s("a.json"),
            records: 1,
        },
        Finding::Missing {
            tablet: tablet(false),
            first: 8,
            last: 8,
        },
        Finding::Missing {
            tablet: unnamed,
            first: 8,
            last: 9,
        },
        Finding::KeyChanged {
            label: s("Clinic A"),
            keys: vec![
                (s("AAAA"), vec![s("a.json"), s("b.json")]),
                (s("BBBB"), vec![s("c.json")]),
            ],
        },
        Finding::SequenceReused {
            tablet: tablet(false),
            sequence: 3,
            ids: vec![s("r3"), s("x3")],
        },
    ];
    for f in &findings {
        check(f.to_string(), |m| f.in_words(m));
    }
}

#[test]
fn verification_is_in_words() {
    use candour_analysis::open::{file_check_words, integrity, integrity_words, open_file};
    let fixture = include_str!("../../../tests/fixtures/workbench/clinic-a.json");
    let opened = vec![open_file("clinic-a.json", Ok(fixture.as_bytes()))];
    let english = Messages::for_page("en", WORKBENCH_EN);
    let pseudo = Messages::for_page(PSEUDO_LONG, WORKBENCH_EN);
    let words = file_check_words(&opened[0]).expect("an accepted file is checked");
    assert_eq!(opened[0].check_in_words(&english), Some(words.clone()));
    assert_ne!(opened[0].check_in_words(&pseudo), Some(words));
    let report = integrity(&opened);
    assert!(!report.findings.is_empty(), "an unsigned file is noted");
    assert_eq!(report.in_words(&english), integrity_words(&report));
    for line in report.in_words(&pseudo) {
        assert!(line.starts_with('['), "{line}");
    }
    assert_eq!(
        english.get("verify.complete_and_unaltered"),
        candour_analysis::open::COMPLETE_AND_UNALTERED
    );
}

#[test]
fn file_notes_are_in_words() {
    use candour_analysis::open::FileNote;
    for note in [
        FileNote::Combination(3),
        FileNote::Conflicts(2),
        FileNote::SeveralVersions,
        FileNote::NoRecords,
    ] {
        check(note.to_string(), |m| note.in_words(m));
    }
}

#[test]
fn a_refused_signed_export_is_in_words() {
    use candour_analysis::open::Refusal;
    use candour_core::export::{ImportError, ImportProblem};
    use candour_core::found::FoundInstead;
    let e = ImportError {
        file: s("b.json"),
        problem: Box::new(ImportProblem::NotCandour {
            found: FoundInstead::TabletKeyNotBase64,
        }),
    };
    let refusal = Refusal::Invalid(e.clone());
    check(e.to_string(), |m| refusal.in_words(m));
    let pseudo = refusal.in_words(&Messages::for_page(PSEUDO_LONG, WORKBENCH_EN));
    assert!(!pseudo.contains("tablet key"), "{pseudo}");
}
