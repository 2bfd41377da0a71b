//! The tablet check in the staff area: one line per thing a tablet needs
//! before its first real survey, each ticked or saying what to do.
//!
//! The browser layer only gathers the facts ([`TabletFacts`]); which lines
//! show, whether each is done, and the words are decided here, so every
//! state is tested natively.

use crate::messages::Messages;

/// What the page knows about this build's offline copy (the service
/// worker's cache), as `assets/register-sw.js` reports it in the page's
/// `data-candour-offline` attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineCopy {
    /// Not reported yet: the page has only just started.
    Checking,
    /// The browser has no service workers here (an old browser, or a plain
    /// `http://` address that is not localhost).
    Unsupported,
    /// The build is being downloaded into the offline copy.
    Downloading,
    /// Storing the build failed (network cut, a half-uploaded update,
    /// storage full); the browser tries again at the next visit.
    Failed,
    /// The offline copy lacks files of this build, or is of another build.
    Incomplete,
    /// Every file of this build is stored: Candour starts without network.
    Ready,
}

impl OfflineCopy {
    /// Reads the page's `data-candour-offline` value; no value, or one this
    /// build does not know, is still being checked.
    pub fn from_page_state(state: Option<&str>) -> Self {
        match state {
            Some("unsupported") => OfflineCopy::Unsupported,
            Some("downloading") => OfflineCopy::Downloading,
            Some("failed") => OfflineCopy::Failed,
            Some("incomplete") => OfflineCopy::Incomplete,
            Some("ready") => OfflineCopy::Ready,
            _ => OfflineCopy::Checking,
        }
    }

    /// True once Candour can start on this tablet without any network.
    pub fn is_ready(self) -> bool {
        self == OfflineCopy::Ready
    }
}

/// The questionnaire new surveys use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionnaireInUse {
    /// Its title, in the app's language.
    pub title: String,
    /// Its version, e.g. `2.0.0`.
    pub version: String,
    /// A researcher's own questionnaire was loaded but can no longer be
    /// used, so surveys fall back to this one (the default).
    pub own_unusable: bool,
}

/// What the browser layer read about this tablet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabletFacts {
    /// A researcher PIN is stored.
    pub pin_set: bool,
    /// The tablet's label ("Clinic A, tablet 2"); empty when not set.
    pub device_label: String,
    /// The service code stored in records, when a valid one is set.
    pub service_code: Option<String>,
    /// Whether the browser promised to keep the data (`None`: it does not say).
    pub persisted: Option<bool>,
    /// The state of this build's offline copy.
    pub offline: OfflineCopy,
    /// Whether the research team's key is loaded. `None` while this build
    /// cannot know (the line is then left out).
    pub research_key: Option<bool>,
    /// The questionnaire new surveys use (`None` when even the default
    /// does not load).
    pub questionnaire: Option<QuestionnaireInUse>,
    /// Whether Candour runs from the home screen (`None` where the browser
    /// cannot tell; the line is then left out).
    pub standalone: Option<bool>,
}

/// Which check a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckItem {
    /// The researcher PIN.
    Pin,
    /// The tablet's label and service code.
    Identity,
    /// The browser's promise to keep the data.
    Storage,
    /// This build's offline copy.
    OfflineCopy,
    /// The research team's key.
    ResearchKey,
    /// The questionnaire in use.
    Questionnaire,
    /// Added to the home screen.
    HomeScreen,
}

/// Whether a line is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckState {
    /// Ticked.
    Done,
    /// Something to do, which the line says.
    ToDo,
    /// The browser cannot say: the line says how to make sure by hand.
    Unknown,
}

/// One line of the tablet check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    /// Which check.
    pub item: CheckItem,
    /// Whether it is done.
    pub state: CheckState,
    /// The line in words: what is so, and what to do when it is not done.
    pub text: String,
}

/// The tablet check's lines, in the order a person sets a tablet up.
pub fn tablet_check(facts: &TabletFacts, m: &Messages) -> Vec<CheckLine> {
    use CheckState::{Done, ToDo, Unknown};
    let mut lines = Vec::new();
    let mut line = |item, state, text: String| lines.push(CheckLine { item, state, text });

    let (state, key) = done_or_todo(facts.pin_set, "check.pin_done", "check.pin_todo");
    line(CheckItem::Pin, state, m.get(key).to_owned());

    match (facts.device_label.trim(), &facts.service_code) {
        (label, Some(code)) if !label.is_empty() => line(
            CheckItem::Identity,
            Done,
            m.fill("check.identity_done", &[("label", label), ("code", code)]),
        ),
        _ => line(
            CheckItem::Identity,
            ToDo,
            m.get("check.identity_todo").to_owned(),
        ),
    }

    let (state, key) = match facts.persisted {
        Some(true) => (Done, "check.storage_done"),
        Some(false) => (ToDo, "check.storage_todo"),
        None => (Unknown, "check.storage_unknown"),
    };
    line(CheckItem::Storage, state, m.get(key).to_owned());

    let (state, key) = match facts.offline {
        OfflineCopy::Ready => (Done, "check.offline_ready"),
        OfflineCopy::Checking => (Unknown, "check.offline_checking"),
        OfflineCopy::Downloading => (ToDo, "check.offline_downloading"),
        OfflineCopy::Failed | OfflineCopy::Incomplete => (ToDo, "check.offline_failed"),
        OfflineCopy::Unsupported => (ToDo, "check.offline_unsupported"),
    };
    line(CheckItem::OfflineCopy, state, m.get(key).to_owned());

    // Not listed when the page cannot know.
    if let Some(set) = facts.research_key {
        let (state, key) = done_or_todo(set, "check.key_done", "check.key_todo");
        line(CheckItem::ResearchKey, state, m.get(key).to_owned());
    }

    match &facts.questionnaire {
        Some(q) => {
            let args = [("title", q.title.as_str()), ("version", q.version.as_str())];
            if q.own_unusable {
                line(
                    CheckItem::Questionnaire,
                    ToDo,
                    m.fill("check.questionnaire_fallback", &args),
                );
            } else {
                line(
                    CheckItem::Questionnaire,
                    Done,
                    m.fill("check.questionnaire_done", &args),
                );
            }
        }
        None => line(
            CheckItem::Questionnaire,
            ToDo,
            m.get("check.questionnaire_none").to_owned(),
        ),
    }

    if let Some(added) = facts.standalone {
        let (state, key) = done_or_todo(added, "check.home_done", "check.home_todo");
        line(CheckItem::HomeScreen, state, m.get(key).to_owned());
    }
    lines
}

/// The state and message key of a line that is simply so or not: done
/// (`done_key`) or to do (`todo_key`).
fn done_or_todo(
    done: bool,
    done_key: &'static str,
    todo_key: &'static str,
) -> (CheckState, &'static str) {
    if done {
        (CheckState::Done, done_key)
    } else {
        (CheckState::ToDo, todo_key)
    }
}

/// The number of lines still to do (or to make sure of by hand).
pub fn open_lines(lines: &[CheckLine]) -> usize {
    lines.iter().filter(|l| l.state != CheckState::Done).count()
}
