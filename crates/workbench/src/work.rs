//! Long work in steps: a job reports how far it is, yields to the browser
//! between steps so the page stays responsive, and stops at the next step
//! when cancelled.

use std::cell::Cell;
use std::rc::Rc;
use yew::UseStateHandle;

/// What a running job is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking files.
    Reading,
    /// Combining the open files.
    Combining,
    /// Writing analysis files.
    Writing,
}

/// How far a job is: `done` of `total` steps of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What it is doing.
    pub stage: Stage,
    /// Steps done.
    pub done: usize,
    /// Steps in all.
    pub total: usize,
}

/// A flag the Cancel button sets and a job reads between steps.
#[derive(Debug, Clone, Default)]
pub struct CancelFlag(Rc<Cell<bool>>);

impl PartialEq for CancelFlag {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl CancelFlag {
    /// Asks the running job to stop.
    pub fn cancel(&self) {
        self.0.set(true);
    }

    /// True once cancelled.
    pub fn is_cancelled(&self) -> bool {
        self.0.get()
    }

    /// Clears the flag for a new job.
    pub fn reset(&self) {
        self.0.set(false);
    }
}

/// Shows in `job` that the job is at step `done` of `total` of `stage`,
/// then yields so that the page draws it before the step runs: every step
/// of every job reports the same way.
pub async fn report(
    job: &UseStateHandle<Option<Progress>>,
    stage: Stage,
    done: usize,
    total: usize,
) {
    job.set(Some(Progress { stage, done, total }));
    yield_now().await;
}

/// Lets the browser draw and handle input before the next step.
pub async fn yield_now() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Lets the browser draw the page before a step that holds the main thread
/// (deriving a key from a passphrase): waits for the next frame to be
/// painted, so a status set just before is on screen while it runs.
pub async fn after_paint() {
    // Two frames: the first callback runs before its frame is painted.
    for _ in 0..2 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            let requested = web_sys::window().map(|w| w.request_animation_frame(&resolve));
            if !matches!(requested, Some(Ok(_))) {
                // No frames (a hidden page): go on at once.
                let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
}

/// A shared value compared by identity: the combined data of 10,000
/// records must not be compared field by field at every render.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}
