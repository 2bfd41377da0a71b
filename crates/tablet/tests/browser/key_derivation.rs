//! WebCrypto's PBKDF2 derives exactly what the core's native tests pin with
//! the `pbkdf2` crate, Python's hashlib and RFC 7914's vectors: the stored
//! format is the same whichever implementation made it.

use candour_core::hash::to_hex;
use candour_core::researcher::slow_hash::{Derivation, ROUNDS};
use candour_tablet::services::key_derivation::derive_key;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn webcrypto_derives_the_native_vectors() {
    // crates/core/tests/researcher_secrets.rs: PIN "402718", salt 16 x 7,
    // 600,000 rounds.
    let pin = derive_key("402718", &Derivation::new([7; 16]))
        .await
        .expect("derives");
    assert_eq!(ROUNDS, 600_000);
    assert_eq!(
        to_hex(&pin),
        "561b1636bf237c9d1a531e73d8732a7aa51035bdbaa01c988d5685761c3850a1"
    );
    // The recovery-code vector, 1,000 rounds.
    let code = derive_key(
        "ABCDEFGHJKMNPQRSTVWX",
        &Derivation {
            salt: vec![9; 16],
            rounds: 1_000,
        },
    )
    .await
    .expect("derives");
    assert_eq!(
        to_hex(&code),
        "689de8a91d0f2da1b644bb9f978595f7c66c7a137abb63d7d78b5eecd542be6e"
    );
}

#[wasm_bindgen_test]
async fn a_stored_hash_matches_its_pin_only() {
    let derivation = Derivation {
        salt: vec![3; 16],
        rounds: 2_000,
    };
    let stored = derivation.hash_of(&derive_key("402718", &derivation).await.expect("derives"));
    let again = stored.derivation().expect("readable");
    assert!(stored.matches(&derive_key("402718", &again).await.expect("derives")));
    assert!(!stored.matches(&derive_key("402719", &again).await.expect("derives")));
}
