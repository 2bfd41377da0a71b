#![cfg(not(target_arch = "wasm32"))]
//! The codebook CSV read back by a CSV parser: awkward text survives intact,
//! and cells a spreadsheet would run as formulas are neutralised.

use candour_testkit::codebook_support;

use candour_analysis::codebook::{codebook, CSV_HEADER};
use candour_core::instrument::{Instrument, ItemKind};
use codebook_support::{choices, item, small};

/// Every record of the CSV, header included, as the csv crate reads it.
fn parse(csv_text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv_text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.expect("record parses")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn with_texts(texts: &[&str]) -> Instrument {
    let mut instrument = small();
    instrument.sections[1].items = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            item(
                &format!("g{i}_text"),
                t,
                ItemKind::FreeText { max_length: 200 },
            )
        })
        .collect();
    instrument
}

const AWKWARD: &[&str] = &[
    "He said \"no\", then left.",
    "Line one\nline two\r\nline three",
    "Commas, commas; and semicolons",
    "Emoji 😀👍🏽 and a family 👨‍👩‍👧",
    "מה שלומך היום?",
    "كيف حالك؟ (Arabic)",
    "Mixed: English then עברית then English",
    "",
    "   spaces kept   ",
];

#[test]
fn starts_with_a_byte_order_mark_and_crlf_lines() {
    let text = codebook(&small(), "en").to_csv();
    assert!(text.starts_with("\u{FEFF}variable,"));
    assert!(text.ends_with("\r\n"));
}

#[test]
fn parses_back_to_the_same_cells() {
    let instrument = with_texts(AWKWARD);
    let book = codebook(&instrument, "en");
    let rows = parse(&book.to_csv());
    // The reader drops the byte-order mark, so the header reads clean.
    assert_eq!(rows[0], CSV_HEADER);
    // One row per item, then two per scored domain.
    assert_eq!(rows.len(), book.variables.len() + book.scores.len() + 1);
    for (row, entry) in rows[1..]
        .iter()
        .zip(book.variables.iter().chain(&book.scores))
    {
        assert_eq!(row.len(), CSV_HEADER.len());
        assert_eq!(row[0], entry.variable);
        assert_eq!(row[3], entry.text);
        assert_eq!(row[15], entry.columns.join("; "));
    }
    let items = &rows[1..=book.variables.len()];
    let texts: Vec<&str> = items[items.len() - AWKWARD.len()..]
        .iter()
        .map(|r| r[3].as_str())
        .collect();
    assert_eq!(texts, AWKWARD);
}

#[test]
fn choice_labels_with_separators_survive() {
    let mut instrument = small();
    instrument.sections[0].items[3].kind = ItemKind::SingleChoice {
        choices: choices(&[
            (1, "Bus, train \"or\" tram"),
            (2, "Ill\nor hurt"),
            (3, "Работа"),
        ]),
    };
    let rows = parse(&codebook(&instrument, "en").to_csv());
    assert_eq!(
        rows[4][5],
        "1=Bus, train \"or\" tram; 2=Ill\nor hurt; 3=Работа; -99=Prefer not to say"
    );
}

#[test]
fn formula_cells_are_neutralised() {
    let dangerous = [
        "=HYPERLINK(\"http://example.com\",\"Click\")",
        "+1+2",
        "-1+2",
        "@SUM(A1:A9)",
        "\tcmd",
        "\r=1",
    ];
    let instrument = with_texts(&dangerous);
    let book = codebook(&instrument, "en");
    let rows = parse(&book.to_csv());
    let items = &rows[1..=book.variables.len()];
    let texts: Vec<&str> = items[items.len() - dangerous.len()..]
        .iter()
        .map(|r| r[3].as_str())
        .collect();
    let expected: Vec<String> = dangerous.iter().map(|d| format!("'{d}")).collect();
    assert_eq!(texts, expected);
}

#[test]
fn numbers_and_safe_cells_are_not_quoted() {
    let rows = parse(&codebook(&small(), "en").to_csv());
    let visits = &rows[1];
    assert_eq!(&visits[7..10], ["0", "4", "1"]);
    assert_eq!(rows[3][13], "shown if b7_work is 1 (Yes)");
    assert_eq!(rows[2][5], "1=Yes; 0=No; 2=Not sure");
    // A cell that starts with a negative code is not a plain number: quoted.
    assert_eq!(
        rows[1][14],
        "'-97=Shown but not answered; -95=Not reached (the survey ended before this item)"
    );
}

#[test]
fn a_choices_cell_starting_with_a_missing_code_is_quoted() {
    // A number item that offers "prefer not to say" has no other choices,
    // so its choices cell starts with -99.
    let mut instrument = small();
    instrument.sections[0].items[0].prefer_not_to_say = true;
    let rows = parse(&codebook(&instrument, "en").to_csv());
    assert_eq!(rows[1][5], "'-99=Prefer not to say");
}
