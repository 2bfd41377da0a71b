//! Locks the unlocked researcher area by itself: after a set time without a
//! touch, and whenever the page is hidden.

use crate::services::visibility::on_hidden;
use candour_core::researcher::area_lock::idle_lock_due;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Why the area locked itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockReason {
    /// No touch for the set time.
    Idle,
    /// The page was hidden (the tablet locked, another app or tab opened).
    Hidden,
}

/// While `unlocked`, calls `on_lock` once `limit_seconds` pass without a
/// touch, a key or typing (counted on `performance.now()`, which clock
/// settings cannot move), or when the page is hidden. A file picker that
/// hides the page while open (Android opens it as another app) does not
/// lock the area: the idle time still runs meanwhile.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_area_lock(unlocked: bool, limit_seconds: u32, on_lock: Callback<LockReason>) {
    let latest = use_mut_ref(|| on_lock.clone());
    *latest.borrow_mut() = on_lock;
    use_effect_with((unlocked, limit_seconds), move |&(unlocked, limit)| {
        let guards = unlocked.then(|| watch(limit, latest));
        move || drop(guards)
    });
}

struct Guards {
    _listeners: Vec<EventListener>,
    _interval: Interval,
}

fn watch(limit: u32, latest: Rc<std::cell::RefCell<Callback<LockReason>>>) -> Guards {
    let last_touch = Rc::new(Cell::new(monotonic_ms()));
    let picking = Rc::new(Cell::new(false));
    let mut listeners = Vec::new();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        for kind in ["pointerdown", "keydown", "input", "wheel", "scroll"] {
            let last_touch = last_touch.clone();
            listeners.push(on_document(&document, kind, move |_| {
                last_touch.set(monotonic_ms());
            }));
        }
        // A file picker opens from a click on a file input, and ends with
        // its change or cancel event.
        for (kind, opens) in [("click", true), ("change", false), ("cancel", false)] {
            let picking = picking.clone();
            listeners.push(on_document(&document, kind, move |e| {
                if is_file_input(e) {
                    picking.set(opens);
                }
            }));
        }
        let latest = latest.clone();
        listeners.push(on_hidden(&document, move || {
            // A file picker hides the page on some tablets: not a leave.
            if !picking.get() {
                latest.borrow().emit(LockReason::Hidden);
            }
        }));
    }
    let locked = Cell::new(false);
    let interval = Interval::new(1_000, move || {
        if !locked.get() && idle_lock_due(monotonic_ms() - last_touch.get(), limit) {
            locked.set(true);
            latest.borrow().emit(LockReason::Idle);
        }
    });
    Guards {
        _listeners: listeners,
        _interval: interval,
    }
}

/// Listens to `kind` on the whole document in the capture phase, so that
/// no element can stop the event before the lock sees it.
fn on_document(
    document: &web_sys::Document,
    kind: &'static str,
    handler: impl FnMut(&web_sys::Event) + 'static,
) -> EventListener {
    let capture = EventListenerOptions::run_in_capture_phase();
    EventListener::new_with_options(document, kind, capture, handler)
}

fn is_file_input(event: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.type_() == "file")
}

fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
