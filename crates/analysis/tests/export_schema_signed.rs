#![cfg(not(target_arch = "wasm32"))]
//! Real signed exports (format version 3), sealed and clear, are valid
//! against `schema/candour-export-signed.schema.json`, which refuses what is
//! not one.

mod sealing_support;

use candour_testkit::export_support::{default, plausible_records};
use sealing_support::{clear, research_key, sealed, Tablet};
use serde_json::{json, Value};

const SCHEMA: &str = include_str!("../../../schema/candour-export-signed.schema.json");
const PLAIN: &str = include_str!("../../../schema/candour-export.schema.json");

/// The two schemas describe questionnaires and records once: every
/// definition of the plain export's schema stands unchanged in the signed
/// one, so a change to one cannot leave the other behind.
#[test]
fn the_signed_schema_shares_every_definition_of_the_plain_one() {
    let signed: Value = serde_json::from_str(SCHEMA).expect("json");
    let plain: Value = serde_json::from_str(PLAIN).expect("json");
    let plain_defs = plain["$defs"].as_object().expect("definitions");
    for (name, def) in plain_defs {
        assert_eq!(&signed["$defs"][name], def, "definition {name}");
    }
}

#[test]
fn signed_exports_are_valid_and_the_schema_is_strict() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::draft202012::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    let v = jsonschema::draft202012::new(&schema).expect("compiles");
    let instrument = default();
    let records = plausible_records(&instrument, "v", 4);
    let key = research_key(9);
    let tablet = Tablet::new(11, "Clinic A, tablet 2");
    let mut entries = clear(&records[..2], &instrument, 1);
    entries.extend(sealed(&records[2..], &instrument, key.public(), 3));
    let text = tablet.export(&entries, &instrument, Some(key.public()), 4);
    let good: Value = serde_json::from_str(&text).expect("json");
    let errors: Vec<String> = v
        .iter_errors(&good)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let unsealed: Value =
        serde_json::from_str(&tablet.export(&entries[..2], &instrument, None, 4)).expect("json");
    assert!(v.is_valid(&unsealed));
    let changed = |path: &str, new: Value| {
        let mut value = good.clone();
        *value.pointer_mut(path).expect("path") = new;
        value
    };
    assert!(!v.is_valid(&changed("/format_version", json!(1))));
    assert!(!v.is_valid(&changed("/signature/algorithm", json!("rsa"))));
    assert!(!v.is_valid(&changed("/records/2/sealed/suite", json!("other"))));
    assert!(!v.is_valid(&changed("/records/0/header/sequence", json!(0))));
    assert!(!v.is_valid(&changed("/manifest/research_key/fingerprint", json!("abc"))));
    let mut both = good.clone();
    both["records"][2]["clear"] = good["records"][0]["clear"].clone();
    assert!(!v.is_valid(&both), "sealed and clear at once");
    let mut extra = good.clone();
    extra["manifest"]["note"] = json!("x");
    assert!(!v.is_valid(&extra));
}
