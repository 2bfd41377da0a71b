#![cfg(not(target_arch = "wasm32"))]
//! Real exports, made from records that went through the survey flow, are
//! valid against `schema/candour-export.schema.json`, and the schema is
//! strict enough to refuse files that are not.

use candour_testkit::export_support;

use candour_analysis::combine::merge;
use candour_core::export::{build_export, export_json, parse_export};
use export_support::{default, plausible_records, small, small_records, t, AWKWARD_COMMENT};
use jsonschema::Validator;
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../../schema/candour-export.schema.json");

fn validator() -> Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn assert_valid(validator: &Validator, json: &str) {
    let value: Value = serde_json::from_str(json).expect("the export is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

fn assert_invalid(validator: &Validator, value: &Value, why: &str) {
    assert!(!validator.is_valid(value), "the schema accepted {why}");
}

#[test]
fn small_instrument_export_of_every_status_is_valid() {
    let json = export_json(
        &small_records(AWKWARD_COMMENT),
        &[&small()],
        "Clinic A, tablet 2",
        t(1000),
    )
    .expect("export");
    assert_valid(&validator(), &json);
}

#[test]
fn default_instrument_export_is_valid() {
    let instrument = default();
    let mut records = plausible_records(&instrument, "d", 40);
    records.push(export_support::declined(&instrument, "d-declined", 99_000));
    let mut n = 0;
    let mut pick = |item: &candour_core::instrument::Item| {
        n += 1;
        export_support::plausible(item, n)
    };
    records.push(export_support::partial(
        &instrument,
        "d-partial",
        98_000,
        9,
        &mut pick,
    ));
    let json = export_json(&records, &[&instrument], "Ward 7 ☂", t(200_000)).expect("export");
    assert_valid(&validator(), &json);
}

#[test]
fn empty_and_merged_exports_are_valid() {
    let v = validator();
    let empty = export_json(&[], &[&small(), &default()], "Clinic A", t(0)).expect("export");
    assert_valid(&v, &empty);

    let file = build_export(&small_records("a"), &[&small()], "A", t(1)).expect("export");
    let mut other = file.clone();
    other.records[0].locale = "fr".into();
    let report = merge(
        vec![
            ("a.json".into(), Ok(file)),
            ("b.json".into(), Ok(other)),
            ("c.json".into(), parse_export("c.json", b"not json")),
        ],
        t(2),
    );
    assert_eq!(report.conflicts().len(), 1);
    let merged = report.combined.to_json().expect("json");
    assert_valid(&v, &merged);
}

#[test]
fn the_schema_refuses_what_is_not_an_export() {
    let v = validator();
    let json = export_json(&small_records("x"), &[&small()], "A", t(1)).expect("export");
    let good: Value = serde_json::from_str(&json).expect("json");
    let changed = |path: &str, new: Value| {
        let mut value = good.clone();
        *value.pointer_mut(path).expect("path exists") = new;
        value
    };
    assert_invalid(&v, &changed("/format", json!("other")), "another format");
    assert_invalid(&v, &changed("/format_version", json!(3)), "version 3");
    assert_invalid(
        &v,
        &changed("/records/0/service_code", json!("clinic a")),
        "a service code that is not one",
    );
    assert_invalid(
        &v,
        &changed("/records/0/answers/s1_respect", json!(-94)),
        "a negative value that is no missing code",
    );
    let mut old_score = good.clone();
    old_score["records"][0]["domain_scores"]["S"]
        .as_object_mut()
        .expect("object")
        .remove("score_100");
    assert_invalid(&v, &old_score, "a score without its 0-100 form");
    assert_invalid(
        &v,
        &changed("/exported_at", json!("25/11/2026")),
        "a local date",
    );
    assert_invalid(
        &v,
        &changed("/records/0/status", json!("done")),
        "an unknown status",
    );
    assert_invalid(
        &v,
        &changed("/records/0/answers/s1_respect", json!(-5)),
        "a negative non-missing code",
    );
    assert_invalid(
        &v,
        &changed("/records/0/answers/s4_help", json!([1, 1])),
        "a repeated code",
    );
    assert_invalid(
        &v,
        &changed("/records/0/answers/s1_respect", json!({"code": 5})),
        "a Rust-shaped answer",
    );
    assert_invalid(
        &v,
        &changed("/records/0/instrument/hash", json!("md5:abc")),
        "a wrong hash",
    );
    assert_invalid(
        &v,
        &changed("/records/0/paradata/s1_respect", json!({"first_shown": 5})),
        "a time as a number",
    );
    let mut missing = good.clone();
    missing["records"][0]
        .as_object_mut()
        .expect("object")
        .remove("answers");
    assert_invalid(&v, &missing, "a record without answers");
    let mut extra = good.clone();
    extra["records"][0]["exported_at"] = json!("2026-11-25T00:00:00.000Z");
    assert_invalid(&v, &extra, "an unknown record field");
}
