//! The export envelope as Rust types: what `candour-export` version 2 files
//! hold, field for field (version 1 lacks the fields marked so). `schema/candour-export.schema.json` describes the
//! same shape for readers in other languages.

use super::ordered::VariableMap;
use super::value::ExportValue;
use crate::instrument::Instrument;
use crate::record::{InstrumentRef, Status};
use crate::scoring::DomainScore;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A whole export file (or a merged dataset), as written and read.
///
/// Unknown fields are refused rather than ignored: a field this version does
/// not know would otherwise vanish when the data are written again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportFile {
    /// Always [`super::FORMAT_NAME`] (`candour-export`).
    pub format: String,
    /// The envelope's version, [`super::FORMAT_VERSION`].
    pub format_version: u32,
    /// Version of the app that wrote the file.
    pub app_version: String,
    /// Label of the device that wrote it; [`super::MERGED_DEVICE_LABEL`] for
    /// a merged file.
    pub device_label: String,
    /// When it was written; ISO 8601 in UTC in the file.
    #[serde(with = "super::iso::required")]
    pub exported_at: Timestamp,
    /// How many entries `records` holds (a check against a cut-short file).
    pub record_count: usize,
    /// Every instrument the records (and conflicts) were answered on, with
    /// its full definition.
    pub instruments: Vec<ExportInstrument>,
    /// The records.
    pub records: Vec<ExportRecord>,
    /// Merged files only: the files merged, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged_from: Vec<SourceFile>,
    /// Merged files only: records found in several files with different
    /// content. Every version is kept here and none is in `records`, so that
    /// no table silently picks one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// One instrument, named as records name it, with its full definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportInstrument {
    /// The instrument's id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Its content hash (`sha256:` and 64 hex digits) of the definition.
    pub hash: String,
    /// The whole instrument: items, codes, labels, skip logic, domains.
    pub definition: Instrument,
}

impl ExportInstrument {
    /// The entry of `instrument`, hashing it.
    pub fn of(instrument: &Instrument) -> Self {
        let r = InstrumentRef::of(instrument);
        ExportInstrument {
            id: r.id,
            version: r.version,
            hash: r.hash,
            definition: instrument.clone(),
        }
    }
}

/// One participant's record in the export.
///
/// The record's `exported_at` is deliberately not written: it changes when
/// a record is exported again, and two exports of one record must compare
/// equal when files are merged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportRecord {
    /// Random unique id (UUID v4).
    pub id: String,
    /// Pseudonymous participant code, `null` when none was typed.
    pub participant_code: Option<String>,
    /// `complete`, `partial` or `declined_consent`.
    pub status: Status,
    /// The instrument answered: id, version and hash.
    pub instrument: InstrumentRef,
    /// Locale the questions were shown in.
    pub locale: String,
    /// Label of the device that collected it.
    pub device_label: String,
    /// Code of the service it was collected for (set on the device),
    /// `null` when none was set. Not in format 1.
    #[serde(default)]
    pub service_code: Option<String>,
    /// Version of the app that stored it.
    pub app_version: String,
    /// When staff started the survey; ISO 8601 in UTC in the file.
    #[serde(with = "super::iso::required")]
    pub started_at: Timestamp,
    /// When it ended (submitted, declined or kept as partial).
    #[serde(with = "super::iso::required")]
    pub ended_at: Timestamp,
    /// One entry per item of the instrument, in the order asked: the value,
    /// a missing code (-99 to -95), or `null` when not shown by skip logic.
    pub answers: VariableMap<Option<ExportValue>>,
    /// Times per item that was shown, keyed by variable.
    pub paradata: VariableMap<ExportTimes>,
    /// One entry per scored domain, keyed by domain code.
    pub domain_scores: VariableMap<DomainScore>,
}

/// When an item was first shown and its answer last changed (ISO 8601 in
/// the file); `null` when it did not happen (shown but never answered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportTimes {
    /// First time the item's screen was shown.
    #[serde(with = "super::iso::optional")]
    pub first_shown: Option<Timestamp>,
    /// Last time its answer was given or changed.
    #[serde(with = "super::iso::optional")]
    pub last_changed: Option<Timestamp>,
}

/// A file that went into a merged dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFile {
    /// The file's name as picked.
    pub file: String,
    /// Its device label.
    pub device_label: String,
    /// The app version that wrote it.
    pub app_version: String,
    /// When it was written.
    #[serde(with = "super::iso::required")]
    pub exported_at: Timestamp,
    /// How many records it held.
    pub record_count: usize,
}

/// One record id found with different content in different files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    /// The record id they share.
    pub record_id: String,
    /// Every distinct version, in the order first met.
    pub versions: Vec<ConflictVersion>,
}

/// One version of a conflicting record and the files that hold it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictVersion {
    /// Names of the files holding exactly this version.
    pub files: Vec<String>,
    /// The record as those files hold it.
    pub record: ExportRecord,
}

/// The status as the export spells it.
pub fn status_name(status: Status) -> &'static str {
    match status {
        Status::Complete => "complete",
        Status::Partial => "partial",
        Status::DeclinedConsent => "declined_consent",
    }
}
