//! Runs the asynchronous start-up once and hands its outcome to the app.

use crate::services::startup::{start_up, Startup};
use std::rc::Rc;
use yew::prelude::*;

/// `None` while start-up runs (opening IndexedDB, moving the outbox,
/// looking at the draft: well under half a second), then the outcome.
/// No survey may start before it is known whether storage works.
///
/// ```ignore
/// let Some(startup) = use_startup() else { return html! { <Loading /> } };
/// ```
#[hook]
pub fn use_startup() -> Option<Rc<Startup>> {
    let startup = use_state(|| None::<Rc<Startup>>);
    {
        let startup = startup.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                startup.set(Some(Rc::new(start_up().await)));
            });
        });
    }
    (*startup).clone()
}
