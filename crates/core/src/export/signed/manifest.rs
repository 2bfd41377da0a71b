//! The signed manifest and the envelope around it.

use crate::export::{iso, ExportInstrument};
use crate::record::InstrumentRef;
use crate::seal::{encode_base64, ResearchPublicKey};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

/// Bytes of a tablet's public key: an uncompressed P-256 point
/// (`0x04`, then X and Y), as WebCrypto's `exportKey("raw", …)` gives it.
pub const TABLET_KEY_LEN: usize = 65;

/// What the tablet signs: everything needed to say what an export holds
/// and whether anything is missing from it or was changed in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Version of the app that wrote the file.
    pub app_version: String,
    /// The tablet that wrote and signed it.
    pub tablet: TabletIdentity,
    /// When it was written.
    #[serde(with = "iso::required")]
    pub exported_at: Timestamp,
    /// The research key the tablet seals to now; `null` when it has none
    /// (its records are then in clear).
    pub research_key: Option<ResearchKeyRef>,
    /// The highest sequence number this tablet has given a record so far,
    /// whether or not that record is in this file: records up to it that
    /// are in no file opened are missing.
    pub highest_sequence: u64,
    /// The instruments in the file, by id, version and hash.
    pub instruments: Vec<InstrumentRef>,
    /// Every record in the file, in file order.
    pub records: Vec<ManifestRecord>,
}

/// Who signed: the tablet's own key and how staff named it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TabletIdentity {
    /// A random id the tablet made when its signing key was made.
    pub id: String,
    /// The tablet label set by staff, e.g. "Clinic A, tablet 2".
    pub label: String,
    /// The tablet's public signing key: a 65-byte uncompressed P-256
    /// point, base64.
    pub public_key: String,
}

/// The research key a manifest names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResearchKeyRef {
    /// The key, 32 bytes, base64.
    pub public_key: ResearchPublicKey,
    /// Its fingerprint.
    pub fingerprint: String,
}

impl ResearchKeyRef {
    /// The reference to `key`.
    pub fn of(key: &ResearchPublicKey) -> Self {
        ResearchKeyRef {
            public_key: key.clone(),
            fingerprint: key.fingerprint(),
        }
    }
}

/// One record as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestRecord {
    /// Its sequence number on the tablet.
    pub sequence: u64,
    /// Its id.
    pub id: String,
    /// [`record_digest`] of its exact text in the file.
    pub digest: String,
}

/// The signature over the manifest's exact bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureBlock {
    /// [`super::SIGNATURE_ALGORITHM`].
    pub algorithm: String,
    /// `r||s`, 64 bytes, base64.
    pub value: String,
}

/// A version-2 file as read: the manifest and each record kept as their
/// exact text, for the signature and the digests.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedEnvelope<'a> {
    /// `candour-export`.
    pub format: String,
    /// 2.
    pub format_version: u32,
    /// The manifest, exactly as written (what was signed).
    #[serde(borrow)]
    pub manifest: &'a RawValue,
    /// The signature over it.
    pub signature: SignatureBlock,
    /// Every instrument the records were answered on, with its definition.
    pub instruments: Vec<ExportInstrument>,
    /// Each record entry, exactly as written.
    #[serde(borrow)]
    pub records: Vec<&'a RawValue>,
}

/// `sha256:` and the lowercase hex SHA-256 of a record entry's exact text.
pub fn record_digest(entry_text: &str) -> String {
    format!(
        "sha256:{}",
        crate::hash::to_hex(&Sha256::digest(entry_text.as_bytes()))
    )
}

impl TabletIdentity {
    /// The identity of a tablet whose public key is `public_key` (raw
    /// uncompressed point).
    pub fn new(id: &str, label: &str, public_key: &[u8]) -> Self {
        TabletIdentity {
            id: id.to_owned(),
            label: label.to_owned(),
            public_key: encode_base64(public_key),
        }
    }

    /// The public key's fingerprint, or `None` when it is not base64.
    pub fn fingerprint(&self) -> Option<String> {
        crate::seal::decode_base64(&self.public_key).map(|b| crate::seal::fingerprint(&b))
    }
}
