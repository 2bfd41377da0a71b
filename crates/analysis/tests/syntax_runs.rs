#![cfg(not(target_arch = "wasm32"))]
//! The R and SPSS syntax run for real, in R (`Rscript`) and PSPP (`pspp`),
//! installed by `scripts/test.sh` (Debian's `r-base-core` and `pspp`): what
//! they read is checked (rows, value labels, missing values), and syntax
//! written from a questionnaire whose every label is hostile (quotes,
//! backslashes, line breaks, NUL, bidirectional controls, `HOST COMMAND`,
//! `system(`) runs without running anything: no marker file appears.
//! The Stata do-file cannot run here (Stata is not free); its golden file
//! and escaping tests cover it.

use candour_analysis::write::datasets;
use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::export::{build_export, ExportFile};
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_testkit::export_support::{answers, complete, declined, partial, small, t};
use std::path::{Path, PathBuf};
use std::process::Command;

const HOSTILE: &str = include_str!("../../../tests/fixtures/hostile/labels_instrument.json");
/// The file every hostile label tries to create, in the folder the syntax runs in.
const MARKER: &str = "candour-marker";

/// A comment that tries every language's way out of a string.
const HOSTILE_COMMENT: &str = "x'.\nHOST COMMAND=['touch candour-marker'].\n* x \
     \"); system(\"touch candour-marker\"); x <- (\" \\ \u{202e}evil\u{202c} nul\u{0}here =1+1";

fn records(instrument: &Instrument, comment: &str) -> Vec<candour_core::record::ResponseRecord> {
    let first = [
        ("s1_respect", AnswerValue::Code(5)),
        ("s2_listen", AnswerValue::Code(4)),
        ("s3_rushed", AnswerValue::Code(2)),
        ("s4_help", AnswerValue::Codes(vec![1, 3])),
        ("u1_days", AnswerValue::Number(3.0)),
        (
            "u2_dealer",
            AnswerValue::Missing(MissingCode::PreferNotToSay),
        ),
        ("u3_comment", AnswerValue::Text(comment.into())),
    ];
    let second = [
        ("s1_respect", AnswerValue::Code(2)),
        ("s2_listen", AnswerValue::Code(3)),
        ("s3_rushed", AnswerValue::Code(5)),
        ("u1_days", AnswerValue::Number(0.0)),
    ];
    let third = [("s1_respect", AnswerValue::Code(3))];
    let out = vec![
        complete(
            instrument,
            "rec-1",
            Some("HAT-042"),
            0,
            &mut answers(&first),
        ),
        complete(instrument, "rec-2", None, 100, &mut answers(&second)),
        partial(instrument, "rec-3", 200, 1, &mut answers(&third)),
        declined(instrument, "rec-4", 300),
    ];
    out
}

fn export(instrument: &Instrument, comment: &str) -> ExportFile {
    build_export(
        &records(instrument, comment),
        &[instrument],
        "Clinic A",
        t(1000),
    )
    .expect("export")
}

/// A fresh folder under the target directory, holding the dataset's wide
/// CSV, SPSS CSV, R and SPSS syntax.
fn written(file: &ExportFile, name: &str) -> PathBuf {
    let dir: PathBuf = [env!("CARGO_TARGET_TMPDIR"), name].iter().collect();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    let d = &datasets(file)[0];
    let files = [
        ("data.wide.csv", d.wide_csv().expect("wide")),
        ("data.spss.csv", d.wide_csv_for_spss().expect("spss csv")),
        ("read.R", d.r_syntax("data.wide.csv", "en").expect("R")),
        (
            "read.sps",
            d.spss_syntax("data.spss.csv", "en").expect("sps"),
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("written");
    }
    dir
}

fn run(dir: &Path, program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "{program} could not run ({e}); scripts/test.sh installs it (ensure_stats_tools)"
            )
        });
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{program} failed:\n{text}");
    assert!(
        !dir.join(MARKER).exists(),
        "{program} ran a command from a label:\n{text}"
    );
    text
}

/// Runs the R syntax, then `checks` (R code) in the same session.
fn run_r(dir: &Path, checks: &str) -> String {
    let script = format!("source(\"read.R\", encoding = \"UTF-8\")\n{checks}\n",);
    std::fs::write(dir.join("check.R"), script).expect("written");
    run(dir, "Rscript", &["--vanilla", "check.R"])
}

/// Runs the SPSS syntax in PSPP, then `checks` (more syntax).
fn run_pspp(dir: &Path, checks: &str) -> String {
    let sps = std::fs::read_to_string(dir.join("read.sps")).expect("sps");
    std::fs::write(dir.join("check.sps"), format!("{sps}\n{checks}\n")).expect("written");
    let out = run(dir, "pspp", &["-O", "format=txt", "check.sps"]);
    assert!(!out.contains("error:"), "PSPP reported an error:\n{out}");
    out
}

#[test]
fn r_reads_rows_value_labels_and_missing_values() {
    let dir = written(
        &export(&small(), "kind staff,\nline two 😀 =1+1"),
        "r-normal",
    );
    let out = run_r(
        &dir,
        r#"cat("rows", nrow(candour), "\n")
cat("dealer", candour$u2_dealer, "\n")
cat("dealer_na", is.na(candour_na$u2_dealer), "\n")
labels <- attr(candour$s1_respect, "labels")
cat("label5", names(labels)[labels == 5], "\n")
cat("factor", as.character(candour_factors$s1_respect), "\n")
cat("comment", candour$u3_comment[1], "\n")
cat("score", candour$score_s, "\n")"#,
    );
    assert!(out.contains("rows 4 \n"), "{out}");
    // The partial record never reached the item: -95, not blank.
    assert!(out.contains("dealer -99 NA -95 NA \n"), "{out}");
    assert!(out.contains("dealer_na TRUE TRUE TRUE TRUE \n"), "{out}");
    assert!(out.contains("label5 I agree a lot \n"), "{out}");
    assert!(
        out.contains("factor I agree a lot I don't agree In between NA \n"),
        "{out}"
    );
    assert!(
        out.contains("comment kind staff,\nline two 😀 =1+1 \n"),
        "the formula guard is taken off: {out}"
    );
    assert!(out.contains("score 4.333333 2 NA NA"), "{out}");
}

#[test]
fn pspp_reads_rows_value_labels_and_missing_values() {
    let dir = written(
        &export(&small(), "kind staff,\nline two =1+1"),
        "pspp-normal",
    );
    run_pspp(
        &dir,
        "SAVE TRANSLATE /OUTFILE='values.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /MISSING=RECODE /REPLACE.\n\
         SAVE TRANSLATE /OUTFILE='labels.csv' /TYPE=CSV /FIELDNAMES /CELLS=LABELS /REPLACE.\nEXECUTE.",
    );
    let values = std::fs::read_to_string(dir.join("values.csv")).expect("values");
    let labels = std::fs::read_to_string(dir.join("labels.csv")).expect("labels");
    let values = table(&values);
    let labels = table(&labels);
    assert_eq!(values.len(), 5, "a header and 4 rows: {values:?}");
    assert_eq!(labels.len(), 5, "{labels:?}");
    let column = |name: &str| values[0].iter().position(|h| h == name).expect(name);
    assert_eq!(values[1][column("record_id")], "rec-1");
    assert_eq!(
        values[1][column("u2_dealer")].trim(),
        "",
        "-99 is user-missing"
    );
    assert_eq!(values[1][column("s1_respect")].trim(), "5");
    assert_eq!(labels[1][column("s1_respect")], "I agree a lot");
    assert_eq!(labels[1][column("u2_dealer")], "Prefer not to say");
    let comment = &labels[1][column("u3_comment")];
    assert_eq!(comment, "kind staff, line two =1+1", "formula guard off");
}

/// A CSV file's rows.
fn table(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a CSV row").iter().map(str::to_owned).collect())
        .collect()
}

fn hostile() -> Instrument {
    load_instrument(HOSTILE).expect("hostile labels are only text: the questionnaire checks pass")
}

#[test]
fn hostile_labels_run_in_r_without_running_anything() {
    let instrument = hostile();
    let dir = written(&export(&instrument, HOSTILE_COMMENT), "r-hostile");
    let out = run_r(
        &dir,
        r#"cat("rows", nrow(candour), "\n")
writeLines(attr(candour$s1_respect, "label"), "label.txt", useBytes = TRUE)
writeLines(candour$u3_comment[1], "comment.txt", useBytes = TRUE)"#,
    );
    assert!(out.contains("rows 4 \n"), "{out}");
    let item = instrument
        .item("s1_respect")
        .expect("item")
        .text
        .get("en", "en");
    let label = std::fs::read_to_string(dir.join("label.txt")).expect("label");
    assert_eq!(label, format!("{item}\n"), "the label reads back exactly");
    let comment = std::fs::read_to_string(dir.join("comment.txt")).expect("comment");
    let expected = HOSTILE_COMMENT.replace('\0', "\u{FFFD}");
    assert_eq!(
        comment,
        format!("{expected}\n"),
        "the answer reads back (NUL as U+FFFD)"
    );
}

#[test]
fn hostile_labels_run_in_pspp_without_running_anything() {
    let dir = written(&export(&hostile(), HOSTILE_COMMENT), "pspp-hostile");
    run_pspp(
        &dir,
        "SAVE TRANSLATE /OUTFILE='values.csv' /TYPE=CSV /FIELDNAMES /CELLS=VALUES /REPLACE.\nEXECUTE.",
    );
    let values = std::fs::read_to_string(dir.join("values.csv")).expect("values");
    assert_eq!(table(&values).len(), 5, "a header and 4 rows: {values}");
}

#[test]
fn every_syntax_file_keeps_hostile_labels_inside_their_strings() {
    let file = export(&hostile(), HOSTILE_COMMENT);
    let d = &datasets(&file)[0];
    let syntax = [
        d.r_syntax("data.wide.csv", "en").expect("R"),
        d.spss_syntax("data.spss.csv", "en").expect("sps"),
        d.stata_syntax("data.wide.csv", "en").expect("do"),
    ];
    for text in &syntax {
        for c in [
            '\0', '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{2028}', '\r',
        ] {
            assert!(!text.contains(c), "{c:?} written as it is");
        }
        // Every line that mentions the command starts inside a comment or a
        // string: no line of syntax begins with it.
        for line in text.lines() {
            let start = line.trim_start();
            assert!(!start.starts_with("HOST"), "{line}");
            assert!(!start.starts_with("system("), "{line}");
        }
    }
    let stata = &syntax[2];
    for line in stata.lines().filter(|l| l.starts_with("label ")) {
        assert!(
            !line.contains('$') && !line.contains('`'),
            "Stata would expand: {line}"
        );
    }
}

/// The marker check can see a command run: the same PSPP and R, given the
/// command outside a string, do create the marker. (Without this, a test
/// that finds no marker could prove nothing.)
#[test]
fn the_marker_check_would_see_a_command_run() {
    let dir: PathBuf = [env!("CARGO_TARGET_TMPDIR"), "marker-control"]
        .iter()
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("folder");
    for (program, file, text) in [
        (
            "pspp",
            "run.sps",
            "HOST COMMAND=['touch candour-marker'].\n",
        ),
        (
            "Rscript",
            "run.R",
            "invisible(system(\"touch candour-marker\"))\n",
        ),
    ] {
        std::fs::write(dir.join(file), text).expect("written");
        let status = Command::new(program)
            .arg(file)
            .current_dir(&dir)
            .output()
            .expect("runs")
            .status;
        assert!(status.success(), "{program}");
        assert!(dir.join(MARKER).exists(), "{program} ran the command");
        std::fs::remove_file(dir.join(MARKER)).expect("removed");
    }
}
