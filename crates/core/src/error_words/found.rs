//! What a refused file turned out to be, in words.

use crate::found::FoundInstead;
use crate::messages::Messages;

impl FoundInstead {
    /// What was found, in the language of `m`, worded to follow "This is
    /// not a ... file:" (the keys are shared: the tablet refuses setup
    /// files and the workbench refuses exports).
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            FoundInstead::NotAnObject => m.get("found.not_an_object").to_owned(),
            FoundInstead::AnExport => m.get("found.an_export").to_owned(),
            FoundInstead::OtherFormat(format) => {
                m.fill("found.other_format", &[("format", format)])
            }
            FoundInstead::NoFormatField { expected } => {
                m.fill("found.no_format_field", &[("expected", expected)])
            }
            FoundInstead::TabletKeyNotBase64 => m.get("found.tablet_key_not_base64").to_owned(),
        }
    }
}
