//! Noticing that the page was hidden: the tablet slept, the tab was
//! switched, or another app came forward. Saving answers and locking the
//! staff area both start from it.

use gloo::events::EventListener;
use web_sys::{Document, VisibilityState};

/// Calls `f` each time `document` becomes hidden, for as long as the
/// returned listener is kept.
pub fn on_hidden(document: &Document, f: impl Fn() + 'static) -> EventListener {
    let watched = document.clone();
    EventListener::new(document, "visibilitychange", move |_| {
        if watched.visibility_state() == VisibilityState::Hidden {
            f();
        }
    })
}
