//! Writing the codebook out as CSV and JSON.

use super::describe::number;
use super::{Codebook, MissingCodeEntry, CSV_HEADER};
use crate::csv_cell::{neutralise_cell, BOM};

fn optional_number(value: Option<f64>) -> String {
    value.map(number).unwrap_or_default()
}

fn join<T>(items: &[T], cell: impl Fn(&T) -> String) -> String {
    items.iter().map(cell).collect::<Vec<_>>().join("; ")
}

impl Codebook {
    /// The codebook as CSV for Excel: a UTF-8 byte-order mark, CRLF line ends,
    /// the [`CSV_HEADER`] and one row per variable, every cell passed through
    /// [`neutralise_cell`]. Lists are joined with `; ` as `code=label`. A
    /// cell that starts with a negative code, such as the missing codes of an
    /// item (`'-99=Prefer not to say; -97=...`), therefore starts with a
    /// single quote: we accept the quote rather than reorder the codes, so
    /// that every cell is safe by one rule and the codes keep their order.
    pub fn to_csv(&self) -> String {
        // Writing into memory cannot fail and every row has the header's
        // length, so the error arm is unreachable; it must not panic a tablet.
        self.write_csv().unwrap_or_default()
    }

    fn write_csv(&self) -> Result<String, csv::Error> {
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(BOM.as_bytes().to_vec());
        out.write_record(
            CSV_HEADER
                .iter()
                .map(|cell| neutralise_cell(cell).into_owned()),
        )?;
        let missing = |m: &MissingCodeEntry| match m.code {
            Some(code) => format!("{code}={}", m.label),
            None => format!("blank={}", m.label),
        };
        for v in self.variables.iter().chain(&self.scores) {
            let row = [
                v.variable.clone(),
                v.domain.clone(),
                v.section.clone(),
                v.text.clone(),
                v.item_type.clone(),
                join(&v.choices, |c| {
                    let alone = if c.exclusive {
                        " (only on its own)"
                    } else {
                        ""
                    };
                    format!("{}={}{alone}", c.code, c.label)
                }),
                v.unit.clone().unwrap_or_default(),
                optional_number(v.min),
                optional_number(v.max),
                optional_number(v.step),
                v.max_length.map(|n| n.to_string()).unwrap_or_default(),
                serde_json::to_value(v.direction)
                    .ok()
                    .and_then(|d| d.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                v.reverse_keyed.to_string(),
                v.shown_if.clone().unwrap_or_default(),
                join(&v.missing_codes, missing),
                v.columns.join("; "),
            ];
            out.write_record(row.iter().map(|cell| neutralise_cell(cell).into_owned()))?;
        }
        let bytes = out.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The codebook as pretty-printed JSON; `null` marks what does not apply.
    pub fn to_json(&self) -> String {
        // Serialising plain structs with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
