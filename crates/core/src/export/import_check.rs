//! The consistency an imported file must have before it is merged: what the
//! merge and the table writers rely on, checked once at the door so that a
//! problem names the file rather than surfacing later as a failed table.

use super::columns::option_codes;
use super::import_error::ImportProblem;
use super::model::{ExportFile, ExportInstrument, ExportRecord};
use super::value::ExportValue;
use crate::hash::content_hash;
use crate::instrument::load::check_instrument;
use crate::visibility::all_items;
use std::collections::{HashMap, HashSet};

/// What the checks need of one instrument, computed once per file.
struct Known<'a> {
    instrument: &'a ExportInstrument,
    /// Variables in the order asked, as records list them.
    names: Vec<&'a str>,
    variables: HashSet<&'a str>,
    /// Position and option codes of each multiple-choice item.
    options: Vec<(usize, Vec<i64>)>,
}

/// Checks the record count, every instrument's hash, and that every record
/// (conflicting versions included) names an instrument of the file, answers
/// only its variables, once each, and gives multiple-choice items values
/// the tables can hold.
pub fn check(file: &ExportFile) -> Result<(), ImportProblem> {
    if file.record_count != file.records.len() {
        return Err(ImportProblem::CountMismatch {
            claimed: file.record_count,
            found: file.records.len(),
        });
    }
    let mut by_hash = HashMap::new();
    for instrument in &file.instruments {
        let definition = &instrument.definition;
        if content_hash(definition) != instrument.hash
            || definition.id != instrument.id
            || definition.version != instrument.version
        {
            return Err(ImportProblem::HashMismatch {
                id: instrument.id.clone(),
                version: instrument.version.clone(),
                hash: instrument.hash.clone(),
            });
        }
        // Anyone can recompute a hash: an imported definition is put
        // through every check a loaded questionnaire passes, so that no
        // name or code the syntax writers would refuse (or worse) gets in.
        let problems = check_instrument(definition);
        if !problems.is_empty() {
            return Err(ImportProblem::InstrumentProblems {
                id: crate::text::one_line(&instrument.id, 80),
                version: crate::text::one_line(&instrument.version, 80),
                problems,
            });
        }
        let names: Vec<&str> = all_items(definition).map(|i| i.variable.as_str()).collect();
        let options = all_items(definition)
            .enumerate()
            .filter_map(|(at, item)| Some((at, option_codes(item)?)))
            .collect();
        let known = Known {
            instrument,
            variables: names.iter().copied().collect(),
            names,
            options,
        };
        by_hash.insert(instrument.hash.as_str(), known);
    }
    let conflicting = file
        .conflicts
        .iter()
        .flat_map(|c| c.versions.iter().map(|v| &v.record));
    for record in file.records.iter().chain(conflicting) {
        let r = &record.instrument;
        let Some(known) = by_hash.get(r.hash.as_str()) else {
            return Err(ImportProblem::InstrumentNotInFile {
                record_id: record.id.clone(),
                id: r.id.clone(),
                version: r.version.clone(),
                hash: r.hash.clone(),
            });
        };
        let instrument = known.instrument;
        if r.id != instrument.id || r.version != instrument.version {
            return Err(ImportProblem::InstrumentMismatch {
                record_id: record.id.clone(),
                id: r.id.clone(),
                version: r.version.clone(),
                actual_id: instrument.id.clone(),
                actual_version: instrument.version.clone(),
            });
        }
        check_record(record, known)?;
    }
    Ok(())
}

fn check_record(record: &ExportRecord, known: &Known<'_>) -> Result<(), ImportProblem> {
    if let Some(code) = record.service_code.as_deref() {
        if !crate::service_code::is_service_code(code) {
            return Err(ImportProblem::BadServiceCode {
                record_id: record.id.clone(),
                value: crate::text::one_line(code, 80),
            });
        }
    }
    // The usual case, as this app writes it: every variable, in the order
    // asked. Checked by one comparison per answer, with no set or map.
    let in_order = record.answers.len() == known.names.len()
        && record
            .answers
            .iter()
            .zip(&known.names)
            .all(|((k, _), name)| k == *name);
    if !in_order {
        check_variables(record, &known.variables)?;
    }
    for (at, codes) in &known.options {
        let variable = known.names[*at];
        let value = if in_order {
            record.answers.0[*at].1.as_ref()
        } else {
            record.answers.get(variable).and_then(Option::as_ref)
        };
        let fits = match value {
            None => true,
            Some(ExportValue::Codes(selected)) => selected.iter().all(|c| codes.contains(c)),
            Some(v) => v.missing_code().is_some(),
        };
        if !fits {
            return Err(ImportProblem::ValueDoesNotFit {
                record_id: record.id.clone(),
                variable: variable.to_owned(),
                value: value.map(ToString::to_string).unwrap_or_default(),
            });
        }
    }
    Ok(())
}

/// A record written in another order (by hand or by another tool): each
/// answer must name a variable of the instrument, once. A variable left out
/// reads as blank.
fn check_variables(record: &ExportRecord, variables: &HashSet<&str>) -> Result<(), ImportProblem> {
    let mut seen = HashSet::new();
    for (variable, _) in record.answers.iter() {
        if !variables.contains(variable) {
            return Err(ImportProblem::UnknownVariable {
                record_id: record.id.clone(),
                variable: variable.to_owned(),
            });
        }
        if !seen.insert(variable) {
            return Err(ImportProblem::RepeatedVariable {
                record_id: record.id.clone(),
                variable: variable.to_owned(),
            });
        }
    }
    Ok(())
}
