//! An answer in words, as the review screen shows it.

use crate::answer::{AnswerValue, MissingCode};
use crate::instrument::{Instrument, Item, ItemKind};
use crate::messages::Messages;

/// The label of `code` for a choice-like item, if it has one.
pub fn choice_label(
    instrument: &Instrument,
    item: &Item,
    code: i64,
    locale: &str,
) -> Option<String> {
    let fallback = instrument.locale.as_str();
    let scales = &instrument.scales;
    match &item.kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => choices
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.label.get(locale, fallback).to_owned()),
        ItemKind::Agreement => usize::try_from(code - 1)
            .ok()
            .and_then(|i| scales.agreement.get(i))
            .map(|t| t.get(locale, fallback).to_owned()),
        ItemKind::YesNoNotSure => {
            // Codes 1 yes, 0 no, 2 not sure; labels in the order yes, no, not sure.
            let index = match code {
                1 => Some(0),
                0 => Some(1),
                2 => Some(2),
                _ => None,
            };
            index
                .and_then(|i| scales.yes_no_not_sure.get(i))
                .map(|t| t.get(locale, fallback).to_owned())
        }
        _ => None,
    }
}

/// The answer in words, or `None` when there is no answer to show.
pub fn describe_answer(
    instrument: &Instrument,
    item: &Item,
    value: Option<&AnswerValue>,
    locale: &str,
    messages: &Messages,
) -> Option<String> {
    let fallback = instrument.locale.as_str();
    match value? {
        AnswerValue::Code(code) => match &item.kind {
            ItemKind::Scale010 { .. } => {
                Some(messages.fill("answer.out_of_10", &[("n", &code.to_string())]))
            }
            _ => choice_label(instrument, item, *code, locale).or(Some(code.to_string())),
        },
        AnswerValue::Codes(codes) => Some(
            codes
                .iter()
                .map(|c| {
                    choice_label(instrument, item, *c, locale).unwrap_or_else(|| c.to_string())
                })
                .collect::<Vec<_>>()
                .join(", "),
        ),
        AnswerValue::Number(n) => {
            let unit = match &item.kind {
                ItemKind::Number { unit, .. } => unit.get(locale, fallback),
                _ => "",
            };
            Some(
                format!("{} {unit}", format_number(*n))
                    .trim_end()
                    .to_owned(),
            )
        }
        AnswerValue::Text(text) => Some(text.clone()),
        AnswerValue::Missing(MissingCode::PreferNotToSay) => Some(
            instrument
                .scales
                .prefer_not_to_say
                .get(locale, fallback)
                .to_owned(),
        ),
        AnswerValue::Missing(MissingCode::DontKnow) => {
            Some(instrument.scales.dont_know.get(locale, fallback).to_owned())
        }
        AnswerValue::Missing(MissingCode::Unanswered) => None,
    }
}

/// A number as a person writes it: `12`, not `12.0`; `2.35`, not `2.3500000000000001`.
pub fn format_number(n: f64) -> String {
    let fixed = format!("{n:.6}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".into()
    } else {
        trimmed.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::default::default_instrument;

    #[test]
    fn answers_in_words() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let d = |v: &str, value: AnswerValue| {
            let item = instrument.item(v).expect("item");
            describe_answer(&instrument, item, Some(&value), "en", &m)
        };
        assert_eq!(
            d("a1_works", AnswerValue::Code(7)).as_deref(),
            Some("7 out of 10")
        );
        assert_eq!(
            d("c1_respect", AnswerValue::Code(4)).as_deref(),
            Some("I agree")
        );
        assert_eq!(
            d("e6_overdose", AnswerValue::Code(0)).as_deref(),
            Some("No")
        );
        assert_eq!(
            d("b2_travel_minutes", AnswerValue::Number(25.0)).as_deref(),
            Some("25 minutes")
        );
        assert_eq!(
            d(
                "e1_days_heroin",
                AnswerValue::Missing(MissingCode::PreferNotToSay)
            )
            .as_deref(),
            Some("Prefer not to say")
        );
        assert_eq!(
            d("c1_respect", AnswerValue::Missing(MissingCode::Unanswered)),
            None
        );
        let item = instrument.item("c1_respect").expect("item");
        assert_eq!(describe_answer(&instrument, item, None, "en", &m), None);
    }

    #[test]
    fn numbers_without_noise() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(2.35), "2.35");
        assert_eq!(format_number(0.5), "0.5");
        assert_eq!(format_number(0.1 + 0.2), "0.3");
        assert_eq!(format_number(-0.0), "0");
    }
}
