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
//! Signed exports (format 3: sealed records, signatures, sequence numbers;
//! `docs/sealing.md`) are verified in step 1, and their sealed records
//! opened there when the research key is given ([`open_file_with_key`]).
//! What the checks found, file by file and across the files (gaps in a
//! tablet's numbers, changed keys), is [`integrity`].

pub mod facts;
pub mod outputs;
pub mod receipt;
pub mod verification;

pub use facts::{FileFacts, FileNote, StatusCounts, VersionCount};
pub use receipt::{receipt_name, receipt_of};
pub use verification::{file_check_words, integrity_words, COMPLETE_AND_UNALTERED};

use crate::combine::{merge, Combined, FileRow, MergeReport};
use crate::sealing::{
    check_completeness, read_export, Finding, ReadExport, ResearchKeyPair, TabletSeen,
};
use candour_core::export::{ExportFile, ImportError};
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
    /// What verifying it found; `None` for a refused file.
    pub check: Option<FileCheck>,
}

/// What verifying one accepted file found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileCheck {
    /// An export of format 1 or 2: no signature, no sequence numbers.
    Unsigned,
    /// A signed export (format 3).
    Signed {
        /// Whether the tablet's signature over its manifest is valid.
        signature_valid: bool,
        /// What it says of its tablet, for the checks across files.
        seen: TabletSeen,
        /// What was found in it (altered, added or removed records, sealed
        /// records that could not be opened).
        findings: Vec<Finding>,
    },
}

/// What verifying every opened file found: each file's findings, then the
/// findings across files (gaps, changed keys, reused numbers).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IntegrityReport {
    /// Everything found, file by file, then across files.
    pub findings: Vec<Finding>,
    /// Whether at least one file was accepted, none was refused, and every
    /// accepted file is signed with a valid signature: a verdict is given
    /// only on a set of files that was read whole.
    pub all_signed: bool,
}

impl IntegrityReport {
    /// The findings to act on.
    pub fn problems(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.is_problem())
    }

    /// Whether every file is signed with a valid signature and nothing is
    /// altered, added, unopened or missing: what a researcher can show an
    /// ethics committee.
    pub fn complete_and_unaltered(&self) -> bool {
        self.all_signed && self.findings.is_empty()
    }
}

/// Says what verifying `files` found, in their order, and across them.
pub fn integrity(files: &[Opened]) -> IntegrityReport {
    let mut report = IntegrityReport {
        findings: Vec::new(),
        all_signed: true,
    };
    let mut seen = Vec::new();
    let mut accepted = 0;
    for f in files {
        accepted += usize::from(f.check.is_some());
        match &f.check {
            // A refused file: whatever it held is unchecked.
            None => report.all_signed = false,
            Some(FileCheck::Unsigned) => {
                report.all_signed = false;
                report.findings.push(Finding::Unsigned {
                    file: f.name.clone(),
                });
            }
            Some(FileCheck::Signed {
                signature_valid,
                seen: tablet,
                findings,
            }) => {
                report.all_signed &= *signature_valid;
                report.findings.extend(findings.iter().cloned());
                seen.push((f.name.clone(), tablet.clone()));
            }
        }
    }
    if accepted == 0 {
        report.all_signed = false;
    }
    check_completeness(&seen, &mut report.findings);
    report
}

/// Why a file was refused, in words, naming the file.
#[derive(Debug, Clone, PartialEq)]
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
/// not be read), with no research key: sealed records stay unread.
pub fn open_file(name: &str, bytes: Result<&[u8], String>) -> Opened {
    open_file_with_key(name, bytes, None)
}

/// Step 1 with the research key: as [`open_file`], and the sealed records
/// of a signed export are opened with `key`.
pub fn open_file_with_key(
    name: &str,
    bytes: Result<&[u8], String>,
    key: Option<&ResearchKeyPair>,
) -> Opened {
    let mut text = None;
    let mut check = None;
    let outcome = match bytes {
        Err(reason) => Err(Refusal::Unreadable(reason)),
        Ok(bytes) => match read_export(name, bytes, key) {
            Ok(read) => {
                // An accepted export is UTF-8: the parser read it as such.
                text = std::str::from_utf8(bytes).ok().map(Rc::from);
                let file = match read {
                    ReadExport::Unsigned(file) => {
                        check = Some(FileCheck::Unsigned);
                        file
                    }
                    ReadExport::Signed(read) => {
                        check = Some(FileCheck::Signed {
                            signature_valid: read.signature_valid,
                            seen: read.seen,
                            findings: read.findings,
                        });
                        read.file
                    }
                };
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
        check,
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
