//! R syntax that reads a dataset's wide CSV with labels and missing codes,
//! in base R only, so it runs on any R without installing packages.

use crate::codebook::NOT_SHOWN_LABEL;
use crate::write::dataset::Dataset;
use crate::write::escape::plain_line;
pub(crate) use crate::write::escape::r_string;
use crate::write::syntax_text::{syntax_columns, Column, Kind};
use candour_core::answer::MissingCode;
use candour_core::export::ExportError;
use std::fmt::Write;

impl Dataset<'_> {
    /// An R script that reads `csv_file` (this dataset's wide CSV) into
    /// three data frames: `candour` (codes exactly as written, each column
    /// with a `label` attribute and, where coded, a `labels` attribute of
    /// code = label), `candour_na` (every missing code, -99 to -95, turned
    /// into NA) and `candour_factors` (coded items as factors). Labels are in
    /// `locale` where the instrument has them.
    pub fn r_syntax(&self, csv_file: &str, locale: &str) -> Result<String, ExportError> {
        let instrument = self.instrument();
        let definition = &instrument.definition;
        let columns = syntax_columns(definition, locale)?;
        let mut out = String::new();
        let title = definition.title.get(locale, &definition.locale);
        // Writing to a String cannot fail; `let _ =` keeps that explicit.
        let _ = write!(
            out,
            "# Candour: reads the wide CSV of \"{}\" ({} version {},\n# {})\n",
            comment(title),
            comment(&instrument.id),
            comment(&instrument.version),
            instrument.hash
        );
        out.push_str(HEADER_COMMENT);
        for code in MissingCode::ALL {
            let label = missing_label(&columns, code);
            let _ = writeln!(out, "#   {} = {}", code.code(), comment(&label));
        }
        let _ = writeln!(out, "#   blank (read as NA) = {NOT_SHOWN_LABEL}");
        out.push_str(FRAMES_COMMENT);
        let _ = writeln!(out, "csv_file <- {}\n", r_string(csv_file));
        // Data-frame names (`candour`, `candour_na`, `candour_factors`) are
        // constants on the allow-list; every column name was checked by
        // `syntax_columns`.
        out.push_str("candour <- read.csv(\n  csv_file,\n  fileEncoding = \"UTF-8-BOM\",\n");
        out.push_str("  na.strings = \"\",\n  check.names = FALSE,\n  stringsAsFactors = FALSE,\n");
        out.push_str("  colClasses = c(\n");
        let classes: Vec<String> = columns
            .iter()
            .map(|c| format!("    {} = {}", r_string(&c.name), r_string(class(c))))
            .collect();
        let _ = writeln!(out, "{}\n  )\n)\n", classes.join(",\n"));

        let text: Vec<&Column> = columns
            .iter()
            .filter(|c| matches!(c.kind, Kind::Text { .. }))
            .collect();
        out.push_str(UNQUOTE_COMMENT);
        let _ = writeln!(
            out,
            "text_columns <- {}",
            r_vector(text.iter().map(|c| r_string(&c.name)))
        );
        out.push_str("for (v in text_columns) {\n");
        out.push_str(
            "  candour[[v]] <- sub(\"^'(?=[-=+@\\t\\r])\", \"\", candour[[v]], perl = TRUE)\n}\n\n",
        );

        out.push_str("# Question wording (\"label\") and code labels (\"labels\").\n");
        for c in &columns {
            let _ = writeln!(
                out,
                "attr(candour[[{}]], \"label\") <- {}",
                r_string(&c.name),
                r_string(&c.label)
            );
            if !c.value_labels.is_empty() {
                let codes = r_vector(c.value_labels.iter().map(|(code, _)| code.to_string()));
                let labels = r_vector(c.value_labels.iter().map(|(_, l)| r_string(l)));
                let _ = writeln!(
                    out,
                    "attr(candour[[{}]], \"labels\") <- setNames({codes}, {labels})",
                    r_string(&c.name)
                );
            }
        }

        let answers: Vec<&Column> = columns.iter().filter(|c| c.has_missing_codes).collect();
        out.push_str("\n# The missing codes turned into NA, in a copy; `candour` keeps them.\n");
        let codes = r_vector(MissingCode::ALL.iter().map(|c| c.code().to_string()));
        let _ = writeln!(out, "missing_codes <- {codes}");
        let _ = writeln!(
            out,
            "answer_columns <- {}",
            r_vector(answers.iter().map(|c| r_string(&c.name)))
        );
        out.push_str(
            "candour_na <- candour\nfor (v in answer_columns) {\n  x <- candour_na[[v]]\n",
        );
        out.push_str("  x[x %in% missing_codes] <- NA\n  candour_na[[v]] <- x\n}\n\n");

        out.push_str("# Coded items as factors (levels are the real codes), in a further copy.\n");
        out.push_str("candour_factors <- candour_na\n");
        for c in columns.iter().filter(|c| c.fully_labelled) {
            let real: Vec<&(i64, String)> = c
                .value_labels
                .iter()
                .filter(|(code, _)| *code >= 0)
                .collect();
            let ordered = matches!(c.kind, Kind::Codes { ordered: true });
            let _ = writeln!(
                out,
                "candour_factors[[{name}]] <- factor(candour_factors[[{name}]], levels = {}, labels = {}{})",
                r_vector(real.iter().map(|(code, _)| code.to_string())),
                r_vector(real.iter().map(|(_, l)| r_string(l))),
                if ordered { ", ordered = TRUE" } else { "" },
                name = r_string(&c.name),
            );
        }
        out.push_str("for (v in names(candour_factors)) {\n");
        out.push_str(
            "  attr(candour_factors[[v]], \"label\") <- attr(candour[[v]], \"label\")\n}\n",
        );
        Ok(out)
    }
}

const HEADER_COMMENT: &str = "\
# into R, with labels and missing codes. Base R only, no packages needed.
# Run it from the folder holding the CSV with:
#   source(\"<this file>\", encoding = \"UTF-8\")
#
# Missing-data codes (no real value is negative, so they never clash):
";

const FRAMES_COMMENT: &str = "\
#
# Three data frames result:
#   candour          the values exactly as in the CSV; every column has a
#                    \"label\" attribute (the question) and coded columns a
#                    \"labels\" attribute (code = label);
#   candour_na       a copy with every missing code turned into NA;
#   candour_factors  a copy of candour_na with coded items as factors.
# A multiple-choice item has one 0/1 column per option, <variable>_<code>.

";

const UNQUOTE_COMMENT: &str = "\
# Text that began with = + - @, a tab or a carriage return was written with a
# ' in front so that spreadsheets would not run it as a formula; remove it.
";

/// The label of a missing code as the columns give it (the instrument's
/// words for -99, -98 and -96), for the comment block.
pub(crate) fn missing_label(columns: &[Column], code: MissingCode) -> String {
    columns
        .iter()
        .flat_map(|c| c.value_labels.iter())
        .find(|(c, _)| *c == code.code())
        .map(|(_, l)| l.clone())
        .unwrap_or_else(|| code.meaning().to_owned())
}

fn class(column: &Column) -> &'static str {
    match column.kind {
        Kind::Text { .. } => "character",
        Kind::Codes { .. } | Kind::Number { .. } => "numeric",
    }
}

fn r_vector(items: impl Iterator<Item = String>) -> String {
    format!("c({})", items.collect::<Vec<_>>().join(", "))
}

/// Text safe inside a `#` comment: one line, no control or bidirectional
/// character.
fn comment(s: &str) -> String {
    plain_line(s, 200)
}
