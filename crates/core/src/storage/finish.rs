//! Turning a finished record into what the tablet stores: sealed to the
//! research key when one is loaded, in clear otherwise, and numbered in
//! either case. The one place a finished record becomes a stored entry:
//! the persistence hook (at Send and at decline) and start-up's recovery
//! (a draft closed as partial) both call it.

use crate::export::{export_record, ExportError};
use crate::hash::content_hash;
use crate::instrument::Instrument;
use crate::record::ResponseRecord;
use crate::seal::{seal_record, RecordEntry, ResearchPublicKey, SealError};
use rand_core::TryCryptoRng;

/// Makes the entries of finished records, numbering them one after the
/// other from the highest number this tablet has given so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryMaker {
    key: Option<ResearchPublicKey>,
    last_issued: u64,
}

impl EntryMaker {
    /// A maker sealing to `key` (`None`: records are kept in clear), whose
    /// first record gets `last_issued + 1` (see
    /// [`crate::storage::sequence::highest_issued`]).
    pub fn new(key: Option<ResearchPublicKey>, last_issued: u64) -> Self {
        EntryMaker { key, last_issued }
    }

    /// The research key records are sealed to, if any.
    pub fn key(&self) -> Option<&ResearchPublicKey> {
        self.key.as_ref()
    }

    /// Seals the records made from now on to `key` (`None`: in clear).
    pub fn set_key(&mut self, key: Option<ResearchPublicKey>) {
        self.key = key;
    }

    /// The highest number given so far.
    pub fn last_issued(&self) -> u64 {
        self.last_issued
    }

    /// Makes sure the next number is above `highest` (a number found
    /// stored later, e.g. in the outbox).
    pub fn at_least(&mut self, highest: u64) {
        self.last_issued = self.last_issued.max(highest);
    }

    /// The entry of `record`, answered on one of `instruments` (found by
    /// its hash): the record as the export writes it, sealed (or in clear),
    /// with the next number. A number is spent only when this succeeds; on
    /// an error nothing is made and the caller keeps the draft.
    pub fn make<R: TryCryptoRng + ?Sized>(
        &mut self,
        record: &ResponseRecord,
        instruments: &[&Instrument],
        rng: &mut R,
    ) -> Result<RecordEntry, SealError> {
        let instrument = instruments
            .iter()
            .find(|i| content_hash(i) == record.instrument.hash)
            .ok_or_else(|| ExportError::InstrumentMissing {
                record_id: record.id.clone(),
                instrument_id: record.instrument.id.clone(),
                instrument_version: record.instrument.version.clone(),
                instrument_hash: record.instrument.hash.clone(),
            })?;
        let exported = export_record(record, instrument)?;
        let sequence = self.last_issued + 1;
        let entry = match &self.key {
            Some(key) => seal_record(&exported, sequence, key, rng)?,
            None => RecordEntry::clear(exported, sequence),
        };
        self.last_issued = sequence;
        Ok(entry)
    }
}
