//! Reading one export as what it is: unsigned (format 1 or 2) or signed
//! (format 3), its sealed records opened with the research key when given.

use super::keys::ResearchKeyPair;
use super::read_signed::{read_signed, SignedRead};
use candour_core::export::signed::SIGNED_FORMAT_VERSION;
use candour_core::export::{parse_export, ExportFile, ImportError};
use serde::de::IgnoredAny;
use serde::Deserialize;

/// One file read.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadExport {
    /// Format version 1 or 2: unsigned, records in clear.
    Unsigned(ExportFile),
    /// Format version 3: signed, checked, opened where possible.
    Signed(Box<SignedRead>),
}

#[derive(Deserialize)]
struct Version {
    #[serde(default)]
    format_version: Option<serde_json::Value>,
    #[serde(flatten)]
    _rest: IgnoredAny,
}

/// Reads one export of any version this app knows, opening sealed records
/// with `key` when given. Refused with the reason in words: files that are
/// not Candour exports, of an unknown version, or damaged beyond reading.
pub fn read_export(
    name: &str,
    bytes: &[u8],
    key: Option<&ResearchKeyPair>,
) -> Result<ReadExport, ImportError> {
    let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let signed = std::str::from_utf8(text).ok().filter(|text| {
        serde_json::from_str::<Version>(text)
            .ok()
            .and_then(|v| v.format_version)
            .and_then(|v| v.as_u64())
            == Some(u64::from(SIGNED_FORMAT_VERSION))
    });
    match signed {
        Some(text) => Ok(ReadExport::Signed(Box::new(read_signed(name, text, key)?))),
        None => parse_export(name, bytes).map(ReadExport::Unsigned),
    }
}
