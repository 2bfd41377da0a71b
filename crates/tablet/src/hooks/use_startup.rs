//! Runs the asynchronous start-up once this window holds the survey lock,
//! and hands its outcome to the app.

use crate::services::startup::{start_up, EarlyOpen, Startup};
use std::rc::Rc;
use yew::prelude::*;

/// `None` until `may_start` and while start-up runs (opening IndexedDB,
/// moving the outbox, reading the journal: well under half a second), then
/// the outcome. No survey may start before it is known whether storage
/// works, and nothing is read or written before this window holds the
/// survey lock (`may_start`).
///
/// Used once, by [`crate::app::App`], before its first screen, with the
/// record database it asked for before rendering (`early`).
#[hook]
pub fn use_startup(may_start: bool, early: &EarlyOpen) -> Option<Rc<Startup>> {
    let startup = use_state(|| None::<Rc<Startup>>);
    {
        let (startup, early) = (startup.clone(), early.clone());
        use_effect_with(may_start, move |&may_start| {
            if may_start {
                wasm_bindgen_futures::spawn_local(async move {
                    startup.set(Some(Rc::new(start_up(&early).await)));
                });
            }
        });
    }
    (*startup).clone()
}
