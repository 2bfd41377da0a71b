//! The workbench's receipt: it names exactly the records of the accepted
//! files, with the digests the core's builder gives their exact text, and
//! nothing of a refused file.

use candour_analysis::open::{open_file, receipt_name, receipt_of};
use candour_core::receipt::{build_receipt, ExportText};
use candour_core::time::Timestamp;

const A: &str = include_str!("../../../tests/fixtures/export-import/tablet-a.json");
const B: &str = include_str!("../../../tests/fixtures/export-import/tablet-b.json");
const CORRUPT: &[u8] = include_bytes!("../../../tests/fixtures/export-import/corrupt.json");
const AT: Timestamp = Timestamp(1_764_072_000_000);

#[test]
fn a_receipt_covers_the_accepted_files_and_nothing_of_a_refused_one() {
    let opened = [
        open_file("tablet-a.json", Ok(A.as_bytes())),
        open_file("corrupt.json", Ok(CORRUPT)),
        open_file("tablet-b.json", Ok(B.as_bytes())),
        open_file("gone.json", Err("could not be read".into())),
    ];
    let receipt = receipt_of(&opened, AT)
        .expect("a file was accepted")
        .expect("builds");
    let expected = build_receipt(
        &[
            ExportText {
                name: "tablet-a.json",
                text: A,
            },
            ExportText {
                name: "tablet-b.json",
                text: B,
            },
        ],
        AT,
    )
    .expect("builds");
    assert_eq!(receipt, expected);
    let names: Vec<&str> = receipt.files.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(names, ["tablet-a.json", "tablet-b.json"]);
    assert_eq!(
        receipt.records.len(),
        4 + 3,
        "every record of both files, in file order"
    );
    assert_eq!(
        receipt_name(&receipt),
        "candour_receipt_2025-11-25_7-records.json"
    );
}

#[test]
fn the_receipt_equals_the_independent_helpers_for_the_same_file() {
    let by_node: candour_core::receipt::Receipt = serde_json::from_str(include_str!(
        "../../../tests/fixtures/receipt/tablet-a.receipt.json"
    ))
    .expect("the helper's receipt reads");
    let opened = [open_file("tablet-a.json", Ok(A.as_bytes()))];
    let ours = receipt_of(&opened, AT).expect("accepted").expect("builds");
    assert_eq!(ours.records, by_node.records);
    assert_eq!(ours.files, by_node.files);
}

#[test]
fn no_accepted_file_means_no_receipt() {
    let opened = [open_file("corrupt.json", Ok(CORRUPT))];
    assert!(receipt_of(&opened, AT).is_none());
    assert!(receipt_of(&[], AT).is_none());
}

#[test]
fn a_file_saved_with_a_byte_order_mark_still_gets_its_receipt() {
    // Accepted by the workbench, so it must not block the receipt.
    let with_bom = format!("\u{feff}{A}");
    let opened = [open_file("tablet-a.json", Ok(with_bom.as_bytes()))];
    assert!(opened[0].outcome.is_ok());
    let receipt = receipt_of(&opened, AT).expect("accepted").expect("builds");
    let plain = receipt_of(&[open_file("tablet-a.json", Ok(A.as_bytes()))], AT)
        .expect("accepted")
        .expect("builds");
    assert_eq!(receipt, plain);
}
