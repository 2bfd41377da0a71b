//! Domain scores of records read from a file, computed again from their
//! answers: scores are derived data, and files written by earlier versions
//! (format 1) lack the 0-100 score and counted items never reached as
//! shown. Answers themselves are never touched.

use super::build::record_scores;
use super::model::{ExportFile, ExportRecord};
use super::value::ExportValue;
use crate::answer::{AnswerValue, Answers, MissingCode};
use crate::instrument::Instrument;
use std::collections::HashMap;
use std::sync::Arc;

/// Computes every record's scores (conflicting versions included) again
/// from its answers under its instrument. A record whose instrument the
/// file lacks keeps its scores (the import check refuses such files).
pub(super) fn rescore(file: &mut ExportFile) {
    let ExportFile {
        instruments,
        records,
        conflicts,
        ..
    } = file;
    let by_hash: HashMap<&str, (&Instrument, Vec<Arc<str>>)> = instruments
        .iter()
        .map(|i| {
            let scored = crate::export::columns::scored_domains(&i.definition)
                .map(Arc::from)
                .collect();
            (i.hash.as_str(), (&i.definition, scored))
        })
        .collect();
    let versions = conflicts
        .iter_mut()
        .flat_map(|c| c.versions.iter_mut().map(|v| &mut v.record));
    for record in records.iter_mut().chain(versions) {
        if let Some((instrument, scored)) = by_hash.get(record.instrument.hash.as_str()) {
            let answers = answers_of(record);
            record.domain_scores = record_scores(instrument, record.status, &answers, scored);
        }
    }
}

/// A record's answers as the scoring reads them: a missing code as
/// missing, a code or whole number as a code, blanks left out.
fn answers_of(record: &ExportRecord) -> Answers {
    record
        .answers
        .iter()
        .filter_map(|(variable, value)| {
            let answer = match value.as_ref()? {
                ExportValue::Integer(c) => match MissingCode::from_code(*c) {
                    Some(code) => AnswerValue::Missing(code),
                    None => AnswerValue::Code(*c),
                },
                ExportValue::Number(n) => AnswerValue::Number(*n),
                ExportValue::Text(t) => AnswerValue::Text(t.clone()),
                ExportValue::Codes(codes) => AnswerValue::Codes(codes.clone()),
            };
            Some((variable.to_owned(), answer))
        })
        .collect()
}
