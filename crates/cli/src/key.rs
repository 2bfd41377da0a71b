//! The research key on the command line: its passphrase (from a file or the
//! environment, never an argument), opening the key file, and `keygen`.

use crate::args::Command;
use candour_analysis::sealing::{
    begin_research_key, key_file_public_key, open_key_file, questionnaire_for_setup, KdfCost,
    ResearchKeyPair,
};
use candour_core::time::Timestamp;
use std::io::Write;
use std::path::Path;
use zeroize::Zeroizing;

/// The environment variable that may hold the passphrase.
pub const PASSPHRASE_ENV: &str = "CANDOUR_PASSPHRASE";

/// The passphrase: the first line of `--passphrase-file`, else `env` (the
/// value of [`PASSPHRASE_ENV`]); why there is none, in words.
pub fn passphrase(command: &Command, env: Option<String>) -> Result<Zeroizing<String>, String> {
    if let Some(path) = &command.passphrase_file {
        let text = Zeroizing::new(std::fs::read_to_string(path).map_err(|e| {
            format!(
                "The passphrase file \"{}\" could not be read ({e}).",
                path.display()
            )
        })?);
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let line = text.lines().next().unwrap_or("");
        return Ok(Zeroizing::new(line.to_owned()));
    }
    env.map(Zeroizing::new).ok_or_else(|| {
        format!(
            "The research key's passphrase is needed: give --passphrase-file FILE, or set the \
             environment variable {PASSPHRASE_ENV}."
        )
    })
}

/// Opens `--key` with the passphrase, saying its fingerprint on `err`;
/// `Ok(None)` when no key was given.
pub fn open_key(
    command: &Command,
    env: Option<String>,
    err: &mut impl Write,
) -> Result<Option<ResearchKeyPair>, String> {
    let Some(path) = &command.key else {
        return Ok(None);
    };
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "The research key file \"{}\" could not be read ({e}).",
            path.display()
        )
    })?;
    // Read first, so that a file that is not a key file is said before the
    // passphrase is asked for.
    key_file_public_key(&bytes).map_err(|e| e.to_string())?;
    let passphrase = passphrase(command, env)?;
    let pair = open_key_file(&bytes, &passphrase).map_err(|e| e.to_string())?;
    writeln!(err, "Research key {} opened.", pair.fingerprint())
        .map_err(|e| format!("could not write the output: {e}"))?;
    Ok(Some(pair))
}

/// `keygen`: makes the key file and the setup file in `--out`, never over
/// an existing file (a key file overwritten is a key lost). Says both paths
/// and the fingerprint on `out`.
pub fn keygen(
    command: &Command,
    env: Option<String>,
    cost: KdfCost,
    out: &mut impl Write,
) -> Result<(), String> {
    let questionnaire = match &command.questionnaire {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| {
                format!(
                    "The questionnaire \"{}\" could not be read ({e}).",
                    path.display()
                )
            })?;
            Some(questionnaire_for_setup(&text).map_err(|e| e.to_string())?)
        }
    };
    let passphrase = passphrase(command, env)?;
    let made = begin_research_key(
        &passphrase,
        &passphrase,
        questionnaire.as_ref(),
        cost,
        now(),
        &mut getrandom::SysRng,
    )
    .and_then(|draft| draft.finish_here())
    .map_err(|e| e.to_string())?;
    let dir = command.out.as_deref().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("could not make {}: {e}", dir.display()))?;
    let key_path = dir.join(&made.key_file_name);
    let setup_path = dir.join(&made.setup_file_name);
    write_new(&key_path, &made.key_file)?;
    write_new(&setup_path, &made.setup_file)?;
    let io = |e: std::io::Error| format!("could not write the output: {e}");
    writeln!(out, "{}", key_path.display()).map_err(io)?;
    writeln!(out, "{}", setup_path.display()).map_err(io)?;
    writeln!(
        out,
        "Fingerprint: {}\nKeep the key file and the passphrase apart, and back both up: losing \
         either means nobody can open the sealed responses. Send the setup file to the clinic, \
         and compare the fingerprint the tablet shows with this one.",
        made.fingerprint
    )
    .map_err(io)?;
    Ok(())
}

/// Writes a new file, readable by its owner only (the key file is
/// encrypted, but other accounts have no business with either file);
/// refuses to replace one.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path).map_err(|e| {
        format!(
            "{} was not written ({e}); nothing was replaced.",
            path.display()
        )
    })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("{} was not written in full ({e}).", path.display()))
}

/// Now, from the system clock.
pub fn now() -> Timestamp {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| Timestamp(d.as_millis() as i64))
        .unwrap_or(Timestamp(0))
}
