//! The export file: the model every export is written from, its JSON
//! envelope, and reading it back.
//!
//! Everything a researcher takes away from a tablet goes through one model,
//! [`ExportFile`]: the JSON envelope is that model serialised, and every
//! other format (wide and long CSV, codebook CSV, R and SPSS syntax) is
//! written from it (by `candour-analysis`). Records stored on this device and records imported from
//! several tablets' files therefore share one path, so a merged dataset is
//! written exactly as a local one.
//!
//! The envelope (format `candour-export`, version [`FORMAT_VERSION`]) is
//! compact JSON with a trailing newline: 10,000 records are several
//! megabytes, and indentation would add about a third for no reader's
//! benefit (R, SPSS extensions and Python read compact JSON alike; a person
//! reads the CSV). Its JSON Schema is `schema/candour-export.schema.json`.
//!
//! Each file lists the full definition of every instrument its records were
//! answered on, so that merged files can be written as CSV, codebook and
//! syntax without the instrument being on the device that merges them.

mod build;
pub mod columns;
mod error;
mod import;
mod import_check;
mod import_error;
pub mod iso;
mod model;
pub mod ordered;
mod rescore;
mod select;
pub mod signed;
mod value;

pub use build::{build_export, export_json, export_record};
pub use columns::META_COLUMNS;
pub use error::ExportError;
pub use import::{parse_export, ImportError, ImportProblem};
/// The checks [`parse_export`] makes of a file it read, for files read
/// another way (a signed export, once opened).
pub use import_check::check as check_export;
pub use model::{
    status_name, Conflict, ConflictVersion, ExportFile, ExportInstrument, ExportRecord,
    ExportTimes, SourceFile,
};
pub use ordered::VariableMap;
pub use select::{export_file_name, mark_all_exported, mark_exported, select_records, Selection};
pub use value::ExportValue;

/// The `device_label` of a file combined from several tablets' exports.
pub const MERGED_DEVICE_LABEL: &str = "merged";

/// The envelope's `format` field: tells a Candour export from any other JSON.
pub const FORMAT_NAME: &str = "candour-export";

/// The envelope's `format_version`. Raise it whenever a field is added,
/// removed or changes meaning: readers refuse versions they do not know
/// rather than guess, because a misread code is a lost response.
///
/// - **1**: the first format.
/// - **2**: records gain `service_code`; domain scores gain `score_100`;
///   answers may hold -96 (does not apply) and -95 (not reached), and a
///   partial record's unreached items are -95 rather than `null`. Version 1
///   files are still read (their scores are computed again on reading,
///   which fills in `score_100`).
pub const FORMAT_VERSION: u32 = 2;

/// Every format version this app reads.
pub const READABLE_VERSIONS: [u32; 2] = [1, 2];
