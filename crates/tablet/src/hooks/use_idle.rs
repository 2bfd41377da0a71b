//! Inactivity: after the idle time, ask "Are you still there?" with a
//! countdown; with no answer, call back so the draft is kept and the start
//! screen returns.

use candour_core::idle::{idle_state, IdleState};
use candour_core::settings::Settings;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// What the idle hook tells the screen.
#[derive(Clone, PartialEq)]
pub struct IdleHandle {
    /// Seconds left to answer "Are you still there?", while it is asked.
    pub asking: Option<u32>,
    /// Call when the person says they are still there.
    pub still_here: Callback<()>,
}

/// Watches for touches, keys and typing while `active`. After `idle_seconds`
/// without any, `asking` counts down from `wait_seconds`; at zero,
/// `on_abandon` is called once.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_idle(
    active: bool,
    idle_seconds: u32,
    wait_seconds: u32,
    on_abandon: Callback<()>,
) -> IdleHandle {
    let asking = use_state_eq(|| None::<u32>);
    let last_touch = use_mut_ref(|| Rc::new(Cell::new(js_sys::Date::now())));
    let touch = last_touch.borrow().clone();

    {
        let asking = asking.clone();
        let touch = touch.clone();
        use_effect_with(
            (active, idle_seconds, wait_seconds),
            move |&(active, idle, wait)| {
                asking.set(None);
                touch.set(js_sys::Date::now());
                let mut guards: Vec<EventListener> = Vec::new();
                let mut interval = None;
                if active {
                    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                        for kind in ["pointerdown", "keydown", "input"] {
                            let touch = touch.clone();
                            guards.push(EventListener::new(&document, kind, move |_| {
                                touch.set(js_sys::Date::now());
                            }));
                        }
                    }
                    let abandoned = Cell::new(false);
                    let rule = Settings {
                        idle_seconds: idle,
                        still_there_seconds: wait,
                        ..Settings::default()
                    };
                    interval = Some(Interval::new(1000, move || {
                        let idle_for = ((js_sys::Date::now() - touch.get()) / 1000.0) as i64;
                        match idle_state(&rule, idle_for) {
                            IdleState::Active => asking.set(None),
                            IdleState::Asking { seconds_left } => asking.set(Some(seconds_left)),
                            IdleState::Abandoned => {
                                if !abandoned.replace(true) {
                                    on_abandon.emit(());
                                }
                            }
                        }
                    }));
                }
                move || {
                    drop(interval);
                    drop(guards);
                }
            },
        );
    }

    let still_here = {
        let asking = asking.clone();
        Callback::from(move |()| {
            touch.set(js_sys::Date::now());
            asking.set(None);
        })
    };
    IdleHandle {
        asking: *asking,
        still_here,
    }
}
