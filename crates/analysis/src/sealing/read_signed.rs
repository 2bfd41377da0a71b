//! Reading one signed export (format version 3): the signature, every
//! record's digest, and opening sealed records with the research key.

use super::findings::{Finding, TabletName};
use super::keys::{wipe, ResearchKeyPair};
use super::signature::verify_manifest;
use candour_core::export::signed::{record_digest, Manifest, ManifestRecord, SignedEnvelope};
use candour_core::export::{
    check_export, ExportFile, ExportRecord, ImportError, ImportProblem, FORMAT_NAME, FORMAT_VERSION,
};
use candour_core::found::FoundInstead;
use candour_core::seal::{EntryBody, RecordEntry, RECORD_INFO, SUITE};
use std::collections::HashMap;

/// One signed file, read and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedRead {
    /// The records that passed every check and could be read (clear, or
    /// opened with the key), as a version-1 file, ready to merge.
    pub file: ExportFile,
    /// Whether the manifest's signature is valid.
    pub signature_valid: bool,
    /// What the file says about its tablet, for the completeness check.
    pub seen: TabletSeen,
    /// What was found in this file.
    pub findings: Vec<Finding>,
}

/// What one signed file says about the tablet that signed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabletSeen {
    /// The tablet's signing key fingerprint.
    pub key: String,
    /// The tablet's label in the manifest.
    pub label: String,
    /// The tablet's id in the manifest.
    pub id: String,
    /// When the file was exported.
    pub exported_at: candour_core::time::Timestamp,
    /// The highest number the tablet had issued, from a valid manifest.
    pub highest_sequence: Option<u64>,
    /// Every record entry present (number and id), whatever its state.
    pub present: Vec<(u64, String)>,
}

/// Reads a signed export named `name` from its text, opening sealed
/// records with `key` when given. A file whose envelope or manifest cannot
/// be read at all is refused with the reason; everything else is read, and
/// what is wrong is in `findings`.
pub fn read_signed(
    name: &str,
    text: &str,
    key: Option<&ResearchKeyPair>,
) -> Result<SignedRead, ImportError> {
    let fail = |problem| ImportError {
        file: name.to_owned(),
        problem: Box::new(problem),
    };
    let shape = |e: serde_json::Error| {
        fail(ImportProblem::WrongShape {
            detail: e.to_string(),
            line: e.line(),
            column: e.column(),
        })
    };
    let envelope: SignedEnvelope<'_> = serde_json::from_str(text).map_err(shape)?;
    let manifest_text = envelope.manifest.get();
    let manifest: Manifest = serde_json::from_str(manifest_text).map_err(shape)?;
    let tablet_key = manifest.tablet.fingerprint().ok_or_else(|| {
        fail(ImportProblem::NotCandour {
            found: FoundInstead::TabletKeyNotBase64,
        })
    })?;
    let tablet = TabletName {
        label: manifest.tablet.label.clone(),
        key: tablet_key.clone(),
        ambiguous: false,
    };
    let signature_valid = verify_manifest(
        &manifest.tablet.public_key,
        &envelope.signature.algorithm,
        &envelope.signature.value,
        manifest_text.as_bytes(),
    );
    let mut reader = Reader {
        name,
        tablet: &tablet,
        key,
        findings: Vec::new(),
        wrong_key: HashMap::new(),
        unopened: 0,
    };
    if !signature_valid {
        reader.findings.push(Finding::SignatureInvalid {
            file: name.to_owned(),
            tablet: tablet.clone(),
            records: envelope.records.len(),
        });
    }
    let listed: HashMap<&str, &ManifestRecord> = manifest
        .records
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut seen: HashMap<&str, ()> = HashMap::new();
    let mut present = Vec::with_capacity(envelope.records.len());
    let mut usable = Vec::with_capacity(envelope.records.len());
    for (at, raw) in envelope.records.iter().enumerate() {
        let text = raw.get();
        let Ok(entry) = serde_json::from_str::<RecordEntry>(text) else {
            reader.findings.push(Finding::RecordDamaged {
                file: name.to_owned(),
                tablet: tablet.clone(),
                position: at + 1,
            });
            continue;
        };
        let h = &entry.header;
        present.push((h.sequence, h.id.clone()));
        let signed = listed.get(h.id.as_str()).copied();
        if let Some(signed) = signed {
            seen.insert(signed.id.as_str(), ());
        }
        match signed {
            None => reader.findings.push(Finding::RecordAdded {
                file: name.to_owned(),
                tablet: tablet.clone(),
                sequence: h.sequence,
                id: h.id.clone(),
            }),
            Some(s) if s.digest != record_digest(text) || s.sequence != h.sequence => {
                reader.findings.push(Finding::RecordAltered {
                    file: name.to_owned(),
                    tablet: tablet.clone(),
                    sequence: h.sequence,
                    id: h.id.clone(),
                })
            }
            // Only a record the valid signature vouches for is used.
            Some(_) if signature_valid => {
                if let Some(record) = reader.content(entry) {
                    usable.push(record);
                }
            }
            Some(_) => {}
        }
    }
    for r in &manifest.records {
        if !seen.contains_key(r.id.as_str()) && signature_valid {
            reader.findings.push(Finding::RecordRemoved {
                file: name.to_owned(),
                tablet: tablet.clone(),
                sequence: r.sequence,
                id: r.id.clone(),
            });
        }
    }
    reader.finish_counts();
    let file = ExportFile {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: manifest.app_version.clone(),
        device_label: manifest.tablet.label.clone(),
        exported_at: manifest.exported_at,
        record_count: usable.len(),
        instruments: envelope.instruments,
        records: usable,
        merged_from: Vec::new(),
        conflicts: Vec::new(),
    };
    check_export(&file).map_err(fail)?;
    if signature_valid && !same_instruments(&file, &manifest) {
        return Err(fail(ImportProblem::InstrumentListChanged));
    }
    Ok(SignedRead {
        file,
        signature_valid,
        seen: TabletSeen {
            key: tablet_key,
            label: manifest.tablet.label.clone(),
            id: manifest.tablet.id.clone(),
            exported_at: manifest.exported_at,
            highest_sequence: signature_valid.then_some(manifest.highest_sequence),
            present,
        },
        findings: reader.findings,
    })
}

/// The instruments in the file are the ones the manifest signed.
fn same_instruments(file: &ExportFile, manifest: &Manifest) -> bool {
    let mut in_file: Vec<&str> = file.instruments.iter().map(|i| i.hash.as_str()).collect();
    let mut signed: Vec<&str> = manifest
        .instruments
        .iter()
        .map(|i| i.hash.as_str())
        .collect();
    in_file.sort_unstable();
    signed.sort_unstable();
    in_file == signed
}

struct Reader<'a> {
    name: &'a str,
    tablet: &'a TabletName,
    key: Option<&'a ResearchKeyPair>,
    findings: Vec<Finding>,
    /// Records sealed to another key, by that key's fingerprint.
    wrong_key: HashMap<String, usize>,
    /// Sealed records with no key given.
    unopened: usize,
}

impl Reader<'_> {
    /// The record of a verified entry: clear, or opened; `None` (with a
    /// finding or a count) when it cannot be read.
    fn content(&mut self, entry: RecordEntry) -> Option<ExportRecord> {
        let header = entry.header;
        let record = match entry.body {
            EntryBody::Clear(record) => *record,
            EntryBody::Sealed(sealed) => {
                let Some(key) = self.key else {
                    self.unopened += 1;
                    return None;
                };
                if sealed.key != key.fingerprint() {
                    *self.wrong_key.entry(sealed.key).or_default() += 1;
                    return None;
                }
                let opened = (sealed.suite == SUITE)
                    .then(|| {
                        key.open_bytes(&sealed.enc, RECORD_INFO, &header.aad(), &sealed.ciphertext)
                    })
                    .flatten();
                let parsed = opened.and_then(|plain| {
                    let record = serde_json::from_slice::<ExportRecord>(&plain).ok();
                    wipe(plain);
                    record
                });
                match parsed {
                    Some(record) => record,
                    None => {
                        self.cannot_open(&header);
                        return None;
                    }
                }
            }
        };
        if header.describes(&record) {
            Some(record)
        } else {
            self.cannot_open(&header);
            None
        }
    }

    fn cannot_open(&mut self, header: &candour_core::seal::RecordHeader) {
        self.findings.push(Finding::CannotOpen {
            file: self.name.to_owned(),
            tablet: self.tablet.clone(),
            sequence: header.sequence,
            id: header.id.clone(),
        });
    }

    fn finish_counts(&mut self) {
        if self.unopened > 0 {
            self.findings.push(Finding::NoResearchKey {
                file: self.name.to_owned(),
                records: self.unopened,
            });
        }
        let mut wrong: Vec<(String, usize)> = self.wrong_key.drain().collect();
        wrong.sort();
        for (sealed_to, records) in wrong {
            self.findings.push(Finding::WrongResearchKey {
                file: self.name.to_owned(),
                tablet: self.tablet.clone(),
                records,
                sealed_to,
                opened_with: self.key.map(|k| k.fingerprint()).unwrap_or_default(),
            });
        }
    }
}
