//! Each opened file's verification, the overall verdict and a file's
//! notes, in words.

use crate::open::{FileCheck, FileNote, IntegrityReport, Opened};
use candour_core::messages::Messages;

impl Opened {
    /// This file's verification in the language of `m` (the words of
    /// [`crate::open::file_check_words`]); `None` for a refused file.
    pub fn check_in_words(&self, m: &Messages) -> Option<String> {
        let read = self
            .outcome
            .as_ref()
            .ok()
            .map(|(f, _)| f.records.len())
            .unwrap_or(0)
            .to_string();
        match self.check.as_ref()? {
            FileCheck::Unsigned => Some(m.fill("verify.unsigned", &[("read", &read)])),
            FileCheck::Signed {
                signature_valid,
                seen,
                ..
            } => {
                let label = if seen.label.trim().is_empty() {
                    m.get("verify.unnamed_tablet").to_owned()
                } else {
                    candour_core::text::one_line(&seen.label, 200)
                };
                let signature = if *signature_valid {
                    m.get("verify.signature_valid")
                } else {
                    m.get("verify.signature_invalid")
                };
                Some(m.fill(
                    "verify.signed",
                    &[
                        ("label", &label),
                        ("key", &seen.key),
                        ("signature", signature),
                        ("read", &read),
                        ("of", &seen.present.len().to_string()),
                    ],
                ))
            }
        }
    }
}

impl IntegrityReport {
    /// The overall verdict in the language of `m` (the words of
    /// [`crate::open::integrity_words`]): the verdict alone, or every
    /// finding, problems first.
    pub fn in_words(&self, m: &Messages) -> Vec<String> {
        if self.complete_and_unaltered() {
            return vec![m.get("verify.complete_and_unaltered").to_owned()];
        }
        let problems = self.findings.iter().filter(|f| f.is_problem());
        let notes = self.findings.iter().filter(|f| !f.is_problem());
        problems.chain(notes).map(|f| f.in_words(m)).collect()
    }
}

impl FileNote {
    /// The note in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            FileNote::Combination(n) => m.fill("note.combination", &[("n", &n.to_string())]),
            FileNote::Conflicts(n) => m.fill("note.conflicts", &[("n", &n.to_string())]),
            FileNote::SeveralVersions => m.get("note.several_versions").to_owned(),
            FileNote::NoRecords => m.get("note.no_records").to_owned(),
        }
    }
}
