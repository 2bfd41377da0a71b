//! Export, import and merge of collected responses.
//!
//! Everything a researcher takes away from a tablet goes through one model,
//! [`ExportFile`]: the JSON envelope is that model serialised, and every
//! other format (wide and long CSV, codebook CSV, R and SPSS syntax) is
//! written from it. Records stored on this device and records imported from
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
mod columns;
mod csv_write;
mod dataset;
mod error;
mod import;
mod import_check;
mod import_error;
mod iso;
mod merge;
mod model;
mod ordered;
mod r_syntax;
mod select;
mod spss_syntax;
mod syntax_text;
mod value;

pub use build::{build_export, export_json, export_record};
pub use dataset::{Dataset, LONG_HEADER, META_COLUMNS};
pub use error::ExportError;
pub use import::{parse_export, ImportError, ImportProblem};
pub use merge::{merge, FileOutcome, InstrumentCount, MergeReport, MERGED_DEVICE_LABEL};
pub use model::{
    status_name, Conflict, ConflictVersion, ExportFile, ExportInstrument, ExportRecord,
    ExportTimes, SourceFile,
};
pub use ordered::VariableMap;
pub use select::{export_file_name, mark_all_exported, mark_exported, select_records, Selection};
pub use value::ExportValue;

/// The envelope's `format` field: tells a Candour export from any other JSON.
pub const FORMAT_NAME: &str = "candour-export";

/// The envelope's `format_version`. Raise it whenever a field is added,
/// removed or changes meaning: readers refuse versions they do not know
/// rather than guess, because a misread code is a lost response.
pub const FORMAT_VERSION: u32 = 1;
