//! Typed answer values and the missing-data codes of INSTRUMENT.md.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Why an item has no real value. The numeric codes are those of the codebook;
/// "not shown because of skip logic" is not a code but a blank (null).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MissingCode {
    /// The person chose "prefer not to say" (-99).
    PreferNotToSay,
    /// The person chose "don't know" (-98).
    DontKnow,
    /// Shown but left unanswered (-97).
    Unanswered,
}

impl MissingCode {
    /// The numeric code written to exports.
    pub fn code(self) -> i64 {
        match self {
            MissingCode::PreferNotToSay => -99,
            MissingCode::DontKnow => -98,
            MissingCode::Unanswered => -97,
        }
    }

    /// The missing code for a numeric code, if it is one.
    pub fn from_code(code: i64) -> Option<Self> {
        match code {
            -99 => Some(MissingCode::PreferNotToSay),
            -98 => Some(MissingCode::DontKnow),
            -97 => Some(MissingCode::Unanswered),
            _ => None,
        }
    }

    /// Every missing code, in codebook order.
    pub const ALL: [MissingCode; 3] = [
        MissingCode::PreferNotToSay,
        MissingCode::DontKnow,
        MissingCode::Unanswered,
    ];
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

    /// True for a real (non-missing) value.
    pub fn is_real(&self) -> bool {
        !matches!(self, AnswerValue::Missing(_))
    }
}

/// Answers so far, keyed by variable name.
pub type Answers = BTreeMap<String, AnswerValue>;
