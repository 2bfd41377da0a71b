//! Calls back when the page is hidden or being left, the last moment a page
//! can be sure to run code: a tablet that is locked, an app switched away
//! from, or a tab closed may never run any again.

use crate::services::visibility::on_hidden;
use gloo::events::EventListener;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Calls `on_hide` on `visibilitychange` to hidden and on `pagehide` (both,
/// because browsers differ in which one they fire last, and on iPad Safari
/// `pagehide` may be the only one). The latest `on_hide` is used; the
/// listeners are set once and removed with the component.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_flush_on_hide(on_hide: Callback<()>) {
    let latest = use_mut_ref(|| on_hide.clone());
    *latest.borrow_mut() = on_hide;
    use_effect_with((), move |()| {
        let listeners = listen(latest);
        move || drop(listeners)
    });
}

fn listen(latest: Rc<RefCell<Callback<()>>>) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let mut listeners = Vec::new();
    if let Some(document) = window.document() {
        let latest = latest.clone();
        listeners.push(on_hidden(&document, move || latest.borrow().emit(())));
    }
    listeners.push(EventListener::new(&window, "pagehide", move |_| {
        latest.borrow().emit(());
    }));
    listeners
}
