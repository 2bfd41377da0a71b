//! What the export panel's buttons do: build the JSON export from the
//! stored records, hand it to the browser as a download, then mark the
//! records exported (a mark of "offered for download", never proof that
//! the file was saved); save the quarantine.

use crate::services::records_db::RecordsDb;
use crate::services::signing_key::{SigningError, TabletKey};
use candour_core::export::signed::{
    draft_signed_export, SignedExportError, SignedExportInput, TabletIdentity,
};
use candour_core::export::{
    build_export, export_file_name, select_records, ExportError, Selection,
};
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_core::seal::ResearchPublicKey;
use candour_core::storage::{DamagedEntry, StoreError, StoredEntry};
use candour_core::time::Timestamp;
use candour_web::clock::now;
use candour_web::download::{download, DownloadError};
use candour_web::timing::Step;
use thiserror::Error;

/// Why an export, or the download of the quarantine, did not happen.
/// Nothing was marked exported. Kept typed up to the panel, which says it
/// in the staff area's language.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ExportRunError {
    /// The records could not be read or marked.
    #[error("{0}")]
    Store(#[from] StoreError),
    /// The records could not be put in an export.
    #[error("{0}")]
    Export(#[from] ExportError),
    /// The signed export could not be written.
    #[error("{0}")]
    Signed(#[from] SignedExportError),
    /// The tablet's signing key could not be had or used.
    #[error("{0}")]
    Signing(#[from] SigningError),
    /// The browser was not given the file.
    #[error("{0}")]
    Download(#[from] DownloadError),
    /// A stored entry could not be read back.
    #[error("A stored response could not be read ({0}), so nothing was exported.")]
    DamagedEntry(DamagedEntry),
}

impl ExportRunError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            ExportRunError::Store(e) => e.in_words(m),
            ExportRunError::Export(e) => e.in_words(m),
            ExportRunError::Signed(e) => e.in_words(m),
            ExportRunError::Signing(e) => e.in_words(m),
            ExportRunError::Download(e) => e.in_words(m),
            ExportRunError::DamagedEntry(e) => m.fill(
                "researcher.export_entry_damaged",
                &[("detail", &e.in_words(m))],
            ),
        }
    }
}

/// Every instrument records on this device may have been answered on.
fn instruments() -> Vec<Instrument> {
    crate::services::instruments::known_instruments()
}

/// Builds the JSON export, downloads it, then marks the records exported.
/// Each step is left in the performance timeline (`candour:export:*`) for
/// the benchmark; the whole as `candour:export:total`.
pub async fn export_now(
    selection: Selection,
    label: &str,
    m: &Messages,
) -> Result<String, ExportRunError> {
    let total = Step::start("candour:export:total");
    let read = Step::start("candour:export:read");
    let db = RecordsDb::open().await?;
    let at = now();
    let research_key = db.research_key().await?;
    let has_entries = db.list(at).await?.iter().any(|e| e.sequence.is_some());
    if research_key.is_some() || has_entries {
        read.end();
        let key = research_key.map(|k| k.public_key);
        let said = export_signed(&db, selection, label, key, m).await?;
        total.end();
        return Ok(said);
    }
    let loaded = db.load_all(at).await?;
    read.end();
    let chosen = select_records(&loaded.records, selection);
    if chosen.is_empty() {
        return Ok(m.get("researcher.export_nothing").to_owned());
    }
    let model = Step::start("candour:export:model");
    let instruments = instruments();
    let refs: Vec<&Instrument> = instruments.iter().collect();
    let file = build_export(&chosen, &refs, label, at)?;
    model.end();
    // The tablet writes only the JSON export: tables, codebook and syntax
    // are written by the workbench on the researcher's own computer.
    let step = Step::start("candour:export:json");
    let name = export_file_name(label, at, chosen.len(), "json");
    let body = file.to_json()?;
    download(&name, "application/json", body.as_bytes())?;
    step.end();
    let step = Step::start("candour:export:mark");
    let marked = db.mark_exported(&chosen, at).await?;
    step.end();
    total.end();
    Ok(exported_words(m, chosen.len(), &name, marked))
}

/// What staff read once an export was handed to the browser, whichever
/// format it was written in.
fn exported_words(m: &Messages, count: usize, file: &str, marked: usize) -> String {
    let done = m.fill(
        "researcher.exported",
        &[
            ("count", &count.to_string()),
            ("file", file),
            ("marked", &marked.to_string()),
        ],
    );
    format!("{done} {}", m.get("safe.after_export"))
}

/// The signed export (format 3) of a tablet that stores entries: every
/// entry exactly as stored, the manifest signed with the tablet's own key.
/// Without a signing key (a browser without WebCrypto ECDSA, or one that
/// cannot keep the key) nothing is exported and the reason is said: an
/// unsigned file would let an edit on the way go unnoticed.
async fn export_signed(
    db: &RecordsDb,
    selection: Selection,
    label: &str,
    research_key: Option<ResearchPublicKey>,
    m: &Messages,
) -> Result<String, ExportRunError> {
    let at = now();
    let instruments = instruments();
    let refs: Vec<&Instrument> = instruments.iter().collect();
    let highest = db.number_legacy(&refs, at).await?;
    let read = db.load_stored(at).await?;
    let chosen: Vec<_> = read
        .entries
        .into_iter()
        .filter(|e| selection == Selection::Everything || e.exported_at.is_none())
        .collect();
    if chosen.is_empty() {
        return Ok(m.get("researcher.export_nothing").to_owned());
    }
    let model = Step::start("candour:export:model");
    let entries = chosen
        .iter()
        .map(StoredEntry::entry)
        .collect::<Result<Vec<_>, _>>()
        .map_err(ExportRunError::DamagedEntry)?;
    let key = TabletKey::load_or_create().await?;
    let tablet = TabletIdentity::new(&key.tablet_id, label, &key.public_raw);
    let draft = draft_signed_export(SignedExportInput {
        entries: &entries,
        instruments: &refs,
        tablet: &tablet,
        research_key: research_key.as_ref(),
        highest_sequence: highest,
        exported_at: at,
    })?;
    let signature = key.sign(draft.bytes_to_sign()).await?;
    let body = draft.finish(&signature)?;
    model.end();
    let step = Step::start("candour:export:json");
    let name = export_file_name(label, at, chosen.len(), "json");
    download(&name, "application/json", body.as_bytes())?;
    step.end();
    let step = Step::start("candour:export:mark");
    let marked = db.mark_entries_exported(&chosen, at).await?;
    step.end();
    Ok(exported_words(m, chosen.len(), &name, marked))
}

/// Downloads every quarantined value, raw, for inspection.
pub async fn download_quarantine(m: &Messages) -> Result<String, ExportRunError> {
    let db = RecordsDb::open().await?;
    let kept = db.quarantined().await?;
    if kept.is_empty() {
        return Ok(m.get("researcher.quarantine_none").to_owned());
    }
    let body = serde_json::to_string_pretty(&kept).map_err(ExportError::from)?;
    let at: Timestamp = now();
    download(
        &export_file_name("unreadable", at, kept.len(), "json"),
        "application/json",
        body.as_bytes(),
    )?;
    Ok(m.fill(
        "researcher.quarantine_saved",
        &[("count", &kept.len().to_string())],
    ))
}
