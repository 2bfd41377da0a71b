//! Export format version 3: signed by the tablet, every record numbered,
//! and each record sealed to the research key or, on a tablet without one,
//! in clear.
//!
//! ```json
//! {"format": "candour-export", "format_version": 3,
//!  "manifest": {"app_version": "0.1.0",
//!               "tablet": {"id": "…", "label": "Clinic A, tablet 2",
//!                          "public_key": "<65-byte P-256 point, base64>"},
//!               "exported_at": "…", "research_key": {"public_key": "…",
//!               "fingerprint": "MFRG GZDF MZTW Q2LK"} or null,
//!               "highest_sequence": 42,
//!               "instruments": [{"id": "…", "version": "…", "hash": "sha256:…"}],
//!               "records": [{"sequence": 17, "id": "…", "digest": "sha256:…"}]},
//!  "signature": {"algorithm": "ecdsa-p256-sha256", "value": "<r||s, base64>"},
//!  "instruments": [ "… as in version 1 …" ],
//!  "records": [{"header": {…}, "sealed": {…}}, {"header": {…}, "clear": {…}}]}
//! ```
//!
//! The signature covers the manifest's exact bytes, kept as written; the
//! manifest lists each record's digest (SHA-256 of the record's exact
//! JSON text in `records`), so a changed record is found by its digest and
//! a changed manifest by the signature. The tablet signs with WebCrypto
//! (ECDSA P-256 with SHA-256, whose signature is IEEE P1363 `r||s`).

mod manifest;
mod write;

pub use manifest::{
    record_digest, Manifest, ManifestRecord, ResearchKeyRef, SignatureBlock, SignedEnvelope,
    TabletIdentity, TABLET_KEY_LEN,
};
pub use write::{draft_signed_export, SignedExportDraft, SignedExportError, SignedExportInput};

/// The `format_version` of signed exports.
pub const SIGNED_FORMAT_VERSION: u32 = 3;

/// The signature's `algorithm`: ECDSA on P-256 with SHA-256, the signature
/// as IEEE P1363 `r||s` (64 bytes), as WebCrypto's `sign` returns it.
pub const SIGNATURE_ALGORITHM: &str = "ecdsa-p256-sha256";

/// Bytes of a P1363 ECDSA P-256 signature (`r||s`).
pub const SIGNATURE_LEN: usize = 64;
