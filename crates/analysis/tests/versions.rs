#![cfg(not(target_arch = "wasm32"))]
//! Records answered on version 1.0.0 of the default questionnaire still
//! export and combine after 2.0.0 became the default, each version as its
//! own dataset: a tablet keeps every questionnaire it used (earlier
//! defaults ship with the app), and files written before export format 2
//! still read.

use candour_analysis::combine::{combine, FileRow};
use candour_analysis::write::datasets;
use candour_core::export::{build_export, parse_export};
use candour_core::instrument::default::{default_instrument, previous_defaults, shipped_defaults};
use candour_core::record::ResponseRecord;
use candour_core::storage::instruments::known_instruments;
use candour_testkit::export_support::{complete, plausible, t, TEST_APP_VERSION};
use candour_testkit::memory_store::MemoryStore;

const FORMAT_1: &str = include_str!("../../../tests/fixtures/export-import/format-1-tablet-a.json");

fn answered(instrument: &candour_core::instrument::Instrument, id: &str) -> ResponseRecord {
    let mut n = 3;
    let mut pick = |item: &candour_core::instrument::Item| {
        n += 1;
        plausible(item, n)
    };
    complete(instrument, id, None, 0, &mut pick)
}

#[test]
fn a_1_0_0_record_and_a_2_0_0_record_exported_together_give_two_datasets() {
    let v1 = previous_defaults().into_iter().next().expect("1.0.0 ships");
    let v2 = default_instrument().expect("2.0.0 loads");
    let records = [answered(&v1, "old-1"), answered(&v2, "new-1")];
    // The instruments a tablet knows after the update, with no researcher
    // questionnaire: both defaults, so the old record can still be exported.
    let known = known_instruments(&MemoryStore::new(), shipped_defaults());
    let refs: Vec<_> = known.iter().collect();
    let file = build_export(&records, &refs, "Clinic A, tablet 1", t(100)).expect("exports");
    assert_eq!(file.instruments.len(), 2);
    let sets = datasets(&file);
    assert_eq!(sets.len(), 2, "one dataset per questionnaire version");
    let versions: Vec<&str> = sets
        .iter()
        .map(|d| d.instrument().version.as_str())
        .collect();
    assert_eq!(versions, ["1.0.0", "2.0.0"]);
    for set in &sets {
        assert_eq!(set.records().len(), 1);
        let header = set.wide_header().expect("header");
        let wide = set.wide_csv().expect("wide");
        assert!(wide.starts_with(&format!("\u{FEFF}{}", header.join(","))));
        // The codebook describes its own version: one row per item, two
        // per scored domain.
        let definition = &set.instrument().definition;
        let items = candour_core::visibility::all_items(definition).count();
        let scored = definition.domains.iter().filter(|d| d.scored).count();
        let lines = set.codebook_csv("en").lines().count();
        assert_eq!(
            lines,
            1 + items + 2 * scored,
            "{}",
            set.instrument().version
        );
    }
    // The old dataset keeps its own columns; the new one has the new ones.
    let old_header = sets[0].wide_header().expect("header");
    let new_header = sets[1].wide_header().expect("header");
    assert!(old_header.contains(&"b8_work_or_care_4".to_owned()));
    assert!(!old_header.contains(&"score_a1".to_owned()));
    assert!(new_header.contains(&"score_a1_100".to_owned()));
    assert!(new_header.contains(&"p5_how_done_4".to_owned()));
    // Written and read back, still two datasets.
    let mut file = file;
    file.app_version = TEST_APP_VERSION.into();
    let read = parse_export("both.json", file.to_json().expect("json").as_bytes()).expect("reads");
    assert_eq!(datasets(&read).len(), 2);
}

#[test]
fn a_format_1_export_of_1_0_0_combines_with_a_2_0_0_export_as_two_datasets() {
    let v2 = default_instrument().expect("2.0.0 loads");
    let records = [answered(&v2, "new-1"), answered(&v2, "new-2")];
    let mut new = build_export(&records, &[&v2], "Clinic B, tablet 1", t(200)).expect("exports");
    new.app_version = TEST_APP_VERSION.into();
    let c = combine(vec![
        ("format-1.json".into(), Ok(FORMAT_1.as_bytes().to_vec())),
        (
            "format-2.json".into(),
            Ok(new.to_json().expect("json").into_bytes()),
        ),
    ]);
    assert_eq!(
        c.rows[0],
        FileRow::Accepted {
            file: "format-1.json".into(),
            records: 4
        }
    );
    assert_eq!(c.accepted(), 2);
    assert!(c.report.mixed_instruments());
    let combined = &c.report.combined;
    assert_eq!(
        combined.format_version, 2,
        "a combined file is written today"
    );
    let sets = datasets(combined);
    let counts: Vec<(&str, usize)> = sets
        .iter()
        .map(|d| (d.instrument().version.as_str(), d.records().len()))
        .collect();
    assert_eq!(counts, [("1.0.0", 4), ("2.0.0", 2)]);
    // The old records gained the 0-100 scores their file lacked.
    let old = combined
        .records
        .iter()
        .find(|r| r.instrument.version == "1.0.0")
        .expect("an old record");
    assert_eq!(old.service_code, None);
    let staff = old.domain_scores.get("C").expect("C scored in 1.0.0");
    assert_eq!(staff.score.is_some(), staff.score_100.is_some());
    // Both datasets write every file.
    for set in &sets {
        assert!(set.wide_csv().is_ok() && set.long_csv().is_ok());
        assert!(set.r_syntax("x.csv", "en").is_ok() && set.spss_syntax("x.csv", "en").is_ok());
    }
}
