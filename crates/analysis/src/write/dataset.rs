//! A dataset: the records of one instrument, ready to be written as tables.
//!
//! Records answered on different instruments (or different versions of one)
//! never share a table: their columns and codes may differ, so each
//! instrument hash gets its own [`Dataset`].

use crate::codebook::{codebook, Codebook};
use candour_core::export::columns;
use candour_core::export::ExportError;
use candour_core::export::{ExportFile, ExportInstrument, ExportRecord};

pub use candour_core::export::columns::META_COLUMNS;

/// Columns of the long CSV: one row per record and wide answer column
/// (so pivoting it on `variable` gives the wide table's answer columns),
/// with the item's paradata beside its value.
pub const LONG_HEADER: [&str; 5] = [
    "record_id",
    "variable",
    "value",
    "first_shown",
    "last_changed",
];

/// The records of one instrument, and that instrument.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset<'a> {
    instrument: &'a ExportInstrument,
    records: Vec<&'a ExportRecord>,
}

/// One dataset per instrument of the file, in the file's instrument
/// order, each with the records answered on it (by content hash).
/// Instruments without records are left out, except when the file has
/// no records at all: then every instrument gives an empty dataset, so
/// an empty export still yields headers, a codebook and syntax.
/// Conflicting records (merged files) are in no dataset.
pub fn datasets(file: &ExportFile) -> Vec<Dataset<'_>> {
    let all = file.instruments.iter().map(|instrument| Dataset {
        instrument,
        records: file
            .records
            .iter()
            .filter(|r| r.instrument.hash == instrument.hash)
            .collect(),
    });
    if file.records.is_empty() {
        all.collect()
    } else {
        all.filter(|d| !d.records.is_empty()).collect()
    }
}

impl<'a> Dataset<'a> {
    /// The instrument the records were answered on.
    pub fn instrument(&self) -> &'a ExportInstrument {
        self.instrument
    }

    /// The records, in file order.
    pub fn records(&self) -> &[&'a ExportRecord] {
        &self.records
    }

    /// The wide table's column names: [`META_COLUMNS`], the item columns in
    /// the order asked (`<variable>_<code>` per option of a multiple-choice
    /// item), then `score_<code>` per scored domain.
    pub fn wide_header(&self) -> Result<Vec<String>, ExportError> {
        columns::wide_header(&self.instrument.definition)
    }

    /// The codebook of the instrument, with texts in `locale` (its own
    /// locale when it has no such texts); write it with
    /// [`Codebook::to_csv`] or [`Codebook::to_json`].
    pub fn codebook(&self, locale: &str) -> Codebook {
        codebook(&self.instrument.definition, locale)
    }

    /// The codebook as CSV (UTF-8 with BOM, cells neutralised).
    pub fn codebook_csv(&self, locale: &str) -> String {
        self.codebook(locale).to_csv()
    }
}
