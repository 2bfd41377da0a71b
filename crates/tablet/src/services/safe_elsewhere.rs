//! "Delete exported": which stored records a picked export file or
//! workbench receipt shows to be safe elsewhere, and deleting only those.
//! The comparison is the core's [`candour_core::receipt`]; this file reads
//! the stored records and the picked files.

use crate::services::instruments::known_instruments;
use crate::services::records_db::RecordsDb;
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_core::receipt::{
    check_proof, entry_digests, stored_digests, ProofCheck, ProofError, StoredDigest,
};
use candour_core::storage::StoreError;
use candour_web::clock::now;
use candour_web::file_pick::{files_of, read_file, PickError};
use thiserror::Error;
use web_sys::HtmlInputElement;

/// Why one picked file shows nothing.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FileProblem {
    /// It could not be read.
    #[error("{0}")]
    Pick(#[from] PickError),
    /// It is neither a readable export nor a readable receipt.
    #[error("{0}")]
    Proof(#[from] ProofError),
}

impl FileProblem {
    /// The problem in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            FileProblem::Pick(e) => e.in_words(m),
            FileProblem::Proof(e) => e.in_words(m),
        }
    }
}

/// The digest of every stored record, and how many records are stored in
/// all: for a record entry, the digest of its exact text (what a signed
/// export holds and its manifest lists); for a clear record of an earlier
/// build, the digest of its exported form. Nothing sealed is opened.
pub async fn digests_of_stored(db: &RecordsDb) -> Result<(Vec<StoredDigest>, usize), StoreError> {
    let read = db.load_stored(now()).await?;
    let instruments = known_instruments();
    let refs: Vec<&Instrument> = instruments.iter().collect();
    let mut digests = stored_digests(&read.legacy, &refs);
    digests.extend(entry_digests(&read.entries));
    Ok((digests, read.legacy.len() + read.entries.len()))
}

/// Each picked file, checked against `stored`: what it confirms, or why
/// it shows nothing.
pub async fn check_picked(
    input: &HtmlInputElement,
    stored: &[StoredDigest],
) -> Result<Vec<Result<ProofCheck, FileProblem>>, PickError> {
    let list = input.files().ok_or(PickError::NoFileList)?;
    let mut checked = Vec::new();
    // One file read and checked at a time, so that many large files picked
    // together never sit in the tablet's memory at once.
    for file in files_of(&list) {
        let name = file.name();
        checked.push(match read_file(&file, &name).await {
            Ok(bytes) => check_proof(&name, &bytes, stored).map_err(FileProblem::from),
            Err(e) => Err(FileProblem::from(e)),
        });
    }
    Ok(checked)
}
