//! A Stata do-file that reads a dataset's wide CSV with variable labels,
//! value labels and missing values.
//!
//! Missing codes become Stata's extended missing values, in the order of
//! `MissingCode::ALL`: the first code (-99, prefer not to say) is `.a`, the
//! next `.b`, and so on, each labelled with its code and meaning. Stata then
//! leaves them out of every statistic by itself, as SPSS does with
//! user-missing values, and `tab x, missing` still shows them apart. A
//! blank cell (not shown, skip logic) is the plain missing value `.`.
//! Free-text columns stay strings, the codes in them as text.

use crate::codebook::NOT_SHOWN_LABEL;
use crate::write::dataset::Dataset;
use crate::write::escape::{name, plain_line, stata_string};
use crate::write::r_syntax::missing_label;
use crate::write::syntax_text::{picked_names, reads_comment, syntax_columns, Column, Kind};
use candour_core::answer::MissingCode;
use candour_core::export::ExportError;
use std::fmt::Write;

/// Stata cuts variable labels at 80 characters; value labels are cut here
/// at 120 bytes like SPSS's, so a label reads the same in both.
const VARIABLE_LABEL_BYTES: usize = 80;
const VALUE_LABEL_BYTES: usize = 120;

/// The extended missing value of the missing code at `position` in
/// `MissingCode::ALL`: `.a`, `.b`, ... (Stata has 26).
fn extended(position: usize) -> String {
    let letter = char::from(b'a' + (position % 26) as u8);
    format!(".{letter}")
}

impl Dataset<'_> {
    /// A do-file that reads `csv_file` (this dataset's wide CSV) with
    /// `import delimited`, takes off the formula guard, turns the missing
    /// codes into extended missing values, and declares variable and value
    /// labels. Labels are in `locale` where the instrument has them. For
    /// Stata 14 or later (Unicode).
    pub fn stata_syntax(&self, csv_file: &str, locale: &str) -> Result<String, ExportError> {
        let instrument = self.instrument();
        let definition = &instrument.definition;
        let columns = syntax_columns(definition, locale)?;
        let title = plain_line(definition.title.get(locale, &definition.locale), 200);
        let mut out = reads_comment(instrument, locale, "* ");
        out.push_str(HEADER_COMMENT);
        for (i, code) in MissingCode::ALL.iter().enumerate() {
            let label = missing_label(&columns, *code);
            let _ = writeln!(
                out,
                "*   {} = {} ({})",
                code.code(),
                extended(i),
                plain_line(&label, 120)
            );
        }
        let _ = writeln!(out, "*   blank = . ({NOT_SHOWN_LABEL})\n");
        out.push_str("version 16\nclear\n");
        // Which columns are read as text and which as numbers, by position,
        // so that nothing is guessed from the first rows.
        let positions = |text: bool| -> String {
            let list: Vec<String> = columns
                .iter()
                .enumerate()
                .filter(|(_, c)| matches!(c.kind, Kind::Text { .. }) == text)
                .map(|(i, _)| (i + 1).to_string())
                .collect();
            list.join(" ")
        };
        let file = stata_string(csv_file, usize::MAX);
        let _ = writeln!(
            out,
            "import delimited using {file}, clear varnames(1) case(preserve) \
             encoding(\"utf-8\") delimiters(\",\") bindquotes(strict) maxquotedrows(unlimited) ///\n  \
             stringcols({}) ///\n  numericcols({})\n",
            positions(true),
            positions(false)
        );

        let texts = names(&columns, |c| matches!(c.kind, Kind::Text { .. }));
        out.push_str(UNGUARD_COMMENT);
        let _ = writeln!(out, "foreach v of varlist {texts} {{");
        out.push_str(UNGUARD);

        let numeric = names(&columns, |c| {
            c.has_missing_codes && !matches!(c.kind, Kind::Text { .. })
        });
        if !numeric.is_empty() {
            let rules: Vec<String> = MissingCode::ALL
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{}={}", c.code(), extended(i)))
                .collect();
            out.push_str("* The missing codes as extended missing values.\n");
            let _ = writeln!(out, "mvdecode {numeric}, mv({})\n", rules.join(" \\ "));
        }

        out.push_str("* Question wording.\n");
        for c in &columns {
            let _ = writeln!(
                out,
                "label variable {} {}",
                c.name,
                stata_string(&c.label, VARIABLE_LABEL_BYTES)
            );
        }
        out.push_str(
            "\n* Code labels, missing codes included; each set is named after its variable.\n",
        );
        for c in columns
            .iter()
            .filter(|c| !c.value_labels.is_empty() && !matches!(c.kind, Kind::Text { .. }))
        {
            let pairs: Vec<String> = c
                .value_labels
                .iter()
                .map(|(code, label)| {
                    let value = MissingCode::ALL
                        .iter()
                        .position(|m| m.code() == *code)
                        .map_or_else(|| code.to_string(), extended);
                    format!(" {value} {}", stata_string(label, VALUE_LABEL_BYTES))
                })
                .collect();
            let _ = writeln!(
                out,
                "label define {} ///\n {}, replace",
                c.name,
                pairs.join(" ///\n ")
            );
            let _ = writeln!(out, "label values {0} {0}", c.name);
        }
        let data = name(DATA_LABEL_NAME, "dataset")?;
        let _ = writeln!(
            out,
            "\nlabel data {}\n* The data in memory are called {data} in this file's notes.\nnotes _dta: {data}",
            stata_string(&format!("Candour: {title}"), VARIABLE_LABEL_BYTES)
        );
        Ok(out)
    }
}

/// The name the notes give the data.
const DATA_LABEL_NAME: &str = "candour";

const HEADER_COMMENT: &str = "\
* into Stata 16 or later, with labels and missing values.
* Put the CSV beside this file, change to that folder (cd), then:
*   do \"<this file>\"
* A multiple-choice item has one 0/1 column per option, <variable>_<code>.
* Missing-data codes, read as Stata's extended missing values:
";

const UNGUARD_COMMENT: &str = "\
* Text that began with = + - @, a tab or a carriage return was written with
* a ' in front so that spreadsheets would not run it as a formula; take it
* off again.
";

const UNGUARD: &str = "  \
quietly replace `v' = substr(`v', 2, .) if substr(`v', 1, 1) == char(39) & \
(inlist(substr(`v', 2, 1), \"=\", \"+\", \"-\", \"@\") | substr(`v', 2, 1) == char(9) | \
substr(`v', 2, 1) == char(13))
}
";

/// Names of the columns that `pick` accepts, space-separated.
fn names(columns: &[Column], pick: impl Fn(&Column) -> bool) -> String {
    picked_names(columns, pick).join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extended_missing_values() {
        assert_eq!(extended(0), ".a");
        assert_eq!(extended(2), ".c");
    }
}
