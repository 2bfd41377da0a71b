//! Sealed and signed exports on the researcher's side (issue 14; the design
//! is `docs/sealing.md`): the research key pair and its passphrase-protected
//! file, opening sealed records, checking tablets' signatures, and saying
//! in words what a set of exports holds: what was altered, what is missing,
//! which tablet's key changed.
//!
//! The workbench and the command-line tool call, in order:
//! 1. once, to make the key: [`ResearchKeyPair::generate`], then
//!    [`write_key_file`] (saved by the researcher) and
//!    `candour_core::seal::write_setup_file` (for the tablets);
//! 2. to open exports: [`open_key_file`] with the passphrase, then
//!    [`crate::open::open_file_with_key`] for each picked file, and
//!    [`crate::open::integrity`] for what the checks found.

mod completeness;
mod findings;
mod key_file;
mod key_file_error;
mod keys;
mod new_key;
mod open;
mod read_signed;
mod signature;

pub use candour_kdf::{KdfCost, KdfRequest};
pub use completeness::check_completeness;
pub use findings::{Finding, TabletName};
pub use key_file::{
    check_new_passphrase, key_file_public_key, open_key_file, write_key_file, LockedKeyFile,
    NewKeyFile, KEY_FILE_FORMAT, KEY_FILE_VERSION,
};
pub use key_file_error::{KeyFileDamage, KeyFileError, NotKeyFound, MIN_PASSPHRASE_CHARS};
pub use keys::ResearchKeyPair;
pub use new_key::{
    begin_research_key, key_file_name, questionnaire_for_setup, setup_file_name, NewKeyError,
    NewResearchKey, ResearchKeyDraft,
};
pub use open::{read_export, ReadExport};
pub use read_signed::{read_signed, SignedRead, TabletSeen};
pub use signature::{verify_manifest, verify_p1363};
