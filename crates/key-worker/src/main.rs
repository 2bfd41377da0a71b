//! The workbench's key worker: it says it is ready, then answers each
//! message (a `candour_kdf::KdfRequest` as bytes) with the derived key or
//! why not (`candour_kdf::reply_bytes`). The page starts one worker per
//! derivation and ends it when its screen goes away, which stops Argon2id
//! where it stands.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        // Anything but bytes is answered as garbled.
        let received = event.data().dyn_into::<js_sys::Uint8Array>().ok();
        let request =
            zeroize::Zeroizing::new(received.as_ref().map(|r| r.to_vec()).unwrap_or_default());
        if let Some(received) = received {
            received.fill(0, 0, received.length());
        }
        let reply = candour_kdf::answer(&request);
        let sent = js_sys::Uint8Array::from(reply.as_slice());
        // Transferred, not copied: no copy of the key stays here. A failed
        // post means the page has gone: nobody is left to tell.
        let _ = reply_to.post_message_with_transfer(&sent, &js_sys::Array::of1(&sent.buffer()));
        sent.fill(0, 0, sent.length());
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    // Messages sent before the handler was set would be lost: the page
    // waits for this one before it sends its request.
    let _ = scope.post_message(&wasm_bindgen::JsValue::from_str("ready"));
}

/// Natively there is nothing to run: the worker exists only in the browser.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
