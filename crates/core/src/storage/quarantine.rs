//! Values that could not be read, kept raw so that nothing is ever thrown
//! away: a researcher can download them, and a later build may read them.

use crate::storage::envelope::{open, seal};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// A stored value that could not be read, kept raw for inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// Where it was stored (e.g. `candour:draft`, `records/<id>`).
    pub key: String,
    /// Why it could not be read, in words.
    pub reason: String,
    /// The value exactly as stored.
    pub raw: String,
    /// When it was set aside (absent in values quarantined by the first build).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

impl Quarantined {
    /// Writes this in a versioned envelope (`kind` "quarantined", format 1).
    pub fn encode(&self) -> Result<String, String> {
        seal("quarantined", self)
    }

    /// Reads a quarantined value: today's envelope, or the bare object the
    /// first build wrote (its "format 0"). When even that fails, the text
    /// itself is kept as the raw value, so the report still shows it.
    pub fn decode(key: &str, raw: &str) -> Quarantined {
        open::<Quarantined>("quarantined", raw)
            .or_else(|_| serde_json::from_str::<Quarantined>(raw))
            .unwrap_or_else(|e| Quarantined {
                key: key.to_owned(),
                reason: format!("the quarantine entry itself is damaged: {e}"),
                raw: raw.to_owned(),
                at: None,
            })
    }
}
