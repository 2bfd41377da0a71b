//! Step 3 of the pipeline: every analysis file of the combined data, named
//! and written the same way by the workbench and the command-line tool.

use crate::combine::{download_name, write_download, DownloadError, Format, COMBINED_LABEL};
use candour_core::export::ExportFile;

/// One file to write: which table (none for the JSON) and which format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    /// The table (dataset) it is of; `None` for the combined JSON.
    pub dataset: Option<usize>,
    /// Its format.
    pub format: Format,
    /// Its file name.
    pub name: String,
}

/// Every file of `file`, in the order they are written: the combined JSON,
/// then per table (one per questionnaire version) each format of
/// [`Format::PER_DATASET`].
pub fn plan(file: &ExportFile) -> Vec<Planned> {
    let tables = crate::write::datasets(file).len();
    let mut out = vec![Planned {
        dataset: None,
        format: Format::Json,
        name: download_name(file, None, Format::Json, COMBINED_LABEL),
    }];
    for dataset in 0..tables {
        for format in Format::PER_DATASET {
            out.push(Planned {
                dataset: Some(dataset),
                format,
                name: download_name(file, Some(dataset), format, COMBINED_LABEL),
            });
        }
    }
    out
}

/// Writes one planned file; labels in `locale` where the questionnaire has
/// them.
pub fn write(file: &ExportFile, planned: &Planned, locale: &str) -> Result<String, DownloadError> {
    write_download(
        file,
        planned.dataset,
        planned.format,
        COMBINED_LABEL,
        locale,
    )
}
