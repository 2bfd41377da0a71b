//! Argon2id in the background: the key file's derivation (64 MiB, about a
//! second) runs in the key worker (`crates/key-worker`, built by Trunk
//! beside the workbench), so the page keeps answering meanwhile. One worker
//! per derivation; [`Derivation::cancel`] ends it, which stops the work
//! where it stands (the key panel does so when it goes away).

use candour_analysis::sealing::KeyFileError;
use candour_core::messages::Messages;
use candour_kdf::{read_reply, KdfError, KdfRequest};
use js_sys::{Function, Promise, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};
use yew::prelude::*;
use zeroize::Zeroizing;

/// The worker's loader, beside the page (`assets/key-worker.js`).
const WORKER_URL: &str = "./key-worker.js";
/// The worker's first message once it can take a request; any other text
/// says why it cannot.
const READY: &str = "ready";

/// Why no key came back from the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackgroundError {
    /// The worker could not be started or stopped with an error (the
    /// browser's words, as data).
    Worker(String),
    /// The derivation refused the file's settings or failed.
    Derivation(KdfError),
    /// Cancelled: its screen went away, and nobody waits for the answer.
    Cancelled,
}

/// A derivation under way in its own worker.
pub struct Derivation {
    worker: Worker,
    answer: Promise,
    reject: Function,
    /// The request until it is sent (transferred, so that no copy stays
    /// here); wiped if it never is.
    unsent: Rc<RefCell<Option<Uint8Array>>>,
    // Kept alive while the worker may still call them.
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Derivation {
    /// Starts `request` in a new worker. It is sent once the worker says
    /// it is ready, because a message sent before its handler is set would
    /// be lost.
    pub fn start(request: &KdfRequest) -> Result<Rc<Derivation>, BackgroundError> {
        let worker = Worker::new(WORKER_URL).map_err(|e| BackgroundError::Worker(words_of(&e)))?;
        let settle: Rc<RefCell<Option<(Function, Function)>>> = Rc::default();
        let answer = {
            let settle = settle.clone();
            Promise::new(&mut move |resolve, reject| {
                *settle.borrow_mut() = Some((resolve, reject));
            })
        };
        let Some((resolve, reject)) = settle.borrow().clone() else {
            return Err(BackgroundError::Worker(String::new()));
        };
        let bytes = request.to_bytes();
        let unsent = Rc::new(RefCell::new(Some(Uint8Array::from(bytes.as_slice()))));
        let on_message = {
            let (worker, reject, sent) = (worker.clone(), reject.clone(), unsent.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                let data = event.data();
                if let Some(text) = data.as_string().filter(|t| t != READY) {
                    // The worker's WebAssembly did not load.
                    let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&text));
                } else if data.is_string() {
                    if let Some(request) = sent.borrow_mut().take() {
                        // Transferred, not copied: this side's buffer is
                        // emptied, so the passphrase stays only in the worker.
                        let moved = js_sys::Array::of1(&request.buffer());
                        if let Err(e) = worker.post_message_with_transfer(&request, &moved) {
                            wipe(&request);
                            let _ = reject.call1(&JsValue::NULL, &e);
                        }
                    }
                } else {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            })
        };
        let on_error = {
            let reject = reject.clone();
            // A script that did not load fires a plain event, with no words.
            Closure::<dyn FnMut(Event)>::new(move |event: Event| {
                let words = event
                    .dyn_ref::<ErrorEvent>()
                    .map(|e| e.message())
                    .unwrap_or_default();
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(&words));
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Rc::new(Derivation {
            worker,
            answer,
            reject,
            unsent,
            _on_message: on_message,
            _on_error: on_error,
        }))
    }

    /// The derived key, once the worker answers (then the worker ends).
    pub async fn key(&self) -> Result<Zeroizing<[u8; 32]>, BackgroundError> {
        let settled = JsFuture::from(self.answer.clone()).await;
        self.end();
        match settled {
            Ok(reply) => match reply.dyn_into::<Uint8Array>() {
                Ok(array) => {
                    let reply = Zeroizing::new(array.to_vec());
                    // The worker transferred its buffer: this is the only
                    // copy in JavaScript, wiped now.
                    wipe(&array);
                    read_reply(&reply).map_err(BackgroundError::Derivation)
                }
                Err(_) => Err(BackgroundError::Derivation(KdfError::Garbled)),
            },
            Err(why) if why.is_null() => Err(BackgroundError::Cancelled),
            Err(why) => Err(BackgroundError::Worker(words_of(&why))),
        }
    }

    /// Ends the worker where it stands; [`Derivation::key`] then gives
    /// [`BackgroundError::Cancelled`].
    pub fn cancel(&self) {
        self.end();
        let _ = self.reject.call1(&JsValue::NULL, &JsValue::NULL);
    }

    /// Stops the worker and its handlers (a message already queued then
    /// finds none), and wipes a request never sent.
    fn end(&self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        if let Some(request) = self.unsent.borrow_mut().take() {
            wipe(&request);
        }
    }
}

/// Zeroes `bytes` (a detached buffer has none left to zero).
fn wipe(bytes: &Uint8Array) {
    bytes.fill(0, 0, bytes.length());
}

/// The browser's own words for an error value, as data.
fn words_of(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_default()
}

impl BackgroundError {
    /// The error in the language of `m`; nothing for a cancelled one,
    /// whose screen has gone.
    pub fn in_words(&self, m: &Messages) -> Option<String> {
        match self {
            BackgroundError::Worker(detail) if detail.is_empty() => {
                Some(m.get("workbench.key_worker_did_not_start").to_owned())
            }
            BackgroundError::Worker(detail) => {
                Some(m.fill("workbench.key_worker_failed", &[("detail", detail)]))
            }
            // A worker of another build (the page was not reloaded after an
            // update): the key file is not at fault.
            BackgroundError::Derivation(KdfError::Garbled) => {
                Some(m.get("workbench.key_worker_other_build").to_owned())
            }
            BackgroundError::Derivation(e) => Some(KeyFileError::from(e.clone()).in_words(m)),
            BackgroundError::Cancelled => None,
        }
    }
}

/// Where a key panel keeps the derivation it started, so that it can end
/// it when the panel goes away.
#[derive(Clone, Default)]
pub struct DerivationSlot(Rc<RefCell<Option<Rc<Derivation>>>>);

impl DerivationSlot {
    /// Derives `request` in the background: at most one derivation per
    /// slot, so a new one ends the one before.
    pub async fn derive(
        &self,
        request: &KdfRequest,
    ) -> Result<Zeroizing<[u8; 32]>, BackgroundError> {
        let derivation = Derivation::start(request)?;
        if let Some(before) = self.0.borrow_mut().replace(derivation.clone()) {
            before.cancel();
        }
        let key = derivation.key().await;
        let mut held = self.0.borrow_mut();
        if held.as_ref().is_some_and(|d| Rc::ptr_eq(d, &derivation)) {
            *held = None;
        }
        key
    }

    fn cancel(&self) {
        if let Some(derivation) = self.0.borrow_mut().take() {
            derivation.cancel();
        }
    }
}

/// A [`DerivationSlot`] whose derivation is cancelled when the component
/// that holds it goes away.
#[hook]
pub fn use_derivation_slot() -> DerivationSlot {
    let slot = use_memo((), |()| DerivationSlot::default());
    {
        let slot = (*slot).clone();
        use_effect_with((), move |()| move || slot.cancel());
    }
    (*slot).clone()
}
