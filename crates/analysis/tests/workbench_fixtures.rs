#![cfg(not(target_arch = "wasm32"))]
//! The exports the workbench's end-to-end test opens, made here from records
//! answered through the survey flow on the default questionnaire, and
//! compared byte for byte with `tests/fixtures/workbench/` (rewrite them
//! with `CANDOUR_UPDATE_GOLDEN=1 cargo test --test workbench_fixtures`).
//! Then their summary is checked: the same counts the end-to-end test finds
//! on screen.
//!
//! Clinic A's tablet holds 20 records, clinic B's 15 of its own and one of
//! A's (identical); `corrupt.json` is B's file cut short. `a1_works` is 0
//! for exactly 2 records, 7 for 18 and 9 for 15, so the summary must hide
//! the 2 and, with it, the 15 (else 35 - 18 would give it back).

use candour_analysis::combine::{combine, FileRow};
use candour_analysis::summary::{summarise, Alpha, Chart, Count, Threshold};
use candour_core::answer::AnswerValue;
use candour_core::export::build_export;
use candour_core::instrument::Item;
use candour_core::record::ResponseRecord;
use candour_testkit::export_support::{complete, default, plausible, t, TEST_APP_VERSION};
use candour_testkit::fixture_files::check_fixture_files;

fn a1_works(k: usize) -> i64 {
    match k {
        0..=1 => 0,
        2..=19 => 7,
        _ => 9,
    }
}

fn record(k: usize, device: &str) -> ResponseRecord {
    let mut n = k * 7;
    let mut pick = |item: &Item| {
        n += 1;
        if item.variable == "a1_works" {
            return Some(AnswerValue::Code(a1_works(k)));
        }
        // Domain C answered in full by everyone, so its alpha has the
        // complete cases it needs.
        if item.domain.as_deref() == Some("C") {
            return Some(AnswerValue::Code(1 + (n % 5) as i64));
        }
        plausible(item, n)
    };
    let id = format!("wb-{k:02}");
    let mut r = complete(
        &default(),
        &id,
        Some("HAT-100"),
        (k * 1000) as i64,
        &mut pick,
    );
    r.device_label = device.into();
    r
}

fn file(device: &str, records: &[ResponseRecord], at: i64) -> String {
    let mut file = build_export(records, &[&default()], device, t(at)).expect("export builds");
    file.app_version = TEST_APP_VERSION.into();
    file.to_json().expect("json")
}

fn files() -> Vec<(&'static str, String)> {
    let a: Vec<ResponseRecord> = (0..20).map(|k| record(k, "Clinic A, tablet 1")).collect();
    let mut b: Vec<ResponseRecord> = (20..35).map(|k| record(k, "Clinic B, tablet 1")).collect();
    b.push(a[3].clone());
    let a = file("Clinic A, tablet 1", &a, 90_000);
    let b = file("Clinic B, tablet 1", &b, 95_000);
    let half = (0..=b.len() / 2)
        .rev()
        .find(|&i| b.is_char_boundary(i))
        .unwrap_or(0);
    let corrupt = b[..half].to_owned();
    vec![
        ("clinic-a.json", a),
        ("clinic-b.json", b),
        ("corrupt.json", corrupt),
    ]
}

#[test]
fn the_fixture_files_are_up_to_date() {
    check_fixture_files("workbench", &files());
}

#[test]
fn they_combine_and_summarise_as_the_end_to_end_test_expects() {
    let picked = files()
        .into_iter()
        .map(|(name, text)| (name.to_owned(), Ok(text.into_bytes())))
        .collect();
    let c = combine(picked);
    assert!(matches!(&c.rows[0], FileRow::Accepted { records: 20, .. }));
    assert!(matches!(&c.rows[1], FileRow::Accepted { records: 16, .. }));
    assert!(matches!(&c.rows[2], FileRow::Rejected { .. }));
    assert_eq!(c.report.identical_duplicates, 1);
    let file = &c.report.combined;
    assert_eq!(file.records.len(), 35);
    assert_eq!(
        file.exported_at,
        t(95_000),
        "the latest export, not a clock"
    );

    let s = &summarise(file, Threshold::default(), "en")[0];
    assert_eq!(s.records, Count::Shown(35));
    assert_eq!(
        s.statuses,
        [Count::Shown(35), Count::Shown(0), Count::Shown(0)]
    );
    let item = s
        .items
        .iter()
        .find(|i| i.variable == "a1_works")
        .expect("item");
    assert_eq!(item.n, Count::Shown(35));
    let Chart::Bars(bars) = &item.chart else {
        panic!("bars")
    };
    let count = |code: i64| bars.iter().find(|b| b.code == code).expect("bar").count;
    assert_eq!(count(0), Count::Hidden, "2 is hidden");
    assert_eq!(
        count(9),
        Count::Hidden,
        "15 is hidden with it: 35 - 18 would give the 2 back"
    );
    assert_eq!(count(7), Count::Shown(18));
    assert_eq!(count(5), Count::Shown(0));

    // At the lowest threshold (3) the 2 is still hidden, and never alone.
    let s3 = &summarise(file, Threshold::new(3), "en")[0];
    let item = s3
        .items
        .iter()
        .find(|i| i.variable == "a1_works")
        .expect("item");
    let Chart::Bars(bars) = &item.chart else {
        panic!("bars")
    };
    let hidden = bars.iter().filter(|b| b.count == Count::Hidden).count();
    assert!(hidden >= 2, "{bars:?}");

    let c_domain = s.domains.iter().find(|d| d.code == "C").expect("domain C");
    assert_eq!(c_domain.n, Count::Shown(35));
    assert!(c_domain.mean.is_some() && c_domain.sd.is_some());
    assert!(
        matches!(
            c_domain.alpha,
            Alpha::Value {
                cases: 35,
                items: 8,
                ..
            }
        ),
        "{:?}",
        c_domain.alpha
    );
}
