#![cfg(not(target_arch = "wasm32"))]
//! Property tests of skip logic and of the loader's robustness.
//!
//! Skip logic decides what is stored: an answer left on a hidden item must
//! never reach an export, whatever a participant did before going back.

use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_core::visibility::{all_items, progress, prune_hidden, visible_items};
use proptest::prelude::*;
use serde_json::Value;

/// Items with chained conditions: each kind of condition, nested, and
/// conditions on items that are themselves conditional.
const INSTRUMENT: &str = r#"{
  "id": "props", "version": "1", "locale": "en",
  "title": "T", "information": "I", "consent": "C",
  "scales": {"agreement": ["1", "2", "3", "4", "5"], "yes_no_not_sure": ["Y", "N", "S"],
             "prefer_not_to_say": "P", "dont_know": "D"},
  "sections": [
    {"id": "one", "title": "One", "items": [
      {"variable": "a1", "text": "Q", "type": "single_choice", "prefer_not_to_say": true,
       "choices": [{"code": 1, "label": "x"}, {"code": 2, "label": "y"}, {"code": 3, "label": "z"}]},
      {"variable": "a2", "text": "Q", "type": "number", "unit": "days", "min": 0, "max": 28, "step": 1},
      {"variable": "a3", "text": "Q", "type": "multiple_choice",
       "choices": [{"code": 1, "label": "x"}, {"code": 2, "label": "y"}, {"code": 3, "label": "z"}, {"code": 4, "label": "w"}],
       "show_if": {"equals": {"variable": "a1", "value": 1}}},
      {"variable": "a4", "text": "Q", "type": "agreement",
       "show_if": {"one_of": {"variable": "a3", "values": [2, 3]}}},
      {"variable": "a5", "text": "Q", "type": "yes_no_not_sure",
       "show_if": {"greater_than": {"variable": "a2", "value": 5}}}
    ]},
    {"id": "two", "title": "Two", "items": [
      {"variable": "a6", "text": "Q", "type": "scale_010", "low_label": "L", "high_label": "H",
       "show_if": {"all": [{"less_than": {"variable": "a2", "value": 20}},
                           {"not": {"equals": {"variable": "a5", "value": 0}}}]}},
      {"variable": "a7", "text": "Q", "type": "free_text", "max_length": 20,
       "show_if": {"any": [{"equals": {"variable": "a4", "value": 5}}, {"equals": {"variable": "a6", "value": 10}}]}},
      {"variable": "a8", "text": "Q", "type": "number", "unit": "visits", "min": 0, "max": 5, "step": 1,
       "show_if": {"not": {"one_of": {"variable": "a1", "values": [2, 3]}}}},
      {"variable": "a9", "text": "Q", "type": "agreement"},
      {"variable": "a10", "text": "Q", "type": "single_choice",
       "choices": [{"code": 0, "label": "x"}, {"code": 1, "label": "y"}],
       "show_if": {"any": [{"greater_than": {"variable": "a8", "value": 3}},
                           {"all": [{"equals": {"variable": "a3", "value": 4}}, {"not": {"less_than": {"variable": "a6", "value": 5}}}]}]}}
    ]}
  ]
}"#;

/// Variables answers may name: the items' and two that no item has.
const VARIABLES: [&str; 12] = [
    "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "zz", "",
];

fn instrument() -> Instrument {
    match load_instrument(INSTRUMENT) {
        Ok(instrument) => instrument,
        Err(errors) => panic!("the test instrument must load:\n{errors}"),
    }
}

/// Any value at all, including ones no item accepts and NaN, weighted towards
/// the small codes and counts that the conditions test, so that deep items show.
fn any_value() -> impl Strategy<Value = AnswerValue> {
    let code = prop_oneof![4 => 0i64..6, 1 => 6i64..12, 1 => -100i64..0];
    let number = prop_oneof![
        4 => (0u8..30).prop_map(f64::from),
        1 => -10.0f64..40.0,
        1 => prop::sample::select(vec![f64::NAN, f64::INFINITY, -0.0, 5.000_000_1]),
    ];
    prop_oneof![
        4 => code.prop_map(AnswerValue::Code),
        3 => prop::collection::vec(-2i64..6, 0..5).prop_map(AnswerValue::Codes),
        3 => number.prop_map(AnswerValue::Number),
        1 => "\\PC{0,8}".prop_map(AnswerValue::Text),
        1 => prop::sample::select(MissingCode::ALL.to_vec()).prop_map(AnswerValue::Missing),
    ]
}

/// A value that fits the item `variable`, as a participant would give, so that
/// chains of conditions are followed deep; anything for unknown variables.
fn fitting_value(variable: &str) -> BoxedStrategy<AnswerValue> {
    let code = |low: i64, high: i64| (low..=high).prop_map(AnswerValue::Code).boxed();
    let number = |high: u8| {
        (0..=high)
            .prop_map(|n| AnswerValue::Number(f64::from(n)))
            .boxed()
    };
    match variable {
        "a1" => code(1, 3),
        "a2" => number(28),
        "a3" => prop::sample::subsequence(vec![1i64, 2, 3, 4], 0..=4)
            .prop_map(AnswerValue::Codes)
            .boxed(),
        "a4" | "a9" => code(1, 5),
        "a5" => code(0, 2),
        "a6" => code(0, 10),
        "a7" => "\\PC{0,20}".prop_map(AnswerValue::Text).boxed(),
        "a8" => number(5),
        "a10" => code(0, 1),
        _ => any_value().boxed(),
    }
}

fn any_answers() -> impl Strategy<Value = Answers> {
    let entries = VARIABLES.map(|v| {
        let value = prop_oneof![3 => fitting_value(v), 1 => any_value()];
        prop::option::weighted(0.8, value).prop_map(move |o| (v, o))
    });
    entries.prop_map(|pairs| {
        pairs
            .into_iter()
            .filter_map(|(variable, value)| value.map(|v| (variable.to_owned(), v)))
            .collect()
    })
}

/// Answers compared through Debug, so that NaN equals NaN.
fn same(a: &Answers, b: &Answers) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

fn visible_names(instrument: &Instrument, answers: &Answers) -> Vec<String> {
    visible_items(instrument, answers)
        .iter()
        .map(|i| i.variable.clone())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn pruned_answers_belong_only_to_visible_items(answers in any_answers()) {
        let ins = instrument();
        let pruned = prune_hidden(&ins, &answers);
        let visible = visible_names(&ins, &pruned);
        for variable in pruned.keys() {
            prop_assert!(visible.contains(variable), "{variable} is hidden but kept");
        }
        for (variable, value) in &pruned {
            prop_assert_eq!(format!("{:?}", answers.get(variable)), format!("{:?}", Some(value)));
        }
    }

    #[test]
    fn pruning_is_idempotent(answers in any_answers()) {
        let ins = instrument();
        let once = prune_hidden(&ins, &answers);
        let twice = prune_hidden(&ins, &once);
        prop_assert!(same(&once, &twice), "{once:?} then {twice:?}");
    }

    #[test]
    fn pruning_does_not_change_what_is_shown(answers in any_answers()) {
        let ins = instrument();
        let pruned = prune_hidden(&ins, &answers);
        prop_assert_eq!(visible_names(&ins, &answers), visible_names(&ins, &pruned));
    }

    #[test]
    fn progress_stays_within_bounds(answers in any_answers()) {
        let ins = instrument();
        for a in [answers.clone(), prune_hidden(&ins, &answers)] {
            let p = progress(&ins, &a);
            prop_assert!(p.answered <= p.visible);
            prop_assert!(p.percent() <= 100);
            prop_assert!(p.visible <= all_items(&ins).count());
        }
    }

    #[test]
    fn items_without_a_condition_are_always_shown(answers in any_answers()) {
        let ins = instrument();
        let visible = visible_names(&ins, &answers);
        for item in all_items(&ins).filter(|i| i.show_if.is_none()) {
            prop_assert!(visible.contains(&item.variable));
        }
    }

    #[test]
    fn loading_any_string_never_panics(input in "\\PC{0,200}") {
        let _ = load_instrument(&input);
    }

    #[test]
    fn loading_a_mutated_file_never_panics(
        cuts in prop::collection::vec((any::<prop::sample::Index>(), 0usize..8, "\\PC{0,3}"), 1..4)
    ) {
        let mut chars: Vec<char> = INSTRUMENT.chars().collect();
        for (at, len, insert) in cuts {
            let start = at.index(chars.len() + 1);
            let end = (start + len).min(chars.len());
            chars.splice(start..end, insert.chars());
        }
        let mutated: String = chars.into_iter().collect();
        if let Err(errors) = load_instrument(&mutated) {
            prop_assert!(!errors.problems.is_empty());
            prop_assert!(!errors.to_string().trim().is_empty());
        }
    }

    #[test]
    fn replacing_any_json_value_never_panics(at in any::<prop::sample::Index>(), new in json_value()) {
        let mut root: Value = serde_json::from_str(INSTRUMENT).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut paths = Vec::new();
        pointers(&root, String::new(), &mut paths);
        let path = at.get(&paths).clone();
        if let Some(slot) = root.pointer_mut(&path) {
            *slot = new;
        }
        let _ = load_instrument(&root.to_string());
    }
}

/// JSON values that often break assumptions: wrong types, negatives, blanks, huge numbers.
fn json_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![
            Just(-99i64),
            Just(-1),
            Just(0),
            Just(1),
            Just(3),
            Just(i64::MAX)
        ]
        .prop_map(Value::from),
        prop_oneof![Just(0.5f64), Just(-0.0), Just(1e300)].prop_map(Value::from),
        prop_oneof![
            Just(""),
            Just(" "),
            Just("a1"),
            Just("a10"),
            Just("zz"),
            Just("C"),
            Just("scale_010")
        ]
        .prop_map(Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        Just(serde_json::json!({"en": ""})),
        Just(serde_json::json!({"equals": {"variable": "a9", "value": 1}})),
    ]
}

/// JSON pointers to every value in the document, the root included.
fn pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{here}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}
