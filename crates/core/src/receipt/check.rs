//! Checking a picked-back export file or a receipt against the records
//! stored on the tablet.

use super::digest::{record_digest, StoredDigest};
use super::error::ProofError;
use super::read::{read_picked, Picked};
use std::collections::{BTreeSet, HashMap};

/// Which kind of proof a file was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProofKind {
    /// An export file picked back in.
    Export,
    /// A receipt written by the workbench.
    Receipt,
}

/// What one picked file shows about the records stored here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofCheck {
    /// The file's name.
    pub file: String,
    /// What it was.
    pub kind: ProofKind,
    /// Records stored here that the file holds (or names) exactly: safe
    /// elsewhere.
    pub confirmed: BTreeSet<String>,
    /// Records stored here that the file holds (or names) with another
    /// digest: the copy outside differs, so they are not safe by this file.
    pub differing: BTreeSet<String>,
    /// Records in the file that are not stored here (another tablet's, or
    /// deleted already).
    pub not_here: usize,
}

/// Checks the picked file `bytes` (named `file`) against `stored`: an
/// export file by the digest of each record's exact text, a receipt by the
/// digests it lists.
pub fn check_proof(
    file: &str,
    bytes: &[u8],
    stored: &[StoredDigest],
) -> Result<ProofCheck, ProofError> {
    let (kind, entries): (ProofKind, Vec<(String, String)>) = match read_picked(file, bytes)? {
        Picked::Export(read) => (
            ProofKind::Export,
            read.records
                .into_iter()
                .map(|(id, text)| (id, record_digest(text)))
                .collect(),
        ),
        Picked::Receipt(receipt) => (
            ProofKind::Receipt,
            receipt
                .records
                .into_iter()
                .map(|r| (r.id, r.digest))
                .collect(),
        ),
    };
    let here: HashMap<&str, &str> = stored
        .iter()
        .map(|s| (s.id.as_str(), s.digest.as_str()))
        .collect();
    let mut check = ProofCheck {
        file: file.to_owned(),
        kind,
        confirmed: BTreeSet::new(),
        differing: BTreeSet::new(),
        not_here: 0,
    };
    for (id, digest) in entries {
        match here.get(id.as_str()) {
            Some(mine) if *mine == digest => {
                check.differing.remove(&id);
                check.confirmed.insert(id);
            }
            Some(_) => {
                if !check.confirmed.contains(&id) {
                    check.differing.insert(id);
                }
            }
            None => check.not_here += 1,
        }
    }
    Ok(check)
}

/// The records that several picked files, together, show to be safe.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafeSet {
    /// Confirmed by at least one file.
    pub confirmed: BTreeSet<String>,
    /// Named by some file with another digest and confirmed by none.
    pub differing: BTreeSet<String>,
}

impl SafeSet {
    /// The union of what `checks` show.
    pub fn of(checks: &[ProofCheck]) -> Self {
        let confirmed: BTreeSet<String> = checks
            .iter()
            .flat_map(|c| c.confirmed.iter().cloned())
            .collect();
        let differing = checks
            .iter()
            .flat_map(|c| c.differing.iter())
            .filter(|id| !confirmed.contains(*id))
            .cloned()
            .collect();
        SafeSet {
            confirmed,
            differing,
        }
    }
}
