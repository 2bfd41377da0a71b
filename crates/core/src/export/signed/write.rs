//! Writing a signed export in two steps, because the tablet signs with
//! WebCrypto, which answers later: the draft gives the exact bytes to
//! sign, and the signature finishes the file.

use super::manifest::{
    record_digest, Manifest, ManifestRecord, ResearchKeyRef, TabletIdentity, TABLET_KEY_LEN,
};
use super::{SIGNATURE_ALGORITHM, SIGNATURE_LEN, SIGNED_FORMAT_VERSION};
use crate::export::{ExportError, ExportInstrument, FORMAT_NAME};
use crate::instrument::Instrument;
use crate::seal::{encode_base64, RecordEntry, ResearchPublicKey};
use crate::time::Timestamp;
use std::collections::{HashMap, HashSet};
use thiserror::Error;

/// What a signed export is made from.
#[derive(Debug, Clone, Copy)]
pub struct SignedExportInput<'a> {
    /// The records to export, in order: sealed entries as stored, clear
    /// ones made with [`RecordEntry::clear`].
    pub entries: &'a [RecordEntry],
    /// Every instrument the entries were answered on (others are ignored).
    pub instruments: &'a [&'a Instrument],
    /// The tablet: its id, label and public signing key.
    pub tablet: &'a TabletIdentity,
    /// The research key the tablet seals to now, if any.
    pub research_key: Option<&'a ResearchPublicKey>,
    /// The highest sequence number the tablet has issued so far.
    pub highest_sequence: u64,
    /// Now.
    pub exported_at: Timestamp,
}

/// Why a signed export could not be written; nothing is marked exported.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SignedExportError {
    /// An entry's instrument is missing, or the like.
    #[error("{0}")]
    Export(#[from] ExportError),
    /// Two entries share a sequence number.
    #[error("Two records on this tablet have the number {sequence}, so nothing was exported. This should never happen; please report it.")]
    RepeatedSequence {
        /// The number.
        sequence: u64,
    },
    /// An entry's number is 0 or above the highest issued.
    #[error("Record {id} has the number {sequence}, outside 1 to {highest}, the numbers this tablet has given, so nothing was exported. This should never happen; please report it.")]
    SequenceOutOfRange {
        /// The record's id.
        id: String,
        /// Its number.
        sequence: u64,
        /// The highest number issued.
        highest: u64,
    },
    /// The tablet's public key is not a raw uncompressed P-256 point.
    #[error("This tablet's signing key is not a P-256 public key in raw form, so nothing was exported. Set up the tablet's signing key again.")]
    TabletKey,
    /// The signature is not 64 bytes of P1363 `r||s`.
    #[error("The tablet's signature has {found} bytes instead of 64, so nothing was exported. Try again; if it happens again, set up the tablet's signing key again.")]
    SignatureLength {
        /// Bytes given.
        found: usize,
    },
}

/// A signed export waiting for its signature.
#[derive(Debug, Clone)]
pub struct SignedExportDraft {
    manifest: String,
    instruments: String,
    records: Vec<String>,
}

/// Prepares a signed export of `input.entries` (format version 3). The
/// tablet then signs [`SignedExportDraft::bytes_to_sign`] with its
/// non-extractable key and finishes the file:
///
/// ```no_run
/// # use candour_core::export::signed::{draft_signed_export, SignedExportError, SignedExportInput};
/// # fn example(
/// #     input: SignedExportInput<'_>,
/// #     sign_with_webcrypto: impl Fn(&[u8]) -> Vec<u8>,
/// # ) -> Result<String, SignedExportError> {
/// let draft = draft_signed_export(input)?;
/// let signature = sign_with_webcrypto(draft.bytes_to_sign()); // ECDSA P-256, SHA-256
/// let file_text = draft.finish(&signature)?;
/// # Ok(file_text)
/// # }
/// ```
pub fn draft_signed_export(
    input: SignedExportInput<'_>,
) -> Result<SignedExportDraft, SignedExportError> {
    let key_ok = crate::seal::decode_base64(&input.tablet.public_key)
        .is_some_and(|k| k.len() == TABLET_KEY_LEN && k[0] == 0x04);
    if !key_ok {
        return Err(SignedExportError::TabletKey);
    }
    let instruments = instruments_used(&input)?;
    let mut seen = HashSet::new();
    let mut records = Vec::with_capacity(input.entries.len());
    let mut listed = Vec::with_capacity(input.entries.len());
    for entry in input.entries {
        let h = &entry.header;
        if h.sequence == 0 || h.sequence > input.highest_sequence {
            return Err(SignedExportError::SequenceOutOfRange {
                id: h.id.clone(),
                sequence: h.sequence,
                highest: input.highest_sequence,
            });
        }
        if !seen.insert(h.sequence) {
            return Err(SignedExportError::RepeatedSequence {
                sequence: h.sequence,
            });
        }
        let text = entry.to_json().map_err(write_error)?;
        listed.push(ManifestRecord {
            sequence: h.sequence,
            id: h.id.clone(),
            digest: record_digest(&text),
        });
        records.push(text);
    }
    let manifest = Manifest {
        app_version: crate::APP_VERSION.to_owned(),
        tablet: input.tablet.clone(),
        exported_at: input.exported_at,
        research_key: input.research_key.map(ResearchKeyRef::of),
        highest_sequence: input.highest_sequence,
        instruments: instruments
            .iter()
            .map(|i| crate::record::InstrumentRef {
                id: i.id.clone(),
                version: i.version.clone(),
                hash: i.hash.clone(),
            })
            .collect(),
        records: listed,
    };
    Ok(SignedExportDraft {
        manifest: serde_json::to_string(&manifest).map_err(write_error)?,
        instruments: serde_json::to_string(&instruments).map_err(write_error)?,
        records,
    })
}

/// The instruments of the entries in order of first use (every one given
/// when there are no entries, so the file still describes them).
fn instruments_used(
    input: &SignedExportInput<'_>,
) -> Result<Vec<ExportInstrument>, SignedExportError> {
    let given: Vec<ExportInstrument> = input
        .instruments
        .iter()
        .map(|i| ExportInstrument::of(i))
        .collect();
    if input.entries.is_empty() {
        return Ok(given);
    }
    let by_hash: HashMap<&str, &ExportInstrument> =
        given.iter().map(|i| (i.hash.as_str(), i)).collect();
    let mut used: Vec<ExportInstrument> = Vec::new();
    for entry in input.entries {
        let r = &entry.header.instrument;
        if used.iter().any(|u| u.hash == r.hash) {
            continue;
        }
        let found = by_hash
            .get(r.hash.as_str())
            .ok_or_else(|| ExportError::InstrumentMissing {
                record_id: entry.header.id.clone(),
                instrument_id: r.id.clone(),
                instrument_version: r.version.clone(),
                instrument_hash: r.hash.clone(),
            })?;
        used.push((*found).clone());
    }
    Ok(used)
}

fn write_error(e: serde_json::Error) -> SignedExportError {
    SignedExportError::Export(ExportError::Write(e.to_string()))
}

impl SignedExportDraft {
    /// The exact bytes the tablet signs: the manifest as it will stand in
    /// the file (compact JSON, UTF-8).
    pub fn bytes_to_sign(&self) -> &[u8] {
        self.manifest.as_bytes()
    }

    /// The file's text, given the tablet's signature over
    /// [`Self::bytes_to_sign`] (ECDSA P-256 SHA-256, P1363 `r||s`, 64
    /// bytes, as WebCrypto returns it): compact JSON with a trailing
    /// newline.
    pub fn finish(self, signature: &[u8]) -> Result<String, SignedExportError> {
        if signature.len() != SIGNATURE_LEN {
            return Err(SignedExportError::SignatureLength {
                found: signature.len(),
            });
        }
        let records_len: usize = self.records.iter().map(|r| r.len() + 1).sum();
        let mut out =
            String::with_capacity(self.manifest.len() + self.instruments.len() + records_len + 256);
        out.push_str("{\"format\":\"");
        out.push_str(FORMAT_NAME);
        out.push_str("\",\"format_version\":");
        out.push_str(&SIGNED_FORMAT_VERSION.to_string());
        out.push_str(",\"manifest\":");
        out.push_str(&self.manifest);
        out.push_str(",\"signature\":{\"algorithm\":\"");
        out.push_str(SIGNATURE_ALGORITHM);
        out.push_str("\",\"value\":\"");
        out.push_str(&encode_base64(signature));
        out.push_str("\"},\"instruments\":");
        out.push_str(&self.instruments);
        out.push_str(",\"records\":[");
        for (i, record) in self.records.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(record);
        }
        out.push_str("]}\n");
        Ok(out)
    }
}
