//! Running a command: the pipeline of `candour_analysis::open`, with files
//! read from and written to disk, and the research key when given.

use crate::args::{Command, Verb};
use crate::key::{keygen, open_key};
use candour_analysis::combine::{Combined, FileRow, Format};
use candour_analysis::open::{
    combine_opened, file_check_words, integrity, integrity_words, open_file_with_key, outputs,
    receipt_name, receipt_of, Opened,
};
use candour_analysis::sealing::{Finding, KdfCost};
use candour_analysis::summary::{summarise, text::render};
use std::io::Write;
use std::path::Path;

/// How a command ended: its exit status, and what stopped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Everything accepted, verified and written (exit 0).
    Done,
    /// A file refused or an output not written; the rest was done (exit 1).
    Incomplete,
    /// Stopped before reading any export: the output could not be written,
    /// or a file of the command line could not be read (exit 1).
    Failed(String),
    /// The research key file could not be opened or made (exit 3).
    KeyRefused(String),
    /// Everything written, but verification found a problem, or sealed
    /// records were left unread for want of the key (exit 4).
    Findings,
}

impl Status {
    /// The process's exit status.
    pub fn code(&self) -> u8 {
        match self {
            Status::Done => 0,
            Status::Incomplete | Status::Failed(_) => 1,
            Status::KeyRefused(_) => 3,
            Status::Findings => 4,
        }
    }

    /// What stopped the command, in words.
    pub fn problem(&self) -> Option<&str> {
        match self {
            Status::Failed(p) | Status::KeyRefused(p) => Some(p),
            _ => None,
        }
    }
}

/// Runs `command`; `passphrase_env` is the value of `CANDOUR_PASSPHRASE`.
pub fn run(
    command: &Command,
    passphrase_env: Option<String>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Status {
    run_with_cost(command, passphrase_env, KdfCost::RECOMMENDED, out, err)
}

/// [`run`], with `keygen`'s Argon2id cost given (tests use a low one).
pub fn run_with_cost(
    command: &Command,
    passphrase_env: Option<String>,
    cost: KdfCost,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Status {
    if command.verb == Verb::Keygen {
        return match keygen(command, passphrase_env, cost, out) {
            Ok(()) => Status::Done,
            Err(problem) => Status::KeyRefused(problem),
        };
    }
    let key = match open_key(command, passphrase_env, err) {
        Ok(key) => key,
        Err(problem) => return Status::KeyRefused(problem),
    };
    let opened: Vec<Opened> = command
        .files
        .iter()
        .map(|path| {
            let name = file_name(path);
            let bytes = std::fs::read(path)
                .map_err(|e| format!("The file \"{name}\" could not be read ({e})."));
            open_file_with_key(&name, bytes.as_deref().map_err(Clone::clone), key.as_ref())
        })
        .collect();
    match run_verb(command, &opened, out, err) {
        Err(problem) => Status::Failed(problem),
        Ok(false) => Status::Incomplete,
        Ok(true) if !verified(&opened) => Status::Findings,
        Ok(true) => Status::Done,
    }
}

/// Whether verification found nothing to act on: no problem, and no
/// sealed record left unread.
fn verified(opened: &[Opened]) -> bool {
    let report = integrity(opened);
    !report
        .findings
        .iter()
        .any(|f| f.is_problem() || matches!(f, Finding::NoResearchKey { .. }))
}

/// The verb on the opened files; `Ok(true)` when every file was accepted
/// and everything asked written. What verification found goes with it:
/// on `out` for `check`, on `err` for the others (whose `out` is data).
fn run_verb(
    command: &Command,
    opened: &[Opened],
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<bool, String> {
    let all_accepted = opened.iter().all(|f| f.outcome.is_ok());
    let io = |e: std::io::Error| format!("could not write the output: {e}");
    match command.verb {
        Verb::Check => {
            for f in opened {
                writeln!(out, "{}", describe(f)).map_err(io)?;
            }
            report_integrity(opened, out).map_err(io)?;
            Ok(all_accepted)
        }
        Verb::Summary => {
            report_refused(opened, err).map_err(io)?;
            report_integrity(opened, err).map_err(io)?;
            let combined = combine_opened(opened);
            let summaries = summarise(
                &combined.report.combined,
                command.threshold,
                &command.locale,
            );
            write!(out, "{}", render(&summaries)).map_err(io)?;
            Ok(all_accepted)
        }
        Verb::Receipt => {
            report_refused(opened, err).map_err(io)?;
            report_integrity(opened, err).map_err(io)?;
            let dir = command.out.as_deref().unwrap_or(Path::new("."));
            let written = write_receipt(opened, dir, out, err).map_err(io)?;
            Ok(all_accepted && written)
        }
        Verb::Combine | Verb::Write => {
            report_refused(opened, err).map_err(io)?;
            report_integrity(opened, err).map_err(io)?;
            let combined = combine_opened(opened);
            for notice in combined.report.notices() {
                writeln!(err, "{notice}").map_err(io)?;
            }
            let dir = command.out.as_deref().unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("could not make {}: {e}", dir.display()))?;
            let written = write_files(&combined, command, dir, out, err).map_err(io)?;
            Ok(all_accepted && written)
        }
        // Handled before any file is opened.
        Verb::Keygen => Ok(true),
    }
}

/// What verifying the files found, in the workbench's words, after a
/// heading line.
fn report_integrity(opened: &[Opened], to: &mut impl Write) -> std::io::Result<()> {
    let words = integrity_words(&integrity(opened));
    if words.is_empty() {
        return Ok(());
    }
    writeln!(to, "Verification:")?;
    for line in words {
        writeln!(to, "- {line}")?;
    }
    Ok(())
}

/// The last part of a path, as the workbench names a picked file.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn report_refused(opened: &[Opened], err: &mut impl Write) -> std::io::Result<()> {
    for f in opened {
        if let Err(refusal) = &f.outcome {
            writeln!(err, "refused: {refusal}")?;
        }
    }
    Ok(())
}

/// One file's lines for `check`.
fn describe(f: &Opened) -> String {
    match &f.outcome {
        Err(refusal) => format!("{}: refused. {refusal}", f.name),
        Ok((_, facts)) => {
            let s = facts.statuses;
            let versions: Vec<String> = facts
                .versions
                .iter()
                .map(|v| format!("{} version {} ({} records)", v.id, v.version, v.records))
                .collect();
            let mut text = format!(
                "{}: accepted. Tablet \"{}\", exported {}. Records: {} complete, {} partial, {} declined. Questionnaires: {}.",
                f.name,
                candour_core::text::one_line(&facts.device_label, 200),
                facts.exported_at,
                s.complete,
                s.partial,
                s.declined,
                versions.join("; ")
            );
            for note in &facts.notes {
                text.push(' ');
                text.push_str(&note.to_string());
            }
            if let Some(check) = file_check_words(f) {
                text.push(' ');
                text.push_str(&check);
            }
            text
        }
    }
}

/// Writes the combined JSON (`combine`) or every file (`write`); says each
/// file written on `out` and each failure on `err`. True when all were.
fn write_files(
    combined: &Combined,
    command: &Command,
    dir: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    let file = &combined.report.combined;
    if !combined
        .rows
        .iter()
        .any(|r| matches!(r, FileRow::Accepted { .. }))
    {
        writeln!(err, "No file could be combined, so nothing was written.")?;
        return Ok(false);
    }
    let plan = outputs::plan(file);
    let mut all = true;
    for planned in plan {
        if command.verb == Verb::Combine && planned.format != Format::Json {
            continue;
        }
        match outputs::write(file, &planned, &command.locale) {
            Ok(text) => {
                let path = dir.join(&planned.name);
                std::fs::write(&path, text)?;
                writeln!(out, "{}", path.display())?;
            }
            Err(e) => {
                all = false;
                writeln!(err, "not written: {}: {e}", planned.name)?;
            }
        }
    }
    Ok(all)
}

/// Writes the receipt of the accepted files into `dir`; says its path on
/// `out`, or why there is none on `err`. True when it was written.
fn write_receipt(
    opened: &[Opened],
    dir: &Path,
    out: &mut impl Write,
    err: &mut impl Write,
) -> std::io::Result<bool> {
    let written_at = crate::key::now();
    match receipt_of(opened, written_at) {
        None => {
            writeln!(err, "No file was accepted, so no receipt was written.")?;
            Ok(false)
        }
        Some(Err(e)) => {
            writeln!(err, "No receipt was written: {e}")?;
            Ok(false)
        }
        Some(Ok(receipt)) => {
            std::fs::create_dir_all(dir)?;
            let path = dir.join(receipt_name(&receipt));
            std::fs::write(&path, receipt.to_json())?;
            writeln!(out, "{}", path.display())?;
            Ok(true)
        }
    }
}
