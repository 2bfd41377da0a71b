//! "Delete exported": which stored records a picked export file or
//! workbench receipt shows to be safe elsewhere, and deleting only those.
//! The comparison is the core's [`candour_core::receipt`]; this file reads
//! the stored records and the picked files.

use crate::services::instruments::known_instruments;
use crate::services::records_db::RecordsDb;
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_core::receipt::{check_proof, entry_digests, stored_digests, ProofCheck, StoredDigest};
use candour_web::clock::now;
use candour_web::file_pick::{files_of, read_file, PickError};
use web_sys::HtmlInputElement;

/// The digest of every stored record, and how many records are stored in
/// all: for a record entry, the digest of its exact text (what a signed
/// export holds and its manifest lists); for a clear record of an earlier
/// build, the digest of its exported form. Nothing sealed is opened.
pub async fn digests_of_stored(db: &RecordsDb) -> Result<(Vec<StoredDigest>, usize), String> {
    let read = db.load_stored(now()).await.map_err(|e| e.to_string())?;
    let instruments = known_instruments();
    let refs: Vec<&Instrument> = instruments.iter().collect();
    let mut digests = stored_digests(&read.legacy, &refs);
    digests.extend(entry_digests(&read.entries));
    Ok((digests, read.legacy.len() + read.entries.len()))
}

/// Each picked file, checked against `stored`: what it confirms, or why
/// it shows nothing, in words.
pub async fn check_picked(
    input: &HtmlInputElement,
    stored: &[StoredDigest],
    m: &Messages,
) -> Result<Vec<Result<ProofCheck, String>>, String> {
    let list = input
        .files()
        .ok_or_else(|| PickError::NoFileList.in_words(m))?;
    let mut checked = Vec::new();
    // One file read and checked at a time, so that many large files picked
    // together never sit in the tablet's memory at once.
    for file in files_of(&list) {
        let name = file.name();
        checked.push(match read_file(&file, &name).await {
            Ok(bytes) => check_proof(&name, &bytes, stored).map_err(|e| e.in_words(m)),
            Err(e) => Err(e.in_words(m)),
        });
    }
    Ok(checked)
}
