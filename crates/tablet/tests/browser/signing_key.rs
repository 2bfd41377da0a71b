//! The tablet's signing key: made once, non-extractable, kept across
//! loads, and its signatures (over a signed export's manifest) verify with
//! WebCrypto against the public half the manifest carries.

use candour_core::export::signed::{
    draft_signed_export, Manifest, SignedEnvelope, SignedExportInput, TabletIdentity,
};
use candour_core::seal::decode_base64;
use candour_core::time::Timestamp;
use candour_tablet::services::signing_key::TabletKey;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{CryptoKey, SubtleCrypto};

fn subtle() -> SubtleCrypto {
    let crypto = web_sys::window().expect("window").crypto().expect("crypto");
    crypto.subtle()
}

fn ecdsa(extra: &str, value: &str) -> Object {
    let o = Object::new();
    Reflect::set(&o, &"name".into(), &"ECDSA".into()).expect("set");
    Reflect::set(&o, &extra.into(), &value.into()).expect("set");
    o
}

/// WebCrypto's own verdict on `signature` over `data` by the raw public key.
async fn verifies(public_raw: &[u8], signature: &[u8], data: &[u8]) -> bool {
    let public: CryptoKey = JsFuture::from(
        subtle()
            .import_key_with_object(
                "raw",
                &Uint8Array::from(public_raw),
                &ecdsa("namedCurve", "P-256"),
                true,
                &Array::of1(&"verify".into()),
            )
            .expect("imports"),
    )
    .await
    .expect("imported")
    .unchecked_into();
    JsFuture::from(
        subtle()
            .verify_with_object_and_u8_array_and_u8_array(
                &ecdsa("hash", "SHA-256"),
                &public,
                signature,
                data,
            )
            .expect("verifies"),
    )
    .await
    .expect("answered")
    .as_bool()
    .unwrap_or(false)
}

async fn fresh(name: &str) {
    let factory = web_sys::window()
        .expect("window")
        .indexed_db()
        .expect("idb")
        .expect("idb");
    let req = factory.delete_database(name).expect("deletes");
    let _ = candour_tablet::services::idb_request::request(&req).await;
}

#[wasm_bindgen_test]
async fn the_key_is_made_once_kept_and_its_private_half_never_leaves() {
    let name = "test-signing-key-kept";
    fresh(name).await;
    let first = TabletKey::load_or_create_in(name).await.expect("made");
    assert_eq!(first.public_raw.len(), 65);
    assert_eq!(first.public_raw[0], 4, "an uncompressed point");
    assert_eq!(first.tablet_id.len(), 36);
    let fingerprint = first.fingerprint();
    assert_eq!(fingerprint.split(' ').count(), 4, "{fingerprint}");
    let again = TabletKey::load_or_create_in(name).await.expect("read back");
    assert!(first == again, "a second load gives the same key and id");
    // The kept private key cannot be exported, in any format.
    let db_key = read_private(name).await;
    assert!(!db_key.extractable());
    let exported = subtle().export_key("pkcs8", &db_key).expect("a promise");
    assert!(JsFuture::from(exported).await.is_err());
}

/// The private `CryptoKey` as kept in IndexedDB.
async fn read_private(name: &str) -> CryptoKey {
    let factory = web_sys::window()
        .expect("window")
        .indexed_db()
        .expect("idb")
        .expect("idb");
    let open = factory.open(name).expect("opens");
    let db: web_sys::IdbDatabase = candour_tablet::services::idb_request::request(&open)
        .await
        .expect("open")
        .unchecked_into();
    let tx = db.transaction_with_str("keys").expect("tx");
    let get = tx
        .object_store("keys")
        .expect("store")
        .get(&"tablet".into())
        .expect("get");
    let value = candour_tablet::services::idb_request::request(&get)
        .await
        .expect("value");
    let key = Reflect::get(&value, &"privateKey".into())
        .expect("field")
        .unchecked_into();
    db.close();
    key
}

#[wasm_bindgen_test]
async fn a_signed_export_verifies_with_the_public_key_its_manifest_names() {
    let name = "test-signing-key-export";
    fresh(name).await;
    let key = TabletKey::load_or_create_in(name).await.expect("made");
    let tablet = TabletIdentity::new(&key.tablet_id, "Clinic A, tablet 2", &key.public_raw);
    let draft = draft_signed_export(SignedExportInput {
        entries: &[],
        instruments: &[],
        tablet: &tablet,
        research_key: None,
        highest_sequence: 0,
        exported_at: Timestamp(1_800_000_000_000),
    })
    .expect("drafts");
    let to_sign = draft.bytes_to_sign().to_vec();
    let signature = key.sign(&to_sign).await.expect("signs");
    assert_eq!(signature.len(), 64, "P1363 r||s");
    let text = draft.finish(&signature).expect("finishes");
    let envelope: SignedEnvelope<'_> = serde_json::from_str(&text).expect("reads");
    let manifest: Manifest = serde_json::from_str(envelope.manifest.get()).expect("manifest");
    let named = decode_base64(&manifest.tablet.public_key).expect("base64");
    let sig = decode_base64(&envelope.signature.value).expect("base64");
    assert!(verifies(&named, &sig, envelope.manifest.get().as_bytes()).await);
    // One changed byte of the manifest: the signature no longer holds.
    let mut changed = envelope.manifest.get().as_bytes().to_vec();
    changed[10] ^= 1;
    assert!(!verifies(&named, &sig, &changed).await);
}
