//! One record as a signed export lists it, and as the tablet stores a
//! sealed record: its clear header, and its content either sealed or, on a
//! tablet without a research key, in clear.

use super::base64::as_base64;
use super::header::RecordHeader;
use crate::export::ExportRecord;
use serde::{Deserialize, Serialize};

/// A record entry: `{"header":{…},"sealed":{…}}` or
/// `{"header":{…},"clear":{…the record as export version 1 writes it…}}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "EntryShape")]
pub struct RecordEntry {
    /// What stays readable.
    pub header: RecordHeader,
    /// The record itself.
    pub body: EntryBody,
}

/// A record's content.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryBody {
    /// Sealed to a research key; only its private key opens it.
    Sealed(SealedContent),
    /// In clear: the tablet had no research key when the record was stored.
    Clear(Box<ExportRecord>),
}

/// A record's sealed content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SealedContent {
    /// The construction, [`super::SUITE`]; readers refuse any other.
    pub suite: String,
    /// Fingerprint of the research key it is sealed to, so that opening
    /// with another key names both keys.
    pub key: String,
    /// HPKE's encapsulated key (the ephemeral X25519 public key, 32 bytes),
    /// base64 in the file.
    #[serde(with = "as_base64")]
    pub enc: Vec<u8>,
    /// The AES-256-GCM ciphertext with its 16-byte tag, base64 in the
    /// file. Opened, it is the record as export version 1 writes it.
    #[serde(with = "as_base64")]
    pub ciphertext: Vec<u8>,
}

impl RecordEntry {
    /// A record kept in clear, numbered `sequence`.
    pub fn clear(record: ExportRecord, sequence: u64) -> Self {
        RecordEntry {
            header: RecordHeader::of_export(&record, sequence),
            body: EntryBody::Clear(Box::new(record)),
        }
    }

    /// Whether the content is sealed.
    pub fn is_sealed(&self) -> bool {
        matches!(self.body, EntryBody::Sealed(_))
    }

    /// The entry as compact JSON: what the tablet stores and the export
    /// lists (and whose digest the manifest signs).
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}

/// The entry as read: exactly one of `sealed` and `clear`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryShape {
    header: RecordHeader,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sealed: Option<SealedContent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    clear: Option<Box<ExportRecord>>,
}

impl TryFrom<EntryShape> for RecordEntry {
    type Error = &'static str;

    fn try_from(shape: EntryShape) -> Result<Self, Self::Error> {
        let body = match (shape.sealed, shape.clear) {
            (Some(sealed), None) => EntryBody::Sealed(sealed),
            (None, Some(clear)) => EntryBody::Clear(clear),
            (Some(_), Some(_)) => return Err("a record is either sealed or clear, not both"),
            (None, None) => return Err("a record needs \"sealed\" or \"clear\""),
        };
        Ok(RecordEntry {
            header: shape.header,
            body,
        })
    }
}

// Written through borrowed fields: copying 10,000 records to write them
// would double an export's memory.
impl Serialize for RecordEntry {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("RecordEntry", 2)?;
        out.serialize_field("header", &self.header)?;
        match &self.body {
            EntryBody::Sealed(sealed) => out.serialize_field("sealed", sealed)?,
            EntryBody::Clear(clear) => out.serialize_field("clear", clear)?,
        }
        out.end()
    }
}
