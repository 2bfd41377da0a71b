//! The versioned wrapper every stored value carries.

use serde::{Deserialize, Serialize};

/// The format version written today. Loading accepts this and older versions
/// (migrating them); anything else is quarantined, never guessed at.
pub const FORMAT: u32 = 1;

/// `{"format": 1, "kind": "record", "data": ...}`.
#[derive(Debug, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// Format version of `data`.
    pub format: u32,
    /// What `data` is: "draft", "record" or "settings".
    pub kind: String,
    /// The value.
    pub data: T,
}

/// Wraps and serialises `data`.
pub fn seal<T: Serialize>(kind: &str, data: &T) -> Result<String, String> {
    serde_json::to_string(&Envelope {
        format: FORMAT,
        kind: kind.to_owned(),
        data,
    })
    .map_err(|e| e.to_string())
}

/// Reads a value sealed by [`seal`], checking its kind and format version.
pub fn open<T: for<'de> Deserialize<'de>>(kind: &str, raw: &str) -> Result<T, String> {
    let envelope: Envelope<serde_json::Value> =
        serde_json::from_str(raw).map_err(|e| format!("not a readable value: {e}"))?;
    if envelope.kind != kind {
        return Err(format!("holds a {}, not a {kind}", envelope.kind));
    }
    if envelope.format != FORMAT {
        return Err(format!(
            "format {} is not one this app reads",
            envelope.format
        ));
    }
    serde_json::from_value(envelope.data).map_err(|e| format!("damaged {kind}: {e}"))
}
