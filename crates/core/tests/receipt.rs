#![cfg(not(target_arch = "wasm32"))]
//! "Delete exported" deletes only records known to be safe elsewhere: the
//! export file picked back in, or a receipt the workbench wrote after
//! opening it. Every record is compared by the digest of its exact exported
//! text, so a file that differs from the tablet by one digit, or one that
//! was never saved, proves nothing.

use candour_core::export::build_export;
use candour_core::hash::to_hex;
use candour_core::messages::Messages;
use candour_core::receipt::{
    build_receipt, check_proof, exported_form, read_export_records, record_digest, stored_digests,
    ExportText, ProofError, ProofKind, Receipt, SafeSet, RECEIPT_FORMAT,
};
use candour_core::record::ResponseRecord;
use candour_testkit::export_support::{
    default, plausible_records, small, small_records, t, AWKWARD_COMMENT,
};
use sha2::{Digest, Sha256};

const NAME: &str = "candour_clinic-a_2026-11-25_4-records.json";

fn records() -> Vec<ResponseRecord> {
    small_records(AWKWARD_COMMENT)
}

/// The export file of `records`, exactly as the tablet writes it.
fn export_text(records: &[ResponseRecord]) -> String {
    build_export(records, &[&small()], "Clinic A, tablet 2", t(1000))
        .expect("builds")
        .to_json()
        .expect("writes")
}

fn stored(records: &[ResponseRecord]) -> Vec<candour_core::receipt::StoredDigest> {
    stored_digests(records, &[&small()])
}

fn ids(list: &[&str]) -> std::collections::BTreeSet<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn the_digest_is_sha256_of_the_exact_text() {
    assert_eq!(
        record_digest("abc"),
        // FIPS 180-2, appendix B.1.
        "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(
        record_digest("{\"id\":\"é\"}"),
        format!(
            "sha256:{}",
            to_hex(&Sha256::digest("{\"id\":\"é\"}".as_bytes()))
        )
    );
}

#[test]
fn each_records_exported_form_is_exactly_its_text_in_the_export_file() {
    let records = records();
    let text = export_text(&records);
    let read = read_export_records(NAME, &text).expect("reads");
    assert_eq!(read.records.len(), 4);
    for (record, (id, in_file)) in records.iter().zip(&read.records) {
        assert_eq!(&record.id, id);
        assert_eq!(exported_form(record, &small()).expect("exports"), *in_file);
    }
    // Also with the default questionnaire's 48 items, every kind of value.
    let many = plausible_records(&default(), "d", 5);
    let text = build_export(&many, &[&default()], "Clinic B", t(5))
        .expect("builds")
        .to_json()
        .expect("writes");
    let read = read_export_records(NAME, &text).expect("reads");
    for (record, (_, in_file)) in many.iter().zip(&read.records) {
        assert_eq!(
            exported_form(record, &default()).expect("exports"),
            *in_file
        );
    }
}

#[test]
fn the_export_file_picked_back_confirms_exactly_the_records_it_holds() {
    let records = records();
    let text = export_text(&records[..3]);
    let check = check_proof(NAME, text.as_bytes(), &stored(&records)).expect("checks");
    assert_eq!(check.kind, ProofKind::Export);
    assert_eq!(check.confirmed, ids(&["rec-1", "rec-2", "rec-3"]));
    assert!(check.differing.is_empty());
    assert_eq!(check.not_here, 0);
    // With a byte-order mark, as some editors save it: the same.
    let bom = format!("\u{feff}{text}");
    assert_eq!(
        check_proof(NAME, bom.as_bytes(), &stored(&records))
            .expect("checks")
            .confirmed,
        check.confirmed
    );
}

#[test]
fn one_changed_answer_or_space_makes_that_record_unconfirmed() {
    let records = records();
    let text = export_text(&records);
    let changed = text.replacen("\"s1_respect\":5", "\"s1_respect\":4", 1);
    assert_ne!(changed, text);
    let check = check_proof(NAME, changed.as_bytes(), &stored(&records)).expect("checks");
    assert_eq!(check.confirmed, ids(&["rec-2", "rec-3", "rec-4"]));
    assert_eq!(check.differing, ids(&["rec-1"]));
    // Re-indented by a tool: the content is the same, the text is not. Not
    // proof: only the file exactly as exported is.
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let pretty = serde_json::to_string_pretty(&value).expect("pretty");
    let check = check_proof(NAME, pretty.as_bytes(), &stored(&records)).expect("checks");
    assert!(check.confirmed.is_empty(), "{:?}", check.confirmed);
    assert_eq!(check.differing.len(), 4);
}

#[test]
fn records_of_another_tablet_are_counted_but_confirm_nothing_here() {
    let here = records();
    let elsewhere = plausible_records(&small(), "other", 3);
    let text = build_export(&elsewhere, &[&small()], "Clinic B", t(2))
        .expect("builds")
        .to_json()
        .expect("writes");
    let check = check_proof(NAME, text.as_bytes(), &stored(&here)).expect("checks");
    assert!(check.confirmed.is_empty());
    assert_eq!(check.not_here, 3);
}

#[test]
fn a_receipt_built_from_the_export_confirms_the_same_records() {
    let records = records();
    let text = export_text(&records);
    let receipt = build_receipt(
        &[ExportText {
            name: NAME,
            text: &text,
        }],
        t(2000),
    )
    .expect("builds");
    assert_eq!(receipt.format, RECEIPT_FORMAT);
    assert_eq!(receipt.format_version, 1);
    assert_eq!(receipt.written_at, "2026-11-25T10:20:00.000Z");
    assert_eq!(receipt.files.len(), 1);
    assert_eq!(receipt.files[0].file, NAME);
    assert_eq!(receipt.files[0].device_label, "Clinic A, tablet 2");
    assert_eq!(receipt.files[0].record_count, 4);
    assert_eq!(receipt.records.len(), 4);
    let json = receipt.to_json();
    assert!(json.ends_with('\n'));
    assert_eq!(
        serde_json::from_str::<Receipt>(&json).expect("reads"),
        receipt
    );
    let check = check_proof("receipt.json", json.as_bytes(), &stored(&records)).expect("checks");
    assert_eq!(check.kind, ProofKind::Receipt);
    assert_eq!(check.confirmed, ids(&["rec-1", "rec-2", "rec-3", "rec-4"]));
}

#[test]
fn a_receipt_with_a_wrong_digest_or_an_unknown_id_confirms_nothing_of_it() {
    let records = records();
    let text = export_text(&records);
    let mut receipt = build_receipt(
        &[ExportText {
            name: NAME,
            text: &text,
        }],
        t(2000),
    )
    .expect("builds");
    receipt.records[0].digest = record_digest("something else");
    receipt.records[1].id = "not-on-this-tablet".into();
    let check = check_proof(
        "receipt.json",
        receipt.to_json().as_bytes(),
        &stored(&records),
    )
    .expect("checks");
    assert_eq!(check.confirmed, ids(&["rec-3", "rec-4"]));
    assert_eq!(check.differing, ids(&["rec-1"]));
    assert_eq!(check.not_here, 1);
}

#[test]
fn several_files_together_confirm_the_union() {
    let records = records();
    let first = export_text(&records[..2]);
    let second = export_text(&records[2..]);
    let changed = second.replacen("\"s1_respect\":3", "\"s1_respect\":2", 1);
    let checks = [
        check_proof("a.json", first.as_bytes(), &stored(&records)).expect("checks"),
        check_proof("b.json", changed.as_bytes(), &stored(&records)).expect("checks"),
    ];
    let safe = SafeSet::of(&checks);
    assert_eq!(safe.confirmed, ids(&["rec-1", "rec-2", "rec-4"]));
    assert_eq!(safe.differing, ids(&["rec-3"]));
}

#[test]
fn what_is_not_a_proof_is_refused_in_words() {
    let stored = stored(&records());
    let m = Messages::english();
    type Expect = fn(&ProofError) -> bool;
    let cases: [(&[u8], Expect); 7] = [
        (b"\xff\xfe\x00", |e| matches!(e, ProofError::NotText { .. })),
        (b"{\"format\":\"candour-export\",", |e| matches!(e, ProofError::NotJson { .. })),
        (b"[1,2,3]", |e| matches!(e, ProofError::NotProof { .. })),
        (b"{\"hello\":1}", |e| matches!(e, ProofError::NotProof { .. })),
        (
            b"{\"format\":\"candour-receipt\",\"format_version\":9,\"records\":[]}",
            |e| matches!(e, ProofError::UnknownVersion { version: 9, .. }),
        ),
        (
            b"{\"format\":\"candour-export\",\"format_version\":1,\"device_label\":\"x\",\"exported_at\":\"x\",\"record_count\":2,\"records\":[{\"id\":\"a\"}]}",
            |e| matches!(e, ProofError::Damaged { .. }),
        ),
        (
            b"{\"format\":\"candour-export\",\"format_version\":1,\"device_label\":\"x\",\"exported_at\":\"x\",\"record_count\":1,\"records\":[{\"no_id\":1}]}",
            |e| matches!(e, ProofError::Damaged { .. }),
        ),
    ];
    for (bytes, expected) in cases {
        let e = check_proof("picked.json", bytes, &stored).expect_err("refused");
        assert!(expected(&e), "{e:?}");
        let words = e.in_words(&m);
        assert!(words.contains("picked.json"), "{words}");
        assert!(!words.contains('{'), "no placeholder left: {words}");
    }
}

#[test]
fn a_record_whose_questionnaire_is_unknown_has_no_digest() {
    let records = records();
    let digests = stored_digests(&records, &[&default()]);
    assert!(
        digests.is_empty(),
        "answered on the small questionnaire only"
    );
}

#[test]
fn the_receipt_agrees_with_the_independent_javascript_helper() {
    // tests/fixtures/receipt/tablet-a.receipt.json was written by
    // tests/e2e/receipt.mjs, which follows the README's description of the
    // format with Node's own JSON scanning and SHA-256.
    let export = include_str!("../../../tests/fixtures/export-import/tablet-a.json");
    let by_node: Receipt = serde_json::from_str(include_str!(
        "../../../tests/fixtures/receipt/tablet-a.receipt.json"
    ))
    .expect("the helper's receipt reads");
    let ours = build_receipt(
        &[ExportText {
            name: "tablet-a.json",
            text: export,
        }],
        candour_core::time::Timestamp(0),
    )
    .expect("builds");
    assert_eq!(ours.records, by_node.records);
    assert_eq!(ours.files, by_node.files);
    assert_eq!(ours.records.len(), 4);
}
