//! The researcher's pipeline, one step per function, so that the workbench
//! and the command-line tool run exactly the same code:
//!
//! 1. [`open_file`]: read one file and check it (format, version, counts,
//!    hashes, every embedded questionnaire through the full checks), and
//!    describe it ([`FileFacts`]);
//! 2. [`combine_opened`]: combine the files that were accepted
//!    (de-duplicated by record id, conflicts kept apart);
//! 3. [`crate::summary::summarise`] and [`outputs::plan`] /
//!    [`outputs::write`]: summarise and write every analysis file.
//!
//! A later format version (sealed records, signatures, sequence numbers)
//! adds its verification to step 1 and an "open with the research team's
//! key" step between 1 and 2: [`Opened`] is where an opened file waits for
//! it, and [`FileFacts::notes`] where what the checks found is said.

pub mod facts;
pub mod outputs;
pub mod receipt;

pub use facts::{FileFacts, StatusCounts, VersionCount};
pub use receipt::{receipt_name, receipt_of};

use crate::combine::{merge, Combined, FileRow, MergeReport};
use candour_core::export::{parse_export, ExportFile, ImportError};
use candour_core::time::Timestamp;
use std::rc::Rc;

/// One file given to the pipeline, as read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The file's name, as picked or given.
    pub name: String,
    /// The checked file and what it holds, or why it was refused.
    pub outcome: Result<(Rc<ExportFile>, FileFacts), Refusal>,
    /// The accepted file's exact text, kept for its receipt: a record's
    /// digest is of its text as it stands in the file, never re-written.
    pub text: Option<Rc<str>>,
}

/// Why a file was refused, in words, naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The bytes could not be had (the browser or the file system refused).
    Unreadable(String),
    /// The bytes are not an acceptable export.
    Invalid(ImportError),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Unreadable(reason) => f.write_str(reason),
            Refusal::Invalid(e) => write!(f, "{e}"),
        }
    }
}

/// Step 1: reads and checks one file (`bytes` as read, or why they could
/// not be read).
pub fn open_file(name: &str, bytes: Result<&[u8], String>) -> Opened {
    let mut text = None;
    let outcome = match bytes {
        Err(reason) => Err(Refusal::Unreadable(reason)),
        Ok(bytes) => match parse_export(name, bytes) {
            Ok(file) => {
                // An accepted export is UTF-8: the parser read it as such.
                text = std::str::from_utf8(bytes).ok().map(Rc::from);
                let facts = FileFacts::of(&file);
                Ok((Rc::new(file), facts))
            }
            Err(e) => Err(Refusal::Invalid(e)),
        },
    };
    Opened {
        name: name.to_owned(),
        outcome,
        text,
    }
}

/// The time a combination is stamped with: the latest `exported_at` of the
/// accepted files (the combined data are as of then), or the epoch when
/// none was accepted. Derived from the inputs, never from a clock, so the
/// workbench and the command-line tool write the same bytes.
pub fn combined_at(files: &[Opened]) -> Timestamp {
    files
        .iter()
        .filter_map(|f| f.outcome.as_ref().ok())
        .map(|(file, _)| file.exported_at)
        .max()
        .unwrap_or(Timestamp(0))
}

/// Step 2: combines the accepted files, in the order given (see
/// [`crate::combine::merge`] for the rules); refused files keep their row.
pub fn combine_opened(files: &[Opened]) -> Combined {
    let at = combined_at(files);
    let accepted = files
        .iter()
        .filter_map(|f| {
            let (file, _) = f.outcome.as_ref().ok()?;
            Some((f.name.clone(), Ok((**file).clone())))
        })
        .collect();
    let report: MergeReport = merge(accepted, at);
    let mut merged = report.files.iter();
    let rows = files
        .iter()
        .map(|f| match &f.outcome {
            Err(refusal) => FileRow::Rejected {
                file: f.name.clone(),
                reason: refusal.to_string(),
            },
            Ok(_) => match merged.next() {
                Some(crate::combine::FileOutcome::Merged { file, records }) => FileRow::Accepted {
                    file: file.clone(),
                    records: *records,
                },
                // `merge` was given only accepted files, so it rejects none.
                _ => FileRow::Rejected {
                    file: f.name.clone(),
                    reason: String::new(),
                },
            },
        })
        .collect();
    Combined { report, rows }
}
