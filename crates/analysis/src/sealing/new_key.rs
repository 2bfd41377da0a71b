//! Making the research key, as the workbench's "Create a research key" and
//! the command-line tool's `keygen` both do: the passphrase checked, the
//! key pair made, the private key file and the tablet setup file written
//! (with a questionnaire the researcher picked, fully checked), and the
//! names they are saved under.

use super::key_file::{check_new_passphrase, write_key_file, KdfCost, KeyFileError};
use super::keys::ResearchKeyPair;
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_core::seal::write_setup_file;
use candour_core::time::Timestamp;
use rand_core::TryCryptoRng;
use thiserror::Error;

/// The two files of a new research key, and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResearchKey {
    /// The public key's fingerprint, to show and to compare on the tablet.
    pub fingerprint: String,
    /// The private key file's text (protected by the passphrase).
    pub key_file: String,
    /// The name the key file is saved under.
    pub key_file_name: String,
    /// The tablet setup file's text (the public key, and the questionnaire
    /// when one was given).
    pub setup_file: String,
    /// The name the setup file is saved under.
    pub setup_file_name: String,
}

/// Why no key was made, in words.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum NewKeyError {
    /// The passphrase was refused, or the key file could not be written.
    #[error("{0}")]
    KeyFile(#[from] KeyFileError),
    /// The questionnaire picked for the setup file has problems.
    #[error("The questionnaire cannot go into the setup file:\n{0}")]
    Questionnaire(candour_core::instrument::load::InstrumentErrors),
    /// The setup file could not be written.
    #[error("The tablet setup file could not be written ({0}).")]
    SetupFile(String),
}

/// Checks a questionnaire file's text for the setup file: the full checks
/// every loaded questionnaire goes through.
pub fn questionnaire_for_setup(text: &str) -> Result<Instrument, NewKeyError> {
    load_instrument(text).map_err(NewKeyError::Questionnaire)
}

/// A fingerprint without its spaces, for file names.
fn compact(fingerprint: &str) -> String {
    fingerprint.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The name a key file is saved under.
pub fn key_file_name(fingerprint: &str) -> String {
    format!("candour-research-key-{}.json", compact(fingerprint))
}

/// The name a setup file is saved under.
pub fn setup_file_name(fingerprint: &str) -> String {
    format!("candour-tablet-setup-{}.json", compact(fingerprint))
}

/// Makes a research key: checks `passphrase` against `confirm`, makes the
/// key pair from `rng`, and writes both files at `now` (Argon2id at
/// `cost`). Nothing is written anywhere: the caller saves the texts.
pub fn make_research_key<R: TryCryptoRng + ?Sized>(
    passphrase: &str,
    confirm: &str,
    questionnaire: Option<&Instrument>,
    cost: KdfCost,
    now: Timestamp,
    rng: &mut R,
) -> Result<NewResearchKey, NewKeyError> {
    check_new_passphrase(passphrase, confirm)?;
    let pair = ResearchKeyPair::generate(rng).ok_or(KeyFileError::NoRandomness)?;
    let key_file = write_key_file(&pair, passphrase, cost, now, rng)?;
    let mut setup_file = write_setup_file(pair.public(), questionnaire, now)
        .map_err(|e| NewKeyError::SetupFile(e.to_string()))?;
    if !setup_file.ends_with('\n') {
        setup_file.push('\n');
    }
    let fingerprint = pair.fingerprint();
    Ok(NewResearchKey {
        key_file_name: key_file_name(&fingerprint),
        setup_file_name: setup_file_name(&fingerprint),
        fingerprint,
        key_file,
        setup_file,
    })
}
