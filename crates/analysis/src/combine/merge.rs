//! Merging export files from several tablets into one dataset.
//!
//! Rules, chosen so that no response is ever lost or silently altered:
//! - a file that could not be read is listed with its reason, and every
//!   good file's records are still merged;
//! - a record id found in several files with identical content is kept once
//!   (and counted);
//! - a record id found with different content is a conflict: every version
//!   is kept, with the names of the files holding it, under `conflicts` in
//!   the combined file, and none of them goes into `records` or a table, so
//!   that no analysis silently uses one of them;
//! - records of different instruments (id, version or content hash) stay in
//!   one combined file, which lists every instrument, but are written as
//!   separate tables ([`crate::write::datasets`]); the report says so.

use candour_core::export::ImportError;
use candour_core::export::{Conflict, ConflictVersion, ExportFile, ExportRecord, SourceFile};
use candour_core::export::{FORMAT_NAME, FORMAT_VERSION, MERGED_DEVICE_LABEL};
use candour_core::time::Timestamp;
use std::collections::HashMap;

/// What happened to one file given to [`merge`].
#[derive(Debug, Clone, PartialEq)]
pub enum FileOutcome {
    /// Read and merged.
    Merged {
        /// The file's name.
        file: String,
        /// Records it held (conflicting versions it carried included).
        records: usize,
    },
    /// Could not be read; nothing of it was merged.
    Rejected(ImportError),
}

/// How many records of one instrument the combined file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstrumentCount {
    /// Instrument id.
    pub id: String,
    /// Instrument version.
    pub version: String,
    /// Content hash.
    pub hash: String,
    /// Records answered on it (conflicts not counted).
    pub records: usize,
}

/// The result of a merge: the combined file and what the researcher must know.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeReport {
    /// The combined dataset, writable in every export format.
    pub combined: ExportFile,
    /// Each file given, in order, with what happened to it.
    pub files: Vec<FileOutcome>,
    /// Extra copies of records found identical in several files, merged.
    pub identical_duplicates: usize,
    /// Records per instrument in the combined file, in its instrument order.
    pub instruments: Vec<InstrumentCount>,
}

/// Merges the files, each given with its name and how reading it went
/// (see [`candour_core::export::parse_export`]); `merged_at` becomes the combined file's
/// `exported_at`. See the module documentation for the rules.
pub fn merge(
    files: Vec<(String, Result<ExportFile, ImportError>)>,
    merged_at: Timestamp,
) -> MergeReport {
    let mut outcomes = Vec::new();
    let mut sources = Vec::new();
    let mut instruments: Vec<candour_core::export::ExportInstrument> = Vec::new();
    let mut groups: Vec<Conflict> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut identical_duplicates = 0;
    for (name, result) in files {
        let file = match result {
            Ok(file) => file,
            Err(error) => {
                outcomes.push(FileOutcome::Rejected(error));
                continue;
            }
        };
        for instrument in file.instruments {
            if !instruments.iter().any(|i| i.hash == instrument.hash) {
                instruments.push(instrument);
            }
        }
        let mut count = 0;
        let carried = file.conflicts.into_iter().flat_map(|c| c.versions);
        let candidates = file
            .records
            .into_iter()
            .map(|r| (vec![name.clone()], r))
            .chain(carried.map(|v| {
                let via = v
                    .files
                    .iter()
                    .map(|f| format!("{f} (via {name})"))
                    .collect();
                (via, v.record)
            }));
        for (origin, record) in candidates {
            count += 1;
            identical_duplicates += usize::from(add(&mut groups, &mut index, origin, record));
        }
        sources.push(SourceFile {
            file: name.clone(),
            device_label: file.device_label,
            app_version: file.app_version,
            exported_at: file.exported_at,
            record_count: file.record_count,
        });
        outcomes.push(FileOutcome::Merged {
            file: name,
            records: count,
        });
    }
    let (single, conflicts): (Vec<Conflict>, Vec<Conflict>) =
        groups.into_iter().partition(|g| g.versions.len() == 1);
    let records: Vec<ExportRecord> = single
        .into_iter()
        .flat_map(|g| g.versions.into_iter().map(|v| v.record))
        .collect();
    let counts = instruments
        .iter()
        .map(|i| InstrumentCount {
            id: i.id.clone(),
            version: i.version.clone(),
            hash: i.hash.clone(),
            records: records
                .iter()
                .filter(|r| r.instrument.hash == i.hash)
                .count(),
        })
        .collect();
    MergeReport {
        combined: ExportFile {
            format: FORMAT_NAME.to_owned(),
            format_version: FORMAT_VERSION,
            app_version: candour_core::APP_VERSION.to_owned(),
            device_label: MERGED_DEVICE_LABEL.to_owned(),
            exported_at: merged_at,
            record_count: records.len(),
            instruments,
            records,
            merged_from: sources,
            conflicts,
        },
        files: outcomes,
        identical_duplicates,
        instruments: counts,
    }
}

/// Adds one record to its id's group; true when it was an identical copy.
fn add(
    groups: &mut Vec<Conflict>,
    index: &mut HashMap<String, usize>,
    origin: Vec<String>,
    record: ExportRecord,
) -> bool {
    let Some(&at) = index.get(&record.id) else {
        index.insert(record.id.clone(), groups.len());
        groups.push(Conflict {
            record_id: record.id.clone(),
            versions: vec![ConflictVersion {
                files: origin,
                record,
            }],
        });
        return false;
    };
    let group = &mut groups[at];
    match group.versions.iter_mut().find(|v| v.record == record) {
        Some(same) => {
            for file in origin {
                if !same.files.contains(&file) {
                    same.files.push(file);
                }
            }
            true
        }
        None => {
            group.versions.push(ConflictVersion {
                files: origin,
                record,
            });
            false
        }
    }
}

impl MergeReport {
    /// The files that could not be read, with their reasons.
    pub fn rejected(&self) -> impl Iterator<Item = &ImportError> {
        self.files.iter().filter_map(|f| match f {
            FileOutcome::Rejected(e) => Some(e),
            FileOutcome::Merged { .. } => None,
        })
    }

    /// The conflicting records, every version kept.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.combined.conflicts
    }

    /// True when the records were answered on more than one instrument
    /// (id, version or content), which are then written as separate tables.
    pub fn mixed_instruments(&self) -> bool {
        self.instruments.iter().filter(|i| i.records > 0).count() > 1
    }

    /// What the researcher must know, one plain sentence each, most
    /// important first; empty when everything merged cleanly.
    pub fn notices(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .rejected()
            .map(|e| format!("{e} Nothing of it was merged."))
            .collect();
        for c in self.conflicts() {
            let where_: Vec<String> = c.versions.iter().map(|v| v.files.join(" and ")).collect();
            let all = match c.versions.len() {
                2 => "Both versions are".to_owned(),
                n => format!("All {n} versions are"),
            };
            out.push(format!(
                "Record {} has different content in {}. {all} kept under \"conflicts\" in the \
                 combined JSON and left out of the tables; decide which is right before analysis.",
                c.record_id,
                where_.join(" versus "),
            ));
        }
        if self.mixed_instruments() {
            let list: Vec<String> = self
                .instruments
                .iter()
                .filter(|i| i.records > 0)
                .map(|i| {
                    format!(
                        "{} version {} ({}): {} records",
                        i.id,
                        i.version,
                        short(&i.hash),
                        i.records
                    )
                })
                .collect();
            out.push(format!(
                "The records were answered on {} different instruments, so they are written as \
                 separate tables, one per instrument: {}.",
                list.len(),
                list.join("; ")
            ));
        }
        for (a, b) in pairs(&self.instruments) {
            if a.id == b.id && a.version == b.version {
                out.push(format!(
                    "Two different instruments are both called {} version {} ({} and {}): \
                     their wording or codes differ, so their records are kept apart.",
                    a.id,
                    a.version,
                    short(&a.hash),
                    short(&b.hash)
                ));
            }
        }
        match self.identical_duplicates {
            0 => {}
            1 => out.push(
                "1 record was found in more than one file with identical content and was kept \
                 once."
                    .to_owned(),
            ),
            n => out.push(format!(
                "{n} records were found in more than one file with identical content and were \
                 kept once."
            )),
        }
        out
    }
}

fn pairs<T>(items: &[T]) -> impl Iterator<Item = (&T, &T)> {
    items
        .iter()
        .enumerate()
        .flat_map(move |(i, a)| items[i + 1..].iter().map(move |b| (a, b)))
}

/// The start of a hash, enough to tell instruments apart in a sentence.
fn short(hash: &str) -> &str {
    hash.get(..19).unwrap_or(hash)
}
