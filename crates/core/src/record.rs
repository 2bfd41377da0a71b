//! The response record: what is stored for one participant and exported.

use crate::answer::Answers;
use crate::instrument::Instrument;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a survey ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The participant reached the review screen and submitted.
    Complete,
    /// Left before submitting (idle timeout or a crash); answers so far kept.
    Partial,
    /// Did not agree to take part; no answers are stored.
    DeclinedConsent,
}

/// Which instrument a record was answered on, exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentRef {
    /// The instrument's id.
    pub id: String,
    /// The instrument's version.
    pub version: String,
    /// The instrument's content hash (`sha256:...`).
    pub hash: String,
}

impl InstrumentRef {
    /// The reference of `instrument`.
    pub fn of(instrument: &Instrument) -> Self {
        InstrumentRef {
            id: instrument.id.clone(),
            version: instrument.version.clone(),
            hash: crate::hash::content_hash(instrument),
        }
    }
}

/// When an item was first shown and its answer last changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTimes {
    /// First time the item's screen was shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_shown: Option<Timestamp>,
    /// Last time its answer was given or changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed: Option<Timestamp>,
}

/// One participant's record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseRecord {
    /// Random unique id (UUID v4).
    pub id: String,
    /// The instrument answered.
    pub instrument: InstrumentRef,
    /// Version of the app that stored it.
    pub app_version: String,
    /// Label of the device, from the settings.
    pub device_label: String,
    /// The service code set on the device, from the settings: which
    /// service the record comes from, so that services can be compared.
    /// `None` when none was set (and in records stored before it existed).
    /// Left out of the stored text when `None`, so that a record stored
    /// before it existed is written back exactly as it was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_code: Option<String>,
    /// Pseudonymous participant code typed by staff, if any.
    #[serde(default)]
    pub participant_code: Option<String>,
    /// Locale the questions were shown in.
    pub locale: String,
    /// How the survey ended.
    pub status: Status,
    /// When staff started the survey.
    pub started_at: Timestamp,
    /// When it ended: submitted, declined, or kept as partial.
    pub ended_at: Timestamp,
    /// Answers keyed by variable; hidden items are absent (blank), shown but
    /// unanswered items carry the -97 missing code, and in a partial record
    /// the items never reached carry -95 (records stored before 2.0 of the
    /// default questionnaire left them blank).
    pub answers: Answers,
    /// Per-item times, keyed by variable.
    pub paradata: BTreeMap<String, ItemTimes>,
    /// When the record was first exported, if it has been.
    #[serde(default)]
    pub exported_at: Option<Timestamp>,
}
