#![cfg(not(target_arch = "wasm32"))]
//! The stored PIN and recovery-code hashes, pinned to an independent
//! PBKDF2-HMAC-SHA256 (the `pbkdf2` crate) and to published vectors: the
//! browser derives the keys with WebCrypto's `deriveBits`, and its browser
//! test checks WebCrypto gives the same bytes for [`FORMAT_VECTOR`].

use candour_core::hash::to_hex;
use candour_core::researcher::lockout::Lockout;
use candour_core::researcher::recovery::{new_recovery_code, normalise_recovery_code};
use candour_core::researcher::secrets::{
    clear_code_unshown, code_unshown, load_lockout, load_pin, load_recovery, mark_code_unshown,
    save_lockout, save_pin, save_recovery, LOCKOUT_KEY, PIN_KEY, RECOVERY_UNSHOWN_KEY,
};
use candour_core::researcher::slow_hash::{Derivation, SlowHash, KDF, KEY_BYTES, ROUNDS};
use candour_core::storage::KeyValueStore;
use candour_testkit::memory_store::MemoryStore;
use sha2::Sha256;

/// PIN "402718", salt 16 bytes of 7, 600,000 rounds: the derived key, as
/// `pbkdf2` (and Python's hashlib) compute it; the browser test checks
/// WebCrypto derives the same.
const FORMAT_VECTOR: &str = "561b1636bf237c9d1a531e73d8732a7aa51035bdbaa01c988d5685761c3850a1";

fn pbkdf2(secret: &[u8], salt: &[u8], rounds: u32, len: usize) -> Vec<u8> {
    let mut key = vec![0u8; len];
    pbkdf2::pbkdf2_hmac::<Sha256>(secret, salt, rounds, &mut key);
    key
}

#[test]
fn pbkdf2_hmac_sha256_matches_the_published_vectors() {
    // RFC 7914, section 11.
    assert_eq!(
        to_hex(&pbkdf2(b"passwd", b"salt", 1, 64)),
        "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
         49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
    );
    assert_eq!(
        to_hex(&pbkdf2(b"Password", b"NaCl", 80_000, 64)),
        "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56\
         a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"
    );
}

#[test]
fn a_new_hash_is_600000_rounds_of_pbkdf2_and_matches_only_its_secret() {
    let derivation = Derivation::new([7; 16]);
    assert_eq!(derivation.rounds, ROUNDS);
    assert_eq!(ROUNDS, 600_000, "the OWASP figure for PBKDF2-HMAC-SHA256");
    let key = pbkdf2(b"402718", &derivation.salt, derivation.rounds, KEY_BYTES);
    assert_eq!(to_hex(&key), FORMAT_VECTOR);
    let stored = derivation.hash_of(&key);
    assert_eq!(stored.kdf, KDF);
    assert_eq!(stored.salt, "07".repeat(16));
    assert_eq!(stored.hash, FORMAT_VECTOR);
    assert!(!stored.needs_upgrade());
    // Derived again the way the browser does: from what is stored.
    let again = stored.derivation().expect("readable");
    assert_eq!(again, derivation);
    assert!(stored.matches(&key));
    assert!(!stored.matches(&key[..31]), "a shorter key never matches");
}

#[test]
fn only_the_right_secret_and_salt_match() {
    // Fewer rounds than a real hash: the comparison does not depend on them,
    // and the test stays quick.
    let derivation = Derivation {
        salt: vec![7; 16],
        rounds: 1_000,
    };
    let stored = derivation.hash_of(&pbkdf2(b"402718", &derivation.salt, 1_000, KEY_BYTES));
    let d = stored.derivation().expect("readable");
    assert!(stored.matches(&pbkdf2(b"402718", &d.salt, d.rounds, KEY_BYTES)));
    assert!(!stored.matches(&pbkdf2(b"402719", &d.salt, d.rounds, KEY_BYTES)));
    assert!(!stored.matches(&pbkdf2(b"402718", &[8; 16], d.rounds, KEY_BYTES)));
    assert!(stored.needs_upgrade(), "fewer rounds than a new hash");
}

#[test]
fn the_first_builds_hash_still_unlocks_and_is_upgraded() {
    // As the first build stored it: 100,000 rounds, no "kdf" field.
    let salt = [3u8; 16];
    let old_key = pbkdf2(b"402718", &salt, 100_000, KEY_BYTES);
    assert_eq!(
        to_hex(&old_key),
        "1218d96a87195ff1290806ad2ab09a273c0f6e44a3e9cb3639e746e03dcea9f0"
    );
    let old: SlowHash = serde_json::from_str(&format!(
        r#"{{"salt":"{}","rounds":100000,"hash":"{}"}}"#,
        to_hex(&salt),
        to_hex(&old_key)
    ))
    .expect("reads");
    assert!(old.needs_upgrade());
    let d = old.derivation().expect("readable");
    assert_eq!(d.rounds, 100_000);
    assert!(old.matches(&pbkdf2(b"402718", &d.salt, d.rounds, KEY_BYTES)));
}

#[test]
fn a_damaged_stored_hash_never_matches() {
    let key = pbkdf2(b"402718", &[7; 16], 1, KEY_BYTES);
    let good = Derivation {
        salt: vec![7; 16],
        rounds: 1,
    }
    .hash_of(&key);
    assert!(good.matches(&key));
    for damaged in [
        SlowHash {
            salt: "zz".into(),
            ..good.clone()
        },
        SlowHash {
            hash: "ab".into(),
            ..good.clone()
        },
        SlowHash {
            rounds: 0,
            ..good.clone()
        },
        SlowHash {
            kdf: "md5".into(),
            ..good.clone()
        },
    ] {
        assert!(damaged.derivation().is_none(), "{damaged:?}");
        assert!(!damaged.matches(&key), "{damaged:?}");
    }
}

#[test]
fn a_recovery_code_is_hashed_in_its_normal_form() {
    let code = new_recovery_code([0x5a; 16]);
    let plain = normalise_recovery_code(&code).expect("reads back");
    let derivation = Derivation {
        salt: vec![9; 16],
        rounds: 1_000,
    };
    let stored = derivation.hash_of(&pbkdf2(
        plain.as_bytes(),
        &derivation.salt,
        1_000,
        KEY_BYTES,
    ));
    // Typed back in lower case, with spaces instead of dashes: the same.
    let typed = normalise_recovery_code(&code.to_lowercase().replace('-', " ")).expect("reads");
    assert!(stored.matches(&pbkdf2(
        typed.as_bytes(),
        &derivation.salt,
        1_000,
        KEY_BYTES
    )));
    // The browser test's recovery vector (Python's hashlib agrees).
    assert_eq!(
        to_hex(&pbkdf2(b"ABCDEFGHJKMNPQRSTVWX", &[9; 16], 1_000, KEY_BYTES)),
        "689de8a91d0f2da1b644bb9f978595f7c66c7a137abb63d7d78b5eecd542be6e"
    );
}

#[test]
fn hashes_and_lockout_round_trip_and_damage_is_safe() {
    let mut store = MemoryStore::new();
    assert_eq!(load_pin(&store), Ok(None));
    assert_eq!(load_recovery(&store), Ok(None));
    let pin = Derivation::new([1; 16]).hash_of(&[9; 32]);
    save_pin(&mut store, &pin).expect("save");
    assert_eq!(load_pin(&store), Ok(Some(pin.clone())));
    let code = Derivation::new([2; 16]).hash_of(&[8; 32]);
    save_recovery(&mut store, &code).expect("save");
    assert_eq!(load_recovery(&store), Ok(Some(code)));
    store.set(PIN_KEY, "garbage").expect("damage");
    assert!(
        load_pin(&store).is_err(),
        "a damaged PIN is never treated as no PIN"
    );

    let mut lockout = Lockout::default();
    lockout.attempt(false);
    save_lockout(&mut store, &lockout).expect("save");
    assert_eq!(load_lockout(&store), lockout);
    store.set(LOCKOUT_KEY, "garbage").expect("damage");
    assert_eq!(load_lockout(&store).failures, 4);
}

#[test]
fn a_pin_stored_by_the_first_build_still_reads_and_asks_for_an_upgrade() {
    let mut store = MemoryStore::new();
    // As the first build wrote it: no "kdf", 100,000 rounds.
    store
        .set(
            PIN_KEY,
            &format!(
                r#"{{"format":1,"kind":"pin","data":{{"salt":"{}","rounds":100000,"hash":"{}"}}}}"#,
                "07".repeat(16),
                "ab".repeat(32)
            ),
        )
        .expect("set");
    let stored = load_pin(&store).expect("reads").expect("a PIN");
    assert_eq!(stored.kdf, KDF);
    assert_eq!(stored.rounds, 100_000);
    assert!(stored.needs_upgrade());
    assert_eq!(stored.derivation().map(|d| d.rounds), Some(100_000));
}

/// A recovery code is marked unshown until confirmed, so a code whose
/// screen went away is replaced (and shown) at the next right PIN; the mark
/// is its own key, touches neither hash, and is cleared only by the code it
/// names (a stale screen confirming an older code clears nothing).
#[test]
fn a_recovery_code_is_unshown_until_confirmed() {
    let mut store = MemoryStore::default();
    assert!(!code_unshown(&store), "no mark on a new tablet");
    mark_code_unshown(&mut store, "first").expect("marks");
    assert!(code_unshown(&store));
    assert_eq!(load_pin(&store).expect("reads"), None);
    assert_eq!(load_recovery(&store).expect("reads"), None);
    mark_code_unshown(&mut store, "second").expect("marks the newer code");
    clear_code_unshown(&mut store, "first").expect("a stale confirmation");
    assert!(code_unshown(&store), "the newer code is still unseen");
    assert_eq!(
        store.get(RECOVERY_UNSHOWN_KEY).expect("reads"),
        Some("second".to_owned())
    );
    clear_code_unshown(&mut store, "second").expect("clears");
    assert!(!code_unshown(&store));
    clear_code_unshown(&mut store, "second").expect("clearing twice is harmless");
}
