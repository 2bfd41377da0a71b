#![cfg(not(target_arch = "wasm32"))]
//! The wide and long CSV read back by the csv crate: every value as entered,
//! awkward text intact, formula starts neutralised, missing codes numbers.

use candour_testkit::export_support;

use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::export::{build_export, ExportError, ExportFile, ExportValue, META_COLUMNS};
use candour_core::instrument::{Instrument, ItemKind};
use export_support::{answers, complete, default, small, small_export, small_records, t};
use std::collections::HashMap;

/// Every row of a CSV, header included, as the csv crate reads it.
fn parse(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect()
}

/// The wide table as one map per record, column name to cell.
fn wide_rows(file: &ExportFile) -> Vec<HashMap<String, String>> {
    let rows = parse(
        &candour_analysis::write::datasets(file)[0]
            .wide_csv()
            .expect("wide"),
    );
    let header = rows[0].clone();
    rows[1..]
        .iter()
        .map(|r| header.iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// The cell as a reader gets it back: the formula guard taken off.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

const AWKWARD: &[&str] = &[
    "He said \"no\", then left.",
    "Line one\nline two\r\nline three",
    "Commas, commas; and semicolons",
    "Emoji 😀👍🏽 and a family 👨‍👩‍👧",
    "מה שלומך היום?",
    "كيف حالك؟ (Arabic)",
    "Mixed: English then עברית then English",
    "   spaces kept   ",
    "\u{202E}right-to-left override",
];

const FORMULAS: &[&str] = &[
    "=1+1",
    "+44 7700 900000",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTab",
    "\r=1",
    "-",
    "=HYPERLINK(\"http://x\",\"click\")",
];

fn with_comments(comments: &[&str]) -> ExportFile {
    let i = small();
    let mut records: Vec<_> = comments
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let list = [
                ("s1_respect", AnswerValue::Code(1)),
                ("s2_listen", AnswerValue::Code(1)),
                ("s3_rushed", AnswerValue::Code(1)),
                ("u1_days", AnswerValue::Number(0.0)),
                ("u3_comment", AnswerValue::Text((*c).to_owned())),
            ];
            let mut pick = answers(&list);
            complete(&i, &format!("r{n}"), None, n as i64 * 100, &mut pick)
        })
        .collect();
    // Labels typed by staff are text from a person too.
    for r in &mut records {
        r.device_label = "=cmd|' /C calc'!A0".into();
        r.participant_code = Some("@HAT-1".into());
    }
    build_export(&records, &[&i], "A", t(0)).expect("export")
}

#[test]
fn wide_header_and_layout() {
    let file = small_export();
    let text = candour_analysis::write::datasets(&file)[0]
        .wide_csv()
        .expect("wide");
    assert!(text.starts_with("\u{FEFF}record_id,participant_code,status,"));
    assert!(text.ends_with("\r\n"));
    let rows = parse(&text);
    let mut expected: Vec<&str> = META_COLUMNS.to_vec();
    expected.extend([
        "s1_respect",
        "s2_listen",
        "s3_rushed",
        "s4_help_1",
        "s4_help_2",
        "s4_help_3",
        "s4_help_4",
        "u1_days",
        "u2_dealer",
        "u3_comment",
        "score_s",
        "score_s_100",
    ]);
    assert_eq!(rows[0], expected);
    assert_eq!(rows.len(), 5, "a header and one row per record");
}

#[test]
fn wide_values_are_those_entered() {
    let rows = wide_rows(&small_export());
    let cell = |r: usize, c: &str| rows[r][c].as_str();
    assert_eq!(cell(0, "record_id"), "rec-1");
    assert_eq!(cell(0, "participant_code"), "HAT-042");
    assert_eq!(cell(0, "status"), "complete");
    assert_eq!(cell(0, "service_code"), "MBRO-HAT");
    assert_eq!(cell(0, "started_at"), "2026-11-25T09:46:40.000Z");
    assert_eq!(cell(0, "s1_respect"), "5");
    assert_eq!(
        [
            cell(0, "s4_help_1"),
            cell(0, "s4_help_2"),
            cell(0, "s4_help_3"),
            cell(0, "s4_help_4")
        ],
        ["1", "0", "1", "0"]
    );
    assert_eq!(cell(0, "u1_days"), "3");
    assert_eq!(
        cell(0, "u2_dealer"),
        "-99",
        "a missing code stays a plain number"
    );
    assert_eq!(
        unguard(cell(0, "u3_comment")),
        export_support::AWKWARD_COMMENT
    );
    assert_eq!(cell(0, "score_s"), "4.333333");
    // (13/3 - 1) / (5 - 1) x 100 on the agreement scale.
    assert_eq!(cell(0, "score_s_100"), "83.333333");
    // The whole multiple-choice item unanswered: -97 in every option column.
    assert_eq!([cell(1, "s4_help_1"), cell(1, "s4_help_4")], ["-97", "-97"]);
    assert_eq!(cell(1, "u2_dealer"), "", "not shown: blank");
    assert_eq!(cell(1, "participant_code"), "");
    assert_eq!(cell(1, "score_s"), "2");
    assert_eq!(cell(1, "score_s_100"), "25");
    // Partial: shown and left is -97; never reached is -95, in every
    // option column too; an item whose condition reads an unreached item
    // is not reached either.
    assert_eq!(
        (
            cell(2, "s2_listen"),
            cell(2, "s3_rushed"),
            cell(2, "s4_help_2"),
            cell(2, "u2_dealer")
        ),
        ("-97", "-95", "-95", "-95")
    );
    assert_eq!(cell(2, "score_s"), "", "too few answered");
    assert_eq!(cell(2, "score_s_100"), "");
    assert_eq!(cell(3, "status"), "declined_consent");
}

#[test]
fn awkward_text_survives_a_round_trip() {
    let file = with_comments(AWKWARD);
    for (row, expected) in wide_rows(&file).iter().zip(AWKWARD) {
        assert_eq!(row["u3_comment"], *expected);
    }
    let long = parse(
        &candour_analysis::write::datasets(&file)[0]
            .long_csv()
            .expect("long"),
    );
    let comments: Vec<&str> = long
        .iter()
        .filter(|r| r[1] == "u3_comment")
        .map(|r| r[2].as_str())
        .collect();
    assert_eq!(comments, AWKWARD);
}

#[test]
fn the_spss_copy_has_one_line_per_record() {
    let file = with_comments(AWKWARD);
    let text = candour_analysis::write::datasets(&file)[0]
        .wide_csv_for_spss()
        .expect("SPSS copy");
    // SPSS ends a case at every line break, quoted or not.
    assert_eq!(text.lines().count(), AWKWARD.len() + 1);
    let rows = parse(&text);
    for (row, expected) in rows[1..].iter().zip(AWKWARD) {
        let flat = expected.replace("\r\n", " ").replace(['\r', '\n'], " ");
        assert_eq!(
            row[rows[0]
                .iter()
                .position(|c| c == "u3_comment")
                .expect("column")],
            flat
        );
    }
}

#[test]
fn formula_starts_are_neutralised_everywhere() {
    let file = with_comments(FORMULAS);
    let text = candour_analysis::write::datasets(&file)[0]
        .wide_csv()
        .expect("wide");
    let rows = wide_rows(&file);
    for (row, formula) in rows.iter().zip(FORMULAS) {
        let cell = &row["u3_comment"];
        assert_eq!(cell, &format!("'{formula}"), "guarded");
        assert_eq!(unguard(cell), *formula, "and recoverable");
        assert_eq!(
            row["device_label"], "'=cmd|' /C calc'!A0",
            "staff-typed text too"
        );
    }
    // No cell of either table starts with a formula character unless it is
    // a plain negative number.
    let long = candour_analysis::write::datasets(&file)[0]
        .long_csv()
        .expect("long");
    for table in [text, long] {
        for cell in parse(&table).into_iter().flatten() {
            let risky = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<i64>().is_err());
            assert!(!risky, "{cell:?}");
        }
    }
}

#[test]
fn long_table_pivots_to_the_wide_answers() {
    let instrument = default();
    let records = export_support::plausible_records(&instrument, "p", 15);
    let file = build_export(&records, &[&instrument], "A", t(0)).expect("export");
    let dataset = &candour_analysis::write::datasets(&file)[0];
    let long = parse(&dataset.long_csv().expect("long"));
    assert_eq!(
        long[0],
        [
            "record_id",
            "variable",
            "value",
            "first_shown",
            "last_changed"
        ]
    );
    let wide = wide_rows(&file);
    let header = dataset.wide_header().expect("header");
    let answer_columns: Vec<&String> = header[META_COLUMNS.len()..]
        .iter()
        .filter(|c| !c.starts_with("score_"))
        .collect();
    assert_eq!(long.len() - 1, records.len() * answer_columns.len());
    for row in &long[1..] {
        let record = wide
            .iter()
            .find(|w| w["record_id"] == row[0])
            .expect("record");
        assert_eq!(record[&row[1]], row[2], "{} {}", row[0], row[1]);
    }
    let shown = long.iter().find(|r| r[1] == "a1_works").expect("a row");
    assert!(
        shown[3].ends_with('Z') && shown[4].ends_with('Z'),
        "paradata beside the value"
    );
}

#[test]
fn a_multiple_choice_value_the_columns_cannot_hold_is_refused() {
    let mut file = small_export();
    file.records[0].answers.0[3].1 = Some(ExportValue::Codes(vec![9]));
    let e = candour_analysis::write::datasets(&file)[0]
        .wide_csv()
        .expect_err("refused");
    assert!(matches!(e, ExportError::ValueDoesNotFit { .. }), "{e}");
    assert!(
        e.to_string().contains("s4_help") && e.to_string().contains("[9]"),
        "{e}"
    );
    file.records[0].answers.0[3].1 = Some(ExportValue::Integer(2));
    assert!(candour_analysis::write::datasets(&file)[0]
        .long_csv()
        .is_err());
    file.records[0].answers.0[3].1 = Some(ExportValue::Integer(MissingCode::DontKnow.code()));
    let rows = wide_rows(&file);
    assert_eq!(rows[0]["s4_help_3"], "-98");
}

#[test]
fn clashing_column_names_are_refused() {
    let mut instrument: Instrument = small();
    let mut clash = instrument.sections[1].items[2].clone();
    clash.variable = "s4_help_1".into();
    clash.kind = ItemKind::FreeText { max_length: 10 };
    instrument.sections[1].items.push(clash);
    let file = build_export(&[], &[&instrument], "A", t(0)).expect("export");
    let e = candour_analysis::write::datasets(&file)[0]
        .wide_csv()
        .expect_err("refused");
    assert!(e.to_string().contains("\"s4_help_1\""), "{e}");
    assert!(candour_analysis::write::datasets(&file)[0]
        .r_syntax("x.csv", "en")
        .is_err());
    assert!(candour_analysis::write::datasets(&file)[0]
        .spss_syntax("x.csv", "en")
        .is_err());
}

#[test]
fn an_empty_export_still_has_headers() {
    let file = build_export(&[], &[&small()], "A", t(0)).expect("export");
    let rows = parse(
        &candour_analysis::write::datasets(&file)[0]
            .wide_csv()
            .expect("wide"),
    );
    assert_eq!(rows.len(), 1);
    let long = parse(
        &candour_analysis::write::datasets(&file)[0]
            .long_csv()
            .expect("long"),
    );
    assert_eq!(long.len(), 1);
}

#[test]
fn the_codebook_names_the_wide_columns() {
    let file = build_export(&small_records("a"), &[&small()], "A", t(0)).expect("export");
    let dataset = &candour_analysis::write::datasets(&file)[0];
    let header = dataset.wide_header().expect("header");
    let book = dataset.codebook("en");
    for entry in &book.variables {
        for column in &entry.columns {
            assert!(header.contains(column), "{column}");
        }
    }
    assert_eq!(book.instrument_hash, dataset.instrument().hash);
}
