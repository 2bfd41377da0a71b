//! What can happen during a survey.

use crate::answer::AnswerValue;
use crate::survey::Draft;
use crate::time::Timestamp;

/// One event of the participant's path. Times and ids come in with the
/// action, so that applying it is pure.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Staff start a new survey.
    Start {
        /// Id of the record to be.
        id: String,
        /// Checked pseudonymous participant code, if typed.
        participant_code: Option<String>,
        /// Locale to show.
        locale: String,
        /// Device label from the settings.
        device_label: String,
        /// Checked service code from the settings, if one is set.
        service_code: Option<String>,
        /// When.
        now: Timestamp,
    },
    /// A draft found in storage at start-up continues where it was.
    Resume(Box<Draft>),
    /// The participant agrees (`true`) or declines (`false`).
    Consent {
        /// Whether they agreed.
        agreed: bool,
        /// When.
        now: Timestamp,
    },
    /// An answer is given, changed, or cleared (`None`).
    Answer {
        /// The item's variable.
        variable: String,
        /// The new value.
        value: Option<AnswerValue>,
        /// When.
        now: Timestamp,
    },
    /// Go on from the current screen.
    Next {
        /// When.
        now: Timestamp,
    },
    /// Go back one screen.
    Back {
        /// When.
        now: Timestamp,
    },
    /// From the review screen, open one question to change it.
    Change {
        /// The item's variable.
        variable: String,
        /// When.
        now: Timestamp,
    },
    /// Submit from the review screen; a second submit does nothing.
    Submit {
        /// When.
        now: Timestamp,
    },
    /// The participant answered "Are you still there?".
    StillHere {
        /// When.
        now: Timestamp,
    },
    /// Nobody answered "Are you still there?": keep the answers as a partial
    /// record and return to the start.
    Abandon {
        /// When.
        now: Timestamp,
    },
    /// Leave the thank-you screen for the start screen.
    Finish,
}
