//! What checking exports found, in words.

use crate::sealing::{Finding, TabletName};
use candour_core::messages::Messages;

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
