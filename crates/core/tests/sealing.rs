#![cfg(not(target_arch = "wasm32"))]
//! Sealing as the tablet does it: checked against RFC 9180's published test
//! vector for this suite, and opened by an independent HPKE implementation
//! (`hpke-rs` with its RustCrypto provider).

use candour_core::export::export_record;
use candour_core::seal::{
    seal_bytes, seal_response, EntryBody, RecordEntry, ResearchPublicKey, SealError, RECORD_INFO,
    SUITE,
};
use candour_testkit::export_support::{default, plausible_records};
use candour_testkit::sealing_support::{hex, rng, Broken, Replay};
use hpke_rs::{Hpke, HpkePrivateKey, Mode};
use hpke_rs_crypto::types::{AeadAlgorithm, KdfAlgorithm, KemAlgorithm};
use hpke_rs_rust_crypto::HpkeRustCrypto;
use serde_json::Value;

const VECTOR: &str =
    include_str!("../../../tests/fixtures/sealing/rfc9180-base-x25519-sha256-aes256gcm.json");

fn independent() -> Hpke<HpkeRustCrypto> {
    Hpke::new(
        Mode::Base,
        KemAlgorithm::DhKem25519,
        KdfAlgorithm::HkdfSha256,
        AeadAlgorithm::Aes256Gcm,
    )
}

/// A research key pair made by the independent implementation.
fn key_pair() -> (HpkePrivateKey, ResearchPublicKey) {
    let pair = independent()
        .derive_key_pair(&[42u8; 32])
        .expect("key pair");
    let (secret, public) = pair.into_keys();
    let public = ResearchPublicKey::from_bytes(public.as_slice()).expect("a valid key");
    (secret, public)
}

fn sealed(entry: &RecordEntry) -> &candour_core::seal::SealedContent {
    match &entry.body {
        EntryBody::Sealed(s) => s,
        EntryBody::Clear(_) => panic!("not sealed"),
    }
}

#[test]
fn sealing_reproduces_the_rfc_9180_test_vector() {
    let file: Value = serde_json::from_str(VECTOR).expect("vector JSON");
    let v = &file["vector"];
    let field = |name: &str| hex(v[name].as_str().expect("field"));
    assert_eq!(
        (v["mode"].as_u64(), v["kem_id"].as_u64()),
        (Some(0), Some(32))
    );
    assert_eq!(
        (v["kdf_id"].as_u64(), v["aead_id"].as_u64()),
        (Some(1), Some(2))
    );
    let key = ResearchPublicKey::from_bytes(&field("pkRm")).expect("pkRm is a valid key");
    let e = &v["encryptions"][0];
    let (enc, ct) = seal_bytes(
        &key,
        &field("info"),
        &hex(e["aad"].as_str().expect("aad")),
        &hex(e["pt"].as_str().expect("pt")),
        &mut Replay(field("ikmE")),
    )
    .expect("seals");
    assert_eq!(enc, field("enc"), "encapsulated key");
    assert_eq!(ct, hex(e["ct"].as_str().expect("ct")), "ciphertext");
}

#[test]
fn a_sealed_record_is_opened_by_an_independent_implementation() {
    let (secret, key) = key_pair();
    let instrument = default();
    for (n, record) in plausible_records(&instrument, "s", 5).iter().enumerate() {
        let sequence = n as u64 + 1;
        let entry =
            seal_response(record, &instrument, sequence, &key, &mut rng(n as u64)).expect("seals");
        assert_eq!(entry.header.sequence, sequence);
        assert_eq!(entry.header.id, record.id);
        let s = sealed(&entry);
        assert_eq!(s.suite, SUITE);
        assert_eq!(s.key, key.fingerprint());
        let plain = independent()
            .open(
                &s.enc,
                &secret,
                RECORD_INFO,
                &entry.header.aad(),
                &s.ciphertext,
                None,
                None,
                None,
            )
            .expect("hpke-rs opens it");
        let expected =
            serde_json::to_vec(&export_record(record, &instrument).expect("export")).expect("json");
        assert_eq!(
            plain, expected,
            "the plaintext is the record as export v1 writes it"
        );
        // Nothing of the answers is readable in the stored entry.
        let stored = entry.to_json().expect("json");
        assert!(!stored.contains("answers") && !stored.contains("paradata"));
        assert!(!stored.contains(&record.locale) || record.locale.len() < 3);
    }
}

#[test]
fn every_record_gets_a_fresh_context_and_the_header_is_bound() {
    let (secret, key) = key_pair();
    let instrument = default();
    let record = &plausible_records(&instrument, "f", 1)[0];
    let mut rng = rng(7);
    let a = seal_response(record, &instrument, 1, &key, &mut rng).expect("seals");
    let b = seal_response(record, &instrument, 1, &key, &mut rng).expect("seals");
    assert_ne!(
        sealed(&a).enc,
        sealed(&b).enc,
        "a fresh ephemeral key per record"
    );
    assert_ne!(sealed(&a).ciphertext, sealed(&b).ciphertext);

    let open = |header: &candour_core::seal::RecordHeader,
                s: &candour_core::seal::SealedContent| {
        independent()
            .open(
                &s.enc,
                &secret,
                RECORD_INFO,
                &header.aad(),
                &s.ciphertext,
                None,
                None,
                None,
            )
            .is_ok()
    };
    assert!(open(&a.header, sealed(&a)));
    // Any change to the clear header breaks the seal.
    let mut h = a.header.clone();
    h.sequence = 2;
    assert!(!open(&h, sealed(&a)), "sequence");
    let mut h = a.header.clone();
    h.status = candour_core::record::Status::Partial;
    assert!(!open(&h, sealed(&a)), "status");
    let mut h = a.header.clone();
    h.ended_at = candour_core::time::Timestamp(h.ended_at.0 + 1);
    assert!(!open(&h, sealed(&a)), "end time");
    let mut h = a.header.clone();
    h.instrument.version = "9".into();
    assert!(!open(&h, sealed(&a)), "instrument");
    // And any changed byte of the ciphertext or the encapsulated key.
    let mut s = sealed(&a).clone();
    s.ciphertext[100] ^= 1;
    assert!(!open(&a.header, &s), "ciphertext");
    let mut s = sealed(&a).clone();
    s.enc[0] ^= 1;
    assert!(!open(&a.header, &s), "encapsulated key");
}

#[test]
fn the_aad_is_the_prefix_and_the_header_json() {
    let (_, key) = key_pair();
    let instrument = default();
    let record = &plausible_records(&instrument, "x", 1)[0];
    let entry = seal_response(record, &instrument, 17, &key, &mut rng(1)).expect("seals");
    let aad = String::from_utf8(entry.header.aad()).expect("utf-8");
    let json = aad
        .strip_prefix("candour sealed record header v1\n")
        .expect("prefix");
    assert!(json.starts_with(&format!(
        "{{\"sequence\":17,\"id\":\"{}\",\"status\":",
        record.id
    )));
    // The entry reads back the same.
    let back: RecordEntry = serde_json::from_str(&entry.to_json().expect("json")).expect("reads");
    assert_eq!(back, entry);
}

#[test]
fn failing_randomness_is_an_error_in_words() {
    let (_, key) = key_pair();
    let instrument = default();
    let record = &plausible_records(&instrument, "r", 1)[0];
    let err = seal_response(record, &instrument, 1, &key, &mut Broken).expect_err("no randomness");
    assert_eq!(err, SealError::NoRandomness);
    assert!(err.to_string().contains("still kept on this tablet"));
}

#[test]
fn entries_must_be_either_sealed_or_clear() {
    let instrument = default();
    let record =
        export_record(&plausible_records(&instrument, "c", 1)[0], &instrument).expect("export");
    let clear = RecordEntry::clear(record, 3);
    let text = clear.to_json().expect("json");
    assert!(text.starts_with("{\"header\":{\"sequence\":3,"));
    assert_eq!(
        serde_json::from_str::<RecordEntry>(&text).expect("reads"),
        clear
    );
    let header = serde_json::to_string(&clear.header).expect("json");
    assert!(serde_json::from_str::<RecordEntry>(&format!("{{\"header\":{header}}}")).is_err());
    let both = text.replacen(
        "\"clear\":",
        "\"sealed\":{\"suite\":\"x\",\"key\":\"k\",\"enc\":\"\",\"ciphertext\":\"\"},\"clear\":",
        1,
    );
    assert!(serde_json::from_str::<RecordEntry>(&both).is_err());
}
