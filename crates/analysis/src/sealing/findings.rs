//! What checking exports found, each worded for the researcher (and an
//! ethics committee).

use std::fmt;

/// How a tablet is named in what is found: its label, and its key's
/// fingerprint when two keys carry that label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TabletName {
    /// The label staff gave it.
    pub label: String,
    /// Its signing key's fingerprint.
    pub key: String,
    /// Whether another key carries the same label.
    pub ambiguous: bool,
}

impl fmt::Display for TabletName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = if self.label.trim().is_empty() {
            "the unnamed tablet"
        } else {
            self.label.as_str()
        };
        if self.ambiguous {
            write!(f, "{label} (signing key {})", self.key)
        } else {
            f.write_str(label)
        }
    }
}

/// One thing found while checking exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// A version-1 file: no signature, no sequence numbers.
    Unsigned {
        /// File name.
        file: String,
    },
    /// The manifest's signature does not verify with the key it names.
    SignatureInvalid {
        /// File name.
        file: String,
        /// The tablet the manifest names.
        tablet: TabletName,
        /// Records in the file, none of which is used.
        records: usize,
    },
    /// A record whose text is not what the manifest signed.
    RecordAltered {
        /// File name.
        file: String,
        /// Tablet.
        tablet: TabletName,
        /// Its sequence number.
        sequence: u64,
        /// Its id.
        id: String,
    },
    /// A record the manifest does not list.
    RecordAdded {
        /// File name.
        file: String,
        /// Tablet.
        tablet: TabletName,
        /// The number it claims.
        sequence: u64,
        /// The id it claims.
        id: String,
    },
    /// A record the manifest lists that is not in the file.
    RecordRemoved {
        /// File name.
        file: String,
        /// Tablet.
        tablet: TabletName,
        /// Its sequence number.
        sequence: u64,
        /// Its id.
        id: String,
    },
    /// An entry that is not a record at all.
    RecordDamaged {
        /// File name.
        file: String,
        /// Tablet.
        tablet: TabletName,
        /// Its position in the file, from 1.
        position: usize,
    },
    /// A sealed record that did not open with the right key, or whose
    /// content disagrees with its header.
    CannotOpen {
        /// File name.
        file: String,
        /// Tablet.
        tablet: TabletName,
        /// Its sequence number.
        sequence: u64,
        /// Its id.
        id: String,
    },
    /// Records sealed to another research key than the one opened.
    WrongResearchKey {
        /// File name.
        file: String,
        /// Tablet.
        tablet: TabletName,
        /// How many.
        records: usize,
        /// Fingerprint they are sealed to.
        sealed_to: String,
        /// Fingerprint of the key file opened.
        opened_with: String,
    },
    /// Sealed records, and no key file opened.
    NoResearchKey {
        /// File name.
        file: String,
        /// How many.
        records: usize,
    },
    /// Records issued by a tablet that are in none of the files opened.
    Missing {
        /// Tablet.
        tablet: TabletName,
        /// First missing number.
        first: u64,
        /// Last missing number (equal to `first` for one record).
        last: u64,
    },
    /// One label (or tablet id) with several signing keys.
    KeyChanged {
        /// The label or id shared.
        label: String,
        /// Each key's fingerprint with the files signed by it.
        keys: Vec<(String, Vec<String>)>,
    },
    /// One sequence number of one tablet given to different records.
    SequenceReused {
        /// Tablet.
        tablet: TabletName,
        /// The number.
        sequence: u64,
        /// The record ids carrying it.
        ids: Vec<String>,
    },
}

impl Finding {
    /// Whether this is a problem to act on (everything but the plain note
    /// that a file is unsigned or that no key was given).
    pub fn is_problem(&self) -> bool {
        !matches!(
            self,
            Finding::Unsigned { .. } | Finding::NoResearchKey { .. }
        )
    }
}

fn records(n: usize) -> String {
    if n == 1 {
        "1 record".to_owned()
    } else {
        format!("{n} records")
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Unsigned { file } => write!(
                f,
                "The file \"{file}\" is an unsigned export from an earlier version of Candour: \
                 whether it was changed after export, or records are missing, cannot be checked."
            ),
            Finding::SignatureInvalid {
                file,
                tablet,
                records: n,
            } => write!(
                f,
                "The file \"{file}\" was changed after export, or does not come from the tablet \
                 it names ({tablet}): its signature does not match. Its {} are not used.",
                records(*n)
            ),
            Finding::RecordAltered {
                file,
                tablet,
                sequence,
                id,
            } => write!(
                f,
                "Record {sequence} of {tablet} (id {id}) was altered in the file \"{file}\": it \
                 is not what the tablet signed, so it is not used."
            ),
            Finding::RecordAdded {
                file,
                tablet,
                sequence,
                id,
            } => write!(
                f,
                "The file \"{file}\" holds a record that {tablet} did not export in it \
                 (number {sequence}, id {id}): it was added after export, so it is not used."
            ),
            Finding::RecordRemoved {
                file,
                tablet,
                sequence,
                id,
            } => write!(
                f,
                "Record {sequence} of {tablet} (id {id}) was removed from the file \"{file}\" \
                 after export."
            ),
            Finding::RecordDamaged {
                file,
                tablet,
                position,
            } => write!(
                f,
                "Entry {position} of the file \"{file}\" (from {tablet}) is not a readable \
                 record: the file was changed after export."
            ),
            Finding::CannotOpen {
                file,
                tablet,
                sequence,
                id,
            } => write!(
                f,
                "Record {sequence} of {tablet} (id {id}) in the file \"{file}\" does not open \
                 with the research key: it was altered after it was sealed, so it is not used."
            ),
            Finding::WrongResearchKey {
                file,
                tablet,
                records: n,
                sealed_to,
                opened_with,
            } => {
                write!(
                    f,
                    "{} from {tablet} in the file \"{file}\" are sealed to the research key \
                     {sealed_to}, but the key file opened is {opened_with}. Open the key file \
                     with the fingerprint {sealed_to} to read them.",
                    records(*n)
                )
            }
            Finding::NoResearchKey { file, records: n } => write!(
                f,
                "{} in the file \"{file}\" are sealed; open the research key file to read them.",
                records(*n)
            ),
            Finding::Missing {
                tablet,
                first,
                last,
            } if first == last => write!(
                f,
                "Record {first} of {tablet} is in none of the files opened."
            ),
            Finding::Missing {
                tablet,
                first,
                last,
            } => write!(
                f,
                "Records {first} to {last} of {tablet} are in none of the files opened."
            ),
            Finding::KeyChanged { label, keys } => {
                write!(
                    f,
                    "\"{label}\" appears with {} different signing keys: ",
                    keys.len()
                )?;
                let listed: Vec<String> = keys
                    .iter()
                    .map(|(key, files)| format!("{key} (in {})", quoted(files)))
                    .collect();
                write!(
                    f,
                    "{}. Its key changed (the tablet was set up again, or its storage was \
                     cleared), or a file does not come from it.",
                    listed.join("; ")
                )
            }
            Finding::SequenceReused {
                tablet,
                sequence,
                ids,
            } => write!(
                f,
                "Number {sequence} of {tablet} is given to {} different records ({}): one of \
                 them does not come from that tablet as it was.",
                ids.len(),
                ids.join(", ")
            ),
        }
    }
}

fn quoted(files: &[String]) -> String {
    files
        .iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
