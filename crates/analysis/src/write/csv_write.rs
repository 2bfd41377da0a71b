//! The wide and long CSV tables of a dataset.
//!
//! Both are UTF-8 with a byte-order mark (so Excel reads accents, emoji and
//! right-to-left text), CRLF line ends, quoted by the `csv` crate where a
//! cell holds a comma, quote or line break, and every cell passed through
//! [`neutralise_cell`] so a free-text answer cannot run as a formula.
//! Negative missing codes such as `-99` are plain numbers and stay as they are.

use crate::csv_cell::{neutralise_cell, BOM};
use crate::write::dataset::{Dataset, LONG_HEADER};
use candour_core::answer_text::format_number;
use candour_core::export::columns::{option_codes, option_column, scored_domains, wide_header};
use candour_core::export::iso::TimeText;
use candour_core::export::ordered::Cursor;
use candour_core::export::ExportError;
use candour_core::export::ExportValue;
use candour_core::export::{status_name, ExportRecord};
use candour_core::instrument::Item;
use candour_core::visibility::all_items;
use std::borrow::Cow;

type Writer = csv::Writer<Vec<u8>>;

impl Dataset<'_> {
    /// One row per record, one column per variable (see
    /// [`Dataset::wide_header`]). Codes and numbers as in the JSON, missing
    /// codes as -99 to -95, blank when not shown. A multiple-choice item
    /// has one column per option: 1 selected, 0 not, the missing code in
    /// every option column when the whole item is missing, blank when not
    /// shown. Domain scores, on their scale and on 0 to 100, are rounded to
    /// 6 decimals (the JSON keeps them whole); blank when too few items
    /// were answered.
    pub fn wide_csv(&self) -> Result<String, ExportError> {
        self.write_wide(false)
    }

    /// The wide table as SPSS (and PSPP) can read it, for
    /// [`Dataset::spss_syntax`]: the same as [`Dataset::wide_csv`] except
    /// that each line break inside a text cell is written as one space.
    /// SPSS ends a case at every line break, even inside quotes, so a
    /// multi-line comment would otherwise split its row and shift every
    /// later value into the wrong variable. The JSON, the wide and the long
    /// CSV keep the line breaks.
    pub fn wide_csv_for_spss(&self) -> Result<String, ExportError> {
        self.write_wide(true)
    }

    fn write_wide(&self, flatten: bool) -> Result<String, ExportError> {
        let definition = &self.instrument().definition;
        let header = wide_header(definition)?;
        let items = item_layout(definition);
        let scores: Vec<&str> = scored_domains(definition).collect();
        let mut w = writer();
        write_header(&mut w, header.iter().map(String::as_str))?;
        let cell = |w: &mut Writer, text: &str| {
            if flatten && text.contains(['\n', '\r']) {
                field(w, &text.replace("\r\n", " ").replace(['\r', '\n'], " "))
            } else {
                field(w, text)
            }
        };
        for record in self.records() {
            for text in meta_cells(record) {
                cell(&mut w, text)?;
            }
            field(&mut w, TimeText::of(record.started_at).as_str())?;
            field(&mut w, TimeText::of(record.ended_at).as_str())?;
            let mut answers = Cursor::new(&record.answers);
            for (item, codes) in &items {
                let value = answers.get(&item.variable).and_then(Option::as_ref);
                match codes {
                    Some(codes) => {
                        for option in option_cells(record, item, codes, value)? {
                            field(&mut w, &option)?;
                        }
                    }
                    None => cell(&mut w, &value.map(ExportValue::cell).unwrap_or_default())?,
                }
            }
            let mut domain_scores = Cursor::new(&record.domain_scores);
            for code in &scores {
                let score = domain_scores.get(code);
                for value in [score.and_then(|s| s.score), score.and_then(|s| s.score_100)] {
                    field(&mut w, &value.map(format_number).unwrap_or_default())?;
                }
            }
            w.write_record(None::<&[u8]>).map_err(csv_error)?;
        }
        finish(w)
    }

    /// One row per record and wide answer column ([`LONG_HEADER`]): the
    /// record id, the column name, its value exactly as in the wide table,
    /// and the item's first-shown and last-changed times. Every record has
    /// a row for every column, blank values included, so nothing depends on
    /// a row being absent. Record-level fields and scores are in the wide
    /// table only.
    pub fn long_csv(&self) -> Result<String, ExportError> {
        let definition = &self.instrument().definition;
        wide_header(definition)?;
        let items = item_layout(definition);
        let mut w = writer();
        write_header(&mut w, LONG_HEADER.iter().copied())?;
        for record in self.records() {
            let mut answers = Cursor::new(&record.answers);
            let mut paradata = Cursor::new(&record.paradata);
            for (item, codes) in &items {
                let value = answers.get(&item.variable).and_then(Option::as_ref);
                let times = paradata.get(&item.variable);
                let first = times.and_then(|t| t.first_shown).map(TimeText::of);
                let last = times.and_then(|t| t.last_changed).map(TimeText::of);
                let first = first.as_ref().map_or("", TimeText::as_str);
                let last = last.as_ref().map_or("", TimeText::as_str);
                let rows: Vec<(Cow<'_, str>, Cow<'_, str>)> = match codes {
                    Some(codes) => codes
                        .iter()
                        .map(|c| Cow::Owned(option_column(&item.variable, *c)))
                        .zip(option_cells(record, item, codes, value)?)
                        .collect(),
                    None => vec![(
                        Cow::Borrowed(item.variable.as_str()),
                        value.map(ExportValue::cell).unwrap_or_default(),
                    )],
                };
                for (variable, cell) in rows {
                    for c in [record.id.as_str(), &variable, &cell, first, last] {
                        field(&mut w, c)?;
                    }
                    w.write_record(None::<&[u8]>).map_err(csv_error)?;
                }
            }
        }
        finish(w)
    }
}

/// Each item with its option codes when it is multiple choice, computed once.
fn item_layout(
    definition: &candour_core::instrument::Instrument,
) -> Vec<(&Item, Option<Vec<i64>>)> {
    all_items(definition)
        .map(|item| (item, option_codes(item)))
        .collect()
}

/// The record-level text cells, in [`candour_core::export::META_COLUMNS`] order; the two
/// times that end the row are written apart, from the stack.
fn meta_cells(record: &ExportRecord) -> [&str; 10] {
    [
        record.id.as_str(),
        record.participant_code.as_deref().unwrap_or(""),
        status_name(record.status),
        &record.device_label,
        record.service_code.as_deref().unwrap_or(""),
        &record.instrument.id,
        &record.instrument.version,
        &record.instrument.hash,
        &record.app_version,
        &record.locale,
    ]
}

/// The option columns' cells of a multiple-choice value: 1 / 0 per option,
/// the missing code in each, or blank in each. Any other value, or a code
/// the item does not offer, cannot be shown this way and is refused rather
/// than dropped.
pub(crate) fn option_cells(
    record: &ExportRecord,
    item: &Item,
    codes: &[i64],
    value: Option<&ExportValue>,
) -> Result<Vec<Cow<'static, str>>, ExportError> {
    let fits = |selected: &[i64]| selected.iter().all(|c| codes.contains(c));
    match value {
        None => Ok(vec![Cow::Borrowed(""); codes.len()]),
        Some(ExportValue::Codes(selected)) if fits(selected) => Ok(codes
            .iter()
            .map(|c| Cow::Borrowed(if selected.contains(c) { "1" } else { "0" }))
            .collect()),
        Some(v) if v.missing_code().is_some() => {
            Ok(vec![Cow::Owned(v.cell().into_owned()); codes.len()])
        }
        Some(v) => Err(ExportError::ValueDoesNotFit {
            record_id: record.id.clone(),
            variable: item.variable.clone(),
            value: v.to_string(),
        }),
    }
}

fn writer() -> Writer {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec())
}

/// The header row, each cell neutralised like a data cell: the names are
/// checked identifiers today, but a header is a cell a spreadsheet reads
/// like any other, so it gets the same guard.
fn write_header<'a>(
    w: &mut Writer,
    cells: impl Iterator<Item = &'a str>,
) -> Result<(), ExportError> {
    for cell in cells {
        field(w, cell)?;
    }
    w.write_record(None::<&[u8]>).map_err(csv_error)
}

fn field(w: &mut Writer, cell: &str) -> Result<(), ExportError> {
    w.write_field(neutralise_cell(cell).as_bytes())
        .map_err(csv_error)?;
    Ok(())
}

fn finish(w: Writer) -> Result<String, ExportError> {
    let bytes = w
        .into_inner()
        .map_err(|e| ExportError::Write(e.error().to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExportError::Write(e.to_string()))
}

/// The csv writer's error (writing into memory: not expected), reported
/// rather than panicking.
fn csv_error(e: csv::Error) -> ExportError {
    ExportError::Write(e.to_string())
}
