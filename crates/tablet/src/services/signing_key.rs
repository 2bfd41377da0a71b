//! The tablet's own signing key (issue 14): an ECDSA P-256 key pair made by
//! WebCrypto as **non-extractable**, so its private half can sign but never
//! be read, copied or exported, not even by this app. The `CryptoKey`
//! objects are kept in IndexedDB (which stores them by structured clone,
//! the private half still unreadable) in a database of their own, with a
//! random tablet id made at the same time.
//!
//! Every export is signed with it ([`TabletKey::sign`]); its public half
//! (the 65-byte uncompressed point WebCrypto exports as `raw`) goes into
//! each export's manifest, and its fingerprint is shown in the staff area.
//! Signatures are what WebCrypto returns for ECDSA: IEEE P1363 `r||s`, 64
//! bytes, verified in the workbench with the `p256` crate.
//!
//! Example: `tests/browser/hook_examples.rs`, compiled and run with the
//! browser tests.

use crate::services::idb_request::{complete, read_error, request, request_within, thrown};
use crate::services::web_crypto::{refusal, subtle_crypto};
use candour_core::id::uuid_v4;
use candour_core::messages::Messages;
use candour_core::seal::fingerprint;
use candour_core::storage::StoreError;
use js_sys::{Array, Object, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, IdbDatabase, IdbOpenDbRequest, IdbTransactionMode, SubtleCrypto};

/// The database the key is kept in (apart from the records, so that no
/// code that reads or clears records ever touches it).
pub const KEY_DB_NAME: &str = "candour-tablet-key";
/// Its one object store.
const KEY_STORE: &str = "keys";
/// The key the tablet's key pair is kept under.
const TABLET_KEY: &str = "tablet";
/// How long opening may take before it counts as unavailable.
const OPEN_TIMEOUT_MS: i32 = 5_000;

/// Why the tablet cannot sign. Each says what it means for the export.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SigningError {
    /// No WebCrypto (an old browser, or a page not served over https or
    /// from this device).
    #[error(
        "This browser cannot make a signing key (it has no Web Crypto), so exports cannot be \
         signed. Open Candour in an up-to-date Chrome, Edge, Firefox or Safari, from its https \
         address."
    )]
    NoCrypto,
    /// WebCrypto has no ECDSA P-256, or refused to make or use the key.
    #[error(
        "This browser refused to make or use the tablet's signing key ({0}), so exports cannot \
         be signed."
    )]
    Refused(String),
    /// The key could not be kept (IndexedDB missing, full, or refusing to
    /// store a key object).
    #[error(
        "This browser cannot keep the tablet's signing key ({0}), so exports cannot be signed."
    )]
    NotKept(String),
    /// As [`SigningError::Refused`], for a reason the app names itself.
    #[error(
        "This browser refused to make or use the tablet's signing key ({0}), so exports cannot \
         be signed."
    )]
    RefusedBecause(KeyFault),
    /// As [`SigningError::NotKept`], for a reason the app names itself.
    #[error(
        "This browser cannot keep the tablet's signing key ({0}), so exports cannot be signed."
    )]
    NotKeptBecause(KeyFault),
    /// As [`SigningError::NotKept`], because the key's storage refused.
    #[error(
        "This browser cannot keep the tablet's signing key ({0}), so exports cannot be signed."
    )]
    Store(#[from] StoreError),
}

impl SigningError {
    /// The error in the language of `m`; the browser's own words about
    /// the fault, if any, stay as they came.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            SigningError::NoCrypto => m.get("signing.no_crypto").to_owned(),
            SigningError::Refused(detail) if detail.is_empty() => {
                m.get("signing.refused_no_reason").to_owned()
            }
            SigningError::Refused(detail) => m.fill("signing.refused", &[("detail", detail)]),
            SigningError::NotKept(detail) => m.fill("signing.not_kept", &[("detail", detail)]),
            SigningError::RefusedBecause(fault) => {
                m.fill("signing.refused", &[("detail", &fault.in_words(m))])
            }
            SigningError::NotKeptBecause(fault) => {
                m.fill("signing.not_kept", &[("detail", &fault.in_words(m))])
            }
            SigningError::Store(e) => m.fill("signing.not_kept", &[("detail", &e.in_words(m))]),
        }
    }
}

/// Why the key could not be made or kept, when the browser gives no words
/// of its own (those stay as data in [`SigningError::Refused`] and
/// [`SigningError::NotKept`]): typed, so that it is said from the locale
/// files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum KeyFault {
    /// WebCrypto made a pair without a private key.
    #[error("no private key")]
    NoPrivateKey,
    /// WebCrypto made a pair without a public key.
    #[error("no public key")]
    NoPublicKey,
    /// The page has no window.
    #[error("no window")]
    NoWindow,
    /// The browser has no IndexedDB.
    #[error("this browser has no IndexedDB")]
    NoIndexedDb,
    /// The key's database did not open.
    #[error("the key database did not open")]
    DatabaseDidNotOpen,
    /// The key was kept but is not there when read back.
    #[error("the key did not read back after it was kept")]
    DidNotReadBack,
    /// What is kept is not a key this browser can use.
    #[error("the kept key is not a key this browser can use")]
    KeptKeyUnusable,
    /// The kept public half is damaged.
    #[error("the kept public key is damaged")]
    KeptPublicKeyDamaged,
    /// The kept tablet id is damaged.
    #[error("the kept tablet id is damaged")]
    KeptTabletIdDamaged,
}

impl KeyFault {
    /// The fault in the language of `m`, worded to stand inside a
    /// [`SigningError`]'s sentence.
    pub fn in_words(&self, m: &Messages) -> String {
        m.get(match self {
            KeyFault::NoPrivateKey => "signing.fault_no_private_key",
            KeyFault::NoPublicKey => "signing.fault_no_public_key",
            KeyFault::NoWindow => "signing.fault_no_window",
            KeyFault::NoIndexedDb => "signing.fault_no_indexed_db",
            KeyFault::DatabaseDidNotOpen => "signing.fault_did_not_open",
            KeyFault::DidNotReadBack => "signing.fault_did_not_read_back",
            KeyFault::KeptKeyUnusable => "signing.fault_kept_key_unusable",
            KeyFault::KeptPublicKeyDamaged => "signing.fault_kept_public_key_damaged",
            KeyFault::KeptTabletIdDamaged => "signing.fault_kept_tablet_id_damaged",
        })
        .to_owned()
    }
}

/// The tablet's key pair, its public half and its id.
#[derive(Clone)]
pub struct TabletKey {
    private: CryptoKey,
    /// The public half as a 65-byte uncompressed P-256 point.
    pub public_raw: Vec<u8>,
    /// The random id the tablet was given with its key.
    pub tablet_id: String,
}

impl PartialEq for TabletKey {
    fn eq(&self, other: &Self) -> bool {
        self.public_raw == other.public_raw && self.tablet_id == other.tablet_id
    }
}

impl TabletKey {
    /// The tablet's key, made (and kept) now if it has none.
    pub async fn load_or_create() -> Result<TabletKey, SigningError> {
        Self::load_or_create_in(KEY_DB_NAME).await
    }

    /// The tablet's key if it has one; never makes one. The staff area asks
    /// this when it opens: a key is made only once the tablet is set up to
    /// seal, because keeping a WebCrypto key is where engines differ most
    /// (WebKitGTK with no keyring service never finishes keeping one).
    pub async fn load() -> Result<Option<TabletKey>, SigningError> {
        read(&open(KEY_DB_NAME).await?).await
    }

    /// [`TabletKey::load_or_create`] in the database `name` (tests use their own).
    pub async fn load_or_create_in(name: &str) -> Result<TabletKey, SigningError> {
        let db = open(name).await?;
        if let Some(found) = read(&db).await? {
            return Ok(found);
        }
        let made = generate().await?;
        // Two windows making a key at once: the first one kept wins, and
        // the other reads it back, so a tablet never has two keys.
        keep(&db, &made).await?;
        read(&db)
            .await?
            .ok_or(SigningError::NotKeptBecause(KeyFault::DidNotReadBack))
    }

    /// The fingerprint of the public half, in four groups (as the
    /// workbench shows it for this tablet).
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public_raw)
    }

    /// Signs `data` with ECDSA P-256 and SHA-256; the signature is
    /// `r||s`, 64 bytes.
    pub async fn sign(&self, data: &[u8]) -> Result<Vec<u8>, SigningError> {
        let promise = subtle()?
            .sign_with_object_and_u8_array(&ecdsa()?, &self.private, data)
            .map_err(refused)?;
        let signature = JsFuture::from(promise).await.map_err(refused)?;
        Ok(Uint8Array::new(&signature).to_vec())
    }
}

fn subtle() -> Result<SubtleCrypto, SigningError> {
    subtle_crypto().ok_or(SigningError::NoCrypto)
}

fn refused(e: JsValue) -> SigningError {
    SigningError::Refused(refusal(&e))
}

fn object(fields: &[(&str, JsValue)]) -> Result<Object, SigningError> {
    let o = Object::new();
    for (k, v) in fields {
        Reflect::set(&o, &(*k).into(), v).map_err(refused)?;
    }
    Ok(o)
}

/// `{name: "ECDSA", hash: "SHA-256"}`.
fn ecdsa() -> Result<Object, SigningError> {
    object(&[("name", "ECDSA".into()), ("hash", "SHA-256".into())])
}

/// Makes a new non-extractable key pair and a random tablet id.
async fn generate() -> Result<TabletKey, SigningError> {
    let subtle = subtle()?;
    let params = object(&[("name", "ECDSA".into()), ("namedCurve", "P-256".into())])?;
    let usages = Array::of1(&"sign".into());
    let promise = subtle
        .generate_key_with_object(&params, false, &usages)
        .map_err(refused)?;
    let pair = JsFuture::from(promise).await.map_err(refused)?;
    let private: CryptoKey = Reflect::get(&pair, &"privateKey".into())
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| SigningError::RefusedBecause(KeyFault::NoPrivateKey))?;
    let public: CryptoKey = Reflect::get(&pair, &"publicKey".into())
        .map_err(refused)?
        .dyn_into()
        .map_err(|_| SigningError::RefusedBecause(KeyFault::NoPublicKey))?;
    // The public half is always extractable; the private half never is.
    let raw = JsFuture::from(subtle.export_key("raw", &public).map_err(refused)?)
        .await
        .map_err(refused)?;
    let public_raw = Uint8Array::new(&raw).to_vec();
    let id = candour_web::clock::random_bytes()
        .map(uuid_v4)
        .ok_or(SigningError::NoCrypto)?;
    Ok(TabletKey {
        private,
        public_raw,
        tablet_id: id,
    })
}

async fn open(name: &str) -> Result<IdbDatabase, SigningError> {
    let factory = web_sys::window()
        .ok_or(SigningError::NotKeptBecause(KeyFault::NoWindow))?
        .indexed_db()
        .map_err(|e| SigningError::from(read_error(&e)))?
        .ok_or(SigningError::NotKeptBecause(KeyFault::NoIndexedDb))?;
    let open: IdbOpenDbRequest = factory
        .open_with_u32(name, 1)
        .map_err(|e| SigningError::from(read_error(&e)))?;
    let upgrade = {
        let open = open.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Ok(db) = open.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                if !db.object_store_names().contains(KEY_STORE) {
                    let _ = db.create_object_store(KEY_STORE);
                }
            }
        })
    };
    open.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request_within(&open, Some(OPEN_TIMEOUT_MS)).await;
    open.set_onupgradeneeded(None);
    drop(upgrade);
    db?.dyn_into::<IdbDatabase>()
        .map_err(|_| SigningError::NotKeptBecause(KeyFault::DatabaseDidNotOpen))
}

/// The kept key, if any.
async fn read(db: &IdbDatabase) -> Result<Option<TabletKey>, SigningError> {
    let tx = db
        .transaction_with_str(KEY_STORE)
        .map_err(|e| SigningError::from(read_error(&e)))?;
    let store = tx
        .object_store(KEY_STORE)
        .map_err(|e| SigningError::from(read_error(&e)))?;
    let get = store
        .get(&TABLET_KEY.into())
        .map_err(|e| SigningError::from(read_error(&e)))?;
    let value = request(&get).await?;
    if value.is_undefined() {
        return Ok(None);
    }
    let field = |name: &str| Reflect::get(&value, &name.into()).unwrap_or(JsValue::UNDEFINED);
    let private = field("privateKey")
        .dyn_into::<CryptoKey>()
        .map_err(|_| SigningError::NotKeptBecause(KeyFault::KeptKeyUnusable))?;
    let public_raw = field("publicRaw")
        .dyn_into::<Uint8Array>()
        .map_err(|_| SigningError::NotKeptBecause(KeyFault::KeptPublicKeyDamaged))?
        .to_vec();
    let tablet_id = field("tabletId")
        .as_string()
        .ok_or(SigningError::NotKeptBecause(KeyFault::KeptTabletIdDamaged))?;
    Ok(Some(TabletKey {
        private,
        public_raw,
        tablet_id,
    }))
}

/// Keeps `key` unless a key is kept already (`add`, never `put`: a kept
/// key is never replaced).
async fn keep(db: &IdbDatabase, key: &TabletKey) -> Result<(), SigningError> {
    let tx = db
        .transaction_with_str_and_mode(KEY_STORE, IdbTransactionMode::Readwrite)
        .map_err(|e| SigningError::from(thrown(&e)))?;
    let store = tx
        .object_store(KEY_STORE)
        .map_err(|e| SigningError::from(read_error(&e)))?;
    let value = object(&[
        ("privateKey", key.private.clone().into()),
        (
            "publicRaw",
            Uint8Array::from(key.public_raw.as_slice()).into(),
        ),
        ("tabletId", key.tablet_id.clone().into()),
    ])?;
    // Storing a CryptoKey throws DataCloneError where the browser cannot.
    if let Err(e) = store.add_with_key(&value, &TABLET_KEY.into()) {
        let _ = tx.abort();
        // Said through the storage error's own words, not its debug form.
        return Err(SigningError::Store(thrown(&e)));
    }
    // A key kept meanwhile by another window makes this add fail: fine.
    let _ = complete(&tx).await;
    Ok(())
}
