//! The codebook rows of the domain score columns.

use super::{describe, CodebookEntry, MissingCodeEntry, SCORE_TYPE};
use candour_core::export::columns::{score_100_column, score_column};
use candour_core::instrument::{Direction, Instrument};
use candour_core::scoring::{domain_range, scored_items, MIN_ANSWERED_SHARE};

/// What a blank score cell means.
pub const NO_SCORE_LABEL: &str = "No score: too few of the domain's items answered";

/// The rows of the domain score columns: per scored domain, the mean on
/// its scale and the same on 0 to 100, each saying which items enter it.
pub(super) fn score_entries(instrument: &Instrument, locale: &str) -> Vec<CodebookEntry> {
    let share = format!("{:.0}%", MIN_ANSWERED_SHARE * 100.0);
    instrument
        .domains
        .iter()
        .filter(|d| d.scored)
        .flat_map(|domain| {
            let code = domain.code.as_str();
            let name = domain.name.get(locale, &instrument.locale);
            let items: Vec<String> = scored_items(instrument, code)
                .map(|(item, _)| {
                    let reversed = if item.reverse_keyed { " (reversed)" } else { "" };
                    format!("{}{reversed}", item.variable)
                })
                .collect();
            let range = domain_range(instrument, code);
            let rule = if items.is_empty() {
                "no item enters this score, so it is always blank".to_owned()
            } else {
                format!(
                    "mean of the answered items after reverse-keying ({}), counting only the \
                     items shown that apply; blank when under {share} of them were answered",
                    items.join(", ")
                )
            };
            let row = |column: String, text: String, span: Option<(f64, f64)>| CodebookEntry {
                variable: column.clone(),
                domain: code.to_owned(),
                section: String::new(),
                text,
                item_type: SCORE_TYPE.to_owned(),
                choices: Vec::new(),
                unit: None,
                min: span.map(|(low, _)| low),
                max: span.map(|(_, high)| high),
                step: None,
                max_length: None,
                direction: Direction::Neutral,
                reverse_keyed: false,
                shown_if: None,
                missing_codes: vec![MissingCodeEntry {
                    code: None,
                    label: NO_SCORE_LABEL.to_owned(),
                }],
                columns: vec![column],
            };
            let to_100 = match range {
                Some((low, high)) => format!(
                    "Domain score {code} ({name}) on 0 to 100: (score - {low}) / ({high} - {low}) x 100",
                    low = describe::number(low),
                    high = describe::number(high),
                ),
                None => format!("Domain score {code} ({name}) on 0 to 100: {rule}"),
            };
            [
                row(
                    score_column(code),
                    format!("Domain score {code} ({name}): {rule}"),
                    range,
                ),
                row(score_100_column(code), to_100, range.map(|_| (0.0, 100.0))),
            ]
        })
        .collect()
}
