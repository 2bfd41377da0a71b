//! This crate's errors in the researcher's language, the pattern of
//! `candour_core`'s errors: one `in_words` per error, the same sentences as
//! its English `Display` (which the command-line tool prints), taken from
//! the workbench's locale file (`locales/workbench/en.json`).

use crate::combine::DownloadError;
use crate::open::{FileCheck, FileNote, IntegrityReport, Opened, Refusal};
use crate::sealing::{Finding, KeyFileError, NewKeyError, TabletName, MIN_PASSPHRASE_CHARS};
use candour_core::messages::Messages;

impl KeyFileError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            KeyFileError::PassphraseTooShort => m.fill(
                "key_file.passphrase_too_short",
                &[("min", &MIN_PASSPHRASE_CHARS.to_string())],
            ),
            KeyFileError::PassphrasesDiffer => m.get("key_file.passphrases_differ").to_owned(),
            KeyFileError::NoRandomness => m.get("key_file.no_randomness").to_owned(),
            KeyFileError::NotKeyFile { found } => {
                m.fill("key_file.not_key_file", &[("found", found)])
            }
            KeyFileError::UnknownVersion { found } => {
                m.fill("key_file.unknown_version", &[("found", &found.to_string())])
            }
            KeyFileError::Damaged { detail } => m.fill("key_file.damaged", &[("detail", detail)]),
            KeyFileError::WrongPassphrase => m.get("key_file.wrong_passphrase").to_owned(),
            KeyFileError::KeyMismatch { stated, actual } => m.fill(
                "key_file.key_mismatch",
                &[("stated", stated), ("actual", actual)],
            ),
        }
    }
}

impl NewKeyError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            NewKeyError::KeyFile(e) => e.in_words(m),
            NewKeyError::Questionnaire(errors) => m.fill(
                "new_key.questionnaire",
                &[("problems", &errors.in_words(m))],
            ),
            NewKeyError::SetupFile(detail) => m.fill("new_key.setup_file", &[("detail", detail)]),
        }
    }
}

impl DownloadError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            DownloadError::NoSuchDataset(n) => {
                m.fill("combine.no_such_dataset", &[("n", &n.to_string())])
            }
            DownloadError::Export(e) => e.in_words(m),
        }
    }
}

impl Refusal {
    /// Why the file was refused, in the language of `m`. A file that could
    /// not be read carries the words the page already said it in.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            Refusal::Unreadable(words) => words.clone(),
            Refusal::Invalid(e) => e.in_words(m),
        }
    }
}

impl TabletName {
    /// How the tablet is named, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        let label = if self.label.trim().is_empty() {
            m.get("finding.unnamed_tablet")
        } else {
            self.label.as_str()
        };
        if self.ambiguous {
            m.fill(
                "finding.tablet_with_key",
                &[("label", label), ("key", &self.key)],
            )
        } else {
            label.to_owned()
        }
    }
}

/// "1 record" or "N records", in the language of `m`.
fn records(n: usize, m: &Messages) -> String {
    if n == 1 {
        m.get("finding.one_record").to_owned()
    } else {
        m.fill("finding.records", &[("n", &n.to_string())])
    }
}

impl Finding {
    /// What was found, in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        let n = |v: &u64| v.to_string();
        match self {
            Finding::Unsigned { file } => m.fill("finding.unsigned", &[("file", file)]),
            Finding::SignatureInvalid {
                file,
                tablet,
                records: count,
            } => m.fill(
                "finding.signature_invalid",
                &[
                    ("file", file),
                    ("tablet", &tablet.in_words(m)),
                    ("records", &records(*count, m)),
                ],
            ),
            Finding::RecordAltered {
                file,
                tablet,
                sequence,
                id,
            } => m.fill(
                "finding.record_altered",
                &[
                    ("file", file),
                    ("tablet", &tablet.in_words(m)),
                    ("sequence", &n(sequence)),
                    ("id", id),
                ],
            ),
            Finding::RecordAdded {
                file,
                tablet,
                sequence,
                id,
            } => m.fill(
                "finding.record_added",
                &[
                    ("file", file),
                    ("tablet", &tablet.in_words(m)),
                    ("sequence", &n(sequence)),
                    ("id", id),
                ],
            ),
            Finding::RecordRemoved {
                file,
                tablet,
                sequence,
                id,
            } => m.fill(
                "finding.record_removed",
                &[
                    ("file", file),
                    ("tablet", &tablet.in_words(m)),
                    ("sequence", &n(sequence)),
                    ("id", id),
                ],
            ),
            Finding::RecordDamaged {
                file,
                tablet,
                position,
            } => m.fill(
                "finding.record_damaged",
                &[
                    ("file", file),
                    ("tablet", &tablet.in_words(m)),
                    ("position", &position.to_string()),
                ],
            ),
            Finding::CannotOpen {
                file,
                tablet,
                sequence,
                id,
            } => m.fill(
                "finding.cannot_open",
                &[
                    ("file", file),
                    ("tablet", &tablet.in_words(m)),
                    ("sequence", &n(sequence)),
                    ("id", id),
                ],
            ),
            Finding::WrongResearchKey {
                file,
                tablet,
                records: count,
                sealed_to,
                opened_with,
            } => m.fill(
                "finding.wrong_research_key",
                &[
                    ("records", &records(*count, m)),
                    ("tablet", &tablet.in_words(m)),
                    ("file", file),
                    ("sealed_to", sealed_to),
                    ("opened_with", opened_with),
                ],
            ),
            Finding::NoResearchKey {
                file,
                records: count,
            } => m.fill(
                "finding.no_research_key",
                &[("records", &records(*count, m)), ("file", file)],
            ),
            Finding::Missing {
                tablet,
                first,
                last,
            } if first == last => m.fill(
                "finding.missing_one",
                &[("first", &n(first)), ("tablet", &tablet.in_words(m))],
            ),
            Finding::Missing {
                tablet,
                first,
                last,
            } => m.fill(
                "finding.missing",
                &[
                    ("first", &n(first)),
                    ("last", &n(last)),
                    ("tablet", &tablet.in_words(m)),
                ],
            ),
            Finding::KeyChanged { label, keys } => {
                let listed: Vec<String> = keys
                    .iter()
                    .map(|(key, files)| {
                        let files: Vec<String> = files.iter().map(|f| format!("\"{f}\"")).collect();
                        m.fill(
                            "finding.key_in_files",
                            &[("key", key), ("files", &files.join(", "))],
                        )
                    })
                    .collect();
                m.fill(
                    "finding.key_changed",
                    &[
                        ("label", label),
                        ("count", &keys.len().to_string()),
                        ("keys", &listed.join("; ")),
                    ],
                )
            }
            Finding::SequenceReused {
                tablet,
                sequence,
                ids,
            } => m.fill(
                "finding.sequence_reused",
                &[
                    ("sequence", &n(sequence)),
                    ("tablet", &tablet.in_words(m)),
                    ("count", &ids.len().to_string()),
                    ("ids", &ids.join(", ")),
                ],
            ),
        }
    }
}

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
