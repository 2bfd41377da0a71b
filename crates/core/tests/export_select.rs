#![cfg(not(target_arch = "wasm32"))]
//! Choosing what to export, marking it exported, and naming the downloads.

use candour_testkit::export_support;

use candour_core::export::{
    export_file_name, mark_all_exported, mark_exported, select_records, Selection,
};
use candour_core::time::Timestamp;
use export_support::{small_records, t};

#[test]
fn file_names_are_safe_and_say_what_they_hold() {
    let day = Timestamp(1_795_566_303_120); // 2026-11-25
    assert_eq!(
        export_file_name("Clinic A, tablet 2", day, 12, "json"),
        "candour_clinic-a-tablet-2_2026-11-25_12-records.json"
    );
    assert_eq!(
        export_file_name("Clinic A", day, 1, "wide.csv"),
        "candour_clinic-a_2026-11-25_1-record.wide.csv"
    );
    assert_eq!(
        export_file_name("", day, 0, ".SPS"),
        "candour_device_2026-11-25_0-records.sps"
    );
    assert_eq!(
        export_file_name("../../etc/passwd", day, 3, "../x"),
        "candour_etc-passwd_2026-11-25_3-records.x"
    );
    assert_eq!(
        export_file_name("עברית 😀", day, 2, "R"),
        "candour_device_2026-11-25_2-records.r"
    );
    let long = export_file_name(&"tablet ".repeat(30), day, 5, "json");
    assert!(long.len() < 80, "{long}");
    for name in [
        long,
        export_file_name("a/b\\c:d*e?f\"g<h>i|j", day, 1, "json"),
    ] {
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)),
            "{name}"
        );
    }
}

#[test]
fn everything_or_only_what_was_not_exported() {
    let mut records = small_records("a");
    records[1].exported_at = Some(t(50));
    let everything = select_records(&records, Selection::Everything);
    assert_eq!(everything.len(), 4);
    let new: Vec<String> = select_records(&records, Selection::NotYetExported)
        .into_iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(new, ["rec-1", "rec-3", "rec-4"]);
    assert_eq!(Selection::default(), Selection::NotYetExported);
}

#[test]
fn marking_keeps_the_first_export_time() {
    let mut records = small_records("a");
    records[1].exported_at = Some(t(50));
    assert_eq!(mark_all_exported(&mut records, t(60)), 3);
    assert!(records.iter().all(|r| r.exported_at.is_some()));
    assert_eq!(records[1].exported_at, Some(t(50)), "first time kept");
    assert_eq!(records[0].exported_at, Some(t(60)));
    assert!(!mark_exported(&mut records[0], t(70)));
    assert_eq!(records.len(), 4, "nothing deleted");
    assert!(select_records(&records, Selection::NotYetExported).is_empty());
}
