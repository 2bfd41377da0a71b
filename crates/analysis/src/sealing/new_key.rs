//! Making the research key, as the workbench's "Create a research key" and
//! the command-line tool's `keygen` both do: the passphrase checked, the
//! key pair made, the private key file and the tablet setup file written
//! (with a questionnaire the researcher picked, fully checked), and the
//! names they are saved under.

use super::key_file::{check_new_passphrase, NewKeyFile};
use super::key_file_error::KeyFileError;
use super::keys::ResearchKeyPair;
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_core::seal::write_setup_file;
use candour_core::time::Timestamp;
use candour_kdf::{KdfCost, KdfRequest};
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

/// A research key being made: the pair chosen and the setup file written,
/// the key file waiting for the key its passphrase derives
/// ([`ResearchKeyDraft::derivation`], done here or in the workbench's
/// background worker), then [`ResearchKeyDraft::finish`].
pub struct ResearchKeyDraft {
    pair: ResearchKeyPair,
    key_file: NewKeyFile,
    derivation: KdfRequest,
    setup_file: String,
}

/// Starts a research key: checks `passphrase` against `confirm`, makes the
/// key pair from `rng`, and writes the setup file at `now` (Argon2id at
/// `cost` is still to do). Nothing is written anywhere.
pub fn begin_research_key<R: TryCryptoRng + ?Sized>(
    passphrase: &str,
    confirm: &str,
    questionnaire: Option<&Instrument>,
    cost: KdfCost,
    now: Timestamp,
    rng: &mut R,
) -> Result<ResearchKeyDraft, NewKeyError> {
    check_new_passphrase(passphrase, confirm)?;
    let pair = ResearchKeyPair::generate(rng).ok_or(KeyFileError::NoRandomness)?;
    let key_file = NewKeyFile::new(&pair, cost, now, rng)?;
    let mut setup_file = write_setup_file(pair.public(), questionnaire, now)
        .map_err(|e| NewKeyError::SetupFile(e.to_string()))?;
    if !setup_file.ends_with('\n') {
        setup_file.push('\n');
    }
    Ok(ResearchKeyDraft {
        derivation: key_file.derivation(passphrase),
        pair,
        key_file,
        setup_file,
    })
}

impl ResearchKeyDraft {
    /// The derivation the key file waits for.
    pub fn derivation(&self) -> &KdfRequest {
        &self.derivation
    }

    /// The finished key, deriving on this thread (the command-line tool):
    /// [`ResearchKeyDraft::derivation`] and [`ResearchKeyDraft::finish`]
    /// in one step. The caller saves the texts.
    pub fn finish_here(self) -> Result<NewResearchKey, NewKeyError> {
        let key = self
            .derivation
            .derive()
            .map_err(|e| NewKeyError::KeyFile(e.into()))?;
        self.finish(&key)
    }

    /// The finished key, its key file sealed with `key` (from
    /// [`ResearchKeyDraft::derivation`]). The caller saves the texts.
    pub fn finish(self, key: &[u8; 32]) -> Result<NewResearchKey, NewKeyError> {
        let key_file = self.key_file.seal(key)?;
        let fingerprint = self.pair.fingerprint();
        Ok(NewResearchKey {
            key_file_name: key_file_name(&fingerprint),
            setup_file_name: setup_file_name(&fingerprint),
            fingerprint,
            key_file,
            setup_file: self.setup_file,
        })
    }
}
