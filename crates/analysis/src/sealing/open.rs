//! Opening the picked exports: each read as what it is (unsigned version 1
//! or signed version 2), sealed records opened with the research key,
//! everything checked, and the readable records merged.

use super::completeness::check_completeness;
use super::findings::Finding;
use super::keys::ResearchKeyPair;
use super::read_signed::{read_signed, SignedRead};
use crate::combine::{combine_read, Combined, FileRow, PickedFile};
use candour_core::export::signed::SIGNED_FORMAT_VERSION;
use candour_core::export::{parse_export, ExportFile, ImportError};
use candour_core::time::Timestamp;
use serde::de::IgnoredAny;
use serde::Deserialize;

/// One file read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadExport {
    /// Format version 1: unsigned, records in clear.
    Unsigned(ExportFile),
    /// Format version 2: signed, checked, opened where possible.
    Signed(Box<SignedRead>),
}

/// What checking one file found, for the list of files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCheck {
    /// The file's name.
    pub file: String,
    /// `None` for an unsigned file; whether the signature is valid for a
    /// signed one.
    pub signature_valid: Option<bool>,
    /// The label of the tablet that signed it.
    pub tablet: Option<String>,
    /// Its signing key's fingerprint.
    pub tablet_key: Option<String>,
    /// Records of it that passed the checks and could be read.
    pub records_read: usize,
}

/// What checking all the files found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IntegrityReport {
    /// Each file read (files that could not be read are only in the rows).
    pub files: Vec<FileCheck>,
    /// Everything found, file by file, then across files.
    pub findings: Vec<Finding>,
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
        self.findings.is_empty() && self.files.iter().all(|f| f.signature_valid == Some(true))
    }
}

/// The combined data and what the checks found.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    /// The merge of every readable record, as [`crate::combine::combine`]
    /// gives it.
    pub combined: Combined,
    /// Signatures, alterations, gaps and keys.
    pub integrity: IntegrityReport,
}

#[derive(Deserialize)]
struct Version {
    #[serde(default)]
    format_version: Option<serde_json::Value>,
    #[serde(flatten)]
    _rest: IgnoredAny,
}

/// Reads one export of any version this app knows, opening sealed records
/// with `key` when given. Refused with the reason in words: files that are
/// not Candour exports, of an unknown version, or damaged beyond reading.
pub fn read_export(
    name: &str,
    bytes: &[u8],
    key: Option<&ResearchKeyPair>,
) -> Result<ReadExport, ImportError> {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let signed = std::str::from_utf8(text).ok().filter(|text| {
        serde_json::from_str::<Version>(text)
            .ok()
            .and_then(|v| v.format_version)
            .and_then(|v| v.as_u64())
            == Some(u64::from(SIGNED_FORMAT_VERSION))
    });
    match signed {
        Some(text) => Ok(ReadExport::Signed(Box::new(read_signed(name, text, key)?))),
        None => parse_export(name, bytes).map(ReadExport::Unsigned),
    }
}

/// Reads, checks, opens and merges the picked files (see the module
/// documentation of [`crate::sealing`]). Never fails as a whole: a file
/// that cannot be read is a rejected row, and what the checks found is in
/// `integrity`.
pub fn open_exports(
    picked: Vec<PickedFile>,
    key: Option<&ResearchKeyPair>,
    at: Timestamp,
) -> Opened {
    let mut slots = Vec::with_capacity(picked.len());
    let mut parsed = Vec::new();
    let mut seen = Vec::new();
    let mut integrity = IntegrityReport::default();
    for (name, bytes) in picked {
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(reason) => {
                slots.push(Some(FileRow::Rejected { file: name, reason }));
                continue;
            }
        };
        slots.push(None);
        let result = match read_export(&name, &bytes, key) {
            Ok(ReadExport::Unsigned(file)) => {
                integrity
                    .findings
                    .push(Finding::Unsigned { file: name.clone() });
                integrity.files.push(FileCheck {
                    file: name.clone(),
                    signature_valid: None,
                    tablet: None,
                    tablet_key: None,
                    records_read: file.records.len(),
                });
                Ok(file)
            }
            Ok(ReadExport::Signed(read)) => {
                let read = *read;
                integrity.files.push(FileCheck {
                    file: name.clone(),
                    signature_valid: Some(read.signature_valid),
                    tablet: Some(read.seen.label.clone()),
                    tablet_key: Some(read.seen.key.clone()),
                    records_read: read.file.records.len(),
                });
                integrity.findings.extend(read.findings);
                seen.push((name.clone(), read.seen));
                Ok(read.file)
            }
            Err(e) => Err(e),
        };
        parsed.push((name, result));
    }
    check_completeness(&seen, &mut integrity.findings);
    Opened {
        combined: combine_read(slots, parsed, at),
        integrity,
    }
}
