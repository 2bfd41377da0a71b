//! A refused tablet setup file, in words.

use crate::messages::Messages;
use crate::seal::SetupError;

impl SetupError {
    /// The refusal in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            SetupError::NotJson => m.get("setup_file.not_json").to_owned(),
            SetupError::NotSetupFile { found } => m.fill(
                "setup_file.not_setup_file",
                &[("found", &found.in_words(m))],
            ),
            SetupError::UnknownVersion { found } => m.fill(
                "setup_file.unknown_version",
                &[("found", &found.to_string())],
            ),
            SetupError::Damaged { detail } => m.fill("setup_file.damaged", &[("detail", detail)]),
            SetupError::KeyNotValid => m.fill(
                "setup_file.damaged",
                &[("detail", m.get("setup_file.key_not_valid"))],
            ),
            SetupError::NoFormatVersion => m.fill(
                "setup_file.damaged",
                &[("detail", m.get("setup_file.no_format_version"))],
            ),
            SetupError::UnknownSuite { found } => {
                m.fill("setup_file.unknown_suite", &[("found", found)])
            }
            SetupError::FingerprintMismatch { stated, actual } => m.fill(
                "setup_file.fingerprint_mismatch",
                &[("stated", stated), ("actual", actual)],
            ),
            SetupError::Instrument(errors) => m.fill(
                "setup_file.instrument",
                &[("problems", &errors.in_words(m))],
            ),
        }
    }
}
