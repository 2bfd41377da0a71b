//! The columns of the wide table, shared by the CSV writers and the R and
//! SPSS syntax so that the syntax always names the columns the CSV has.

use super::error::ExportError;
use crate::instrument::{Instrument, Item, ItemKind};
use crate::visibility::all_items;
use std::collections::HashSet;

/// Record-level columns that open every wide table, in order.
pub const META_COLUMNS: [&str; 12] = [
    "record_id",
    "participant_code",
    "status",
    "device_label",
    "service_code",
    "instrument_id",
    "instrument_version",
    "instrument_hash",
    "app_version",
    "locale",
    "started_at",
    "ended_at",
];

/// The option codes of a multiple-choice item, `None` for other items: such
/// an item takes one 0/1 column per option instead of one column.
pub fn option_codes(item: &Item) -> Option<Vec<i64>> {
    match &item.kind {
        ItemKind::MultipleChoice { choices } => Some(choices.iter().map(|c| c.code).collect()),
        _ => None,
    }
}

/// The name of the 0/1 column of one option of a multiple-choice item.
pub fn option_column(variable: &str, code: i64) -> String {
    format!("{variable}_{code}")
}

/// The wide columns of one item, in order.
pub fn item_columns(item: &Item) -> Vec<String> {
    match option_codes(item) {
        Some(codes) => codes
            .into_iter()
            .map(|c| option_column(&item.variable, c))
            .collect(),
        None => vec![item.variable.clone()],
    }
}

/// The codes of the domains that are scored, in the instrument's order.
pub fn scored_domains(instrument: &Instrument) -> impl Iterator<Item = &str> {
    instrument
        .domains
        .iter()
        .filter(|d| d.scored)
        .map(|d| d.code.as_str())
}

/// The name of a domain score's column: `score_` and the code in lower
/// case (`score_c`), so that it is an identifier syntax files may name
/// ([`crate::ident::is_identifier`]; the instrument checks keep domain codes
/// to upper-case letters and digits, so no two codes share a column).
pub fn score_column(code: &str) -> String {
    format!("score_{}", code.to_ascii_lowercase())
}

/// The name of the column of a domain score on 0 to 100: the score's
/// column and `_100` (`score_c_100`), an identifier like it.
pub fn score_100_column(code: &str) -> String {
    format!("{}_100", score_column(code))
}

/// Every column of the wide table: [`META_COLUMNS`], each item's columns in
/// the order asked, then per scored domain `score_<code>` and
/// `score_<code>_100`. Refused when two names clash, since a reader would
/// silently see only one of them.
pub fn wide_header(instrument: &Instrument) -> Result<Vec<String>, ExportError> {
    let mut header: Vec<String> = META_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    header.extend(all_items(instrument).flat_map(item_columns));
    header.extend(
        scored_domains(instrument).flat_map(|code| [score_column(code), score_100_column(code)]),
    );
    let mut seen = HashSet::new();
    for column in &header {
        if !seen.insert(column.as_str()) {
            return Err(ExportError::DuplicateColumn {
                column: column.clone(),
                instrument_id: instrument.id.clone(),
                instrument_version: instrument.version.clone(),
            });
        }
    }
    Ok(header)
}
