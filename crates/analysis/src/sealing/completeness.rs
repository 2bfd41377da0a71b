//! Across every file opened: gaps in each tablet's numbers, tablets whose
//! key changed, and numbers given to two records.

use super::findings::{Finding, TabletName};
use super::read_signed::TabletSeen;
use std::collections::{BTreeMap, BTreeSet};

/// Findings about completeness, given the signed files read (with their
/// names); also marks, in every finding, the tablets whose label another
/// key shares, so their names say which key is meant.
pub fn check_completeness(files: &[(String, TabletSeen)], findings: &mut Vec<Finding>) {
    // By signing key: label (latest file's), highest issued, numbers seen.
    struct Tablet {
        label: String,
        latest: candour_core::time::Timestamp,
        highest: u64,
        numbers: BTreeMap<u64, BTreeSet<String>>,
    }
    let mut tablets: BTreeMap<String, Tablet> = BTreeMap::new();
    let mut by_label: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    let mut by_id: BTreeMap<String, BTreeMap<String, Vec<String>>> = BTreeMap::new();
    for (name, read) in files {
        // Only a file whose signature is valid says anything about its
        // tablet: a forged file must not fill a gap, nor name a label.
        if read.highest_sequence.is_none() {
            continue;
        }
        let t = tablets.entry(read.key.clone()).or_insert(Tablet {
            label: read.label.clone(),
            latest: read.exported_at,
            highest: 0,
            numbers: BTreeMap::new(),
        });
        if read.exported_at >= t.latest {
            t.latest = read.exported_at;
            t.label = read.label.clone();
        }
        t.highest = t.highest.max(read.highest_sequence.unwrap_or(0));
        for (sequence, id) in &read.present {
            t.highest = t.highest.max(*sequence);
            t.numbers.entry(*sequence).or_default().insert(id.clone());
        }
        // The files of each label and of each tablet id, by signing key.
        for (index, seen) in [(&mut by_label, &read.label), (&mut by_id, &read.id)] {
            index
                .entry(seen.clone())
                .or_default()
                .entry(read.key.clone())
                .or_default()
                .push(name.clone());
        }
    }
    let shared: BTreeSet<String> = by_label
        .iter()
        .filter(|(_, keys)| keys.len() > 1)
        .map(|(label, _)| label.clone())
        .collect();
    let mut changed = BTreeSet::new();
    for (label, keys) in by_label.iter().chain(by_id.iter()) {
        if keys.len() > 1 && !label.is_empty() {
            let keys: Vec<(String, Vec<String>)> =
                keys.iter().map(|(k, f)| (k.clone(), f.clone())).collect();
            // The same set of keys found by label and by id is one finding.
            let set: Vec<String> = keys.iter().map(|(k, _)| k.clone()).collect();
            if changed.insert(set) {
                findings.push(Finding::KeyChanged {
                    label: label.clone(),
                    keys,
                });
            }
        }
    }
    for (key, t) in &tablets {
        let name = TabletName {
            label: t.label.clone(),
            key: key.clone(),
            ambiguous: shared.contains(&t.label),
        };
        for (sequence, ids) in &t.numbers {
            if ids.len() > 1 {
                findings.push(Finding::SequenceReused {
                    tablet: name.clone(),
                    sequence: *sequence,
                    ids: ids.iter().cloned().collect(),
                });
            }
        }
        let mut next = 1;
        for sequence in t
            .numbers
            .keys()
            .copied()
            .chain(std::iter::once(t.highest + 1))
        {
            if sequence > next {
                findings.push(Finding::Missing {
                    tablet: name.clone(),
                    first: next,
                    last: sequence - 1,
                });
            }
            next = next.max(sequence + 1);
        }
    }
    for finding in findings.iter_mut() {
        if let Some(tablet) = tablet_of(finding) {
            tablet.ambiguous = shared.contains(&tablet.label);
        }
    }
}

fn tablet_of(finding: &mut Finding) -> Option<&mut TabletName> {
    match finding {
        Finding::SignatureInvalid { tablet, .. }
        | Finding::RecordAltered { tablet, .. }
        | Finding::RecordAdded { tablet, .. }
        | Finding::RecordRemoved { tablet, .. }
        | Finding::RecordDamaged { tablet, .. }
        | Finding::CannotOpen { tablet, .. }
        | Finding::WrongResearchKey { tablet, .. }
        | Finding::Missing { tablet, .. }
        | Finding::SequenceReused { tablet, .. } => Some(tablet),
        Finding::Unsigned { .. } | Finding::NoResearchKey { .. } | Finding::KeyChanged { .. } => {
            None
        }
    }
}
