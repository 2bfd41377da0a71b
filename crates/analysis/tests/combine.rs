#![cfg(not(target_arch = "wasm32"))]
//! Combining picked export files: a row per file in pick order (unread ones
//! in their places), and the downloads of the combined data, named apart
//! per table and written in every format of a device export.

use candour_testkit::export_support;

use candour_analysis::combine::{
    combine, download_name, write_download, DownloadError, FileRow, Format, COMBINED_LABEL,
};
use candour_core::export::{build_export, parse_export};
use export_support::{default, plausible_records, small, small_records, t, AWKWARD_COMMENT};

fn small_file() -> String {
    build_export(
        &small_records(AWKWARD_COMMENT),
        &[&small()],
        "Tablet 1",
        t(10),
    )
    .and_then(|f| f.to_json())
    .expect("export")
}

fn default_file() -> String {
    let d = default();
    build_export(&plausible_records(&d, "d", 2), &[&d], "Tablet 2", t(20))
        .and_then(|f| f.to_json())
        .expect("export")
}

#[test]
fn rows_keep_pick_order_with_unread_files_in_their_places() {
    let c = combine(vec![
        ("unread.json".into(), Err("the browser refused".into())),
        ("one.json".into(), Ok(small_file().into_bytes())),
        ("empty.json".into(), Ok(Vec::new())),
    ]);
    assert_eq!(
        c.rows,
        [
            FileRow::Rejected {
                file: "unread.json".into(),
                reason: "the browser refused".into()
            },
            FileRow::Accepted {
                file: "one.json".into(),
                records: 4
            },
            FileRow::Rejected {
                file: "empty.json".into(),
                reason: "The file \"empty.json\" is empty.".into()
            },
        ]
    );
    assert_eq!(c.accepted(), 1);
    assert_eq!(c.report.combined.records.len(), 4);
    assert_eq!(
        c.report.combined.exported_at,
        t(10),
        "stamped with the latest export time of the accepted files, never a clock"
    );
}

#[test]
fn one_table_is_named_combined_and_every_format_is_written() {
    let c = combine(vec![("one.json".into(), Ok(small_file().into_bytes()))]);
    let file = &c.report.combined;
    assert_eq!(
        download_name(file, None, Format::Json, COMBINED_LABEL),
        "candour_combined_2026-11-25_4-records.json"
    );
    assert_eq!(
        download_name(file, Some(0), Format::WideCsv, COMBINED_LABEL),
        "candour_combined_2026-11-25_4-records.wide.csv"
    );
    let json = write_download(file, None, Format::Json, COMBINED_LABEL, "en").expect("json");
    assert_eq!(
        parse_export("x", json.as_bytes())
            .expect("reads")
            .records
            .len(),
        4
    );
    for format in Format::PER_DATASET {
        let text = write_download(file, Some(0), format, COMBINED_LABEL, "en").expect("written");
        assert!(!text.is_empty(), "{format:?}");
    }
    let r = write_download(file, Some(0), Format::RSyntax, COMBINED_LABEL, "en").expect("R");
    assert!(
        r.contains("candour_combined_2026-11-25_4-records.wide.csv"),
        "R reads the wide CSV"
    );
    let sps = write_download(file, Some(0), Format::SpssSyntax, COMBINED_LABEL, "en").expect("sps");
    assert!(
        sps.contains("candour_combined_2026-11-25_4-records.spss.csv"),
        "SPSS reads its copy"
    );
    assert_eq!(
        write_download(file, Some(1), Format::WideCsv, COMBINED_LABEL, "en"),
        Err(DownloadError::NoSuchDataset(1))
    );
}

#[test]
fn mixed_instruments_give_tables_named_apart() {
    let c = combine(vec![
        ("small.json".into(), Ok(small_file().into_bytes())),
        ("default.json".into(), Ok(default_file().into_bytes())),
    ]);
    assert!(c.report.mixed_instruments());
    let file = &c.report.combined;
    let names: Vec<String> = (0..2)
        .map(|i| download_name(file, Some(i), Format::WideCsv, COMBINED_LABEL))
        .collect();
    assert_eq!(
        names,
        [
            "candour_combined-1-fixture-small-0-1-0_2026-11-25_4-records.wide.csv",
            "candour_combined-2-candour-hat-feedback-2-0-0_2026-11-25_2-records.wide.csv",
        ]
    );
    assert_eq!(
        download_name(file, None, Format::Json, COMBINED_LABEL),
        "candour_combined_2026-11-25_6-records.json"
    );
}
