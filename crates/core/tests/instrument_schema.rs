#![cfg(not(target_arch = "wasm32"))]
//! `schema/candour-instrument.schema.json`, the questionnaire format as a
//! JSON Schema for researchers' editors, agrees with the loader: every
//! questionnaire the app ships or the tests load passes it, and files the
//! loader refuses for their shape fail it too.

use candour_core::instrument::load::load_instrument;
use jsonschema::Validator;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

const SCHEMA: &str = include_str!("../../../schema/candour-instrument.schema.json");

fn validator() -> Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every questionnaire file of the repository: the shipped ones and the
/// test fixtures.
fn instrument_files() -> Vec<PathBuf> {
    let mut files = vec![repo().join("instruments/default.json")];
    for dir in [
        "instruments/previous",
        "tests/fixtures",
        "tests/fixtures/hostile",
    ] {
        let entries = fs::read_dir(repo().join(dir)).expect("the folder exists");
        files.extend(
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json")),
        );
    }
    files
}

fn errors(validator: &Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn every_questionnaire_the_loader_accepts_passes_the_schema() {
    let v = validator();
    let mut accepted = 0;
    for file in instrument_files() {
        let text = fs::read_to_string(&file).expect("readable");
        if load_instrument(&text).is_err() {
            continue;
        }
        accepted += 1;
        let value: Value = serde_json::from_str(&text).expect("JSON");
        let found = errors(&v, &value);
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
    // default, 1.0.0, the small and the right-to-left fixtures at least.
    assert!(accepted >= 4, "only {accepted} questionnaires loaded");
}

#[test]
fn the_hostile_names_fixture_fails_the_schema_as_it_fails_the_loader() {
    let path = repo().join("tests/fixtures/hostile/bad_names_instrument.json");
    let text = fs::read_to_string(path).expect("readable");
    assert!(load_instrument(&text).is_err());
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert!(!validator().is_valid(&value));
}

fn default_value() -> Value {
    let text = fs::read_to_string(repo().join("instruments/default.json")).expect("readable");
    serde_json::from_str(&text).expect("JSON")
}

/// Breaks the default questionnaire in one way; the loader and the schema
/// must both refuse it.
fn assert_both_refuse(why: &str, breaking: impl FnOnce(&mut Value)) {
    let mut value = default_value();
    breaking(&mut value);
    assert!(!validator().is_valid(&value), "the schema accepted {why}");
    assert!(
        load_instrument(&value.to_string()).is_err(),
        "the loader accepted {why}"
    );
}

fn first_item(value: &mut Value) -> &mut Value {
    &mut value["sections"][0]["items"][0]
}

#[test]
fn broken_questionnaires_fail_the_schema() {
    assert!(validator().is_valid(&default_value()));
    assert_both_refuse("no sections", |v| v["sections"] = json!([]));
    assert_both_refuse("no version", |v| {
        v.as_object_mut().map(|o| o.remove("version"));
    });
    assert_both_refuse("an unknown top-level key", |v| v["colour"] = json!("red"));
    assert_both_refuse("a misspelt item key", |v| {
        first_item(v)["show_iff"] = json!({"equals": {"variable": "a1_works", "value": 1}});
    });
    assert_both_refuse("an unknown item type", |v| {
        first_item(v)["type"] = json!("slider")
    });
    assert_both_refuse("a scale without its labels", |v| {
        first_item(v).as_object_mut().map(|o| o.remove("low_label"));
    });
    assert_both_refuse("a variable with a capital", |v| {
        first_item(v)["variable"] = json!("A1_works");
    });
    assert_both_refuse("a number field on a scale", |v| {
        first_item(v)["max"] = json!(3)
    });
    assert_both_refuse("four agreement labels", |v| {
        v["scales"]["agreement"].as_array_mut().map(Vec::pop);
    });
    assert_both_refuse("a blank title", |v| v["title"] = json!("  "));
    assert_both_refuse("a condition of two kinds at once", |v| {
        first_item(v)["show_if"] = json!({
            "equals": {"variable": "a1_works", "value": 1},
            "less_than": {"variable": "a1_works", "value": 1}
        });
    });
    assert_both_refuse("a negative choice code", |v| {
        first_item(v)["type"] = json!("single_choice");
        let item = first_item(v).as_object_mut().expect("an item");
        item.remove("low_label");
        item.remove("high_label");
        item.insert("choices".into(), json!([{"code": -1, "label": "No"}]));
    });
}
