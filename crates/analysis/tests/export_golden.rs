#![cfg(not(target_arch = "wasm32"))]
//! Every writer's output on the small fixture instrument, compared byte for
//! byte with files in `tests/fixtures/export/`. After a deliberate change,
//! rewrite them with `CANDOUR_UPDATE_GOLDEN=1 cargo test --test export_golden`
//! and read the diff before committing.

use candour_testkit::export_support;

use candour_analysis::combine::merge;
use candour_core::export::{parse_export, ExportFile};
use export_support::{small_export, t, TEST_APP_VERSION};
use std::path::PathBuf;

fn golden(name: &str, actual: &str) {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "tests",
        "fixtures",
        "export",
        name,
    ]
    .iter()
    .collect();
    if std::env::var_os("CANDOUR_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden file written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "{} is missing; create it with CANDOUR_UPDATE_GOLDEN=1",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .map_or(expected.lines().count().min(actual.lines().count()), |n| n);
        panic!(
            "{name} differs from its golden file at line {}:\n expected: {:?}\n actual:   {:?}",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

fn export() -> ExportFile {
    let mut file = small_export();
    // The envelope names the running app's version; pin it.
    file.app_version = TEST_APP_VERSION.into();
    file
}

#[test]
fn json_envelope() {
    golden("small.json.golden", &export().to_json().expect("json"));
}

#[test]
fn wide_csv() {
    let file = export();
    let datasets = candour_analysis::write::datasets(&file);
    assert_eq!(datasets.len(), 1);
    golden(
        "small.wide.csv.golden",
        &datasets[0].wide_csv().expect("wide"),
    );
}

#[test]
fn wide_csv_for_spss() {
    let file = export();
    let csv = candour_analysis::write::datasets(&file)[0]
        .wide_csv_for_spss()
        .expect("SPSS copy");
    golden("small.spss.csv.golden", &csv);
    // The same table as the wide CSV but for the line break in rec-1's comment.
    let wide = candour_analysis::write::datasets(&file)[0]
        .wide_csv()
        .expect("wide");
    assert_eq!(csv, wide.replace("staff\nline two", "staff line two"));
}

#[test]
fn long_csv() {
    let file = export();
    golden(
        "small.long.csv.golden",
        &candour_analysis::write::datasets(&file)[0]
            .long_csv()
            .expect("long"),
    );
}

#[test]
fn codebook_csv() {
    let file = export();
    golden(
        "small.codebook.csv.golden",
        &candour_analysis::write::datasets(&file)[0].codebook_csv("en"),
    );
}

#[test]
fn r_syntax() {
    let file = export();
    let r = candour_analysis::write::datasets(&file)[0]
        .r_syntax("small.wide.csv", "en")
        .expect("R syntax");
    golden("small.R.golden", &r);
}

#[test]
fn spss_syntax() {
    let file = export();
    let sps = candour_analysis::write::datasets(&file)[0]
        .spss_syntax("small.spss.csv", "en")
        .expect("SPSS syntax");
    golden("small.sps.golden", &sps);
}

#[test]
fn stata_syntax() {
    let file = export();
    let stata = candour_analysis::write::datasets(&file)[0]
        .stata_syntax("small.wide.csv", "en")
        .expect("Stata syntax");
    golden("small.do.golden", &stata);
}

#[test]
fn merged_json_and_notices() {
    let json = export().to_json().expect("json");
    let mut edited = export();
    edited.records[0].participant_code = Some("HAT-043".into());
    let edited = edited.to_json().expect("json");
    let report = merge(
        vec![
            ("a.json".into(), parse_export("a.json", json.as_bytes())),
            ("b.json".into(), parse_export("b.json", edited.as_bytes())),
            (
                "c.json".into(),
                parse_export("c.json", b"{\"format\": \"candour-export\""),
            ),
        ],
        t(2000),
    );
    let mut combined = report.combined.clone();
    combined.app_version = TEST_APP_VERSION.into();
    golden("merged.json.golden", &combined.to_json().expect("json"));
    golden(
        "merged.notices.golden",
        &(report.notices().join("\n") + "\n"),
    );
}
