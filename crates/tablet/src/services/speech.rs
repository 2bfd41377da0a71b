//! Reading aloud with the device's own voices (the Web Speech API's
//! `speechSynthesis`), behind a few narrow functions.
//!
//! Only voices the device itself speaks with (`localService`) are ever
//! used: a network voice would send the questions, and with them what the
//! person is answering, to a server. Where `speechSynthesis` is missing,
//! odd, or has no voice, [`Speech::get`] or the voice list says so and the
//! caller shows no read-aloud button; nothing here panics on what the
//! browser does. Every call into the API goes through `Reflect`, so a
//! browser (or a test double) that throws is an `Err`, never a crash.

use candour_core::read_aloud::Voice;
use gloo::events::EventListener;
use js_sys::{Array, Function, Reflect};
use std::rc::Rc;
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{EventTarget, SpeechSynthesisUtterance};

/// Why reading aloud did not start.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SpeechError {
    /// The browser has no speech synthesis.
    #[error("this browser cannot read aloud")]
    Unavailable,
    /// The browser refused a call, with its reason.
    #[error("the browser refused to read aloud: {0}")]
    Refused(String),
}

/// What happens to the utterance with an index in the list spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechEvent {
    /// It started to be spoken.
    Started(usize),
    /// It ended: spoken to the end, cut short, or refused.
    Finished(usize),
}

/// The device's speech synthesis.
#[derive(Clone)]
pub struct Speech {
    synth: EventTarget,
}

/// Utterances being spoken. Dropping it stops listening to their events
/// (it does not stop the speech: see [`Speech::cancel`]). It also keeps the
/// utterances alive until then, since some browsers drop the events of an
/// utterance that was garbage-collected while queued.
pub struct Playback {
    _listeners: Vec<EventListener>,
}

impl Speech {
    /// The browser's speech synthesis, if it has a usable one: an event
    /// target with `speak`, `cancel` and `getVoices`, and an utterance
    /// constructor.
    pub fn get() -> Option<Speech> {
        let window = web_sys::window()?;
        let synth = Reflect::get(&window, &"speechSynthesis".into()).ok()?;
        let has = |target: &JsValue, name: &str| {
            Reflect::get(target, &name.into()).is_ok_and(|f| f.is_function())
        };
        let usable = synth.is_instance_of::<EventTarget>()
            && ["speak", "cancel", "getVoices"]
                .iter()
                .all(|name| has(&synth, name))
            && has(&window, "SpeechSynthesisUtterance");
        usable.then(|| Speech {
            synth: synth.unchecked_into(),
        })
    }

    /// The device's own voices, in the browser's order. Network voices are
    /// left out, whatever their quality.
    pub fn voices(&self) -> Vec<Voice> {
        self.local_voices().into_iter().map(|(v, _)| v).collect()
    }

    /// The local voices with the browser's objects for them.
    fn local_voices(&self) -> Vec<(Voice, JsValue)> {
        let Ok(list) = call(&self.synth, "getVoices", &[]) else {
            return Vec::new();
        };
        if !Array::is_array(&list) {
            return Vec::new();
        }
        Array::from(&list)
            .iter()
            .filter(|v| property(v, "localService").as_bool() == Some(true))
            .filter_map(|v| {
                let name = property(&v, "name").as_string()?;
                let voice = Voice {
                    name,
                    lang: property(&v, "lang").as_string().unwrap_or_default(),
                    default: property(&v, "default").as_bool() == Some(true),
                };
                Some((voice, v))
            })
            .collect()
    }

    /// Calls `on_change` each time the browser's list of voices changes
    /// (many load their voices only after the page starts), for as long as
    /// the returned listener is kept.
    pub fn on_voices_changed(&self, mut on_change: impl FnMut() + 'static) -> EventListener {
        EventListener::new(&self.synth, "voiceschanged", move |_| on_change())
    }

    /// Whether anything is being spoken or waits to be.
    pub fn busy(&self) -> bool {
        ["speaking", "pending"]
            .iter()
            .any(|name| property(&self.synth, name).as_bool() == Some(true))
    }

    /// Stops speaking and empties the queue.
    pub fn cancel(&self) {
        // Nothing more to do if the browser refuses to stop: the next
        // `speak` cancels again.
        let _ = call(&self.synth, "cancel", &[]);
    }

    /// Speaks `texts` one after the other, one utterance each, with `voice`
    /// (matched by name and language among the device's own voices; the
    /// browser's default for `lang` when `None` or gone), in `lang`, at
    /// `rate`. Anything already being said is cancelled first. `on_event`
    /// hears when each one starts and ends, for as long as the returned
    /// [`Playback`] is kept.
    pub fn speak(
        &self,
        texts: &[String],
        voice: Option<&Voice>,
        lang: &str,
        rate: f32,
        on_event: impl Fn(SpeechEvent) + 'static,
    ) -> Result<Playback, SpeechError> {
        let on_event = Rc::new(on_event);
        let chosen = voice.and_then(|wanted| {
            self.local_voices()
                .into_iter()
                .find(|(v, _)| v.name == wanted.name && v.lang == wanted.lang)
                .map(|(_, js)| js)
        });
        let mut utterances = Vec::with_capacity(texts.len());
        let mut listeners = Vec::with_capacity(texts.len() * 3);
        for (i, text) in texts.iter().enumerate() {
            let utterance = SpeechSynthesisUtterance::new_with_text(text).map_err(refused)?;
            set(&utterance, "lang", &lang.into())?;
            set(&utterance, "rate", &JsValue::from_f64(f64::from(rate)))?;
            if let Some(voice) = &chosen {
                set(&utterance, "voice", voice)?;
            }
            for (kind, event) in [
                ("start", SpeechEvent::Started(i)),
                ("end", SpeechEvent::Finished(i)),
                // Cut short by cancel, refused without a user's tap, or
                // failed: the piece is over either way.
                ("error", SpeechEvent::Finished(i)),
            ] {
                let on_event = on_event.clone();
                listeners.push(EventListener::new(&utterance, kind, move |_| {
                    on_event(event)
                }));
            }
            utterances.push(utterance);
        }
        // Only cancel what is there: some browsers drop an utterance queued
        // straight after a needless cancel.
        if self.busy() {
            self.cancel();
        }
        for utterance in &utterances {
            call(&self.synth, "speak", &[utterance.into()])?;
        }
        Ok(Playback {
            _listeners: listeners,
        })
    }
}

/// A property of a JavaScript object; `undefined` when it cannot be read.
fn property(target: &JsValue, name: &str) -> JsValue {
    Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a property, turning a refusal into an error.
fn set(target: &JsValue, name: &str, value: &JsValue) -> Result<(), SpeechError> {
    Reflect::set(target, &name.into(), value)
        .map_err(refused)
        .map(|_| ())
}

/// Calls the method `name` of `target` with `args`.
fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, SpeechError> {
    let method = Reflect::get(target, &name.into()).map_err(refused)?;
    let method: &Function = method.dyn_ref().ok_or(SpeechError::Unavailable)?;
    let args: Array = args.iter().collect();
    method.apply(target, &args).map_err(refused)
}

/// A browser refusal in words.
fn refused(e: JsValue) -> SpeechError {
    let message = property(&e, "message")
        .as_string()
        .or_else(|| e.as_string())
        .unwrap_or_default();
    SpeechError::Refused(message)
}
