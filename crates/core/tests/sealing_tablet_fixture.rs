#![cfg(not(target_arch = "wasm32"))]
//! The end-to-end test's research key (`tests/e2e/sealing.test.mjs`): a
//! tablet setup file made from a fixed, published test secret, so the test
//! can open what the tablet sealed; and the opener it runs on the export it
//! downloaded (`CANDOUR_SEALED_EXPORT=… cargo test -p candour-core --test
//! sealing_tablet_fixture -- --ignored --nocapture`), which opens every
//! sealed entry with an independent HPKE implementation (`hpke-rs`) and
//! prints the records, one JSON line each.
//!
//! The secret is a test key only: nothing real is ever sealed to it.

use candour_core::export::signed::{record_digest, Manifest, SignedEnvelope};
use candour_core::seal::{
    write_setup_file, EntryBody, RecordEntry, ResearchPublicKey, RECORD_INFO,
};
use candour_core::time::Timestamp;
use candour_testkit::fixture_files::check_fixture_files;
use hpke_rs::{Hpke, HpkePrivateKey, Mode};
use hpke_rs_crypto::types::{AeadAlgorithm, KdfAlgorithm, KemAlgorithm};
use hpke_rs_rust_crypto::HpkeRustCrypto;

/// The seed the test key pair is derived from (RFC 9180 `DeriveKeyPair`).
const SEED: [u8; 32] = [0x5e; 32];

fn hpke() -> Hpke<HpkeRustCrypto> {
    Hpke::new(
        Mode::Base,
        KemAlgorithm::DhKem25519,
        KdfAlgorithm::HkdfSha256,
        AeadAlgorithm::Aes256Gcm,
    )
}

fn key_pair() -> (HpkePrivateKey, ResearchPublicKey) {
    let (secret, public) = hpke().derive_key_pair(&SEED).expect("derives").into_keys();
    (
        secret,
        ResearchPublicKey::from_bytes(public.as_slice()).expect("a valid key"),
    )
}

#[test]
fn the_end_to_end_setup_file_is_made_from_the_test_key() {
    let (_, public) = key_pair();
    let setup = write_setup_file(&public, None, Timestamp(1_800_000_000_000)).expect("writes");
    check_fixture_files(
        "sealing",
        &[
            ("tablet-setup.json", setup),
            (
                "tablet-setup.fingerprint",
                format!("{}\n", public.fingerprint()),
            ),
        ],
    );
}

#[test]
#[ignore = "run by tests/e2e/sealing.test.mjs on the export it downloaded"]
fn open_the_export_the_end_to_end_test_downloaded() {
    let path = std::env::var("CANDOUR_SEALED_EXPORT").expect("CANDOUR_SEALED_EXPORT");
    let text = std::fs::read_to_string(path).expect("reads the export");
    let envelope: SignedEnvelope<'_> = serde_json::from_str(&text).expect("a signed export");
    assert_eq!(envelope.format_version, 3);
    let manifest: Manifest = serde_json::from_str(envelope.manifest.get()).expect("manifest");
    assert_eq!(manifest.records.len(), envelope.records.len());
    let (secret, public) = key_pair();
    for (listed, raw) in manifest.records.iter().zip(&envelope.records) {
        assert_eq!(
            listed.digest,
            record_digest(raw.get()),
            "digest of {}",
            listed.id
        );
        let entry: RecordEntry = serde_json::from_str(raw.get()).expect("an entry");
        let EntryBody::Sealed(sealed) = &entry.body else {
            panic!("record {} is not sealed", listed.id);
        };
        assert_eq!(sealed.key, public.fingerprint());
        let plain = hpke()
            .open(
                &sealed.enc,
                &secret,
                RECORD_INFO,
                &entry.header.aad(),
                &sealed.ciphertext,
                None,
                None,
                None,
            )
            .expect("opens");
        println!("{}", String::from_utf8(plain).expect("UTF-8"));
    }
}
