#![cfg(not(target_arch = "wasm32"))]
//! The export files the end-to-end import test picks, made here from
//! records answered through the survey flow on the default instrument, and
//! compared byte for byte with `tests/fixtures/export-import/`. After a
//! deliberate change, rewrite them with
//! `CANDOUR_UPDATE_GOLDEN=1 cargo test --test export_import_fixtures`.
//!
//! Tablet A holds two records of its own, one record also on tablet B with
//! identical content, and one record whose id tablet B holds with different
//! answers (a conflict). `corrupt.json` is tablet A's file cut short.
//! Tablet C holds two records of its own, to combine with
//! `format-1-tablet-a.json` (an export written before format 2, of
//! questionnaire 1.0.0, kept as it was).

use candour_testkit::export_support;

use candour_analysis::combine::{combine, FileRow};
use candour_core::export::build_export;
use candour_core::record::ResponseRecord;
use candour_testkit::fixture_files::check_fixture_files;
use export_support::{complete, default, plausible, t, TEST_APP_VERSION};

fn record(id: &str, device: &str, seed: usize, start: i64) -> ResponseRecord {
    let mut n = seed;
    let mut pick = |item: &candour_core::instrument::Item| {
        n += 1;
        plausible(item, n)
    };
    let mut r = complete(&default(), id, Some("HAT-042"), start, &mut pick);
    r.device_label = device.into();
    r
}

fn file(device: &str, records: &[ResponseRecord]) -> String {
    let mut file = build_export(records, &[&default()], device, t(5000)).expect("export builds");
    // The envelope names the running app's version; pin it.
    file.app_version = TEST_APP_VERSION.into();
    file.to_json().expect("json")
}

fn files() -> Vec<(&'static str, String)> {
    let shared = record("shared-1", "Clinic A, tablet 1", 40, 300);
    let a = file(
        "Clinic A, tablet 1",
        &[
            record("tablet-a-1", "Clinic A, tablet 1", 0, 0),
            record("tablet-a-2", "Clinic A, tablet 1", 10, 100),
            shared.clone(),
            record("clash-1", "Clinic A, tablet 1", 20, 200),
        ],
    );
    let b = file(
        "Clinic B, tablet 1",
        &[
            record("tablet-b-1", "Clinic B, tablet 1", 30, 400),
            shared,
            record("clash-1", "Clinic A, tablet 1", 25, 200),
        ],
    );
    // Cut at a character boundary: the answers hold emoji.
    let half = (0..=a.len() / 2)
        .rev()
        .find(|&i| a.is_char_boundary(i))
        .unwrap_or(0);
    let corrupt = a[..half].to_owned();
    let c = file(
        "Clinic C, tablet 1",
        &[
            record("tablet-c-1", "Clinic C, tablet 1", 50, 500),
            record("tablet-c-2", "Clinic C, tablet 1", 60, 600),
        ],
    );
    vec![
        ("tablet-a.json", a),
        ("tablet-b.json", b),
        ("corrupt.json", corrupt),
        ("tablet-c.json", c),
    ]
}

#[test]
fn the_fixture_files_are_up_to_date() {
    check_fixture_files("export-import", &files());
}

#[test]
fn the_fixtures_combine_as_the_end_to_end_test_expects() {
    let picked = files()
        .into_iter()
        .filter(|(name, _)| *name != "tablet-c.json")
        .map(|(name, text)| (name.to_owned(), Ok(text.into_bytes())))
        .collect();
    let c = combine(picked);
    assert_eq!(c.accepted(), 2);
    assert_eq!(
        c.rows[0],
        FileRow::Accepted {
            file: "tablet-a.json".into(),
            records: 4
        }
    );
    assert_eq!(
        c.rows[1],
        FileRow::Accepted {
            file: "tablet-b.json".into(),
            records: 3
        }
    );
    let FileRow::Rejected { file, reason } = &c.rows[2] else {
        panic!("the corrupt file is rejected: {:?}", c.rows[2]);
    };
    assert_eq!(file, "corrupt.json");
    assert!(reason.contains("ends too early"), "{reason}");
    assert_eq!(c.report.identical_duplicates, 1);
    let ids: Vec<&str> = c
        .report
        .combined
        .records
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    assert_eq!(ids, ["tablet-a-1", "tablet-a-2", "shared-1", "tablet-b-1"]);
    assert_eq!(c.report.conflicts().len(), 1);
    assert_eq!(c.report.conflicts()[0].record_id, "clash-1");
    assert_eq!(c.report.conflicts()[0].versions.len(), 2);
}

#[test]
fn an_export_from_before_format_2_combines_with_tablet_c_as_two_datasets() {
    let old = include_str!("../../../tests/fixtures/export-import/format-1-tablet-a.json");
    let (_, c) = files()
        .into_iter()
        .find(|(name, _)| *name == "tablet-c.json")
        .expect("tablet C");
    let combined = combine(vec![
        ("format-1-tablet-a.json".into(), Ok(old.as_bytes().to_vec())),
        ("tablet-c.json".into(), Ok(c.into_bytes())),
    ]);
    assert_eq!(combined.accepted(), 2);
    assert_eq!(combined.report.combined.records.len(), 6);
    assert!(combined.report.mixed_instruments());
    let versions: Vec<(&str, usize)> = combined
        .report
        .instruments
        .iter()
        .map(|i| (i.version.as_str(), i.records))
        .collect();
    assert_eq!(versions, [("1.0.0", 4), ("2.0.0", 2)]);
}
