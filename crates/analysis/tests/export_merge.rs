#![cfg(not(target_arch = "wasm32"))]
//! Merging exports from several tablets: nothing lost, duplicates merged,
//! conflicts and mixed instruments reported, bad files named.

use candour_testkit::export_support;

use candour_analysis::combine::{merge, FileOutcome, MergeReport};
use candour_core::answer::AnswerValue;
use candour_core::export::{build_export, parse_export, ExportFile, MERGED_DEVICE_LABEL};
use candour_core::record::ResponseRecord;
use export_support::{default, plausible_records, small, small_records, t};

fn file_of(
    records: &[ResponseRecord],
    instrument: &candour_core::instrument::Instrument,
    label: &str,
) -> ExportFile {
    build_export(records, &[instrument], label, t(500)).expect("export")
}

/// Written to JSON and read back, as files picked by a researcher are.
fn picked(
    name: &str,
    file: &ExportFile,
) -> (
    String,
    Result<ExportFile, candour_core::export::ImportError>,
) {
    let json = file.to_json().expect("json");
    (name.to_owned(), parse_export(name, json.as_bytes()))
}

fn ids(report: &MergeReport) -> Vec<&str> {
    report
        .combined
        .records
        .iter()
        .map(|r| r.id.as_str())
        .collect()
}

#[test]
fn identical_duplicates_are_kept_once_and_counted() {
    let records = small_records("same");
    let a = file_of(&records, &small(), "Tablet 1");
    // The same records exported again later (e.g. "everything"), plus one new.
    let mut more = records.clone();
    more.extend(plausible_records(&small(), "new", 1));
    let b = file_of(&more, &small(), "Tablet 1");
    let report = merge(vec![picked("a.json", &a), picked("b.json", &b)], t(900));
    assert_eq!(report.identical_duplicates, 4);
    assert_eq!(ids(&report), ["rec-1", "rec-2", "rec-3", "rec-4", "new-0"]);
    assert!(report.conflicts().is_empty());
    assert_eq!(report.combined.record_count, 5);
    assert_eq!(report.combined.device_label, MERGED_DEVICE_LABEL);
    assert_eq!(report.combined.merged_from.len(), 2);
    assert_eq!(report.combined.merged_from[1].file, "b.json");
    assert!(!report.mixed_instruments());
    assert_eq!(
        report.notices(),
        ["4 records were found in more than one file with identical content and were kept once."]
    );
}

#[test]
fn conflicting_records_keep_every_version_and_stay_out_of_tables() {
    let records = small_records("original");
    let mut changed = records.clone();
    changed[0]
        .answers
        .insert("s1_respect".into(), AnswerValue::Code(1));
    let report = merge(
        vec![
            picked("tablet-1.json", &file_of(&records, &small(), "T1")),
            picked("tablet-1-copy.json", &file_of(&changed, &small(), "T1")),
            picked(
                "tablet-1-again.json",
                &file_of(&records[..1], &small(), "T1"),
            ),
        ],
        t(900),
    );
    assert_eq!(
        ids(&report),
        ["rec-2", "rec-3", "rec-4"],
        "rec-1 is in no table"
    );
    let conflict = &report.conflicts()[0];
    assert_eq!(conflict.record_id, "rec-1");
    assert_eq!(conflict.versions.len(), 2);
    assert_eq!(
        conflict.versions[0].files,
        ["tablet-1.json", "tablet-1-again.json"]
    );
    assert_eq!(conflict.versions[1].files, ["tablet-1-copy.json"]);
    assert_eq!(
        conflict.versions[0].record.answers.get("s1_respect"),
        Some(&Some(candour_core::export::ExportValue::Integer(5)))
    );
    let notices = report.notices().join("\n");
    assert!(
        notices.contains("rec-1") && notices.contains("tablet-1-copy.json"),
        "{notices}"
    );
    // The combined file keeps both versions, reads back, and a second merge
    // with it still reports the conflict rather than resolving it.
    let again = merge(vec![picked("merged.json", &report.combined)], t(901));
    assert_eq!(again.conflicts().len(), 1);
    assert_eq!(
        again.conflicts()[0].versions[1].files,
        ["tablet-1-copy.json (via merged.json)"]
    );
    assert_eq!(again.combined.records.len(), 3);
}

#[test]
fn mixed_instrument_versions_are_reported_and_tabled_apart() {
    let old = small();
    let mut new = small();
    new.version = "0.2.0".into();
    let mut same_name = small();
    same_name.sections[0].items[0].text = "Staff are kind.".into();
    let report = merge(
        vec![
            picked("old.json", &file_of(&small_records("a"), &old, "T1")),
            picked(
                "new.json",
                &file_of(&plausible_records(&new, "n", 2), &new, "T2"),
            ),
            picked(
                "edited.json",
                &file_of(&plausible_records(&same_name, "e", 1), &same_name, "T3"),
            ),
        ],
        t(900),
    );
    assert!(report.mixed_instruments());
    assert_eq!(report.instruments.len(), 3);
    let counts: Vec<usize> = report.instruments.iter().map(|i| i.records).collect();
    assert_eq!(counts, [4, 2, 1]);
    let notices = report.notices().join("\n");
    assert!(notices.contains("3 different instruments"), "{notices}");
    assert!(
        notices.contains("both called fixture-small version 0.1.0"),
        "{notices}"
    );
    let datasets = candour_analysis::write::datasets(&report.combined);
    assert_eq!(datasets.len(), 3, "one table per instrument");
    for d in &datasets {
        assert!(d
            .records()
            .iter()
            .all(|r| r.instrument.hash == d.instrument().hash));
        d.wide_csv().expect("wide");
    }
}

#[test]
fn a_corrupt_file_is_named_and_the_good_files_kept() {
    let one = file_of(
        &plausible_records(&default(), "t1", 3),
        &default(),
        "Tablet 1",
    );
    let two = file_of(
        &plausible_records(&default(), "t2", 2),
        &default(),
        "Tablet 2",
    );
    let mut broken = one.to_json().expect("json");
    broken.truncate(broken.len() - 40);
    let report = merge(
        vec![
            picked("tablet-1.json", &one),
            (
                "broken.json".into(),
                parse_export("broken.json", broken.as_bytes()),
            ),
            picked("tablet-2.json", &two),
        ],
        t(900),
    );
    assert_eq!(report.combined.records.len(), 5);
    let rejected: Vec<String> = report.rejected().map(ToString::to_string).collect();
    assert_eq!(rejected.len(), 1);
    assert!(
        rejected[0].contains("broken.json") && rejected[0].contains("cut short"),
        "{rejected:?}"
    );
    assert!(matches!(
        &report.files[0],
        FileOutcome::Merged { records: 3, .. }
    ));
    assert!(matches!(&report.files[1], FileOutcome::Rejected(_)));
    assert!(report.notices()[0].contains("broken.json"));
}

#[test]
fn the_combined_data_are_written_in_every_format() {
    let one = file_of(
        &plausible_records(&default(), "t1", 3),
        &default(),
        "Tablet 1",
    );
    let two = file_of(&small_records("x"), &small(), "Tablet 2");
    let report = merge(vec![picked("1.json", &one), picked("2.json", &two)], t(900));
    let json = report.combined.to_json().expect("json");
    let read =
        parse_export("combined.json", json.as_bytes()).expect("the combined file reads back");
    assert_eq!(read, report.combined);
    for d in candour_analysis::write::datasets(&report.combined) {
        d.wide_csv().expect("wide");
        d.long_csv().expect("long");
        assert!(d.codebook_csv("en").starts_with('\u{FEFF}'));
        assert!(d.r_syntax("x.csv", "en").expect("R").contains("read.csv"));
        assert!(d
            .spss_syntax("x.csv", "en")
            .expect("SPSS")
            .contains("GET DATA"));
    }
}

#[test]
fn nothing_given_nothing_merged() {
    let report = merge(Vec::new(), t(1));
    assert!(report.combined.records.is_empty());
    assert!(report.notices().is_empty());
}
