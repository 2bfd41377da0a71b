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
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => scales
            .coded_labels(&item.kind)?
            .into_iter()
            .find(|(c, _)| *c == code)
            .map(|(_, t)| t.get(locale, fallback).to_owned()),
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
        AnswerValue::Code(code) => match item.kind.scale_max() {
            Some(max) => Some(messages.fill(
                "answer.out_of",
                &[("n", &code.to_string()), ("max", &max.to_string())],
            )),
            None => choice_label(instrument, item, *code, locale).or(Some(code.to_string())),
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
        AnswerValue::Number(n) => Some(number_with_unit(item, *n, locale, fallback)),
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
        AnswerValue::Missing(MissingCode::DoesNotApply) => Some(
            instrument
                .scales
                .does_not_apply
                .as_ref()
                .map(|t| t.get(locale, fallback))
                .unwrap_or(MissingCode::DoesNotApply.meaning())
                .to_owned(),
        ),
        AnswerValue::Missing(MissingCode::Unanswered | MissingCode::NotReached) => None,
    }
}

/// The unit of a number item for the number `n` in `locale`: its singular
/// where the language says `n` takes one ("1 time a day") and the item has
/// one, otherwise its unit ("2 times a day"); empty for other items.
pub fn unit_for<'a>(item: &'a Item, n: f64, locale: &str, fallback: &str) -> &'a str {
    match &item.kind {
        ItemKind::Number {
            unit,
            unit_singular,
            ..
        } => match unit_singular {
            Some(singular) if crate::locale::takes_singular(locale, n) => {
                singular.get(locale, fallback)
            }
            _ => unit.get(locale, fallback),
        },
        _ => "",
    }
}

/// A number and its unit as a person says it: "1 time a day", "25 minutes".
pub fn number_with_unit(item: &Item, n: f64, locale: &str, fallback: &str) -> String {
    let unit = unit_for(item, n, locale, fallback);
    format!("{} {unit}", format_number(n)).trim_end().to_owned()
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
            d("e10_physical", AnswerValue::Code(13)).as_deref(),
            Some("13 out of 20")
        );
        assert_eq!(
            d("c1_respect", AnswerValue::Code(4)).as_deref(),
            Some("I agree")
        );
        assert_eq!(
            d("b5_hard_work", AnswerValue::Code(2)).as_deref(),
            Some("A little hard")
        );
        assert_eq!(
            d(
                "b5_hard_work",
                AnswerValue::Missing(MissingCode::DoesNotApply)
            )
            .as_deref(),
            Some("Does not apply to me")
        );
        assert_eq!(
            d("e7_overdose", AnswerValue::Code(0)).as_deref(),
            Some("No")
        );
        assert_eq!(
            d("b2_visit_minutes", AnswerValue::Number(25.0)).as_deref(),
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
        assert_eq!(
            d("c1_respect", AnswerValue::Missing(MissingCode::NotReached)),
            None
        );
        let item = instrument.item("c1_respect").expect("item");
        assert_eq!(describe_answer(&instrument, item, None, "en", &m), None);
    }

    #[test]
    fn one_takes_the_singular_unit_and_every_other_number_the_plural() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let said = |v: &str, n: f64| {
            let item = instrument.item(v).expect("item");
            describe_answer(&instrument, item, Some(&AnswerValue::Number(n)), "en", &m)
                .unwrap_or_default()
        };
        assert_eq!(said("b1_visits", 1.0), "1 time a day");
        assert_eq!(said("b1_visits", 2.0), "2 times a day");
        assert_eq!(said("b1_visits", 0.0), "0 times a day");
        assert_eq!(said("e1_days_heroin", 1.0), "1 day");
        assert_eq!(said("e1_days_heroin", 28.0), "28 days");
        assert_eq!(said("b2_visit_minutes", 1.0), "1 minute");
        assert_eq!(said("p1_months", 1.0), "1 month");
        let visits = instrument.item("b1_visits").expect("item");
        assert_eq!(unit_for(visits, 1.0, "en", "en"), "time a day");
        assert_eq!(unit_for(visits, 1.5, "en", "en"), "times a day");
        // French says "0 fois" and "1,5 fois" in the singular.
        assert_eq!(unit_for(visits, 0.0, "fr", "en"), "time a day");
        // An item without a singular says its unit for every number.
        let old = &crate::instrument::default::previous_defaults()[0];
        let b1 = old.item("b1_visits").expect("1.0.0 item");
        assert_eq!(number_with_unit(b1, 1.0, "en", "en"), "1 times a day");
        // Not a number item: no unit.
        let c1 = instrument.item("c1_respect").expect("item");
        assert_eq!(unit_for(c1, 1.0, "en", "en"), "");
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
