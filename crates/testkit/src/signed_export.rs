//! A test tablet that seals, numbers and signs exports the way the tablet
//! app does (its WebCrypto signature made here with the `p256` crate, in
//! P1363 form), for the analysis tests, the command-line tool's tests and
//! the end-to-end fixtures.

use crate::export_support::t;
use crate::sealing_support::rng;
use candour_core::export::export_record;
use candour_core::export::signed::{draft_signed_export, SignedExportInput, TabletIdentity};
use candour_core::instrument::Instrument;
use candour_core::record::ResponseRecord;
use candour_core::seal::{seal_response, RecordEntry, ResearchPublicKey};
use p256::ecdsa::signature::Signer;
use p256::ecdsa::{Signature, SigningKey};

/// A test tablet: its signing key, label and id.
pub struct Tablet {
    /// Its ECDSA P-256 signing key.
    pub key: SigningKey,
    /// Its id, label and public key, as the manifest names it.
    pub identity: TabletIdentity,
}

impl Tablet {
    /// A tablet whose signing key comes from `seed`.
    pub fn new(seed: u8, label: &str) -> Self {
        let key = SigningKey::from_slice(&[seed; 32]).expect("a P-256 scalar");
        let point = key.verifying_key().to_sec1_point(false);
        Tablet {
            identity: TabletIdentity::new(&format!("tablet-{seed}"), label, point.as_bytes()),
            key,
        }
    }

    /// The signed export text of `entries`.
    pub fn export(
        &self,
        entries: &[RecordEntry],
        instrument: &Instrument,
        research_key: Option<&ResearchPublicKey>,
        highest: u64,
    ) -> String {
        let draft = draft_signed_export(SignedExportInput {
            entries,
            instruments: &[instrument],
            tablet: &self.identity,
            research_key,
            highest_sequence: highest,
            exported_at: t(10_000),
        })
        .expect("drafts");
        let signature: Signature = self.key.sign(draft.bytes_to_sign());
        draft.finish(&signature.to_bytes()).expect("finishes")
    }
}

/// `records` sealed to `key`, numbered from `first`.
pub fn sealed(
    records: &[ResponseRecord],
    instrument: &Instrument,
    key: &ResearchPublicKey,
    first: u64,
) -> Vec<RecordEntry> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let sequence = first + i as u64;
            seal_response(r, instrument, sequence, key, &mut rng(sequence)).expect("seals")
        })
        .collect()
}

/// `records` in clear, numbered from `first`.
pub fn clear(records: &[ResponseRecord], instrument: &Instrument, first: u64) -> Vec<RecordEntry> {
    records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            RecordEntry::clear(
                export_record(r, instrument).expect("export"),
                first + i as u64,
            )
        })
        .collect()
}
