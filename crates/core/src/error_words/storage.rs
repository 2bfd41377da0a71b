//! A stored record entry that cannot be read, in words.

use crate::messages::Messages;
use crate::storage::DamagedEntry;

impl DamagedEntry {
    /// The fault in the language of `m`; the JSON reader's own words stay
    /// as they came, for whoever looks into it.
    pub fn in_words(&self, m: &Messages) -> String {
        m.fill("storage.damaged_entry", &[("detail", &self.detail)])
    }
}
