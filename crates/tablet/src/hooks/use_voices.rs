//! The device's own voices, kept up to date as the browser loads them.

use crate::services::speech::Speech;
use candour_core::read_aloud::Voice;
use std::rc::Rc;
use yew::prelude::*;

/// The voices the device can read aloud with: empty where the browser has
/// no speech synthesis or no voice of its own. Many browsers fill the list
/// only after the page starts (the `voiceschanged` event), so the list is
/// read again each time it changes.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_voices() -> Rc<Vec<Voice>> {
    let voices = use_state_eq(|| Rc::new(Speech::get().map(|s| s.voices()).unwrap_or_default()));
    {
        let voices = voices.clone();
        use_effect_with((), move |()| {
            let listener = Speech::get().map(|speech| {
                let reader = speech.clone();
                // Read once more: the list may have filled between the first
                // render and this effect, before the listener existed.
                voices.set(Rc::new(reader.voices()));
                speech.on_voices_changed(move || voices.set(Rc::new(reader.voices())))
            });
            move || drop(listener)
        });
    }
    (*voices).clone()
}
