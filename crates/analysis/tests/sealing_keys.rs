#![cfg(not(target_arch = "wasm32"))]
//! The research key file (Argon2id and AES-256-GCM) and signatures made
//! the way WebCrypto makes them.

use candour_analysis::sealing::{
    begin_research_key, check_new_passphrase, key_file_public_key, open_key_file, verify_p1363,
    write_key_file, KdfCost, KeyFileDamage, KeyFileError, LockedKeyFile, NewKeyFile,
    ResearchKeyPair,
};
use candour_core::seal::decode_base64;
use candour_kdf::{answer, read_reply};
use candour_testkit::export_support::t;
use candour_testkit::sealing_support::{rng, Broken};
use serde_json::Value;

const PASSPHRASE: &str = "correct horse battery staple";
const WEBCRYPTO: &str = include_str!("../../../tests/fixtures/sealing/webcrypto-signatures.json");

#[test]
fn a_key_file_opens_with_its_passphrase_only() {
    let pair = ResearchKeyPair::generate(&mut rng(1)).expect("key pair");
    let text =
        write_key_file(&pair, PASSPHRASE, KdfCost::RECOMMENDED, t(0), &mut rng(2)).expect("writes");
    let file: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(file["kdf"]["algorithm"], "argon2id");
    assert_eq!(file["kdf"]["memory_kib"], 65536);
    assert_eq!(file["kdf"]["iterations"], 3);
    assert_eq!(file["kdf"]["parallelism"], 1);
    assert_eq!(file["fingerprint"], pair.fingerprint());
    assert!(!text.contains(&candour_core::seal::encode_base64(&[0u8; 4])));
    assert_eq!(
        key_file_public_key(text.as_bytes()).expect("public key"),
        *pair.public()
    );

    let opened = open_key_file(text.as_bytes(), PASSPHRASE).expect("opens");
    assert_eq!(opened.public(), pair.public());

    let wrong = open_key_file(text.as_bytes(), "correct horse battery stapler").unwrap_err();
    assert_eq!(wrong, KeyFileError::WrongPassphrase);
    assert!(wrong
        .to_string()
        .starts_with("The passphrase does not open this key file."));
    // Any changed setting is bound to the sealed key: it no longer opens.
    let weaker = text.replace("\"iterations\": 3", "\"iterations\": 2");
    assert_ne!(weaker, text);
    assert_eq!(
        open_key_file(weaker.as_bytes(), PASSPHRASE).unwrap_err(),
        KeyFileError::WrongPassphrase
    );
    let other = ResearchKeyPair::generate(&mut rng(3)).expect("key pair");
    let swapped = text
        .replace(&pair.public().to_base64(), &other.public().to_base64())
        .replace(&pair.fingerprint(), &other.fingerprint());
    assert_eq!(
        open_key_file(swapped.as_bytes(), PASSPHRASE).unwrap_err(),
        KeyFileError::WrongPassphrase
    );
    let greedy = text.replace("\"memory_kib\": 65536", "\"memory_kib\": 4194304");
    // Refused before any derivation: reading alone says so.
    assert_eq!(
        LockedKeyFile::read(greedy.as_bytes()).err(),
        Some(KeyFileError::Damaged {
            damage: KeyFileDamage::TooCostly
        })
    );
}

/// The workbench derives in a background worker: the key file is read,
/// the derivation goes out as bytes and the key comes back as bytes. That
/// path writes and opens exactly what the one-step functions do.
#[test]
fn deriving_through_the_worker_messages_writes_and_opens_the_same_files() {
    let pair = ResearchKeyPair::generate(&mut rng(1)).expect("key pair");
    let one_step =
        write_key_file(&pair, PASSPHRASE, KdfCost::RECOMMENDED, t(0), &mut rng(2)).expect("writes");
    let file = NewKeyFile::new(&pair, KdfCost::RECOMMENDED, t(0), &mut rng(2)).expect("starts");
    let key = read_reply(&answer(&file.derivation(PASSPHRASE).to_bytes())).expect("derived");
    assert_eq!(file.seal(&key).expect("seals"), one_step);

    let locked = LockedKeyFile::read(one_step.as_bytes()).expect("reads");
    let key = read_reply(&answer(&locked.derivation(PASSPHRASE).to_bytes())).expect("derived");
    assert_eq!(locked.open(&key).expect("opens").public(), pair.public());
    let wrong =
        read_reply(&answer(&locked.derivation("not the passphrase").to_bytes())).expect("derived");
    assert_eq!(
        locked.open(&wrong).err(),
        Some(KeyFileError::WrongPassphrase)
    );

    let begin = || {
        begin_research_key(
            PASSPHRASE,
            PASSPHRASE,
            None,
            KdfCost::RECOMMENDED,
            t(0),
            &mut rng(5),
        )
        .expect("begun")
    };
    let made = begin().finish_here().expect("made");
    let draft = begin();
    let key = read_reply(&answer(&draft.derivation().to_bytes())).expect("derived");
    assert_eq!(draft.finish(&key).expect("finished"), made);
}

#[test]
fn key_files_are_refused_in_words() {
    assert_eq!(
        check_new_passphrase("short", "short"),
        Err(KeyFileError::PassphraseTooShort)
    );
    assert_eq!(
        check_new_passphrase(PASSPHRASE, "something else!"),
        Err(KeyFileError::PassphrasesDiffer)
    );
    let pair = ResearchKeyPair::generate(&mut rng(4)).expect("key pair");
    assert_eq!(
        write_key_file(&pair, PASSPHRASE, KdfCost::RECOMMENDED, t(0), &mut Broken).unwrap_err(),
        KeyFileError::NoRandomness
    );
    assert!(ResearchKeyPair::generate(&mut Broken).is_none());
    let setup = candour_core::seal::write_setup_file(pair.public(), None, t(0)).expect("setup");
    assert_eq!(
        open_key_file(setup.as_bytes(), PASSPHRASE).unwrap_err().to_string(),
        "This is not a Candour research key file: it is a tablet setup file, which holds only the public key."
    );
    let newer = r#"{"format":"candour-research-key","format_version":2}"#;
    assert_eq!(
        open_key_file(newer.as_bytes(), PASSPHRASE).unwrap_err(),
        KeyFileError::UnknownVersion { found: 2 }
    );
    assert!(matches!(
        open_key_file(b"[1]", PASSPHRASE),
        Err(KeyFileError::NotKeyFile { .. })
    ));
}

#[test]
fn signatures_made_by_webcrypto_verify() {
    let file: Value = serde_json::from_str(WEBCRYPTO).expect("fixture");
    let key = decode_base64(file["public_key"].as_str().expect("key")).expect("base64");
    assert_eq!(key.len(), 65);
    let signatures = file["signatures"].as_array().expect("list");
    let mut high_s = 0;
    for s in signatures {
        let message = s["message"].as_str().expect("message").as_bytes();
        let signature = decode_base64(s["signature"].as_str().expect("sig")).expect("base64");
        assert_eq!(signature.len(), 64, "P1363 r||s");
        assert!(
            verify_p1363(&key, message, &signature),
            "a WebCrypto signature verifies"
        );
        // WebCrypto does not normalise s: count the high ones (s > n/2).
        if signature[32] >= 0x80 {
            high_s += 1;
        }
        let mut changed = message.to_vec();
        changed[5] ^= 1;
        assert!(
            !verify_p1363(&key, &changed, &signature),
            "a changed message"
        );
        let mut bad = signature.clone();
        bad[63] ^= 1;
        assert!(!verify_p1363(&key, message, &bad), "a changed signature");
    }
    assert!(
        high_s > 0,
        "the fixture includes high-s signatures, which must verify too"
    );
    assert!(!verify_p1363(&key[..64], b"x", &[0; 64]));
}
