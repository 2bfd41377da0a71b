#![cfg(not(target_arch = "wasm32"))]
//! Reading export files back: what is accepted, and every refusal naming
//! the file and the reason in words.

use candour_testkit::export_support;

use candour_core::export::{parse_export, ImportProblem};
use export_support::{small_export, TEST_APP_VERSION};
use serde_json::{json, Value};

fn good_json() -> String {
    let mut file = small_export();
    file.app_version = TEST_APP_VERSION.into();
    file.to_json().expect("json")
}

fn edited(edit: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut value: Value = serde_json::from_str(&good_json()).expect("json");
    edit(&mut value);
    serde_json::to_vec(&value).expect("json")
}

/// The problem found in `bytes`, checking that the message names the file.
fn problem(bytes: &[u8]) -> ImportProblem {
    let e = parse_export("tablet-2.json", bytes).expect_err("refused");
    let words = e.to_string();
    assert!(words.starts_with("The file \"tablet-2.json\" "), "{words}");
    assert!(words.ends_with('.'), "{words}");
    *e.problem
}

#[test]
fn a_good_file_is_read_with_or_without_a_bom() {
    let json = good_json();
    let plain = parse_export("a.json", json.as_bytes()).expect("reads");
    assert_eq!(plain.records.len(), 4);
    let with_bom = format!("\u{FEFF}{json}");
    assert_eq!(
        parse_export("a.json", with_bom.as_bytes()).expect("reads"),
        plain
    );
    // Pretty-printed by another tool, still the same.
    let value: Value = serde_json::from_str(&json).expect("json");
    let pretty = serde_json::to_string_pretty(&value).expect("json");
    assert_eq!(
        parse_export("a.json", pretty.as_bytes()).expect("reads"),
        plain
    );
}

#[test]
fn not_json_empty_or_not_text() {
    assert_eq!(problem(b""), ImportProblem::Empty);
    assert_eq!(problem(b" \n "), ImportProblem::Empty);
    assert_eq!(problem(&[0xff, 0xfe, 0x00, 0x41]), ImportProblem::NotText);
    assert!(matches!(
        problem(b"record_id,status\n1,complete"),
        ImportProblem::NotJson { .. }
    ));
    let cut = good_json();
    let cut = &cut.as_bytes()[..cut.len() / 2];
    assert!(matches!(problem(cut), ImportProblem::CutShort { .. }));
    let e = parse_export("half.json", cut).expect_err("refused");
    assert!(e.to_string().contains("cut short"), "{e}");
}

#[test]
fn other_json_and_other_versions() {
    assert!(matches!(
        problem(br#"{"name": "a codebook"}"#),
        ImportProblem::NotCandour { .. }
    ));
    assert!(matches!(
        problem(b"[1, 2, 3]"),
        ImportProblem::NotCandour { .. }
    ));
    assert!(matches!(
        problem(b"\"text\""),
        ImportProblem::NotCandour { .. }
    ));
    let other = problem(br#"{"format": "other-app", "format_version": 1}"#);
    assert!(other.to_string().contains("\"other-app\""), "{other}");
    let newer = problem(&edited(|v| v["format_version"] = json!(3)));
    assert_eq!(newer, ImportProblem::UnknownVersion { found: "3".into() });
    assert!(
        newer.to_string().contains("newer version of the app"),
        "{newer}"
    );
    assert!(matches!(
        problem(&edited(|v| v["format_version"] = json!("1"))),
        ImportProblem::UnknownVersion { .. }
    ));
}

#[test]
fn damaged_content() {
    let shape = problem(&edited(|v| v["records"][0]["status"] = json!("done")));
    assert!(matches!(shape, ImportProblem::WrongShape { .. }), "{shape}");
    let extra = problem(&edited(|v| v["records"][0]["note"] = json!("x")));
    assert!(extra.to_string().contains("note"), "{extra}");
    assert_eq!(
        problem(&edited(|v| v["record_count"] = json!(5))),
        ImportProblem::CountMismatch {
            claimed: 5,
            found: 4
        }
    );
    let time = problem(&edited(|v| {
        v["records"][0]["started_at"] = json!("25/11/2026 09:46")
    }));
    assert!(matches!(time, ImportProblem::WrongShape { .. }), "{time}");
    assert!(
        time.to_string().contains("2026-11-25T09:05:03.120Z"),
        "{time}"
    );
    let answer = problem(&edited(|v| {
        v["records"][0]["answers"]["s1_respect"] = json!({"code": 5})
    }));
    assert!(
        answer.to_string().contains("a code, a list of codes"),
        "{answer}"
    );
}

#[test]
fn instruments_must_match_their_records_and_hashes() {
    let label = problem(&edited(|v| {
        v["instruments"][0]["definition"]["sections"][0]["items"][0]["text"] = json!("Edited.")
    }));
    assert!(
        matches!(label, ImportProblem::HashMismatch { .. }),
        "{label}"
    );
    assert!(label.to_string().contains("changed after export"));

    let missing = problem(&edited(|v| v["instruments"] = json!([])));
    assert!(
        matches!(missing, ImportProblem::InstrumentNotInFile { ref record_id, .. } if record_id == "rec-1"),
        "{missing}"
    );
    assert!(missing.to_string().contains("not in the file"));

    let renamed = problem(&edited(|v| {
        v["records"][1]["instrument"]["version"] = json!("2.0.0")
    }));
    assert!(
        matches!(renamed, ImportProblem::InstrumentMismatch { .. }),
        "{renamed}"
    );
}

#[test]
fn answers_must_belong_to_the_instrument() {
    let ghost = problem(&edited(|v| {
        v["records"][0]["answers"]["z9_ghost"] = json!(1)
    }));
    assert!(ghost.to_string().contains("z9_ghost"), "{ghost}");
    let text = good_json().replacen("\"s1_respect\":5", "\"s1_respect\":5,\"s1_respect\":4", 1);
    assert!(matches!(
        problem(text.as_bytes()),
        ImportProblem::RepeatedVariable { .. }
    ));
    let unknown_code = problem(&edited(|v| {
        v["records"][0]["answers"]["s4_help"] = json!([1, 9])
    }));
    assert!(
        matches!(unknown_code, ImportProblem::ValueDoesNotFit { .. }),
        "{unknown_code}"
    );
    let missing_ok = edited(|v| v["records"][0]["answers"]["s4_help"] = json!(-98));
    assert!(parse_export("ok.json", &missing_ok).is_ok());
}

/// The good file as an app before format 2 wrote it: no service codes, no
/// 0-100 scores, version 1.
fn as_format_1() -> Vec<u8> {
    edited(|v| {
        v["format_version"] = json!(1);
        for record in v["records"].as_array_mut().into_iter().flatten() {
            if let Some(r) = record.as_object_mut() {
                r.remove("service_code");
            }
            for score in record["domain_scores"]
                .as_object_mut()
                .into_iter()
                .flatten()
            {
                if let Some(s) = score.1.as_object_mut() {
                    s.remove("score_100");
                }
            }
        }
    })
}

#[test]
fn a_format_1_file_is_still_read_and_its_scores_filled_in() {
    let now = parse_export("now.json", good_json().as_bytes()).expect("reads");
    let old = parse_export("old.json", &as_format_1()).expect("format 1 reads");
    assert_eq!(old.format_version, 1);
    assert_eq!(old.records[0].service_code, None);
    // Scores are computed again on reading: the 0-100 score is there.
    let score = &old.records[0].domain_scores.get("S").expect("S");
    assert_eq!(
        score.score_100,
        now.records[0]
            .domain_scores
            .get("S")
            .and_then(|s| s.score_100)
    );
    assert!(score.score_100.is_some());
    assert_eq!(old.records[0].answers, now.records[0].answers);
}

#[test]
fn scores_are_computed_again_from_the_answers() {
    let wrong = edited(|v| {
        v["records"][0]["domain_scores"]["S"] =
            json!({"score": 1.0, "score_100": 0.0, "answered": 9, "shown": 9})
    });
    let read = parse_export("edited.json", &wrong).expect("reads");
    let right = parse_export("good.json", good_json().as_bytes()).expect("reads");
    assert_eq!(
        read.records[0].domain_scores.get("S"),
        right.records[0].domain_scores.get("S")
    );
    assert_eq!(
        read.records[0].domain_scores.get("S").map(|s| s.answered),
        Some(3)
    );
}

#[test]
fn a_service_code_must_be_one() {
    let good = parse_export("good.json", good_json().as_bytes()).expect("reads");
    assert_eq!(good.records[0].service_code.as_deref(), Some("MBRO-HAT"));
    let bad = problem(&edited(|v| {
        v["records"][1]["service_code"] = json!("=cmd|' /C calc'!A0")
    }));
    assert!(
        matches!(bad, ImportProblem::BadServiceCode { ref record_id, .. } if record_id == "rec-2"),
        "{bad}"
    );
    assert!(bad.to_string().contains("not a service code"), "{bad}");
    let none = edited(|v| v["records"][1]["service_code"] = json!(null));
    assert!(parse_export("none.json", &none).is_ok());
}
