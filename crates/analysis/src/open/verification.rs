//! What verifying the opened files found, in the words both the workbench
//! and the command-line tool show: one line per file (signed by which
//! tablet, whether its signature is valid, how many records were read),
//! then the overall verdict: "complete and unaltered", or every finding.

use super::{FileCheck, IntegrityReport, Opened};

/// The verdict when nothing was found: what a researcher can show an
/// ethics committee.
pub const COMPLETE_AND_UNALTERED: &str = "Complete and unaltered: every file is signed by its \
tablet with a valid signature, no record was changed, added or removed, and no record number \
is missing.";

/// One file's verification in words; `None` for a refused file (its
/// refusal says why).
pub fn file_check_words(file: &Opened) -> Option<String> {
    let read = file
        .outcome
        .as_ref()
        .ok()
        .map(|(f, _)| f.records.len())
        .unwrap_or(0);
    match file.check.as_ref()? {
        FileCheck::Unsigned => Some(format!(
            "Unsigned: an export from an earlier version of Candour, which cannot be checked. \
             Records read: {read}."
        )),
        FileCheck::Signed {
            signature_valid,
            seen,
            ..
        } => {
            let label = if seen.label.trim().is_empty() {
                "the unnamed tablet"
            } else {
                seen.label.as_str()
            };
            let label = candour_core::text::one_line(label, 200);
            let signature = if *signature_valid {
                "the signature is valid"
            } else {
                "the signature does NOT match: its records are not used"
            };
            Some(format!(
                "Signed by the tablet \"{label}\" (signing key {}); {signature}. \
                 Records read: {read} of {}.",
                seen.key,
                seen.present.len()
            ))
        }
    }
}

/// The overall verdict in words: [`COMPLETE_AND_UNALTERED`] alone, or every
/// finding (problems first, then notes such as unsigned files and sealed
/// records waiting for the key). Empty when no file was accepted.
pub fn integrity_words(report: &IntegrityReport) -> Vec<String> {
    if report.complete_and_unaltered() {
        return vec![COMPLETE_AND_UNALTERED.to_owned()];
    }
    let problems = report.findings.iter().filter(|f| f.is_problem());
    let notes = report.findings.iter().filter(|f| !f.is_problem());
    problems.chain(notes).map(ToString::to_string).collect()
}
