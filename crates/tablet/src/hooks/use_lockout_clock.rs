//! Counts the PIN lockout down with a clock that only moves forward.

use crate::services::local_store::LocalStore;
use candour_core::researcher::secrets::{load_lockout, save_lockout};
use gloo::timers::callback::Interval;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// The lockout as the gate shows it.
#[derive(Clone, PartialEq)]
pub struct LockoutClock {
    /// Milliseconds still to wait, while a wait runs.
    pub wait_ms: Option<u64>,
    /// Counts the time since the last tick now (call before a try).
    pub catch_up: Callback<()>,
}

/// While the gate is shown, counts the stored wait down every second by the
/// time that passed on `performance.now()` (which the tablet's clock
/// settings cannot move), and stores what is left, so a reload resumes the
/// wait where it was. Time while the page is closed does not count.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_lockout_clock() -> LockoutClock {
    let wait_ms = use_state_eq(|| None::<u64>);
    let last = use_mut_ref(|| Rc::new(Cell::new(monotonic_ms())));
    let last = last.borrow().clone();
    let tick = {
        let wait_ms = wait_ms.setter();
        Rc::new(move || {
            let now = monotonic_ms();
            let elapsed = (now - last.get()).max(0.0) as u64;
            last.set(now);
            let Ok(mut store) = LocalStore::open() else {
                return;
            };
            let mut lockout = load_lockout(&store);
            if lockout.is_locked() {
                lockout.elapse(elapsed);
                let _ = save_lockout(&mut store, &lockout);
            }
            wait_ms.set(lockout.is_locked().then_some(lockout.wait_ms));
        })
    };
    {
        let tick = tick.clone();
        use_effect_with((), move |()| {
            tick();
            let interval = Interval::new(1_000, move || tick());
            move || drop(interval)
        });
    }
    LockoutClock {
        wait_ms: *wait_ms,
        catch_up: Callback::from(move |()| tick()),
    }
}

fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
