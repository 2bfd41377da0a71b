//! From stored records to the export model and its JSON.

use super::error::ExportError;
use super::model::{ExportFile, ExportInstrument, ExportRecord, ExportTimes};
use super::ordered::VariableMap;
use super::value::ExportValue;
use super::{FORMAT_NAME, FORMAT_VERSION};
use crate::instrument::Instrument;
use crate::record::{ResponseRecord, Status};
use crate::scoring::{domain_scores, DomainScore};
use crate::time::Timestamp;
use crate::visibility::all_items;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The JSON export of `records`: compact, UTF-8, ending in a newline.
///
/// `instruments` must include the instrument of every record (matched by
/// content hash); a record whose instrument is missing makes the whole
/// export fail with [`ExportError::InstrumentMissing`] rather than be left
/// out. See [`build_export`] for what the file holds.
pub fn export_json(
    records: &[ResponseRecord],
    instruments: &[&Instrument],
    device_label: &str,
    exported_at: Timestamp,
) -> Result<String, ExportError> {
    build_export(records, instruments, device_label, exported_at)?.to_json()
}

/// The export model of `records`, in the order given.
///
/// `instruments` in the file are those the records were answered on, in
/// order of first use; an export with no records lists every instrument
/// given, so that it still yields a codebook and empty tables.
pub fn build_export(
    records: &[ResponseRecord],
    instruments: &[&Instrument],
    device_label: &str,
    exported_at: Timestamp,
) -> Result<ExportFile, ExportError> {
    // Hash each instrument once: hashing serialises the whole instrument.
    let mut by_hash: HashMap<String, Prepared<'_>> = HashMap::new();
    let mut given = Vec::new();
    for instrument in instruments {
        let entry = ExportInstrument::of(instrument);
        if !by_hash.contains_key(&entry.hash) {
            given.push(entry.hash.clone());
            by_hash.insert(entry.hash.clone(), Prepared::new(instrument, entry));
        }
    }
    let mut used: Vec<String> = Vec::new();
    let mut out = Vec::with_capacity(records.len());
    for record in records {
        let r = &record.instrument;
        let prepared = by_hash
            .get(&r.hash)
            .ok_or_else(|| ExportError::InstrumentMissing {
                record_id: record.id.clone(),
                instrument_id: r.id.clone(),
                instrument_version: r.version.clone(),
                instrument_hash: r.hash.clone(),
            })?;
        out.push(prepared.record(record)?);
        if !used.contains(&r.hash) {
            used.push(r.hash.clone());
        }
    }
    let listed = if records.is_empty() { given } else { used };
    let instruments = listed
        .iter()
        .filter_map(|hash| by_hash.get(hash).map(|p| p.entry.clone()))
        .collect();
    Ok(ExportFile {
        format: FORMAT_NAME.to_owned(),
        format_version: FORMAT_VERSION,
        app_version: crate::APP_VERSION.to_owned(),
        device_label: device_label.to_owned(),
        exported_at,
        record_count: out.len(),
        instruments,
        records: out,
        merged_from: Vec::new(),
        conflicts: Vec::new(),
    })
}

/// The export form of one record answered on `instrument`.
pub fn export_record(
    record: &ResponseRecord,
    instrument: &Instrument,
) -> Result<ExportRecord, ExportError> {
    Prepared::new(instrument, ExportInstrument::of(instrument)).record(record)
}

impl ExportFile {
    /// The file as compact JSON with a trailing newline.
    pub fn to_json(&self) -> Result<String, ExportError> {
        // Reserved up front from the shape of the records (about 95 bytes
        // per item's times, 30 per answer): growing a 60 MB buffer by
        // doubling would copy it again and again.
        let estimate: usize = self
            .records
            .iter()
            .map(|r| 600 + 30 * r.answers.len() + 95 * r.paradata.len())
            .sum();
        let mut bytes = Vec::with_capacity(estimate + 64 * 1024);
        serde_json::to_writer(&mut bytes, self)?;
        bytes.push(b'\n');
        // serde_json writes UTF-8 only; the check is one fast pass.
        String::from_utf8(bytes).map_err(|e| ExportError::Write(e.to_string()))
    }
}

/// An instrument with what every record of it needs, computed once.
struct Prepared<'a> {
    instrument: &'a Instrument,
    entry: ExportInstrument,
    /// Every variable with its position in the order asked, sorted by name
    /// like a record's maps, so a record is matched in one pass.
    sorted: Vec<(&'a str, usize)>,
    /// The variable names in the order asked, shared by every record.
    names: Vec<Arc<str>>,
    /// The scored domains' codes, shared by every record.
    scored: Vec<Arc<str>>,
}

impl<'a> Prepared<'a> {
    fn new(instrument: &'a Instrument, entry: ExportInstrument) -> Self {
        let mut sorted: Vec<(&str, usize)> = all_items(instrument)
            .enumerate()
            .map(|(at, i)| (i.variable.as_str(), at))
            .collect();
        sorted.sort_unstable();
        Prepared {
            instrument,
            entry,
            sorted,
            names: all_items(instrument)
                .map(|i| Arc::from(i.variable.as_str()))
                .collect(),
            scored: instrument
                .domains
                .iter()
                .filter(|d| d.scored)
                .map(|d| Arc::from(d.code.as_str()))
                .collect(),
        }
    }

    /// The record map's values by item position, and the first key that
    /// names no item. Both are sorted by name, so this is one merge pass
    /// instead of a map lookup per item (the largest cost at 10,000 records).
    fn by_position<'r, V>(
        &self,
        map: &'r BTreeMap<String, V>,
    ) -> (Vec<Option<&'r V>>, Option<&'r String>) {
        let mut slots = vec![None; self.sorted.len()];
        let mut unknown = None;
        let mut names = self.sorted.iter().peekable();
        for (key, value) in map {
            // Usually the next name is the key (every item answered), and an
            // equality test is cheaper than ordering; skip names otherwise.
            if names.peek().is_some_and(|(name, _)| *name != key.as_str()) {
                while names.next_if(|(name, _)| *name < key.as_str()).is_some() {}
            }
            match names.next_if(|(name, _)| *name == key.as_str()) {
                Some((_, at)) => slots[*at] = Some(value),
                None => {
                    unknown.get_or_insert(key);
                }
            }
        }
        (slots, unknown)
    }

    fn record(&self, record: &ResponseRecord) -> Result<ExportRecord, ExportError> {
        let instrument = self.instrument;
        let r = &record.instrument;
        if r.id != instrument.id || r.version != instrument.version {
            return Err(ExportError::InstrumentMismatch {
                record_id: record.id.clone(),
                claimed_id: r.id.clone(),
                claimed_version: r.version.clone(),
                actual_id: instrument.id.clone(),
                actual_version: instrument.version.clone(),
            });
        }
        let (values, unknown) = self.by_position(&record.answers);
        if let Some(variable) = unknown {
            return Err(ExportError::UnknownVariable {
                record_id: record.id.clone(),
                variable: variable.clone(),
                instrument_id: r.id.clone(),
                instrument_version: r.version.clone(),
            });
        }
        let mut answers = Vec::with_capacity(values.len());
        for (name, value) in self.names.iter().zip(values) {
            let value = match value {
                None => None,
                Some(answer) => Some(ExportValue::from_answer(answer).ok_or_else(|| {
                    ExportError::NotFinite {
                        record_id: record.id.clone(),
                        variable: name.to_string(),
                    }
                })?),
            };
            answers.push((Arc::clone(name), value));
        }
        Ok(ExportRecord {
            id: record.id.clone(),
            participant_code: record.participant_code.clone(),
            status: record.status,
            instrument: r.clone(),
            locale: record.locale.clone(),
            device_label: record.device_label.clone(),
            service_code: record.service_code.clone(),
            app_version: record.app_version.clone(),
            started_at: record.started_at,
            ended_at: record.ended_at,
            answers: VariableMap(answers),
            paradata: self.paradata(record),
            domain_scores: self.scores(record),
        })
    }

    /// Times in the order the items are asked; times kept for a variable
    /// the instrument lacks (never expected) follow, rather than vanish.
    fn paradata(&self, record: &ResponseRecord) -> VariableMap<ExportTimes> {
        let times = |t: &crate::record::ItemTimes| ExportTimes {
            first_shown: t.first_shown,
            last_changed: t.last_changed,
        };
        let (slots, unknown) = self.by_position(&record.paradata);
        let mut entries: Vec<(Arc<str>, ExportTimes)> = self
            .names
            .iter()
            .zip(slots)
            .filter_map(|(name, t)| Some((Arc::clone(name), times(t?))))
            .collect();
        if unknown.is_some() {
            let known: Vec<&str> = self.sorted.iter().map(|(name, _)| *name).collect();
            let unknown = record
                .paradata
                .iter()
                .filter(|(v, _)| known.binary_search(&v.as_str()).is_err())
                .map(|(v, t)| (Arc::from(v.as_str()), times(t)));
            entries.extend(unknown);
        }
        VariableMap(entries)
    }

    fn scores(&self, record: &ResponseRecord) -> VariableMap<DomainScore> {
        record_scores(
            self.instrument,
            record.status,
            &record.answers,
            &self.scored,
        )
    }
}

/// A record's scores in the instrument's domain order (`scored`, the codes
/// of its scored domains). A declined record was shown nothing, so each
/// scored domain is `null` with 0 answered of 0 shown.
pub(super) fn record_scores(
    instrument: &Instrument,
    status: Status,
    answers: &crate::answer::Answers,
    scored: &[Arc<str>],
) -> VariableMap<DomainScore> {
    let mut scores = match status {
        Status::DeclinedConsent => Default::default(),
        Status::Complete | Status::Partial => domain_scores(instrument, answers),
    };
    let entries = scored.iter().map(|code| {
        let score = scores.remove(&**code).unwrap_or(DomainScore {
            score: None,
            score_100: None,
            answered: 0,
            shown: 0,
        });
        (Arc::clone(code), score)
    });
    VariableMap(entries.collect())
}
