//! Skip logic in words, for the codebook's `shown_if`.

use super::real_choices;
use candour_core::instrument::{Condition, Instrument, ItemKind};
use candour_core::visibility::all_items;

/// The showing condition in words, e.g. `shown if b7_work is 1 (Yes)`, with
/// the labels of choice codes so that a reader need not look them up.
pub fn describe_condition(condition: &Condition, instrument: &Instrument, locale: &str) -> String {
    format!("shown if {}", describe(condition, instrument, locale))
}

fn describe(condition: &Condition, instrument: &Instrument, locale: &str) -> String {
    let item = |variable: &str| all_items(instrument).find(|i| i.variable == variable);
    let labelled = |variable: &str, value: f64| {
        let label = item(variable).and_then(|i| {
            real_choices(i, instrument, locale)
                .into_iter()
                .find(|c| c.code as f64 == value)
        });
        match label {
            Some(c) => format!("{} ({})", number(value), c.label),
            None => number(value),
        }
    };
    let multiple = |variable: &str| {
        matches!(
            item(variable).map(|i| &i.kind),
            Some(ItemKind::MultipleChoice { .. })
        )
    };
    let parts = |parts: &[Condition], joiner: &str, empty: &str| match parts {
        [] => empty.to_owned(),
        [one] => describe(one, instrument, locale),
        many => {
            let words: Vec<String> = many
                .iter()
                .map(|c| match c {
                    Condition::All(p) | Condition::Any(p) if p.len() > 1 => {
                        format!("({})", describe(c, instrument, locale))
                    }
                    _ => describe(c, instrument, locale),
                })
                .collect();
            format!("{joiner}: {}", words.join("; "))
        }
    };
    match condition {
        Condition::Equals { variable, value } if multiple(variable) => {
            format!("{variable} includes {}", labelled(variable, *value))
        }
        Condition::Equals { variable, value } => {
            format!("{variable} is {}", labelled(variable, *value))
        }
        Condition::OneOf { variable, values } => {
            let list: Vec<String> = values.iter().map(|v| labelled(variable, *v)).collect();
            let verb = if multiple(variable) {
                "includes any of"
            } else {
                "is one of"
            };
            format!("{variable} {verb} {}", list.join(", "))
        }
        Condition::GreaterThan { variable, value } => {
            format!("{variable} is more than {}", number(*value))
        }
        Condition::LessThan { variable, value } => {
            format!("{variable} is less than {}", number(*value))
        }
        Condition::All(p) => parts(p, "all of", "always"),
        Condition::Any(p) => parts(p, "any of", "never"),
        Condition::Not(inner) => format!("not ({})", describe(inner, instrument, locale)),
    }
}

/// A number as a person writes it: `1`, not `1.0`; `2.5` stays `2.5`.
pub(crate) fn number(value: f64) -> String {
    // A computed `-0.0` is a plain zero; `-0` would look like a missing code.
    if value == 0.0 {
        "0".to_owned()
    } else {
        value.to_string()
    }
}
