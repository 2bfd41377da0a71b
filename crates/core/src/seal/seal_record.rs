//! Sealing: one fresh HPKE context per record.

use super::entry::{EntryBody, RecordEntry, SealedContent};
use super::header::RecordHeader;
use super::research_key::ResearchPublicKey;
use super::rng::OneEncapsulation;
use super::{Aead, Kdf, Kem, RECORD_INFO, SUITE};
use crate::export::{export_record, ExportError, ExportRecord};
use crate::instrument::Instrument;
use crate::record::ResponseRecord;
use hpke::{OpModeS, Serializable};
use rand_core::TryCryptoRng;
use thiserror::Error;
use zeroize::Zeroize;

/// Why a record could not be sealed. Nothing is lost: the caller keeps the
/// draft until a sealed record is stored.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SealError {
    /// The source of randomness failed (in the browser,
    /// `crypto.getRandomValues`).
    #[error(
        "The answers could not be sealed because the browser gave no random numbers. \
         They are still kept on this tablet. Close the app, open it again and try once more."
    )]
    NoRandomness,
    /// HPKE refused (never expected with a checked key).
    #[error(
        "The answers could not be sealed with the research key. They are still kept on this \
         tablet. Load the tablet setup file again."
    )]
    Hpke,
    /// The record could not be put in its export form.
    #[error("{0}")]
    Export(#[from] ExportError),
}

/// HPKE single-shot seal (RFC 9180 section 6.1, base mode) of `plaintext`
/// to `key` with `info` and associated data `aad`, in this crate's suite:
/// returns the encapsulated key (32 bytes) and the ciphertext with its tag.
/// The one place the tablet encrypts; [`seal_record`] calls it. Draws 32
/// bytes from `rng` for the ephemeral key (RFC 9180 `DeriveKeyPair`).
pub fn seal_bytes<R: TryCryptoRng + ?Sized>(
    key: &ResearchPublicKey,
    info: &[u8],
    aad: &[u8],
    plaintext: &[u8],
    rng: &mut R,
) -> Result<(Vec<u8>, Vec<u8>), SealError> {
    let mut once = OneEncapsulation::draw(rng).ok_or(SealError::NoRandomness)?;
    let (enc, ciphertext) = hpke::single_shot_seal_with_rng::<Aead, Kdf, Kem>(
        &OpModeS::Base,
        key.hpke_key(),
        info,
        plaintext,
        aad,
        &mut once,
    )
    .map_err(|_| SealError::Hpke)?;
    Ok((enc.to_bytes().to_vec(), ciphertext))
}

/// Seals an export record numbered `sequence` to `key`: the plaintext is
/// the record as export version 1 writes it (compact JSON), the
/// associated data is its header's [`RecordHeader::aad`], and `info` is
/// [`RECORD_INFO`]. The returned entry is what the tablet stores and later
/// exports; the clear text is wiped from memory before returning.
pub fn seal_record<R: TryCryptoRng + ?Sized>(
    record: &ExportRecord,
    sequence: u64,
    key: &ResearchPublicKey,
    rng: &mut R,
) -> Result<RecordEntry, SealError> {
    let header = RecordHeader::of_export(record, sequence);
    let mut plaintext =
        serde_json::to_vec(record).map_err(|e| ExportError::Write(e.to_string()))?;
    let sealed = seal_bytes(key, RECORD_INFO, &header.aad(), &plaintext, rng);
    plaintext.zeroize();
    let (enc, ciphertext) = sealed?;
    Ok(RecordEntry {
        header,
        body: EntryBody::Sealed(SealedContent {
            suite: SUITE.to_owned(),
            key: key.fingerprint(),
            enc,
            ciphertext,
        }),
    })
}

/// Seals a finished record answered on `instrument` (see [`seal_record`]).
/// This is what the tablet calls when a record is finished (complete,
/// partial or declined):
///
/// ```no_run
/// # use candour_core::seal::{rand_core::TryCryptoRng, seal_response, ResearchPublicKey};
/// # use candour_core::{instrument::Instrument, record::ResponseRecord};
/// # fn example(
/// #     record: &ResponseRecord,
/// #     instrument: &Instrument,
/// #     next_sequence: u64,
/// #     key: &ResearchPublicKey,
/// #     rng: &mut impl TryCryptoRng,
/// #     store: impl Fn(String),
/// # ) -> Result<(), Box<dyn std::error::Error>> {
/// let entry = seal_response(record, instrument, next_sequence, key, rng)?;
/// store(entry.to_json()?); // then, and only then, delete the draft
/// # Ok(())
/// # }
/// ```
pub fn seal_response<R: TryCryptoRng + ?Sized>(
    record: &ResponseRecord,
    instrument: &Instrument,
    sequence: u64,
    key: &ResearchPublicKey,
    rng: &mut R,
) -> Result<RecordEntry, SealError> {
    let record = export_record(record, instrument)?;
    seal_record(&record, sequence, key, rng)
}
