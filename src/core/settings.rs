//! Device settings that staff or researchers set and participants never see.

use serde::{Deserialize, Serialize};

/// Settings kept on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Label of this tablet, stored in every record, e.g. "Clinic A, tablet 2".
    pub device_label: String,
    /// Seconds without a touch before "Are you still there?" is asked.
    pub idle_seconds: u32,
    /// Seconds "Are you still there?" waits before the draft is kept as a
    /// partial record and the start screen returns.
    pub still_there_seconds: u32,
    /// Seconds the thank-you screen stays before it returns to the start.
    pub thanks_seconds: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            device_label: String::new(),
            idle_seconds: 180,
            still_there_seconds: 30,
            thanks_seconds: 15,
        }
    }
}

impl Settings {
    /// Seconds from the last touch until a draft counts as abandoned.
    pub fn abandon_after_seconds(&self) -> u32 {
        self.idle_seconds.saturating_add(self.still_there_seconds)
    }
}
