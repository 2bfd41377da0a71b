//! Typed answer values and the missing-data codes of INSTRUMENT.md.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why an item has no real value. The numeric codes are those of the codebook;
/// "not shown because of skip logic" is not a code but a blank (null).
///
/// This is the one list of missing codes: the codebook, the tables and the
/// syntax files iterate [`MissingCode::ALL`] rather than restating them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingCode {
    /// The person chose "prefer not to say" (-99).
    PreferNotToSay,
    /// The person chose "don't know" (-98).
    DontKnow,
    /// Shown but left unanswered (-97).
    Unanswered,
    /// The person said the item does not apply to them (-96); kept out of
    /// domain scores, like an item skipped by logic.
    DoesNotApply,
    /// Never reached: the survey ended (a partial record) before the item
    /// was shown (-95). Set only by the engine, never given as an answer.
    NotReached,
}

impl MissingCode {
    /// The numeric code written to exports.
    pub fn code(self) -> i64 {
        match self {
            MissingCode::PreferNotToSay => -99,
            MissingCode::DontKnow => -98,
            MissingCode::Unanswered => -97,
            MissingCode::DoesNotApply => -96,
            MissingCode::NotReached => -95,
        }
    }

    /// The missing code for a numeric code, if it is one.
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            -99 => Some(MissingCode::PreferNotToSay),
            -98 => Some(MissingCode::DontKnow),
            -97 => Some(MissingCode::Unanswered),
            -96 => Some(MissingCode::DoesNotApply),
            -95 => Some(MissingCode::NotReached),
            _ => None,
        }
    }

    /// Every missing code, in codebook order (-99 up to -95).
    pub const ALL: [MissingCode; 5] = [
        MissingCode::PreferNotToSay,
        MissingCode::DontKnow,
        MissingCode::Unanswered,
        MissingCode::DoesNotApply,
        MissingCode::NotReached,
    ];

    /// What the code means, in the codebook's English words. The codes a
    /// participant can pick (-99, -98, -96) are labelled in the codebook by
    /// the questionnaire's own words instead, where it has them.
    pub const fn meaning(self) -> &'static str {
        match self {
            MissingCode::PreferNotToSay => "Prefer not to say",
            MissingCode::DontKnow => "Don't know",
            MissingCode::Unanswered => "Shown but not answered",
            MissingCode::DoesNotApply => "Does not apply",
            MissingCode::NotReached => "Not reached (the survey ended before this item)",
        }
    }

    /// The lowest and highest code: every code lies between them, and no real
    /// value does (real values are never negative), so a reader may declare
    /// the whole range missing (SPSS `-99 THRU -95`).
    pub fn range() -> (i64, i64) {
        let codes = Self::ALL.map(Self::code);
        let low = codes.iter().copied().min().unwrap_or(-99);
        let high = codes.iter().copied().max().unwrap_or(-95);
        (low, high)
    }

    /// Whether a participant can give this code as an answer (when the item
    /// offers it). "Shown but not answered" and "not reached" are the
    /// engine's to set.
    pub fn can_be_chosen(self) -> bool {
        matches!(
            self,
            MissingCode::PreferNotToSay | MissingCode::DontKnow | MissingCode::DoesNotApply
        )
    }
}

/// The missing codes that can appear in an item's value: those it offers
/// (-99, -98, -96), and -97 and -95 for every item. Blank (skip logic) is
/// not a code and is not listed.
pub fn missing_codes_of(item: &crate::instrument::Item) -> Vec<MissingCode> {
    MissingCode::ALL
        .into_iter()
        .filter(|code| match code {
            MissingCode::PreferNotToSay => item.prefer_not_to_say,
            MissingCode::DontKnow => item.dont_know,
            MissingCode::DoesNotApply => item.does_not_apply,
            MissingCode::Unanswered | MissingCode::NotReached => true,
        })
        .collect()
}

/// One answer, typed by the item's format. Stored as `{"code": 3}`,
/// `{"codes": [1, 4]}`, `{"number": 12.5}`, `{"text": "..."}` or `{"missing": "dont_know"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerValue {
    /// A single code: single choice, agreement, 0-10 scale, yes/no/not sure.
    Code(i64),
    /// The selected codes of a multiple-choice item, in ascending order.
    Codes(Vec<i64>),
    /// A number answer.
    Number(f64),
    /// A free-text answer.
    Text(String),
    /// No real value, for the reason given.
    Missing(MissingCode),
}

impl AnswerValue {
    /// The single numeric value used by conditions and scoring, if any:
    /// a code or a number; `None` for multiple choice, text and missing codes.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            AnswerValue::Code(c) => Some(*c as f64),
            AnswerValue::Number(n) => Some(*n),
            _ => None,
        }
    }
}

/// Answers so far, keyed by variable name.
pub type Answers = BTreeMap<String, AnswerValue>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_contiguous_and_read_back() {
        let codes: Vec<i64> = MissingCode::ALL.iter().map(|c| c.code()).collect();
        assert_eq!(codes, vec![-99, -98, -97, -96, -95]);
        assert_eq!(MissingCode::range(), (-99, -95));
        for code in MissingCode::ALL {
            assert_eq!(MissingCode::from_code(code.code()), Some(code));
            assert!(!code.meaning().is_empty());
        }
        assert_eq!(MissingCode::from_code(-94), None);
        assert_eq!(MissingCode::from_code(0), None);
        assert!(!MissingCode::NotReached.can_be_chosen());
        assert!(!MissingCode::Unanswered.can_be_chosen());
        assert!(MissingCode::DoesNotApply.can_be_chosen());
    }

    #[test]
    fn stored_names_of_the_new_codes() {
        let json = serde_json::to_string(&AnswerValue::Missing(MissingCode::NotReached));
        assert_eq!(json.ok().as_deref(), Some(r#"{"missing":"not_reached"}"#));
        let json = serde_json::to_string(&AnswerValue::Missing(MissingCode::DoesNotApply));
        assert_eq!(
            json.ok().as_deref(),
            Some(r#"{"missing":"does_not_apply"}"#)
        );
    }
}
