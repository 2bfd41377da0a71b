//! Choosing what to export, marking it exported, and naming the files.

use crate::record::ResponseRecord;
use crate::time::Timestamp;

/// Which stored records an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Selection {
    /// Every stored record, exported before or not.
    Everything,
    /// Only records never exported (`exported_at` unset).
    #[default]
    NotYetExported,
}

impl Selection {
    /// Whether `record` is part of this selection.
    pub fn includes(self, record: &ResponseRecord) -> bool {
        match self {
            Selection::Everything => true,
            Selection::NotYetExported => record.exported_at.is_none(),
        }
    }
}

/// The records of `selection`, in the order given (copied, so that the
/// caller can mark them and store them back).
pub fn select_records(records: &[ResponseRecord], selection: Selection) -> Vec<ResponseRecord> {
    records
        .iter()
        .filter(|r| selection.includes(r))
        .cloned()
        .collect()
}

/// Marks `record` as exported at `at`. The first export time is kept when
/// it is exported again, so "not yet exported" never brings it back and the
/// dashboard's age of the oldest unexported record stays true. Returns true
/// when the record was newly marked. Nothing is ever deleted here.
pub fn mark_exported(record: &mut ResponseRecord, at: Timestamp) -> bool {
    if record.exported_at.is_some() {
        return false;
    }
    record.exported_at = Some(at);
    true
}

/// Marks every record in `records` as exported at `at` (see
/// [`mark_exported`]); returns how many were newly marked.
pub fn mark_all_exported(records: &mut [ResponseRecord], at: Timestamp) -> usize {
    records
        .iter_mut()
        .map(|r| mark_exported(r, at))
        .filter(|newly| *newly)
        .count()
}

/// Most characters of the device label kept in a file name.
const MAX_LABEL_CHARS: usize = 40;

/// A download's file name, e.g.
/// `candour_clinic-a-tablet-2_2026-11-25_12-records.json`: the device
/// label in lower-case ASCII letters, digits and hyphens (other characters
/// become one hyphen; `device` when nothing is left), the UTC date of
/// `date`, the record count, and `ext` (letters, digits and dots, so
/// `wide.csv` or `sps`). Safe on every file system and in a URL.
///
/// For a merged dataset, pass a label such as `merged` and, when it is one
/// of several instruments, the instrument id and version in it.
pub fn export_file_name(device_label: &str, date: Timestamp, count: usize, ext: &str) -> String {
    let label = slug(device_label, MAX_LABEL_CHARS);
    let label = if label.is_empty() {
        "device".to_owned()
    } else {
        label
    };
    let day: String = date.to_string().chars().take(10).collect();
    let noun = if count == 1 { "record" } else { "records" };
    let ext: String = ext
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect::<String>()
        .to_ascii_lowercase();
    let ext = ext.trim_matches('.');
    if ext.is_empty() {
        format!("candour_{label}_{day}_{count}-{noun}")
    } else {
        format!("candour_{label}_{day}_{count}-{noun}.{ext}")
    }
}

/// Lower-case ASCII letters and digits, every other run of characters one
/// hyphen, no hyphen at either end, at most `max` characters.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= max {
            break;
        }
    }
    out.trim_end_matches('-').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Clinic A, tablet 2", 40), "clinic-a-tablet-2");
        assert_eq!(slug("  Ward 7 / ÉCOLE  ", 40), "ward-7-cole");
        assert_eq!(slug("../../etc/passwd", 40), "etc-passwd");
        assert_eq!(slug("עברית", 40), "");
        assert_eq!(slug("abcdef", 3), "abc");
    }
}
