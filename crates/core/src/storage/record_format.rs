//! How a response record is written as text, and how every format this app
//! ever wrote is read back.
//!
//! Format history (each old format has a fixture in `tests/fixtures/storage/`
//! and a test that it still loads):
//!
//! - **1**: `{"format":1,"kind":"record","data":{...}}`, written to
//!   `localStorage` by the first build, one key per record.
//! - **2** (today): `{"format":2,"kind":"record","sum":"fnv1a64:...","data":{...}}`.
//!   The record itself is unchanged; the envelope adds a checksum of the
//!   exact `data` text, so a value altered after it was written is
//!   quarantined instead of exported with a wrong answer in it. Written to
//!   IndexedDB (and to the `localStorage` outbox while it waits there).

use crate::record::ResponseRecord;
use crate::storage::checksum::checksum;
use serde::Deserialize;
use serde_json::value::RawValue;

/// The record format written today.
pub const RECORD_FORMAT: u32 = 2;

/// The envelope of any record format, with `data` kept as the exact text
/// stored, so the checksum is computed over what was written, not over a
/// re-serialisation that could differ.
#[derive(Deserialize)]
struct StoredEnvelope<'a> {
    format: u32,
    kind: String,
    #[serde(default)]
    sum: Option<String>,
    #[serde(borrow)]
    data: &'a RawValue,
}

/// Writes `record` in today's format.
pub fn encode_record(record: &ResponseRecord) -> Result<String, String> {
    let data = serde_json::to_string(record).map_err(|e| e.to_string())?;
    let sum = checksum(&data);
    Ok(format!(
        "{{\"format\":{RECORD_FORMAT},\"kind\":\"record\",\"sum\":\"{sum}\",\"data\":{data}}}"
    ))
}

/// Reads a record written in any known format. The error says, in words,
/// why the value cannot be trusted; the caller quarantines it.
pub fn decode_record(raw: &str) -> Result<ResponseRecord, String> {
    if let Some((sum, data)) = split_written(raw) {
        return parse_checked(sum, data);
    }
    let envelope: StoredEnvelope<'_> =
        serde_json::from_str(raw).map_err(|e| format!("not a readable value: {e}"))?;
    if envelope.kind != "record" {
        return Err(format!("holds a {}, not a record", envelope.kind));
    }
    let data = envelope.data.get();
    match envelope.format {
        // Format 1 had no checksum: nothing more to check.
        1 => {}
        2 => match envelope.sum.as_deref() {
            Some(sum) => return parse_checked(sum, data),
            None => return Err("has no checksum".into()),
        },
        other => return Err(format!("format {other} is not one this app reads")),
    }
    parse_data(data)
}

/// The checksum and `data` text of a value exactly as [`encode_record`]
/// writes it, found by position rather than by parsing the envelope: an
/// export reads every record, and scanning 5 KB of `data` twice (once to
/// find its end, once to parse it) was a fifth of that time. Anything laid
/// out otherwise (hand-edited, another format) returns `None` and takes the
/// full parse.
fn split_written(raw: &str) -> Option<(&str, &str)> {
    const HEAD: &str = "{\"format\":2,\"kind\":\"record\",\"sum\":\"";
    const SUM_LEN: usize = "fnv1a64:".len() + 16;
    const DATA: &str = "\",\"data\":";
    let rest = raw.strip_prefix(HEAD)?;
    let sum = rest.get(..SUM_LEN)?;
    let data = rest.get(SUM_LEN..)?.strip_prefix(DATA)?.strip_suffix('}')?;
    Some((sum, data))
}

/// The record in `data` once its text matches `sum`. Trailing text after
/// the record (for example a second key glued on by hand) fails the
/// checksum or the parse; it is never silently dropped.
fn parse_checked(sum: &str, data: &str) -> Result<ResponseRecord, String> {
    if sum != checksum(data) {
        return Err("changed after it was saved (checksum differs)".into());
    }
    parse_data(data)
}

fn parse_data(data: &str) -> Result<ResponseRecord, String> {
    serde_json::from_str(data).map_err(|e| format!("damaged record: {e}"))
}

/// The id a stored value claims, read without trusting the rest, so that a
/// value under the wrong key (a hand edit) is caught.
pub fn check_key(record: &ResponseRecord, key_id: &str) -> Result<(), String> {
    check_held_id(&record.id, key_id)
}

/// Whether a value stored under `key_id` holds the record of that id
/// (`held`), in words when not: one test for clear records ([`check_key`])
/// and for values of any format
/// ([`crate::storage::entry_format::decode_stored_under`]).
pub(crate) fn check_held_id(held: &str, key_id: &str) -> Result<(), String> {
    if held == key_id {
        Ok(())
    } else {
        Err(format!("stored under {key_id} but holds record {held}"))
    }
}
