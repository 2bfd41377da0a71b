//! One answer as the export writes it: a plain JSON value, so that R's
//! jsonlite, pandas or a person read it without knowing Rust's types.

use crate::answer::{AnswerValue, MissingCode};
use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// Largest whole number an `f64` holds exactly; integral numbers up to it
/// are written as JSON integers.
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// An answer value in the export. A blank (item not shown) is `None` around
/// it, written `null`.
///
/// - `Integer`: a code (single choice, agreement, 0-10, yes 1 / no 0 / not
///   sure 2), a whole number, or a missing code -99, -98 or -97 (no real
///   value is ever negative, so these never clash);
/// - `Number`: a number with a fraction;
/// - `Text`: a free-text answer;
/// - `Codes`: the selected codes of a multiple-choice item, ascending.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportValue {
    /// A code, a whole number or a missing code.
    Integer(i64),
    /// A number with a fraction.
    Number(f64),
    /// Free text.
    Text(String),
    /// Selected codes of a multiple-choice item.
    Codes(Vec<i64>),
}

impl ExportValue {
    /// A number in its one canonical form: whole numbers become `Integer`,
    /// so that a value written and read back compares equal to the original
    /// (a merge compares records by value). `None` for NaN or infinity,
    /// which JSON cannot hold.
    pub fn number(n: f64) -> Option<ExportValue> {
        if !n.is_finite() {
            None
        } else if n.fract() == 0.0 && n.abs() <= EXACT_INTEGER {
            // Exact: the value is whole and within the exactly held range
            // (`-0.0` becomes `0`, which is what a person typed).
            Some(ExportValue::Integer(n as i64))
        } else {
            Some(ExportValue::Number(n))
        }
    }

    /// The export value of a stored answer; `None` only for a number that is
    /// not finite.
    pub fn from_answer(answer: &AnswerValue) -> Option<ExportValue> {
        Some(match answer {
            AnswerValue::Code(c) => ExportValue::Integer(*c),
            AnswerValue::Codes(codes) => ExportValue::Codes(codes.clone()),
            AnswerValue::Number(n) => return ExportValue::number(*n),
            AnswerValue::Text(t) => ExportValue::Text(t.clone()),
            AnswerValue::Missing(m) => ExportValue::Integer(m.code()),
        })
    }

    /// The missing code this value is, if it is one.
    pub fn missing_code(&self) -> Option<MissingCode> {
        match self {
            ExportValue::Integer(c) => MissingCode::from_code(*c),
            _ => None,
        }
    }

    /// The value as one CSV cell, before neutralising: numbers in full
    /// precision without an exponent, codes joined by `;` (only the long
    /// format of a malformed value would ever need that).
    pub fn cell(&self) -> Cow<'_, str> {
        match self {
            ExportValue::Integer(c) => Cow::Owned(c.to_string()),
            // Rust's `Display` for f64 is the shortest text that reads back
            // to the same number, and never uses an exponent.
            ExportValue::Number(n) => Cow::Owned(n.to_string()),
            ExportValue::Text(t) => Cow::Borrowed(t),
            ExportValue::Codes(codes) => Cow::Owned(
                codes
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(";"),
            ),
        }
    }
}

impl fmt::Display for ExportValue {
    /// The value as JSON would show it, for messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExportValue::Text(t) => write!(f, "{t:?}"),
            ExportValue::Codes(_) => write!(f, "[{}]", self.cell().replace(';', ", ")),
            _ => f.write_str(&self.cell()),
        }
    }
}

impl Serialize for ExportValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ExportValue::Integer(c) => serializer.serialize_i64(*c),
            ExportValue::Number(n) => serializer.serialize_f64(*n),
            ExportValue::Text(t) => serializer.serialize_str(t),
            ExportValue::Codes(codes) => {
                let mut seq = serializer.serialize_seq(Some(codes.len()))?;
                for c in codes {
                    seq.serialize_element(c)?;
                }
                seq.end()
            }
        }
    }
}

// Written by hand rather than `#[serde(untagged)]`: untagged enums buffer
// every value and fail with "did not match any variant", which tells a
// researcher nothing.
impl<'de> Deserialize<'de> for ExportValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = ExportValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code, a list of codes, a number, a text or null")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(ExportValue::Integer(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match i64::try_from(v) {
            Ok(v) => Ok(ExportValue::Integer(v)),
            Err(_) => Err(E::custom(format!("the number {v} is too large"))),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        ExportValue::number(v).ok_or_else(|| E::custom("a number must be finite"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(ExportValue::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(ExportValue::Text(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut codes = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(code) = seq.next_element::<i64>()? {
            codes.push(code);
        }
        Ok(ExportValue::Codes(codes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: &ExportValue) -> ExportValue {
        let text = serde_json::to_string(v).expect("writes");
        serde_json::from_str(&text).expect("reads")
    }

    #[test]
    fn json_shapes() {
        let cases = [
            (ExportValue::Integer(-99), "-99"),
            (ExportValue::Number(2.5), "2.5"),
            (ExportValue::Text("a \"b\" 😀".into()), r#""a \"b\" 😀""#),
            (ExportValue::Codes(vec![1, 3]), "[1,3]"),
        ];
        for (value, json) in cases {
            assert_eq!(serde_json::to_string(&value).expect("writes"), json);
            assert_eq!(round_trip(&value), value);
        }
    }

    #[test]
    fn numbers_are_canonical() {
        assert_eq!(ExportValue::number(25.0), Some(ExportValue::Integer(25)));
        assert_eq!(ExportValue::number(-0.0), Some(ExportValue::Integer(0)));
        assert_eq!(ExportValue::number(0.1), Some(ExportValue::Number(0.1)));
        assert_eq!(ExportValue::number(f64::NAN), None);
        let read: ExportValue = serde_json::from_str("25.0").expect("reads");
        assert_eq!(read, ExportValue::Integer(25));
        assert_eq!(ExportValue::Number(0.1 + 0.2).cell(), "0.30000000000000004");
        assert_eq!(ExportValue::Number(1e-7).cell(), "0.0000001");
    }

    #[test]
    fn from_answers() {
        let m = AnswerValue::Missing(MissingCode::DontKnow);
        assert_eq!(
            ExportValue::from_answer(&m),
            Some(ExportValue::Integer(-98))
        );
        assert_eq!(
            ExportValue::from_answer(&m).and_then(|v| v.missing_code()),
            Some(MissingCode::DontKnow)
        );
        assert_eq!(ExportValue::Integer(3).missing_code(), None);
    }

    #[test]
    fn refuses_other_shapes_in_words() {
        let e = serde_json::from_str::<ExportValue>("{}").expect_err("an object is no value");
        assert!(e.to_string().contains("a code, a list of codes"), "{e}");
        assert!(serde_json::from_str::<ExportValue>(r#"["a"]"#).is_err());
    }
}
