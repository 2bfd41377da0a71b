//! The tablet setup file: the research public key, and optionally a
//! questionnaire, which the workbench writes and the tablet's staff area
//! loads.
//!
//! ```json
//! {"format": "candour-tablet-setup", "format_version": 1,
//!  "created_at": "2026-11-25T10:00:00.000Z",
//!  "research_key": {"suite": "hpke-base-x25519-sha256-aes256gcm",
//!                   "public_key": "<32 bytes, base64>",
//!                   "fingerprint": "MFRG GZDF MZTW Q2LK"},
//!  "instrument": { "…": "optional: a questionnaire, as instruments/default.json" }}
//! ```

use super::research_key::ResearchPublicKey;
use super::SUITE;
use crate::export::iso;
use crate::found::FoundInstead;
use crate::instrument::load::{load_instrument, InstrumentErrors};
use crate::instrument::Instrument;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use thiserror::Error;

/// The setup file's `format` field.
pub const SETUP_FORMAT: &str = "candour-tablet-setup";
/// The setup file's `format_version`; readers refuse others.
pub const SETUP_FORMAT_VERSION: u32 = 1;

/// What a tablet setup file gives the tablet.
#[derive(Debug, Clone, PartialEq)]
pub struct TabletSetup {
    /// When the workbench wrote it.
    pub created_at: Timestamp,
    /// The research key every finished record is sealed to.
    pub research_key: ResearchPublicKey,
    /// A questionnaire to use for new surveys, checked, when the file has
    /// one.
    pub instrument: Option<Instrument>,
}

/// Why a setup file was refused, in words a member of staff can act on.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SetupError {
    /// Not UTF-8 JSON at all.
    #[error("This is not a tablet setup file: it is not a text file of the right kind. Pick the file the researcher's workbench saved, ending in .json.")]
    NotJson,
    /// JSON, but not a setup file (perhaps an export or a questionnaire).
    #[error("This is not a tablet setup file: {found}. Pick the file the researcher's workbench saved as the tablet setup file.")]
    NotSetupFile {
        /// What it is instead.
        found: FoundInstead,
    },
    /// A setup file of a version this app does not read.
    #[error("This tablet setup file is of format version {found}, which this version of Candour cannot read. Update Candour on this tablet, or ask the researcher for a file from the same version.")]
    UnknownVersion {
        /// The version found.
        found: u32,
    },
    /// A setup file whose content has the wrong shape.
    #[error("This tablet setup file is damaged ({detail}). Ask the researcher for a new copy.")]
    Damaged {
        /// The parser's words.
        detail: String,
    },
    /// A setup file whose research key is not an X25519 public key.
    #[error("This tablet setup file is damaged (its research key is not a valid public key). Ask the researcher for a new copy.")]
    KeyNotValid,
    /// A setup file that names its format but no format version.
    #[error("This tablet setup file is damaged (it has no format version). Ask the researcher for a new copy.")]
    NoFormatVersion,
    /// A key sealed with a construction this app does not use.
    #[error("This tablet setup file names a sealing method this version of Candour does not use (\"{found}\"). Ask the researcher for a file from the same version.")]
    UnknownSuite {
        /// The suite named.
        found: String,
    },
    /// The fingerprint written does not belong to the key: a changed file.
    #[error("This tablet setup file says its key has the fingerprint {stated}, but the key in it has the fingerprint {actual}. The file was changed; do not use it, and ask the researcher for a new copy.")]
    FingerprintMismatch {
        /// The fingerprint the file states.
        stated: String,
        /// The fingerprint of the key it holds.
        actual: String,
    },
    /// The questionnaire in it has problems.
    #[error(
        "The questionnaire in this tablet setup file has problems, so nothing was loaded:\n{0}"
    )]
    Instrument(InstrumentErrors),
}

/// The file as written and read.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetupShape<'a> {
    format: String,
    format_version: u32,
    #[serde(with = "iso::required")]
    created_at: Timestamp,
    research_key: KeyShape,
    #[serde(borrow, default, skip_serializing_if = "Option::is_none")]
    instrument: Option<&'a RawValue>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyShape {
    suite: String,
    public_key: String,
    fingerprint: String,
}

/// Only what says what a file is.
#[derive(Deserialize)]
struct Identity {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

/// Writes a tablet setup file (the workbench calls this): compact JSON
/// with a trailing newline. `instrument` should already have passed the
/// loader's checks; the tablet checks it again on loading.
pub fn write_setup_file(
    research_key: &ResearchPublicKey,
    instrument: Option<&Instrument>,
    created_at: Timestamp,
) -> Result<String, serde_json::Error> {
    let instrument = instrument
        .map(serde_json::to_string)
        .transpose()?
        .map(RawValue::from_string)
        .transpose()?;
    let shape = SetupShape {
        format: SETUP_FORMAT.to_owned(),
        format_version: SETUP_FORMAT_VERSION,
        created_at,
        research_key: KeyShape {
            suite: SUITE.to_owned(),
            public_key: research_key.to_base64(),
            fingerprint: research_key.fingerprint(),
        },
        instrument: instrument.as_deref(),
    };
    let mut text = serde_json::to_string(&shape)?;
    text.push('\n');
    Ok(text)
}

/// Reads a tablet setup file (the tablet's staff area calls this with the
/// picked file's bytes). Everything is checked before anything is used:
/// the key (a real X25519 public key whose fingerprint is the one
/// written, so a changed file is refused) and any questionnaire (every
/// problem listed).
pub fn read_setup_file(bytes: &[u8]) -> Result<TabletSetup, SetupError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| SetupError::NotJson)?;
    let shape: SetupShape<'_> = match serde_json::from_str(text) {
        Ok(shape) => shape,
        Err(e) => return Err(identify(text).unwrap_or_else(|| damaged(&e))),
    };
    if shape.format != SETUP_FORMAT {
        return Err(not_setup(Some(&shape.format)));
    }
    if shape.format_version != SETUP_FORMAT_VERSION {
        return Err(SetupError::UnknownVersion {
            found: shape.format_version,
        });
    }
    let key = &shape.research_key;
    if key.suite != SUITE {
        return Err(SetupError::UnknownSuite {
            found: crate::text::one_line(&key.suite, 80),
        });
    }
    let research_key = super::decode_base64(&key.public_key)
        .and_then(|b| ResearchPublicKey::from_bytes(&b))
        .ok_or(SetupError::KeyNotValid)?;
    let actual = research_key.fingerprint();
    if key.fingerprint != actual {
        return Err(SetupError::FingerprintMismatch {
            stated: crate::text::one_line(&key.fingerprint, 40),
            actual,
        });
    }
    let instrument = shape
        .instrument
        .map(|raw| load_instrument(raw.get()))
        .transpose()
        .map_err(SetupError::Instrument)?;
    Ok(TabletSetup {
        created_at: shape.created_at,
        research_key,
        instrument,
    })
}

/// Why a text that does not read as a setup file is not one; `None` when
/// it claims to be a version-1 setup file (so it is damaged).
fn identify(text: &str) -> Option<SetupError> {
    let Ok(identity) = serde_json::from_str::<Identity>(text) else {
        return Some(SetupError::NotJson);
    };
    match identity.format.as_ref().and_then(|f| f.as_str()) {
        Some(SETUP_FORMAT) => {}
        other => return Some(not_setup(other)),
    }
    match identity.format_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(SETUP_FORMAT_VERSION) => None,
        Some(v) => Some(SetupError::UnknownVersion {
            found: u32::try_from(v).unwrap_or(u32::MAX),
        }),
        None => Some(SetupError::NoFormatVersion),
    }
}

fn not_setup(format: Option<&str>) -> SetupError {
    SetupError::NotSetupFile {
        found: match format {
            Some(crate::export::FORMAT_NAME) => FoundInstead::AnExport,
            Some(other) => FoundInstead::OtherFormat(crate::text::one_line(other, 60)),
            None => FoundInstead::NoFormatField {
                expected: SETUP_FORMAT,
            },
        },
    }
}

fn damaged(e: &serde_json::Error) -> SetupError {
    SetupError::Damaged {
        detail: format!("{} at line {} column {}", plain(e), e.line(), e.column()),
    }
}

fn plain(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}
