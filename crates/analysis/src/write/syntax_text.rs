//! What the R and SPSS syntax say about each wide column: its label, kind
//! and value labels, taken from the codebook so the three never disagree.

use crate::codebook::{codebook, CodebookEntry, UNANSWERED_LABEL};
use crate::write::escape::{name, plain_line};
use candour_core::answer::MissingCode;
use candour_core::export::columns::{option_column, scored_domains, wide_header};
use candour_core::export::{ExportError, ExportInstrument};
use candour_core::instrument::Instrument;

/// How a column is read and described.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text: ids, times, labels, free-text answers. `width` is in bytes.
    Text { width: u32 },
    /// Codes with labels; `ordered` when their order means something.
    Codes { ordered: bool },
    /// A measured number with up to `decimals` decimals.
    Number { decimals: u32 },
}

/// One column of the wide table as the syntax files describe it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    /// The column name, as in the CSV header.
    pub name: String,
    /// What the column holds, in words.
    pub label: String,
    /// How it is read.
    pub kind: Kind,
    /// Labels of its codes, missing codes included, in codebook order.
    pub value_labels: Vec<(i64, String)>,
    /// True for answer columns, which may hold the missing codes (-99 to -95).
    pub has_missing_codes: bool,
    /// True when every real value has a label (choices, agreement, yes /
    /// no, options), so the column can be a factor; a 0-10 scale labels only
    /// its ends and stays a number.
    pub fully_labelled: bool,
}

/// Label of a selected option (1) in a multiple-choice option column.
pub(crate) const SELECTED: &str = "Selected";
/// Label of an option not selected (0).
pub(crate) const NOT_SELECTED: &str = "Not selected";

/// Every wide column, in CSV order, described for syntax files.
pub(crate) fn syntax_columns(
    instrument: &Instrument,
    locale: &str,
) -> Result<Vec<Column>, ExportError> {
    // The header check refuses clashing names before any syntax is written.
    wide_header(instrument)?;
    let book = codebook(instrument, locale);
    let mut out = meta_columns();
    for entry in &book.variables {
        name(&entry.variable, "variable")?;
        out.extend(entry_columns(entry));
    }
    // The codebook's score rows, two per scored domain, in the CSV's order.
    debug_assert_eq!(book.scores.len(), 2 * scored_domains(instrument).count());
    for entry in &book.scores {
        out.push(Column {
            name: entry.variable.clone(),
            label: entry.text.clone(),
            kind: Kind::Number { decimals: 6 },
            value_labels: Vec::new(),
            has_missing_codes: false,
            fully_labelled: false,
        });
    }
    // Every name a syntax file will hold, checked where they are all made.
    for column in &out {
        name(&column.name, "column")?;
    }
    Ok(out)
}

fn meta_columns() -> Vec<Column> {
    let text = |name: &str, label: &str, width: u32| Column {
        name: name.to_owned(),
        label: label.to_owned(),
        kind: Kind::Text { width },
        value_labels: Vec::new(),
        has_missing_codes: false,
        fully_labelled: false,
    };
    // Widths in bytes, generous for what each holds: a UUID is 36, an
    // instrument hash 71, an ISO time 24, a participant code at most 16
    // ASCII characters; labels typed by staff may be any script (4 bytes a
    // character), and one more byte allows the formula-guard quote.
    vec![
        text("record_id", "Record id (random, unique)", 64),
        text("participant_code", "Participant code (pseudonymous)", 32),
        text(
            "status",
            "How the survey ended: complete, partial or declined_consent",
            16,
        ),
        text("device_label", "Device that collected the record", 512),
        text(
            "service_code",
            "Service the record was collected for (code set on the device)",
            17,
        ),
        text("instrument_id", "Instrument id", 128),
        text("instrument_version", "Instrument version", 64),
        text("instrument_hash", "Instrument content hash", 80),
        text("app_version", "App version that stored the record", 32),
        text("locale", "Language the questions were shown in", 35),
        text("started_at", "Started at (ISO 8601, UTC)", 32),
        text("ended_at", "Ended at (ISO 8601, UTC)", 32),
    ]
}

/// The item's columns: one, or one 0/1 column per multiple-choice option.
fn entry_columns(entry: &CodebookEntry) -> Vec<Column> {
    let missing: Vec<(i64, String)> = entry
        .missing_codes
        .iter()
        .filter_map(|m| Some((m.code?, m.label.clone())))
        .collect();
    // The codebook lists the codes a participant picks (-99, -98, -96) both
    // as offered choices and as missing codes, and always lists -97 and
    // -95; each code is labelled once.
    let with_missing = |mut labels: Vec<(i64, String)>| {
        for (code, label) in &missing {
            if !labels.iter().any(|(c, _)| c == code) {
                labels.push((*code, label.clone()));
            }
        }
        if !labels
            .iter()
            .any(|(c, _)| *c == MissingCode::Unanswered.code())
        {
            labels.push((MissingCode::Unanswered.code(), UNANSWERED_LABEL.to_owned()));
        }
        labels
    };
    let column = |name: String, label: String, kind: Kind, labels: Vec<(i64, String)>| Column {
        name,
        label,
        kind,
        value_labels: labels,
        has_missing_codes: true,
        fully_labelled: false,
    };
    let choices: Vec<(i64, String)> = entry
        .choices
        .iter()
        .map(|c| (c.code, c.label.clone()))
        .collect();
    match entry.item_type.as_str() {
        "multiple_choice" => entry
            .choices
            .iter()
            .filter(|c| c.code >= 0)
            .map(|c| {
                let labels = vec![(1, SELECTED.to_owned()), (0, NOT_SELECTED.to_owned())];
                Column {
                    fully_labelled: true,
                    ..column(
                        option_column(&entry.variable, c.code),
                        format!("{}: {}", entry.text, c.label),
                        Kind::Codes { ordered: false },
                        with_missing(labels),
                    )
                }
            })
            .collect(),
        "free_text" => {
            let chars = entry.max_length.unwrap_or(4000);
            let width = chars.saturating_mul(4).saturating_add(1).clamp(8, 32_767);
            vec![column(
                entry.variable.clone(),
                entry.text.clone(),
                Kind::Text { width },
                Vec::new(),
            )]
        }
        "number" => vec![column(
            entry.variable.clone(),
            match &entry.unit {
                Some(unit) if !unit.is_empty() => format!("{} ({unit})", entry.text),
                _ => entry.text.clone(),
            },
            Kind::Number {
                decimals: entry.step.map(decimals).unwrap_or(0),
            },
            with_missing(choices),
        )],
        other => vec![Column {
            // A 0-10 or 0-20 scale labels only its ends and stays a number.
            fully_labelled: !matches!(other, "scale_010" | "scale_020"),
            ..column(
                entry.variable.clone(),
                entry.text.clone(),
                Kind::Codes {
                    ordered: matches!(
                        other,
                        "agreement" | "difficulty" | "scale_010" | "scale_020"
                    ),
                },
                with_missing(choices),
            )
        }],
    }
}

/// Decimals needed to show multiples of `step` (1 → 0, 0.5 → 1, 0.25 → 2).
fn decimals(step: f64) -> u32 {
    let text = candour_core::answer_text::format_number(step);
    text.split_once('.').map_or(0, |(_, d)| d.len() as u32)
}

/// The first comment line of the SPSS and Stata syntax: the questionnaire
/// whose wide CSV the file reads (title in `locale`, id, version and hash),
/// so that a file kept apart from its data still says which data it fits.
/// `continued` begins the comment's second line, as each language
/// continues a comment its own way; without escapes in either language,
/// each part is one plain line.
pub(crate) fn reads_comment(
    instrument: &ExportInstrument,
    locale: &str,
    continued: &str,
) -> String {
    let definition = &instrument.definition;
    format!(
        "* Candour: reads the wide CSV of \"{}\" ({} version {},\n{continued}{}).\n",
        plain_line(definition.title.get(locale, &definition.locale), 200),
        plain_line(&instrument.id, 100),
        plain_line(&instrument.version, 100),
        instrument.hash
    )
}

/// The names of the columns that `pick` accepts, in CSV order: the
/// variable lists of the SPSS and Stata commands (each lays them out its
/// own way).
pub(crate) fn picked_names(columns: &[Column], pick: impl Fn(&Column) -> bool) -> Vec<&str> {
    columns
        .iter()
        .filter(|c| pick(c))
        .map(|c| c.name.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_of_steps() {
        assert_eq!(decimals(1.0), 0);
        assert_eq!(decimals(0.5), 1);
        assert_eq!(decimals(0.25), 2);
    }
}
