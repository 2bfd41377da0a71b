//! Combining export files from several tablets: reading each picked file,
//! merging them (see [`candour_core::export::merge`] for the rules), saying
//! what happened to each file, and naming and writing the downloads of the
//! combined data in the formats of a device export.

use super::merge::{merge, FileOutcome, MergeReport};
use candour_core::export::{export_file_name, ExportError, ExportFile, ImportError};
use candour_core::time::Timestamp;
use thiserror::Error;

/// The label in the file names of combined data.
pub const COMBINED_LABEL: &str = "combined";

/// One picked file: its name, and its bytes or why they could not be read.
pub type PickedFile = (String, Result<Vec<u8>, String>);

/// What happened to one picked file, in pick order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileRow {
    /// Read and merged.
    Accepted {
        /// The file's name.
        file: String,
        /// Records it held.
        records: usize,
    },
    /// Not merged; nothing of it is in the combined data.
    Rejected {
        /// The file's name.
        file: String,
        /// Why, as a sentence.
        reason: String,
    },
}

/// The merge and a row per picked file.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    /// The merge: the combined file, duplicates, conflicts, instruments.
    pub report: MergeReport,
    /// Each picked file, in pick order, with what happened to it.
    pub rows: Vec<FileRow>,
}

impl Combined {
    /// How many files were accepted.
    pub fn accepted(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, FileRow::Accepted { .. }))
            .count()
    }
}

/// Reads and merges the picked files, with no research key: unsigned and
/// signed exports alike (sealed records stay unread; see
/// [`crate::sealing::open_exports`], which also says what the checks found).
/// A file that could not be read or parsed is a rejected row; every other
/// file is still merged.
pub fn combine(picked: Vec<PickedFile>, at: Timestamp) -> Combined {
    crate::sealing::open_exports(picked, None, at).combined
}

/// Merges files already read: `slots` has one entry per picked file, in
/// pick order, holding its row when it could not be read and `None` when
/// it is among `parsed` (in the same order).
pub(crate) fn combine_read(
    slots: Vec<Option<FileRow>>,
    parsed: Vec<(String, Result<ExportFile, ImportError>)>,
    at: Timestamp,
) -> Combined {
    let report = merge(parsed, at);
    // `merge` lists the files it was given in order; the unread ones go
    // back into their places among them.
    let mut merged = report.files.iter().map(row_of);
    let rows = slots
        .into_iter()
        .filter_map(|slot| slot.or_else(|| merged.next()))
        .collect();
    Combined { report, rows }
}

fn row_of(outcome: &FileOutcome) -> FileRow {
    match outcome {
        FileOutcome::Merged { file, records } => FileRow::Accepted {
            file: file.clone(),
            records: *records,
        },
        FileOutcome::Rejected(e) => FileRow::Rejected {
            file: e.file.clone(),
            reason: e.to_string(),
        },
    }
}

/// The formats of a download, as in a device export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The combined JSON envelope (conflicts included).
    Json,
    /// Wide CSV of one dataset.
    WideCsv,
    /// The wide CSV as SPSS reads it (line breaks in text as spaces).
    SpssCsv,
    /// Long CSV of one dataset.
    LongCsv,
    /// Codebook CSV of one dataset's instrument.
    CodebookCsv,
    /// R syntax reading the wide CSV.
    RSyntax,
    /// SPSS syntax reading the SPSS copy of the wide CSV.
    SpssSyntax,
}

impl Format {
    /// The formats written per dataset, in the order offered.
    pub const PER_DATASET: [Format; 6] = [
        Format::WideCsv,
        Format::SpssCsv,
        Format::LongCsv,
        Format::CodebookCsv,
        Format::RSyntax,
        Format::SpssSyntax,
    ];

    /// The end of the file name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::WideCsv => "wide.csv",
            Format::SpssCsv => "spss.csv",
            Format::LongCsv => "long.csv",
            Format::CodebookCsv => "codebook.csv",
            Format::RSyntax => "R",
            Format::SpssSyntax => "sps",
        }
    }

    /// The media type handed to the browser.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::WideCsv | Format::SpssCsv | Format::LongCsv | Format::CodebookCsv => {
                "text/csv;charset=utf-8"
            }
            Format::RSyntax | Format::SpssSyntax => "text/plain;charset=utf-8",
        }
    }
}

/// Why a planned download could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DownloadError {
    /// The file has no such dataset (the plan is of another file).
    #[error("The combined data has no table number {0}.")]
    NoSuchDataset(usize),
    /// A writer refused.
    #[error("{0}")]
    Export(#[from] ExportError),
}

/// The file name of a download: [`export_file_name`] with `label`, the
/// file's date and record count; for a table when the file has several,
/// the label also names the table's number, instrument id and version (the
/// number first, so that names stay distinct when a long label is cut).
pub fn download_name(
    file: &ExportFile,
    dataset: Option<usize>,
    format: Format,
    label: &str,
) -> String {
    let datasets = crate::write::datasets(file);
    let (label, count) = match dataset.and_then(|i| datasets.get(i).map(|d| (i, d))) {
        Some((i, d)) if datasets.len() > 1 => {
            let instrument = d.instrument();
            (
                format!("{label} {} {} {}", i + 1, instrument.id, instrument.version),
                d.records().len(),
            )
        }
        Some((_, d)) => (label.to_owned(), d.records().len()),
        None => (label.to_owned(), file.records.len()),
    };
    export_file_name(&label, file.exported_at, count, format.extension())
}

/// Writes one download of `file`: the JSON when `dataset` is `None`,
/// otherwise `format` of that table. Syntax files name the CSV they read
/// by its download name; labels are in `locale` where the instrument has
/// them.
pub fn write_download(
    file: &ExportFile,
    dataset: Option<usize>,
    format: Format,
    label: &str,
    locale: &str,
) -> Result<String, DownloadError> {
    let Some(index) = dataset else {
        return Ok(file.to_json()?);
    };
    let datasets = crate::write::datasets(file);
    let d = datasets
        .get(index)
        .ok_or(DownloadError::NoSuchDataset(index))?;
    let csv_name = |f| download_name(file, dataset, f, label);
    Ok(match format {
        Format::Json => file.to_json()?,
        Format::WideCsv => d.wide_csv()?,
        Format::SpssCsv => d.wide_csv_for_spss()?,
        Format::LongCsv => d.long_csv()?,
        Format::CodebookCsv => d.codebook_csv(locale),
        Format::RSyntax => d.r_syntax(&csv_name(Format::WideCsv), locale)?,
        Format::SpssSyntax => d.spss_syntax(&csv_name(Format::SpssCsv), locale)?,
    })
}
