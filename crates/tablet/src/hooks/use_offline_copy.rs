//! Whether this build's offline copy is complete, as the service worker's
//! registration script (`assets/register-sw.js`) reports it.

use candour_core::researcher::tablet_check::OfflineCopy;
use gloo::events::EventListener;
use yew::prelude::*;

/// The state the registration script last reported, from the page's
/// `data-candour-offline` attribute.
fn reported() -> OfflineCopy {
    let state = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|html| html.get_attribute("data-candour-offline"));
    OfflineCopy::from_page_state(state.as_deref())
}

/// The state of this build's offline copy, kept up to date: the
/// registration script dispatches `candour:offline` on each change (the
/// first visit goes from downloading to ready on its own).
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_offline_copy() -> OfflineCopy {
    let state = use_state_eq(reported);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            // Read once more: the script may have reported between the first
            // render and this effect, before the listener existed.
            state.set(reported());
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "candour:offline", move |_| state.set(reported()))
            });
            move || drop(listener)
        });
    }
    *state
}
