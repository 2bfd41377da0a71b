//! Loading an instrument file: parse, then check, and report every problem.

use super::Instrument;
use serde_json::{error::Category, Value};

pub use super::check::check_instrument;
pub use super::problem::{InstrumentErrors, InstrumentProblem};

/// Parses an instrument from JSON and checks it. A file that cannot be read
/// gives one problem with its line and column; a file that can be read gives
/// every problem the checks find, so that all can be fixed in one pass.
pub fn load_instrument(json: &str) -> Result<Instrument, InstrumentErrors> {
    // Windows Notepad saves UTF-8 with a byte-order mark, which JSON readers refuse.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let instrument: Instrument = serde_json::from_str(json).map_err(|e| InstrumentErrors {
        problems: vec![from_serde(&e)],
    })?;
    // The typed parse above succeeded, so the text is valid JSON; a failure
    // here is impossible in practice but must not panic either.
    let mut problems = match serde_json::from_str::<Value>(json) {
        Ok(value) => unknown_item_fields(&value),
        Err(e) => vec![from_serde(&e)],
    };
    problems.extend(check_instrument(&instrument));
    if problems.is_empty() {
        Ok(instrument)
    } else {
        Err(InstrumentErrors { problems })
    }
}

/// Turns a serde_json error into a sentence a researcher can act on.
fn from_serde(error: &serde_json::Error) -> InstrumentProblem {
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let suffix = format!(" at line {line} column {column}");
    let detail = plain_words(full.strip_suffix(&suffix).unwrap_or(&full));
    match error.classify() {
        Category::Eof => InstrumentProblem::EndsEarly { line, column },
        Category::Data => InstrumentProblem::WrongShape {
            line,
            column,
            detail,
        },
        Category::Syntax | Category::Io => InstrumentProblem::NotJson {
            line,
            column,
            detail,
        },
    }
}

/// Replaces Rust type names in serde's wording with words a researcher knows.
fn plain_words(detail: &str) -> String {
    const WORDS: [(&str, &str); 7] = [
        ("expected f64", "expected a number"),
        ("expected u32", "expected a whole number, 0 or more"),
        ("expected i64", "expected a whole number"),
        ("expected a boolean", "expected true or false"),
        ("expected a sequence", "expected a list in [ ]"),
        (
            "data did not match any variant of untagged enum Text",
            "expected a text: a string, or an object with one string per language",
        ),
        ("untagged enum Text", "text"),
    ];
    WORDS
        .iter()
        .fold(detail.to_owned(), |s, (from, to)| s.replace(from, to))
}

/// Keys every item may have, whatever its type.
const ITEM_KEYS: [&str; 15] = [
    "variable",
    "text",
    "help",
    "type",
    "required",
    "prefer_not_to_say",
    "dont_know",
    "does_not_apply",
    "show_if",
    "direction",
    "reverse_keyed",
    "domain",
    "in_score",
    "group",
    "glossary",
];

/// Keys that only some item types have.
fn type_keys(item_type: &str) -> &'static [&'static str] {
    match item_type {
        "single_choice" | "multiple_choice" => &["choices"],
        "scale_010" | "scale_020" => &["low_label", "high_label"],
        "number" => &["unit", "unit_singular", "min", "max", "step"],
        "free_text" => &["max_length"],
        _ => &[],
    }
}

/// Item keys the format does not know. Serde cannot refuse them itself (an
/// item's type is flattened into it), and a misspelt `show_if` or `domain`
/// silently ignored would change who is asked what, or what is scored.
fn unknown_item_fields(root: &Value) -> Vec<InstrumentProblem> {
    let items = root
        .get("sections")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("items").and_then(Value::as_array))
        .flatten()
        .filter_map(Value::as_object);
    let mut problems = Vec::new();
    for item in items {
        let item_type = item.get("type").and_then(Value::as_str).unwrap_or("");
        let variable = item.get("variable").and_then(Value::as_str).unwrap_or("");
        for key in item.keys() {
            let known =
                ITEM_KEYS.contains(&key.as_str()) || type_keys(item_type).contains(&key.as_str());
            if !known {
                problems.push(InstrumentProblem::UnknownItemField {
                    variable: variable.to_owned(),
                    field: key.clone(),
                });
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::check::tests::{instrument, problems_of};

    #[test]
    fn a_valid_instrument_loads() {
        let json = instrument(r#"{"variable": "a1_ok", "text": "Is it ok?", "type": "agreement"}"#);
        let loaded = load_instrument(&json);
        assert!(loaded.is_ok(), "{loaded:?}");
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let json = format!(
            "\u{feff}{}",
            instrument(r#"{"variable": "a1", "text": "Q?", "type": "agreement"}"#)
        );
        assert!(load_instrument(&json).is_ok());
    }

    #[test]
    fn a_syntax_mistake_names_its_line_and_does_not_panic() {
        let json = "{\n  \"id\": \"x\",\n  \"version\": \"1\"\n  \"locale\": \"en\"\n}";
        let errors = load_instrument(json).unwrap_err();
        assert_eq!(errors.problems.len(), 1);
        let message = errors.to_string();
        assert!(matches!(
            errors.problems[0],
            InstrumentProblem::NotJson { line: 4, .. }
        ));
        assert!(message.contains("line 4"), "{message}");
        assert!(message.contains("missing comma"), "{message}");
    }

    #[test]
    fn a_file_that_stops_early_says_so() {
        let errors = load_instrument("{\n \"id\": \"x\"").unwrap_err();
        assert!(matches!(
            errors.problems[0],
            InstrumentProblem::EndsEarly { line: 2, .. }
        ));
        assert!(errors.to_string().contains("ends too early at line 2"));
    }

    #[test]
    fn a_wrong_field_type_is_explained_in_plain_words() {
        let json = instrument(
            r#"{"variable": "b1_min", "text": "Minutes?", "type": "number",
            "unit": "minutes", "min": 0, "max": "lots", "step": 1}"#,
        );
        let errors = load_instrument(&json).unwrap_err();
        let message = errors.to_string();
        assert!(matches!(
            errors.problems[0],
            InstrumentProblem::WrongShape { .. }
        ));
        assert!(message.contains("expected a number"), "{message}");
        assert!(message.contains("line "), "{message}");
        assert!(!message.contains("f64"), "{message}");
    }

    #[test]
    fn empty_and_garbage_input_give_problems_not_panics() {
        for input in [
            "",
            "   ",
            "null",
            "[]",
            "\u{feff}{}",
            "{\"id\": 1e999}",
            "\"\\ud800\"",
        ] {
            let errors = load_instrument(input).unwrap_err();
            assert_eq!(errors.problems.len(), 1, "{input}");
        }
    }

    #[test]
    fn a_misspelt_item_field_is_reported() {
        let json = instrument(
            r#"{"variable": "a1_ok", "text": "Ok?", "type": "agreement",
            "show_iff": {"equals": {"variable": "a0", "value": 1}}}"#,
        );
        let found = problems_of(&json);
        let expected = InstrumentProblem::UnknownItemField {
            variable: "a1_ok".into(),
            field: "show_iff".into(),
        };
        assert_eq!(found, vec![expected]);
        assert!(found[0].to_string().contains("Item a1_ok"));
    }

    #[test]
    fn several_problems_are_reported_together_one_per_line() {
        let json = instrument(
            r#"{"variable": "A1", "text": " ", "type": "single_choice", "choices": []},
               {"variable": "a2_n", "text": "How many?", "type": "number", "unit": "days",
                "min": 5, "max": 1, "step": 0, "show_if": {"equals": {"variable": "z9", "value": 1}}},
               {"variable": "a3_t", "text": "Say more", "type": "free_text", "max_length": 0,
                "dont_know": true}"#,
        );
        let errors = load_instrument(&json).unwrap_err();
        assert!(errors.problems.len() >= 8, "{errors}");
        let message = errors.to_string();
        assert_eq!(message.lines().count(), errors.problems.len());
        for needle in [
            "Item A1: its variable",
            "Item A1: its text",
            "Item A1: it has no choices",
            "Item a2_n: its min (5)",
            "Item a2_n: its step is 0",
            "uses z9",
            "Item a3_t: its max_length",
            "\"don't know\"",
        ] {
            assert!(
                message.contains(needle),
                "missing {needle:?} in:\n{message}"
            );
        }
    }
}
