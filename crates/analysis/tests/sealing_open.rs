#![cfg(not(target_arch = "wasm32"))]
//! Opening signed, sealed exports: what the tablet sealed comes back
//! exactly; every change, removal, gap, wrong key and changed tablet key is
//! found and said in words.

mod sealing_support;

use candour_analysis::combine::Combined;
use candour_analysis::open::{
    combine_opened, integrity, open_file_with_key, receipt_of, FileCheck, IntegrityReport, Opened,
};
use candour_analysis::sealing::{Finding, ResearchKeyPair};
use candour_core::export::{export_json, export_record};
use candour_testkit::export_support::{default, plausible_records, t};
use sealing_support::{clear, picked, research_key, sealed, Tablet};

/// The pipeline's first two steps, as the workbench and the CLI run them.
struct Checked {
    files: Vec<Opened>,
    combined: Combined,
    integrity: IntegrityReport,
}

fn open(files: &[(&str, &str)], key: Option<&ResearchKeyPair>) -> Checked {
    let files: Vec<Opened> = files
        .iter()
        .map(|(n, text)| {
            let (name, bytes) = picked(n, text);
            open_file_with_key(&name, bytes.as_deref().map_err(Clone::clone), key)
        })
        .collect();
    Checked {
        combined: combine_opened(&files),
        integrity: integrity(&files),
        files,
    }
}

fn words(opened: &Checked) -> Vec<String> {
    opened
        .integrity
        .findings
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn sealed_records_open_to_exactly_what_was_given() {
    let instrument = default();
    let records = plausible_records(&instrument, "p", 6);
    let key = research_key(1);
    let tablet = Tablet::new(3, "Clinic A, tablet 2");
    let text = tablet.export(
        &sealed(&records, &instrument, key.public(), 1),
        &instrument,
        Some(key.public()),
        6,
    );
    for r in &records {
        assert!(
            !text.contains(&r.id.replace('-', "")) || text.contains(&r.id),
            "ids are in the header"
        );
    }
    let opened = open(&[("a.json", &text)], Some(&key));
    assert!(
        opened.integrity.complete_and_unaltered(),
        "{:?}",
        words(&opened)
    );
    let got = &opened.combined.report.combined.records;
    let want: Vec<_> = records
        .iter()
        .map(|r| export_record(r, &instrument).expect("export"))
        .collect();
    assert_eq!(got, &want);
    let Some(FileCheck::Signed {
        signature_valid,
        seen,
        ..
    }) = &opened.files[0].check
    else {
        panic!("read as signed");
    };
    assert!(signature_valid);
    assert_eq!(seen.label, "Clinic A, tablet 2");
    let (file, _) = opened.files[0].outcome.as_ref().expect("accepted");
    assert_eq!(file.records.len(), 6);
}

#[test]
fn a_changed_byte_anywhere_is_found_and_worded() {
    let instrument = default();
    let records = plausible_records(&instrument, "q", 3);
    let key = research_key(2);
    let tablet = Tablet::new(4, "Clinic A, tablet 2");
    let entries = sealed(&records, &instrument, key.public(), 1);
    let text = tablet.export(&entries, &instrument, Some(key.public()), 3);

    // A byte of the second record's ciphertext.
    let ct = match &entries[1].body {
        candour_core::seal::EntryBody::Sealed(s) => {
            candour_core::seal::encode_base64(&s.ciphertext)
        }
        _ => unreachable!(),
    };
    let mut changed = ct.clone().into_bytes();
    changed[40] = if changed[40] == b'A' { b'B' } else { b'A' };
    let edited = text.replace(&ct, std::str::from_utf8(&changed).expect("ascii"));
    let opened = open(&[("a.json", &edited)], Some(&key));
    assert_eq!(opened.combined.report.combined.records.len(), 2);
    assert!(words(&opened).contains(&format!(
        "Record 2 of Clinic A, tablet 2 (id {}) was altered in the file \"a.json\": it is not what the tablet signed, so it is not used.",
        records[1].id
    )), "{:?}", words(&opened));

    // The header's sequence number.
    let edited = text.replacen(
        "{\"header\":{\"sequence\":3,",
        "{\"header\":{\"sequence\":4,",
        1,
    );
    let opened = open(&[("a.json", &edited)], Some(&key));
    assert!(opened
        .integrity
        .findings
        .iter()
        .any(|f| matches!(f, Finding::RecordAltered { sequence: 4, .. })));
    assert!(
        words(&opened)
            .iter()
            .any(|w| w == "Record 3 of Clinic A, tablet 2 is in none of the files opened."),
        "{:?}",
        words(&opened)
    );

    // The header's status, which the seal also binds.
    let edited = text.replacen("\"status\":\"complete\"", "\"status\":\"partial\"", 1);
    let opened = open(&[("a.json", &edited)], Some(&key));
    assert!(opened
        .integrity
        .findings
        .iter()
        .any(|f| matches!(f, Finding::RecordAltered { sequence: 1, .. })));

    // The manifest (its highest number) and the signature.
    let edited = text.replacen("\"highest_sequence\":3", "\"highest_sequence\":2", 1);
    let opened = open(&[("a.json", &edited)], Some(&key));
    assert_eq!(words(&opened)[0], "The file \"a.json\" was changed after export, or does not come from the tablet it names (Clinic A, tablet 2): its signature does not match. Its 3 records are not used.");
    assert!(opened.combined.report.combined.records.is_empty());
    let sig_at = text.find("\"value\":\"").expect("signature") + 9;
    let mut edited = text.clone().into_bytes();
    edited[sig_at + 3] = if edited[sig_at + 3] == b'A' {
        b'B'
    } else {
        b'A'
    };
    let opened = open(
        &[("a.json", std::str::from_utf8(&edited).expect("ascii"))],
        Some(&key),
    );
    assert!(matches!(
        opened.integrity.findings[0],
        Finding::SignatureInvalid { .. }
    ));
}

#[test]
fn removed_records_and_gaps_across_files_are_named() {
    let instrument = default();
    let records = plausible_records(&instrument, "g", 8);
    let key = research_key(3);
    let tablet = Tablet::new(5, "Clinic A, tablet 2");
    let first = tablet.export(
        &sealed(&records[..3], &instrument, key.public(), 1),
        &instrument,
        Some(key.public()),
        3,
    );
    let later = tablet.export(
        &sealed(&records[3..5], &instrument, key.public(), 7),
        &instrument,
        Some(key.public()),
        10,
    );
    let opened = open(
        &[("first.json", &first), ("later.json", &later)],
        Some(&key),
    );
    assert_eq!(opened.combined.report.combined.records.len(), 5);
    assert_eq!(
        words(&opened),
        vec![
            "Records 4 to 6 of Clinic A, tablet 2 are in none of the files opened.".to_owned(),
            "Records 9 to 10 of Clinic A, tablet 2 are in none of the files opened.".to_owned(),
        ]
    );
    assert!(!opened.integrity.complete_and_unaltered());

    // A record cut out of a file.
    let entries = sealed(&records[..3], &instrument, key.public(), 1);
    let text = tablet.export(&entries, &instrument, Some(key.public()), 3);
    let second = entries[1].to_json().expect("json");
    let cut = text.replace(&format!(",{second}"), "");
    assert_ne!(cut, text);
    let opened = open(&[("cut.json", &cut)], Some(&key));
    assert_eq!(
        words(&opened),
        vec![
            format!("Record 2 of Clinic A, tablet 2 (id {}) was removed from the file \"cut.json\" after export.", records[1].id),
            "Record 2 of Clinic A, tablet 2 is in none of the files opened.".to_owned(),
        ]
    );
    // The same record in another file completes the set.
    let opened = open(&[("cut.json", &cut), ("full.json", &text)], Some(&key));
    assert_eq!(opened.integrity.findings.len(), 1, "{:?}", words(&opened));
}

/// A file whose signature does not match says nothing about its tablet: its
/// records never fill a gap left by a file that was held back.
#[test]
fn a_forged_file_fills_no_gap() {
    let instrument = default();
    let records = plausible_records(&instrument, "f", 6);
    let key = research_key(4);
    let tablet = Tablet::new(6, "Clinic A, tablet 2");
    let first = tablet.export(
        &sealed(&records[..3], &instrument, key.public(), 1),
        &instrument,
        Some(key.public()),
        6,
    );
    // Numbers 4 to 6, but its manifest edited after signing.
    let forged = tablet
        .export(
            &sealed(&records[3..], &instrument, key.public(), 4),
            &instrument,
            Some(key.public()),
            6,
        )
        .replacen("\"highest_sequence\":6", "\"highest_sequence\":7", 1);
    let opened = open(
        &[("first.json", &first), ("forged.json", &forged)],
        Some(&key),
    );
    let said = words(&opened);
    assert!(
        said.iter()
            .any(|w| w == "Records 4 to 6 of Clinic A, tablet 2 are in none of the files opened."),
        "{said:?}"
    );
    assert!(!opened.integrity.complete_and_unaltered());
}

/// No verdict on a set of files that was not read whole: a refused file, or
/// no file at all, is never "complete and unaltered".
#[test]
fn no_verdict_without_every_file_read() {
    let instrument = default();
    let records = plausible_records(&instrument, "v", 2);
    let key = research_key(5);
    let tablet = Tablet::new(7, "Clinic A, tablet 2");
    let text = tablet.export(
        &sealed(&records, &instrument, key.public(), 1),
        &instrument,
        Some(key.public()),
        2,
    );
    assert!(open(&[("a.json", &text)], Some(&key))
        .integrity
        .complete_and_unaltered());
    let with_refused = open(&[("a.json", &text), ("b.json", "{not json")], Some(&key));
    assert!(!with_refused.integrity.complete_and_unaltered());
    assert!(!open(&[], Some(&key)).integrity.complete_and_unaltered());
}

/// A receipt vouches only for records the researcher verified and opened:
/// the tablet must never delete what nobody here can read.
#[test]
fn a_receipt_names_only_records_opened() {
    let instrument = default();
    let records = plausible_records(&instrument, "r", 3);
    let key = research_key(6);
    let tablet = Tablet::new(8, "Clinic A, tablet 2");
    let text = tablet.export(
        &sealed(&records, &instrument, key.public(), 1),
        &instrument,
        Some(key.public()),
        3,
    );
    let named = |key: Option<&ResearchKeyPair>| {
        let opened = open(&[("a.json", &text)], key);
        receipt_of(&opened.files, t(30_000))
            .expect("a file was accepted")
            .expect("a receipt")
            .records
            .len()
    };
    assert_eq!(named(Some(&key)), 3);
    assert_eq!(named(None), 0, "sealed and not opened");
    assert_eq!(named(Some(&research_key(7))), 0, "sealed to another key");
}

#[test]
fn a_wrong_key_is_refused_with_both_fingerprints() {
    let instrument = default();
    let records = plausible_records(&instrument, "w", 2);
    let right = research_key(4);
    let wrong = research_key(5);
    let tablet = Tablet::new(6, "Clinic B");
    let text = tablet.export(
        &sealed(&records, &instrument, right.public(), 1),
        &instrument,
        Some(right.public()),
        2,
    );
    let opened = open(&[("b.json", &text)], Some(&wrong));
    assert!(opened.combined.report.combined.records.is_empty());
    assert_eq!(
        words(&opened),
        vec![format!(
            "2 records from Clinic B in the file \"b.json\" are sealed to the research key {}, but the key file opened is {}. Open the key file with the fingerprint {} to read them.",
            right.fingerprint(), wrong.fingerprint(), right.fingerprint()
        )]
    );
    // Without a key: counted, not lost, not a problem of the file.
    let opened = open(&[("b.json", &text)], None);
    assert_eq!(
        words(&opened),
        vec![
            "2 records in the file \"b.json\" are sealed; open the research key file to read them."
                .to_owned()
        ]
    );
    assert_eq!(opened.integrity.problems().count(), 0);
}

#[test]
fn a_record_that_does_not_open_is_named() {
    let instrument = default();
    let records = plausible_records(&instrument, "c", 2);
    let key = research_key(6);
    let tablet = Tablet::new(7, "Clinic A, tablet 2");
    let mut entries = sealed(&records, &instrument, key.public(), 1);
    // Changed before signing (a faulty or modified tablet): the signature
    // holds, but the seal does not.
    if let candour_core::seal::EntryBody::Sealed(s) = &mut entries[0].body {
        s.ciphertext[10] ^= 0x80;
    }
    let text = tablet.export(&entries, &instrument, Some(key.public()), 2);
    let opened = open(&[("a.json", &text)], Some(&key));
    assert_eq!(opened.combined.report.combined.records.len(), 1);
    assert!(
        matches!(
            &opened.integrity.findings[..],
            [Finding::CannotOpen { sequence: 1, .. }]
        ),
        "{:?}",
        words(&opened)
    );
}

#[test]
fn a_tablet_whose_key_changed_is_named_and_unsigned_files_still_open() {
    let instrument = default();
    let records = plausible_records(&instrument, "k", 4);
    let before = Tablet::new(8, "Clinic A, tablet 2");
    let after = Tablet::new(9, "Clinic A, tablet 2");
    let one = before.export(&clear(&records[..2], &instrument, 1), &instrument, None, 2);
    let two = after.export(&clear(&records[2..], &instrument, 1), &instrument, None, 2);
    let old = export_json(&records[..1], &[&instrument], "Clinic C", t(5)).expect("v1 export");
    let opened = open(
        &[("one.json", &one), ("two.json", &two), ("old.json", &old)],
        None,
    );
    assert_eq!(
        opened.combined.report.combined.records.len(),
        4,
        "record p-0 merged as a duplicate"
    );
    let w = words(&opened);
    assert!(w.contains(&"The file \"old.json\" is an unsigned export from an earlier version of Candour: whether it was changed after export, or records are missing, cannot be checked.".to_owned()), "{w:?}");
    let changed = w
        .iter()
        .find(|w| w.contains("different signing keys"))
        .expect("key change named");
    assert!(changed.starts_with("\"Clinic A, tablet 2\" appears with 2 different signing keys: "));
    assert!(changed.contains("(in \"one.json\")") && changed.contains("(in \"two.json\")"));
    assert!(!opened.integrity.complete_and_unaltered());
}

#[test]
fn a_tablet_key_that_is_not_base64_is_refused_in_words() {
    use candour_analysis::sealing::read_signed;
    use candour_core::found::FoundInstead;
    use candour_core::locale::PSEUDO_LONG;
    use candour_core::messages::Messages;
    let instrument = default();
    let records = plausible_records(&instrument, "q", 1);
    let tablet = Tablet::new(6, "Clinic B");
    let text = tablet.export(&clear(&records, &instrument, 1), &instrument, None, 1);
    let edited = text.replace(&tablet.identity.public_key, "not*base64");
    assert_ne!(edited, text);
    let error = read_signed("b.json", &edited, None).expect_err("refused");
    assert_eq!(
        *error.problem,
        candour_core::export::ImportProblem::NotCandour {
            found: FoundInstead::TabletKeyNotBase64
        }
    );
    let english = "The file \"b.json\" is not a Candour export: its tablet key is not base64.";
    assert_eq!(error.to_string(), english);
    let workbench = include_str!("../../../locales/workbench/en.json");
    assert_eq!(
        error.in_words(&Messages::for_page("en", workbench)),
        english
    );
    let pseudo = error.in_words(&Messages::for_page(PSEUDO_LONG, workbench));
    assert!(pseudo.contains("\"b.json\""), "{pseudo}");
    assert!(!pseudo.contains("tablet key"), "{pseudo}");
}
