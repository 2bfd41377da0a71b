//! Holds this page's window lock, or says that another window holds it.

use crate::services::window_lock::{
    reload_when_restored, try_acquire, wait_for, Acquired, WindowLock,
};
use std::rc::Rc;
use yew::prelude::*;

/// Where this window stands.
#[derive(Clone)]
pub enum WindowState {
    /// Asking the browser (a moment at start).
    Asking,
    /// Another window holds the lock; this one waits, writing nothing, and
    /// becomes [`WindowState::Held`] by itself once that window is closed.
    Busy,
    /// This window holds the lock.
    Held(Rc<WindowLock>),
}

impl PartialEq for WindowState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (WindowState::Asking, WindowState::Asking) | (WindowState::Busy, WindowState::Busy) => {
                true
            }
            (WindowState::Held(a), WindowState::Held(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl WindowState {
    /// The lock, once held.
    pub fn lock(&self) -> Option<Rc<WindowLock>> {
        match self {
            WindowState::Held(lock) => Some(lock.clone()),
            _ => None,
        }
    }
}

/// Asks for the lock `name` once, at mount, and waits for it while another
/// window holds it.
///
/// Used by [`crate::app::App`] and [`crate::staff::StaffApp`], one lock each.
#[hook]
pub fn use_window_lock(name: &'static str) -> WindowState {
    let state = use_state(|| WindowState::Asking);
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                let lock = match try_acquire(name).await {
                    Acquired::Held(lock) => lock,
                    Acquired::Busy => {
                        state.set(WindowState::Busy);
                        wait_for(name).await
                    }
                };
                state.set(WindowState::Held(Rc::new(lock)));
            });
            let restored = reload_when_restored();
            move || drop(restored)
        });
    }
    (*state).clone()
}
