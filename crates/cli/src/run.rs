//! Running a command: the pipeline of `candour_analysis::open`, with files
//! read from and written to disk.

use crate::args::{Command, Verb};
use candour_analysis::combine::{Combined, FileRow, Format};
use candour_analysis::open::{
    combine_opened, open_file, outputs, receipt_name, receipt_of, Opened,
};
use candour_analysis::summary::{summarise, text::render};
use candour_core::time::Timestamp;
use std::io::Write;
use std::path::Path;

/// Runs `command`; `Ok(true)` when everything was accepted and written.
pub fn run(command: &Command, out: &mut impl Write, err: &mut impl Write) -> Result<bool, String> {
    let opened: Vec<Opened> = command
        .files
        .iter()
        .map(|path| {
            let name = file_name(path);
            let bytes = std::fs::read(path)
                .map_err(|e| format!("The file \"{name}\" could not be read ({e})."));
            open_file(&name, bytes.as_deref().map_err(Clone::clone))
        })
        .collect();
    let all_accepted = opened.iter().all(|f| f.outcome.is_ok());
    let io = |e: std::io::Error| format!("could not write the output: {e}");
    match command.verb {
        Verb::Check => {
            for f in &opened {
                writeln!(out, "{}", describe(f)).map_err(io)?;
            }
            Ok(all_accepted)
        }
        Verb::Summary => {
            report_refused(&opened, err).map_err(io)?;
            let combined = combine_opened(&opened);
            let summaries = summarise(
                &combined.report.combined,
                command.threshold,
                &command.locale,
            );
            write!(out, "{}", render(&summaries)).map_err(io)?;
            Ok(all_accepted)
        }
        Verb::Receipt => {
            report_refused(&opened, err).map_err(io)?;
            let dir = command.out.as_deref().unwrap_or(Path::new("."));
            let written = write_receipt(&opened, dir, out, err).map_err(io)?;
            Ok(all_accepted && written)
        }
        Verb::Combine | Verb::Write => {
            report_refused(&opened, err).map_err(io)?;
            let combined = combine_opened(&opened);
            for notice in combined.report.notices() {
                writeln!(err, "{notice}").map_err(io)?;
            }
            let dir = command.out.as_deref().unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("could not make {}: {e}", dir.display()))?;
            let written = write_files(&combined, command, dir, out, err).map_err(io)?;
            Ok(all_accepted && written)
        }
    }
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
                text.push_str(note);
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
    let written_at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| Timestamp(d.as_millis() as i64))
        .unwrap_or(Timestamp(0));
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
