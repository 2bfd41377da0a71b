//! What one accepted file holds, for its line in the list of files: its
//! tablet, record counts by status, questionnaire versions, and anything
//! about it the researcher should know, in words.

use candour_core::export::ExportFile;
use candour_core::record::Status;
use candour_core::time::Timestamp;

/// Records by how the survey ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// Submitted.
    pub complete: usize,
    /// Left before submitting.
    pub partial: usize,
    /// Declined to take part.
    pub declined: usize,
}

/// Records answered on one questionnaire version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionCount {
    /// Questionnaire id.
    pub id: String,
    /// Its version.
    pub version: String,
    /// Records answered on it.
    pub records: usize,
}

/// What an accepted file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    /// The tablet label the file was written with.
    pub device_label: String,
    /// When it was written.
    pub exported_at: Timestamp,
    /// Its records by status.
    pub statuses: StatusCounts,
    /// Records per questionnaire version, in the file's order.
    pub versions: Vec<VersionCount>,
    /// What the researcher should know about it (empty for a plain export
    /// of one tablet).
    pub notes: Vec<FileNote>,
}

/// Something a researcher should know about an accepted file, said in one
/// sentence (in English by `Display`, which the command-line tool prints;
/// in the workbench's language by `in_words`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileNote {
    /// It is itself a combination of this many files.
    #[error("It is itself a combination of {0} files.")]
    Combination(usize),
    /// It carries this many conflicting records, kept apart.
    #[error("It carries {0} conflicting records (same id, different content), kept apart.")]
    Conflicts(usize),
    /// Its records were answered on more than one questionnaire version.
    #[error(
        "Its records were answered on more than one questionnaire version; each gets its own \
         tables."
    )]
    SeveralVersions,
    /// It holds no records.
    #[error("It holds no records.")]
    NoRecords,
}

impl FileFacts {
    /// The facts of a checked file.
    pub fn of(file: &ExportFile) -> Self {
        let mut statuses = StatusCounts::default();
        for r in &file.records {
            match r.status {
                Status::Complete => statuses.complete += 1,
                Status::Partial => statuses.partial += 1,
                Status::DeclinedConsent => statuses.declined += 1,
            }
        }
        let versions: Vec<VersionCount> = file
            .instruments
            .iter()
            .map(|i| VersionCount {
                id: i.id.clone(),
                version: i.version.clone(),
                records: file
                    .records
                    .iter()
                    .filter(|r| r.instrument.hash == i.hash)
                    .count(),
            })
            .collect();
        let mut notes = Vec::new();
        if !file.merged_from.is_empty() {
            notes.push(FileNote::Combination(file.merged_from.len()));
        }
        if !file.conflicts.is_empty() {
            notes.push(FileNote::Conflicts(file.conflicts.len()));
        }
        if versions.iter().filter(|v| v.records > 0).count() > 1 {
            notes.push(FileNote::SeveralVersions);
        }
        if file.records.is_empty() {
            notes.push(FileNote::NoRecords);
        }
        FileFacts {
            device_label: file.device_label.clone(),
            exported_at: file.exported_at,
            statuses,
            versions,
            notes,
        }
    }
}
