//! The codebook, generated from the instrument so that it can never disagree
//! with what was asked: every variable with its wording, type, codes, range,
//! direction, skip logic and missing codes, as CSV (for people) and JSON (for
//! programs).

use candour_core::answer::{missing_codes_of, MissingCode};
use candour_core::hash::content_hash;
use candour_core::instrument::{Direction, Instrument, Item, ItemKind};
use serde::{Deserialize, Serialize};

mod describe;
pub mod scores;
mod write;

pub use describe::describe_condition;

/// Label of code -97, which no participant sees, so the instrument has none.
pub const UNANSWERED_LABEL: &str = MissingCode::Unanswered.meaning();
/// Type of the codebook rows that describe domain score columns.
pub const SCORE_TYPE: &str = "domain_score";
/// Label of a blank cell: the item was not shown because of skip logic.
pub const NOT_SHOWN_LABEL: &str = "Not shown (skip logic)";

/// The CSV header, one column per [`CodebookEntry`] field.
pub const CSV_HEADER: [&str; 16] = [
    "variable",
    "domain",
    "section",
    "text",
    "type",
    "choices",
    "unit",
    "min",
    "max",
    "step",
    "max_length",
    "direction",
    "reverse_keyed",
    "shown_if",
    "missing_codes",
    "columns",
];

/// The codebook of one instrument in one locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Codebook {
    /// The instrument's id.
    pub instrument_id: String,
    /// The instrument's version.
    pub instrument_version: String,
    /// The instrument's content hash, as carried by every record coded by it.
    pub instrument_hash: String,
    /// The locale requested for texts (missing ones fall back to the instrument's).
    pub locale: String,
    /// Every missing-data code the exports use, blank (`code: None`) included.
    pub missing_codes: Vec<MissingCodeEntry>,
    /// One entry per item, in the order asked.
    pub variables: Vec<CodebookEntry>,
    /// One entry per domain score column (`score_<code>` and
    /// `score_<code>_100` per scored domain), after the items in the CSV.
    #[serde(default)]
    pub scores: Vec<CodebookEntry>,
}

/// A missing-data code and what it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MissingCodeEntry {
    /// The numeric code, or `None` for a blank cell (not shown).
    pub code: Option<i64>,
    /// What it means.
    pub label: String,
}

/// A code and its label as shown to the participant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceEntry {
    /// The code stored in records.
    pub code: i64,
    /// The label shown.
    pub label: String,
    /// A multiple-choice answer that goes alone ("None of these").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub exclusive: bool,
}

/// Everything a researcher needs to read one variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodebookEntry {
    /// Variable name, as in the records.
    pub variable: String,
    /// Domain code, empty when the item is in none.
    pub domain: String,
    /// Id of the section the item is in.
    pub section: String,
    /// The question in the codebook's locale: for an item shown in a
    /// group, the group's heading and the item's text.
    pub text: String,
    /// The item's type, spelled as in the instrument file.
    #[serde(rename = "type")]
    pub item_type: String,
    /// Codes offered on screen, including -99 / -98 when the item offers them.
    pub choices: Vec<ChoiceEntry>,
    /// Unit of a number item.
    pub unit: Option<String>,
    /// Smallest allowed value of a number item.
    pub min: Option<f64>,
    /// Largest allowed value of a number item.
    pub max: Option<f64>,
    /// Step between allowed values of a number item.
    pub step: Option<f64>,
    /// Most characters of a free-text item.
    pub max_length: Option<u32>,
    /// What a high value means.
    pub direction: Direction,
    /// Whether the value is reversed before it enters its domain score.
    pub reverse_keyed: bool,
    /// The showing condition in words, `None` when always shown.
    pub shown_if: Option<String>,
    /// The missing codes that can appear in this variable.
    pub missing_codes: Vec<MissingCodeEntry>,
    /// The item's columns in the wide CSV: the variable itself, or for
    /// multiple choice one 0/1 column `<variable>_<code>` per option.
    pub columns: Vec<String>,
}

/// The codebook of `instrument`, with texts in `locale`.
pub fn codebook(instrument: &Instrument, locale: &str) -> Codebook {
    // Every code of the one definition in the core, then blank.
    let missing_codes = MissingCode::ALL
        .into_iter()
        .map(Some)
        .chain([None])
        .map(|code| missing_entry(code, instrument, locale))
        .collect();
    let variables = instrument
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(move |item| (s.id.as_str(), item)))
        .map(|(section, item)| entry(instrument, locale, section, item))
        .collect();
    Codebook {
        instrument_id: instrument.id.clone(),
        instrument_version: instrument.version.clone(),
        instrument_hash: content_hash(instrument),
        locale: locale.to_owned(),
        missing_codes,
        variables,
        scores: scores::score_entries(instrument, locale),
    }
}

fn entry(instrument: &Instrument, locale: &str, section: &str, item: &Item) -> CodebookEntry {
    let text = |t: &candour_core::text::Text| t.get(locale, &instrument.locale).to_owned();
    let mut choices = real_choices(item, instrument, locale);
    let mut missing = Vec::new();
    for code in missing_codes_of(item) {
        let e = missing_entry(Some(code), instrument, locale);
        if code.can_be_chosen() {
            choices.push(ChoiceEntry {
                code: code.code(),
                label: e.label.clone(),
                exclusive: false,
            });
        }
        missing.push(e);
    }
    if item.show_if.is_some() {
        missing.push(missing_entry(None, instrument, locale));
    }
    let columns = match &item.kind {
        ItemKind::MultipleChoice { choices } => choices
            .iter()
            .map(|c| format!("{}_{}", item.variable, c.code))
            .collect(),
        _ => vec![item.variable.clone()],
    };
    let (unit, min, max, step, max_length) = match &item.kind {
        ItemKind::Number {
            unit,
            min,
            max,
            step,
            ..
        } => (Some(text(unit)), Some(*min), Some(*max), Some(*step), None),
        ItemKind::FreeText { max_length } => (None, None, None, None, Some(*max_length)),
        _ => (None, None, None, None, None),
    };
    CodebookEntry {
        variable: item.variable.clone(),
        domain: item.domain.clone().unwrap_or_default(),
        section: section.to_owned(),
        text: instrument.wording(item, locale),
        item_type: type_name(&item.kind),
        choices,
        unit,
        min,
        max,
        step,
        max_length,
        direction: item.direction,
        reverse_keyed: item.reverse_keyed,
        shown_if: item
            .show_if
            .as_ref()
            .map(|c| describe_condition(c, instrument, locale)),
        missing_codes: missing,
        columns,
    }
}

/// The item's type as the instrument file spells it (its serde tag), read
/// from serde so that the codebook cannot drift from the file format.
pub fn type_name(kind: &ItemKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.get("type")?.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The real (non-missing) codes the item offers, with their labels.
fn real_choices(item: &Item, instrument: &Instrument, locale: &str) -> Vec<ChoiceEntry> {
    let label = |t: &candour_core::text::Text| t.get(locale, &instrument.locale).to_owned();
    let scales = &instrument.scales;
    match &item.kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => choices
            .iter()
            .map(|c| ChoiceEntry {
                code: c.code,
                label: label(&c.label),
                exclusive: c.exclusive,
            })
            .collect(),
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => scales
            .coded_labels(&item.kind)
            .unwrap_or_default()
            .into_iter()
            .map(|(code, t)| ChoiceEntry {
                code,
                label: label(t),
                exclusive: false,
            })
            .collect(),
        ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. } => {
            let ends = item.kind.scale_ends().zip(item.kind.scale_max());
            ends.map(|((low, high), max)| {
                [(0, low), (max, high)]
                    .into_iter()
                    .map(|(code, t)| ChoiceEntry {
                        code,
                        label: label(t),
                        exclusive: false,
                    })
                    .collect()
            })
            .unwrap_or_default()
        }
        ItemKind::Number { .. } | ItemKind::FreeText { .. } => Vec::new(),
    }
}

/// -99, -98 and -96 take the instrument's own labels (what the participant
/// saw); -97, -95 and blank are never shown, so they carry the codebook's
/// English words ([`MissingCode::meaning`]).
pub(crate) fn missing_entry(
    code: Option<MissingCode>,
    instrument: &Instrument,
    locale: &str,
) -> MissingCodeEntry {
    let scales = &instrument.scales;
    let label = match code {
        Some(MissingCode::PreferNotToSay) => {
            scales.prefer_not_to_say.get(locale, &instrument.locale)
        }
        Some(MissingCode::DontKnow) => scales.dont_know.get(locale, &instrument.locale),
        Some(MissingCode::DoesNotApply) => scales
            .does_not_apply
            .as_ref()
            .map_or(MissingCode::DoesNotApply.meaning(), |t| {
                t.get(locale, &instrument.locale)
            }),
        Some(code) => code.meaning(),
        None => NOT_SHOWN_LABEL,
    };
    MissingCodeEntry {
        code: code.map(MissingCode::code),
        label: label.to_owned(),
    }
}
