//! A one-second countdown that calls back when it reaches zero.

use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Counts down from `seconds` while `running`, restarting whenever `seconds`
/// or `running` change, and calls `on_done` once at zero. Returns the
/// seconds left.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_countdown(seconds: u32, running: bool, on_done: Callback<()>) -> u32 {
    let left = use_state(|| seconds);
    {
        let left = left.clone();
        use_effect_with((seconds, running), move |&(seconds, running)| {
            left.set(seconds);
            let mut remaining = seconds;
            let interval = running.then(|| {
                Interval::new(1000, move || {
                    if remaining == 0 {
                        return; // already done: call back only once
                    }
                    remaining -= 1;
                    left.set(remaining);
                    if remaining == 0 {
                        on_done.emit(());
                    }
                })
            });
            move || drop(interval)
        });
    }
    *left
}
