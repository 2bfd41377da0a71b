#![cfg(not(target_arch = "wasm32"))]
//! The JSON envelope: what it holds for records made through the survey
//! flow, how each kind of answer is coded, and what stops an export.

use candour_testkit::export_support;

use candour_core::answer::AnswerValue;
use candour_core::export::{build_export, export_json, parse_export, ExportError, ExportValue};
use candour_core::instrument::Instrument;
use candour_core::record::InstrumentRef;
use candour_core::visibility::all_items;
use export_support::{default, small, small_records, t, AWKWARD_COMMENT};
use serde_json::{json, Value};

fn small_json() -> Value {
    let json = export_json(
        &small_records(AWKWARD_COMMENT),
        &[&small()],
        "Clinic A, tablet 2",
        t(1000),
    )
    .expect("export");
    serde_json::from_str(&json).expect("JSON")
}

#[test]
fn envelope_fields() {
    let v = small_json();
    assert_eq!(v["format"], "candour-export");
    assert_eq!(v["format_version"], 2);
    assert_eq!(v["app_version"], candour_core::APP_VERSION);
    assert_eq!(v["device_label"], "Clinic A, tablet 2");
    assert_eq!(v["exported_at"], "2026-11-25T10:03:20.000Z");
    assert_eq!(v["record_count"], 4);
    let instruments = v["instruments"].as_array().expect("a list");
    assert_eq!(instruments.len(), 1);
    let reference = InstrumentRef::of(&small());
    assert_eq!(instruments[0]["id"], reference.id.as_str());
    assert_eq!(instruments[0]["version"], reference.version.as_str());
    assert_eq!(instruments[0]["hash"], reference.hash.as_str());
    let definition: Instrument =
        serde_json::from_value(instruments[0]["definition"].clone()).expect("an instrument");
    assert_eq!(
        definition,
        small(),
        "the full definition travels with the data"
    );
}

#[test]
fn every_item_is_present_and_coded() {
    let v = small_json();
    let records = v["records"].as_array().expect("records");
    let variables: Vec<String> = all_items(&small()).map(|i| i.variable.clone()).collect();
    for r in records {
        let keys: Vec<&String> = r["answers"].as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), variables.len(), "{}", r["id"]);
    }
    let first = &records[0];
    assert_eq!(first["id"], "rec-1");
    assert_eq!(first["participant_code"], "HAT-042");
    assert_eq!(first["status"], "complete");
    assert_eq!(first["locale"], "en");
    assert_eq!(first["device_label"], "Clinic A, tablet 2");
    assert_eq!(first["service_code"], "MBRO-HAT");
    assert_eq!(
        first["answers"],
        json!({
            "s1_respect": 5, "s2_listen": 4, "s3_rushed": 2, "s4_help": [1, 3],
            "u1_days": 3, "u2_dealer": -99, "u3_comment": AWKWARD_COMMENT
        })
    );
    assert_eq!(
        first["paradata"]["s1_respect"],
        json!({"first_shown": "2026-11-25T09:46:41.000Z", "last_changed": "2026-11-25T09:46:42.000Z"})
    );
    // s3 is reverse-keyed: (5 + 4 + (6 - 2)) / 3.
    let score = first["domain_scores"]["S"]["score"]
        .as_f64()
        .expect("a score");
    assert!((score - 13.0 / 3.0).abs() < 1e-12);
    assert_eq!(first["domain_scores"]["S"]["answered"], 3);
    // On 0-100: (13/3 - 1) / (5 - 1) x 100.
    let score_100 = first["domain_scores"]["S"]["score_100"]
        .as_f64()
        .expect("a 0-100 score");
    assert!((score_100 - (13.0 / 3.0 - 1.0) / 4.0 * 100.0).abs() < 1e-9);

    let second = &records[1];
    assert_eq!(second["participant_code"], Value::Null);
    assert_eq!(second["answers"]["s4_help"], -97, "shown, unanswered");
    assert_eq!(second["answers"]["u2_dealer"], Value::Null, "skipped");
    assert_eq!(second["answers"]["u3_comment"], -97);
    assert_eq!(second["paradata"]["s4_help"]["last_changed"], Value::Null);

    let partial = &records[2];
    assert_eq!(partial["status"], "partial");
    assert_eq!(partial["answers"]["s2_listen"], -97, "shown before leaving");
    assert_eq!(partial["answers"]["s3_rushed"], -95, "never reached");
    assert_eq!(
        partial["domain_scores"]["S"],
        json!({"score": null, "score_100": null, "answered": 1, "shown": 2}),
        "only s1 and s2 were shown"
    );

    let declined = &records[3];
    assert_eq!(declined["status"], "declined_consent");
    assert!(declined["answers"]
        .as_object()
        .expect("object")
        .values()
        .all(Value::is_null));
    assert_eq!(declined["paradata"], json!({}));
    assert_eq!(
        declined["domain_scores"],
        json!({"S": {"score": null, "score_100": null, "answered": 0, "shown": 0}})
    );
}

#[test]
fn answers_are_in_the_order_asked() {
    let instrument = default();
    let records = export_support::plausible_records(&instrument, "o", 1);
    let json = export_json(&records, &[&instrument], "A", t(0)).expect("export");
    let order: Vec<String> = all_items(&instrument)
        .map(|i| format!("\"{}\":", i.variable))
        .collect();
    let answers = &json[json.find("\"answers\"").expect("answers")..];
    let positions: Vec<usize> = order
        .iter()
        .map(|k| answers.find(k.as_str()).expect("key"))
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "b1 ... b10, not b10, b1"
    );
}

#[test]
fn default_instrument_codes() {
    let instrument = default();
    let records = export_support::plausible_records(&instrument, "c", 12);
    let file = build_export(&records, &[&instrument], "A", t(0)).expect("export");
    for (stored, exported) in records.iter().zip(&file.records) {
        for item in all_items(&instrument) {
            let value = exported
                .answers
                .get(&item.variable)
                .expect("every item present");
            let expected = stored.answers.get(&item.variable).map(|a| match a {
                AnswerValue::Number(n) if n.fract() == 0.0 => ExportValue::Integer(*n as i64),
                other => ExportValue::from_answer(other).expect("finite"),
            });
            assert_eq!(value, &expected, "{} {}", stored.id, item.variable);
        }
    }
    // An amount with a fraction stays a fraction.
    let travel = ExportValue::from_answer(&AnswerValue::Number(2.5));
    assert_eq!(travel, Some(ExportValue::Number(2.5)));
}

#[test]
fn compact_with_one_trailing_newline() {
    let json = export_json(&small_records("a"), &[&small()], "A", t(0)).expect("export");
    assert!(json.ends_with("}\n"));
    assert_eq!(
        json.matches('\n').count(),
        1,
        "the only newline is the last"
    );
    assert!(!json.contains("\": "), "no pretty-printing");
}

#[test]
fn a_record_whose_instrument_is_missing_stops_the_export() {
    let records = small_records("a");
    let e = export_json(&records, &[&default()], "A", t(0)).expect_err("refused");
    assert!(
        matches!(e, ExportError::InstrumentMissing { ref record_id, .. } if record_id == "rec-1")
    );
    let words = e.to_string();
    assert!(
        words.contains("rec-1") && words.contains("fixture-small"),
        "{words}"
    );
    assert!(words.contains("nothing was exported"), "{words}");
}

#[test]
fn an_answer_to_an_unknown_variable_stops_the_export() {
    let mut records = small_records("a");
    records[1]
        .answers
        .insert("z9_ghost".into(), AnswerValue::Code(1));
    let e = export_json(&records, &[&small()], "A", t(0)).expect_err("refused");
    assert!(e.to_string().contains("z9_ghost"), "{e}");
}

#[test]
fn a_mislabelled_record_stops_the_export() {
    let mut records = small_records("a");
    records[0].instrument.version = "9.9.9".into();
    let e = export_json(&records, &[&small()], "A", t(0)).expect_err("refused");
    assert!(matches!(e, ExportError::InstrumentMismatch { .. }), "{e}");
}

#[test]
fn instruments_listed_are_those_used() {
    let file = build_export(
        &small_records("a"),
        &[&default(), &small(), &small()],
        "A",
        t(0),
    )
    .expect("export");
    assert_eq!(file.instruments.len(), 1, "only the small one is used");
    let empty = build_export(&[], &[&default(), &small(), &small()], "A", t(0)).expect("export");
    assert_eq!(
        empty.instruments.len(),
        2,
        "with no record, every instrument given, once"
    );
    assert_eq!(candour_analysis::write::datasets(&empty).len(), 2);
}

#[test]
fn written_and_read_back_it_is_the_same() {
    let instrument = default();
    let mut records = export_support::plausible_records(&instrument, "r", 10);
    records.extend(small_records(AWKWARD_COMMENT));
    let file = build_export(&records, &[&instrument, &small()], "Ward ☂", t(5)).expect("export");
    let json = file.to_json().expect("json");
    let read = parse_export("x.json", json.as_bytes()).expect("reads back");
    assert_eq!(read, file);
    assert_eq!(read.to_json().expect("json"), json, "byte for byte");
}
