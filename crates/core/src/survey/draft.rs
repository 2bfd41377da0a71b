//! The survey in progress: everything needed to bring a participant back to
//! the same question after a reload or a crash.

use crate::answer::Answers;
use crate::instrument::Instrument;
use crate::record::{InstrumentRef, ItemTimes, ResponseRecord, Status};
use crate::survey::reach::coded_answers;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where in the survey the participant is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Reading the information and deciding whether to take part.
    Consent,
    /// On the question with this variable.
    Question(String),
    /// Checking every answer before submitting.
    Review,
}

/// A survey being answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// The id the finished record will have.
    pub id: String,
    /// Pseudonymous participant code, if staff typed one.
    pub participant_code: Option<String>,
    /// Locale of the texts shown.
    pub locale: String,
    /// The instrument being answered.
    pub instrument: InstrumentRef,
    /// Label of the device.
    pub device_label: String,
    /// The service code set on the device when it started, if any.
    #[serde(default)]
    pub service_code: Option<String>,
    /// When staff started it.
    pub started_at: Timestamp,
    /// When the participant agreed to take part; `None` before consent.
    #[serde(default)]
    pub consented_at: Option<Timestamp>,
    /// Last time the participant did anything; drives the idle limit.
    pub last_activity: Timestamp,
    /// Answers given so far (never to hidden items).
    pub answers: Answers,
    /// Per-item times.
    pub paradata: BTreeMap<String, ItemTimes>,
    /// Where the participant is.
    pub position: Position,
    /// Set when a question was opened from the review screen, so Next goes
    /// straight back there.
    #[serde(default)]
    pub returning_to_review: bool,
}

impl Draft {
    /// The record this draft becomes when it ends with `status` at `now`.
    ///
    /// Answers to hidden items are dropped (blank). A complete record codes
    /// every shown unanswered item -97; a partial one codes -97 the items
    /// that were shown and -95 those the participant never reached (see
    /// [`coded_answers`]). A declined record carries no answers at all.
    pub fn into_record(
        mut self,
        instrument: &Instrument,
        status: Status,
        now: Timestamp,
    ) -> ResponseRecord {
        let paradata = std::mem::take(&mut self.paradata);
        let (answers, paradata) = match status {
            Status::DeclinedConsent => (Answers::new(), BTreeMap::new()),
            Status::Complete | Status::Partial => (
                coded_answers(instrument, &self.answers, &paradata, status),
                paradata,
            ),
        };
        self.record_with(answers, paradata, status, now)
    }

    /// The record with the answers exactly as given, uncoded: for a draft
    /// answered on an instrument that is no longer on hand to code it by.
    pub fn into_record_as_given(mut self, status: Status, now: Timestamp) -> ResponseRecord {
        let answers = std::mem::take(&mut self.answers);
        let paradata = std::mem::take(&mut self.paradata);
        self.record_with(answers, paradata, status, now)
    }

    fn record_with(
        self,
        answers: Answers,
        paradata: BTreeMap<String, ItemTimes>,
        status: Status,
        now: Timestamp,
    ) -> ResponseRecord {
        ResponseRecord {
            id: self.id,
            instrument: self.instrument,
            app_version: crate::APP_VERSION.to_owned(),
            device_label: self.device_label,
            service_code: self.service_code,
            participant_code: self.participant_code,
            locale: self.locale,
            status,
            started_at: self.started_at,
            ended_at: now,
            answers,
            paradata,
            exported_at: None,
        }
    }
}
