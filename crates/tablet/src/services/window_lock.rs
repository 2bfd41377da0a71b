//! One window at a time: the participant's page and the staff page each
//! hold a lock of their own while they are open, so a second window of
//! either says in words that it is already open, and writes nothing.
//!
//! The Web Locks API (`navigator.locks`) gives a lock to one window of the
//! origin and takes it back when that window closes, navigates away or
//! crashes. Where it is missing (Safari and iPadOS before 15.4, Firefox
//! before 96, any page not served over https or from localhost), a lease in
//! `localStorage` stands in, decided by the core's
//! [`candour_core::window_lease`]; a window whose lease was taken stops
//! writing ([`WindowLock::still_held`]).

use candour_core::window_lease::{still_held, Lease, Watch, RENEW_MS};
use candour_web::clock::new_record_id;
use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use js_sys::{Function, Object, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Storage;

/// The participant's page's lock: one survey window at a time.
pub const SURVEY_LOCK: &str = "candour-survey";
/// The staff page's lock: one researcher area at a time (its lockout is
/// counted down by the one window that holds it).
pub const STAFF_LOCK: &str = "candour-staff";

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks` (web-sys has it only behind its unstable flag).
    #[wasm_bindgen(extends = Object)]
    type LockManager;

    #[wasm_bindgen(method, catch, js_name = request)]
    fn request(
        this: &LockManager,
        name: &str,
        options: &Object,
        callback: &Function,
    ) -> Result<Promise, JsValue>;
}

/// A lock this window holds for as long as it is open.
pub struct WindowLock {
    lease: Option<LeaseHolder>,
}

/// The `localStorage` lease, where there is no Web Locks API.
struct LeaseHolder {
    key: String,
    me: String,
    lost: Rc<Cell<bool>>,
    _renew: Interval,
    _leave: Option<EventListener>,
}

impl WindowLock {
    /// False once another window took this window's lease (only possible
    /// without Web Locks, when this window's timers were held back while
    /// it was hidden): nothing more may be written from this window.
    pub fn still_held(&self) -> bool {
        match &self.lease {
            None => true,
            Some(lease) => !lease.lost.get() && still_held(read(&lease.key).as_ref(), &lease.me),
        }
    }
}

/// What asking for a lock found.
pub enum Acquired {
    /// This window holds it now.
    Held(WindowLock),
    /// Another window holds it.
    Busy,
}

/// Takes the lock `name` if no other window holds it.
pub async fn try_acquire(name: &str) -> Acquired {
    match lock_manager() {
        Some(manager) => match web_lock(&manager, name, true).await {
            Some(true) => Acquired::Held(WindowLock { lease: None }),
            Some(false) => Acquired::Busy,
            // The API is there but refused: as if it were missing.
            None => lease(name, false).await,
        },
        None => lease(name, false).await,
    }
}

/// Waits until this window holds the lock `name` (the other window was
/// closed), however long that takes.
pub async fn wait_for(name: &str) -> WindowLock {
    if let Some(manager) = lock_manager() {
        if web_lock(&manager, name, false).await == Some(true) {
            return WindowLock { lease: None };
        }
    }
    loop {
        if let Acquired::Held(lock) = lease(name, true).await {
            return lock;
        }
    }
}

fn lock_manager() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Asks for the Web Lock `name`; `Some(true)` once granted (it is then held
/// until the page goes), `Some(false)` when `if_available` and another
/// window holds it, `None` when the browser refused to ask.
async fn web_lock(manager: &LockManager, name: &str, if_available: bool) -> Option<bool> {
    let mut resolve_granted = None;
    let granted = Promise::new(&mut |resolve, _| resolve_granted = Some(resolve));
    let resolve = resolve_granted?;
    let refused = resolve.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let got = !lock.is_null();
        let _ = resolve.call1(&JsValue::NULL, &JsValue::from_bool(got));
        if got {
            // Never settles: the lock is held until the page goes away.
            Promise::new(&mut |_, _| {}).into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let options = Object::new();
    if if_available {
        Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE).ok()?;
    }
    let request = manager
        .request(name, &options, callback.unchecked_ref())
        .ok()?;
    // A request the browser rejects never calls back: say so, rather than
    // wait for ever.
    let on_reject = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        let _ = refused.call1(&JsValue::NULL, &JsValue::NULL);
    });
    let _ = request.catch(&on_reject);
    // Kept for the page's life: at most one small closure per request.
    on_reject.forget();
    JsFuture::from(granted).await.ok()?.as_bool()
}

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(key: &str) -> Option<Lease> {
    let raw = storage()?.get_item(key).ok()??;
    serde_json::from_str(&raw).ok()
}

fn write(key: &str, lease: &Lease) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    serde_json::to_string(lease)
        .ok()
        .is_some_and(|text| storage.set_item(key, &text).is_ok())
}

fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

async fn sleep(ms: i32) {
    let wait = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(wait).await;
}

/// Takes the lease `name` when it is free or abandoned; with `wait`, keeps
/// watching until it is.
async fn lease(name: &str, wait: bool) -> Acquired {
    let key = format!("candour:window:{name}");
    if storage().is_none() {
        // No storage at all: nothing can be written by any window, and
        // start-up says so in words.
        return Acquired::Held(WindowLock { lease: None });
    }
    let me = new_record_id();
    let mut watch = Watch::default();
    loop {
        if watch.may_take(read(&key).as_ref(), &me, monotonic_ms()) {
            let mine = Lease {
                holder: me.clone(),
                beat: 0,
            };
            if write(&key, &mine) {
                // Two windows taking it at once: the one written last wins,
                // and the other sees it here.
                sleep(250).await;
                if still_held(read(&key).as_ref(), &me) {
                    return Acquired::Held(WindowLock {
                        lease: Some(hold(key, me)),
                    });
                }
            }
        }
        if !wait {
            return Acquired::Busy;
        }
        sleep(RENEW_MS as i32).await;
    }
}

/// Renews the lease every second while it is this window's, and gives it
/// up when the page is left.
fn hold(key: String, me: String) -> LeaseHolder {
    let lost = Rc::new(Cell::new(false));
    let renew = {
        let (key, me, lost) = (key.clone(), me.clone(), lost.clone());
        let beat = Cell::new(0u64);
        Interval::new(RENEW_MS, move || {
            if lost.get() || !still_held(read(&key).as_ref(), &me) {
                lost.set(true);
                return;
            }
            beat.set(beat.get() + 1);
            write(
                &key,
                &Lease {
                    holder: me.clone(),
                    beat: beat.get(),
                },
            );
        })
    };
    let leave = web_sys::window().map(|window| {
        let (key, me) = (key.clone(), me.clone());
        EventListener::new(&window, "pagehide", move |_| {
            if still_held(read(&key).as_ref(), &me) {
                if let Some(storage) = storage() {
                    let _ = storage.remove_item(&key);
                }
            }
        })
    });
    LeaseHolder {
        key,
        me,
        lost,
        _renew: renew,
        _leave: leave,
    }
}

/// A page brought back from the back-forward cache may have given its lock
/// up when it was left: it reloads, and asks again.
pub fn reload_when_restored() -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "pageshow", |event| {
        let restored = Reflect::get(event, &"persisted".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if restored {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    }))
}
