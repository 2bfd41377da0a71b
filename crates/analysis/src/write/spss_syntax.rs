//! SPSS syntax (.sps) that reads a dataset's wide CSV with variable labels,
//! value labels, missing values and measurement levels.

use crate::codebook::NOT_SHOWN_LABEL;
use crate::csv_cell::BOM;
use crate::write::dataset::Dataset;
use crate::write::escape::{name, plain_line};
use crate::write::syntax_text::{picked_names, reads_comment, syntax_columns, Column, Kind};
use candour_core::answer::MissingCode;
use candour_core::export::ExportError;
use std::fmt::Write;

/// SPSS cuts variable labels at 256 bytes and value labels at 120; cutting
/// here, at a character boundary, avoids a warning per label and a split
/// character.
const VARIABLE_LABEL_BYTES: usize = 255;
const VALUE_LABEL_BYTES: usize = 120;
/// String literals are split into pieces joined by `+` so that no syntax
/// line grows long enough to trouble older SPSS versions.
const PIECE_BYTES: usize = 60;

impl Dataset<'_> {
    /// SPSS syntax that reads `csv_file` (this dataset's
    /// [`Dataset::wide_csv_for_spss`], whose columns are the wide CSV's) with
    /// `GET DATA /TYPE=TXT /ENCODING='UTF8'`, then declares variable labels,
    /// value labels, the missing codes (-99 to -95) as missing values, and measurement
    /// levels. Labels are in `locale` where the instrument has them. The
    /// file starts with a UTF-8 byte-order mark, which is how SPSS knows a
    /// syntax file is UTF-8.
    pub fn spss_syntax(&self, csv_file: &str, locale: &str) -> Result<String, ExportError> {
        let instrument = self.instrument();
        let definition = &instrument.definition;
        let columns = syntax_columns(definition, locale)?;
        let dataset = name(DATASET, "dataset")?;
        let mut out = String::from(BOM);
        out.push_str(&reads_comment(instrument, locale, "  "));
        out.push_str(HEADER_COMMENT);
        // Writing to a String cannot fail; `let _ =` keeps that explicit.
        for code in MissingCode::ALL {
            let label = missing_label(&columns, code);
            let _ = writeln!(out, "  {} = {};", code.code(), plain_line(&label, 120));
        }
        let _ = writeln!(out, "  blank (system-missing) = {NOT_SHOWN_LABEL}.\n");
        out.push_str("GET DATA\n  /TYPE=TXT\n");
        // The file name stays one piece: `+` joins labels, not file names.
        let file = plain_line(csv_file, usize::MAX).replace('\'', "''");
        let _ = writeln!(out, "  /FILE='{file}'");
        out.push_str("  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n");
        out.push_str("  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=\n");
        for c in &columns {
            let _ = writeln!(out, "    {} {}", c.name, format(c));
        }
        let _ = writeln!(out, ".\nDATASET NAME {dataset} WINDOW=FRONT.\n");
        let texts = names(&columns, |c| matches!(c.kind, Kind::Text { .. }));
        let _ = writeln!(out, "{UNGUARD_COMMENT}DO REPEAT v =\n{texts}.\n{UNGUARD}");
        out.push_str("VARIABLE LABELS\n");
        let labels: Vec<String> = columns
            .iter()
            .map(|c| format!("{} {}", c.name, spss_string(&c.label, VARIABLE_LABEL_BYTES)))
            .collect();
        let _ = writeln!(out, "  {}.\n", labels.join("\n  /"));

        let coded: Vec<String> = columns
            .iter()
            .filter(|c| !c.value_labels.is_empty())
            .map(|c| {
                let pairs: Vec<String> = c
                    .value_labels
                    .iter()
                    .map(|(code, l)| format!("    {code} {}", spss_string(l, VALUE_LABEL_BYTES)))
                    .collect();
                format!("{}\n{}", c.name, pairs.join("\n"))
            })
            .collect();
        if !coded.is_empty() {
            let _ = writeln!(out, "VALUE LABELS\n  {}.\n", coded.join("\n  /"));
        }

        let numeric = names(&columns, |c| {
            c.has_missing_codes && !matches!(c.kind, Kind::Text { .. })
        });
        // SPSS takes at most three single missing values but any range;
        // the codes are one range with no real value in it.
        let (lowest, highest) = MissingCode::range();
        if !numeric.is_empty() {
            let _ = writeln!(
                out,
                "MISSING VALUES\n{numeric}\n  ({lowest} THRU {highest}).\n"
            );
        }
        let text = names(&columns, |c| {
            c.has_missing_codes && matches!(c.kind, Kind::Text { .. })
        });
        if !text.is_empty() {
            // A string takes no range: the codes a free-text item can hold.
            let quoted: Vec<String> = MissingCode::ALL
                .iter()
                .filter(|c| !c.can_be_chosen())
                .map(|c| format!("'{}'", c.code()))
                .collect();
            out.push_str(TEXT_MISSING_COMMENT);
            let _ = writeln!(out, "MISSING VALUES\n{text}\n  ({}).\n", quoted.join(", "));
        }

        for (level, pick) in [
            ("NOMINAL", Level::Nominal),
            ("ORDINAL", Level::Ordinal),
            ("SCALE", Level::Scale),
        ] {
            let list = names(&columns, |c| level_of(c) == pick);
            if !list.is_empty() {
                let _ = writeln!(out, "VARIABLE LEVEL\n{list}\n  ({level}).");
            }
        }
        out.push_str("\nEXECUTE.\n");
        Ok(out)
    }
}

// An SPSS comment runs from `*` to the first line that ends with a period,
// so no line of a comment but its last may end with one.
const HEADER_COMMENT: &str = "\
* Open this file in SPSS (Unicode mode, the default since version 21),
  put the CSV beside it or write its full path after /FILE, and run all.
* It reads the copy of the wide table made for SPSS, in which a line break
  inside a free-text answer is written as a space: SPSS ends a case at
  every line break, even inside quotes. The JSON and the other CSV files
  keep the line breaks.
* A multiple-choice item has one 0/1 column per option, <variable>_<code>.
* Missing-data codes, declared below as user-missing:
";
const UNGUARD_COMMENT: &str = "\
* Text that began with = + - or @ was written with a ' in front so that
  spreadsheets would not run it as a formula; take it off again.
";

const UNGUARD: &str = concat!(
    "  DO IF SUBSTR(v, 1, 1) = \"'\" AND ANY(SUBSTR(v, 2, 1), '=', '+', '-', '@').\n",
    "    COMPUTE v = SUBSTR(v, 2).\n",
    "  END IF.\n",
    "END REPEAT.\n",
    "EXECUTE.\n",
);

const TEXT_MISSING_COMMENT: &str = "\
* Free-text columns hold the codes as text. SPSS versions before 16 refuse
  missing values on long strings; this command then fails alone.
";

/// The label of a missing code as the columns give it (the instrument's
/// words for -99, -98 and -96), for the comment block.
fn missing_label(columns: &[Column], code: MissingCode) -> String {
    let label = columns
        .iter()
        .flat_map(|c| c.value_labels.iter())
        .find(|(c, _)| *c == code.code())
        .map_or(code.meaning(), |(_, l)| l.as_str());
    // A comment line must not end with a period before its last line.
    candour_core::text::one_line(label, 100)
        .trim_end_matches('.')
        .to_owned()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Nominal,
    Ordinal,
    Scale,
}

fn level_of(column: &Column) -> Level {
    match column.kind {
        Kind::Text { .. } | Kind::Codes { ordered: false } => Level::Nominal,
        Kind::Codes { ordered: true } => Level::Ordinal,
        Kind::Number { .. } => Level::Scale,
    }
}

/// The input format of a column. Widths are generous: for delimited data
/// they only cap what is read, and every value must fit, -99 included.
fn format(column: &Column) -> String {
    match column.kind {
        Kind::Text { width } => format!("A{width}"),
        Kind::Codes { .. } => "F8.0".to_owned(),
        Kind::Number { decimals } => format!("F16.{}", decimals.min(15)),
    }
}

/// Names of the columns that `pick` accepts, four to a line.
fn names(columns: &[Column], pick: impl Fn(&Column) -> bool) -> String {
    picked_names(columns, pick)
        .chunks(4)
        .map(|chunk| format!("  {}", chunk.join(" ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The name of the dataset the syntax opens.
const DATASET: &str = "candour";

/// A single-quoted SPSS string of at most `max` bytes, quotes doubled, on
/// one line (every control and bidirectional character a space), in pieces
/// joined by `+` when long. SPSS strings have no escapes, so nothing else
/// is needed: a quote is doubled and a piece is always closed on its line.
pub(crate) fn spss_string(s: &str, max: usize) -> String {
    let text = plain_line(s, max);
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in text.chars() {
        if piece.len() + c.len_utf8() > PIECE_BYTES {
            pieces.push(std::mem::take(&mut piece));
        }
        piece.push(c);
    }
    pieces.push(piece);
    pieces
        .iter()
        .map(|p| format!("'{}'", p.replace('\'', "''")))
        .collect::<Vec<_>>()
        .join("\n      + ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_quoted_cut_and_split() {
        assert_eq!(spss_string("I don't know", 100), "'I don''t know'");
        assert_eq!(spss_string("line\nbreak", 100), "'line break'");
        let long = "x".repeat(70);
        assert_eq!(
            spss_string(&long, 100),
            format!("'{}'\n      + '{}'", "x".repeat(60), "x".repeat(10))
        );
        assert_eq!(spss_string("ééé", 5), "'éé'");
        assert_eq!(spss_string("", 5), "''");
        assert_eq!(spss_string("a\0b\u{202e}c", 50), "'a b c'");
    }
}
