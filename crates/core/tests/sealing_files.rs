#![cfg(not(target_arch = "wasm32"))]
//! The tablet setup file and the signed export as the tablet writes them.

use candour_core::export::export_record;
use candour_core::export::signed::{
    draft_signed_export, record_digest, Manifest, SignedEnvelope, SignedExportError,
    SignedExportInput, TabletIdentity,
};
use candour_core::seal::{
    read_setup_file, seal_response, write_setup_file, RecordEntry, ResearchPublicKey, SetupError,
};
use candour_testkit::export_support::{default, plausible_records, t};
use candour_testkit::sealing_support::rng;

fn key() -> ResearchPublicKey {
    let mut nine = [0u8; 32];
    nine[0] = 9;
    ResearchPublicKey::from_bytes(&nine).expect("key")
}

#[test]
fn a_setup_file_round_trips_with_and_without_a_questionnaire() {
    let text = write_setup_file(&key(), None, t(0)).expect("writes");
    let setup = read_setup_file(text.as_bytes()).expect("reads");
    assert_eq!(setup.research_key, key());
    assert_eq!(setup.instrument, None);
    let instrument = default();
    let text = write_setup_file(&key(), Some(&instrument), t(0)).expect("writes");
    let setup = read_setup_file(format!("\u{feff}{text}").as_bytes()).expect("reads with a BOM");
    assert_eq!(setup.instrument.as_ref(), Some(&instrument));
    assert!(text.contains(&key().fingerprint()));
}

#[test]
fn a_changed_or_wrong_setup_file_is_refused_in_words() {
    let text = write_setup_file(&key(), None, t(0)).expect("writes");
    let other = {
        let mut b = [0u8; 32];
        b[0] = 10;
        ResearchPublicKey::from_bytes(&b).expect("key")
    };
    // The key swapped for another, fingerprint left: refused, both named.
    let swapped = text.replace(&key().to_base64(), &other.to_base64());
    match read_setup_file(swapped.as_bytes()) {
        Err(e @ SetupError::FingerprintMismatch { .. }) => {
            let words = e.to_string();
            assert!(words.contains(&key().fingerprint()) && words.contains(&other.fingerprint()));
        }
        other => panic!("expected a fingerprint mismatch, got {other:?}"),
    }
    let zero = text.replace(
        &key().to_base64(),
        &candour_core::seal::encode_base64(&[0; 32]),
    );
    let refused = read_setup_file(zero.as_bytes());
    assert_eq!(refused, Err(SetupError::KeyNotValid));
    assert_eq!(
        refused.unwrap_err().to_string(),
        "This tablet setup file is damaged (its research key is not a valid public key). Ask \
         the researcher for a new copy."
    );
    let v2 = text.replace("\"format_version\":1", "\"format_version\":2");
    assert!(read_setup_file(v2.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("format version 2"));
    let export = r#"{"format":"candour-export","format_version":1}"#;
    assert!(read_setup_file(export.as_bytes())
        .unwrap_err()
        .to_string()
        .contains("export of responses"));
    let unversioned = r#"{"format":"candour-tablet-setup"}"#;
    assert_eq!(
        read_setup_file(unversioned.as_bytes()),
        Err(SetupError::NoFormatVersion)
    );
    assert_eq!(
        read_setup_file(b"{}").map_err(|e| e.to_string()),
        Err(
            "This is not a tablet setup file: it has no \"format\": \"candour-tablet-setup\" \
             field. Pick the file the researcher's workbench saved as the tablet setup file."
                .to_owned()
        )
    );
    assert_eq!(read_setup_file(b"\xff\xfe"), Err(SetupError::NotJson));
    let extra = text.replacen('{', "{\"extra\":1,", 1);
    assert!(matches!(
        read_setup_file(extra.as_bytes()),
        Err(SetupError::Damaged { .. })
    ));
    let bad_instrument = text.replacen("}\n", ",\"instrument\":{\"id\":\"x\"}}\n", 1);
    let words = read_setup_file(bad_instrument.as_bytes())
        .unwrap_err()
        .to_string();
    assert!(
        words.contains("questionnaire in this tablet setup file has problems"),
        "{words}"
    );
}

fn tablet() -> TabletIdentity {
    let mut point = vec![4u8];
    point.extend([7u8; 64]);
    TabletIdentity::new("tablet-id-1", "Clinic A, tablet 2", &point)
}

#[test]
fn the_bytes_to_sign_are_the_manifest_exactly_as_it_stands_in_the_file() {
    let instrument = default();
    let records = plausible_records(&instrument, "m", 3);
    let mut entries: Vec<RecordEntry> = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            seal_response(r, &instrument, i as u64 + 5, &key(), &mut rng(i as u64)).expect("seals")
        })
        .collect();
    entries.push(RecordEntry::clear(
        export_record(&records[0], &instrument).expect("export"),
        2,
    ));
    let tablet = tablet();
    let input = SignedExportInput {
        entries: &entries,
        instruments: &[&instrument],
        tablet: &tablet,
        research_key: Some(&key()),
        highest_sequence: 9,
        exported_at: t(100),
    };
    let draft = draft_signed_export(input).expect("drafts");
    let signed = draft.bytes_to_sign().to_vec();
    let text = draft.finish(&[1u8; 64]).expect("finishes");
    assert!(text.ends_with("]}\n"));
    let envelope: SignedEnvelope<'_> = serde_json::from_str(&text).expect("reads");
    assert_eq!(envelope.format_version, 3);
    assert_eq!(envelope.manifest.get().as_bytes(), &signed[..]);
    let manifest: Manifest = serde_json::from_str(envelope.manifest.get()).expect("manifest");
    assert_eq!(manifest.highest_sequence, 9);
    assert_eq!(manifest.tablet, tablet);
    assert_eq!(
        manifest.research_key.expect("key").fingerprint,
        key().fingerprint()
    );
    assert_eq!(manifest.instruments.len(), 1);
    let listed: Vec<(u64, String)> = manifest
        .records
        .iter()
        .map(|r| (r.sequence, r.digest.clone()))
        .collect();
    let in_file: Vec<(u64, String)> = envelope
        .records
        .iter()
        .map(|raw| {
            let entry: RecordEntry = serde_json::from_str(raw.get()).expect("entry");
            (entry.header.sequence, record_digest(raw.get()))
        })
        .collect();
    assert_eq!(listed, in_file);
    assert_eq!(
        listed.iter().map(|l| l.0).collect::<Vec<_>>(),
        vec![5, 6, 7, 2]
    );
}

#[test]
fn a_signed_export_refuses_what_would_mislead() {
    let instrument = default();
    let records = plausible_records(&instrument, "e", 2);
    let clear = |i: usize, seq| {
        RecordEntry::clear(
            export_record(&records[i], &instrument).expect("export"),
            seq,
        )
    };
    let tablet = tablet();
    let input = |entries: &'static [RecordEntry]| SignedExportInput {
        entries,
        instruments: &[],
        tablet: Box::leak(Box::new(tablet.clone())),
        research_key: None,
        highest_sequence: 2,
        exported_at: t(1),
    };
    let twice: &'static [RecordEntry] =
        Box::leak(vec![clear(0, 1), clear(1, 1)].into_boxed_slice());
    let instruments: &'static [&'static candour_core::instrument::Instrument] =
        Box::leak(vec![&*Box::leak(Box::new(instrument.clone()))].into_boxed_slice());
    let mut i = input(twice);
    i.instruments = instruments;
    assert_eq!(
        draft_signed_export(i).unwrap_err(),
        SignedExportError::RepeatedSequence { sequence: 1 }
    );
    let above: &'static [RecordEntry] = Box::leak(vec![clear(0, 3)].into_boxed_slice());
    let mut i = input(above);
    i.instruments = instruments;
    assert!(matches!(
        draft_signed_export(i),
        Err(SignedExportError::SequenceOutOfRange { .. })
    ));
    let ok: &'static [RecordEntry] = Box::leak(vec![clear(0, 1)].into_boxed_slice());
    let missing = input(ok);
    assert!(draft_signed_export(missing)
        .unwrap_err()
        .to_string()
        .contains("not available here"));
    let mut i = input(ok);
    i.instruments = instruments;
    let draft = draft_signed_export(i).expect("drafts");
    assert_eq!(
        draft.clone().finish(&[0; 63]).unwrap_err(),
        SignedExportError::SignatureLength { found: 63 }
    );
    let mut bad = input(ok);
    let mut wrong = tablet.clone();
    wrong.public_key = candour_core::seal::encode_base64(&[4u8; 33]);
    bad.tablet = Box::leak(Box::new(wrong));
    bad.instruments = instruments;
    assert_eq!(
        draft_signed_export(bad).unwrap_err(),
        SignedExportError::TabletKey
    );
}
