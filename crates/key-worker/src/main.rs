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
        let received = js_sys::Uint8Array::new(&event.data());
        let request = zeroize::Zeroizing::new(received.to_vec());
        received.fill(0, 0, received.length());
        let reply = candour_kdf::answer(&request);
        let sent = js_sys::Uint8Array::from(reply.as_slice());
        // A failed post means the page has gone: nobody is left to tell.
        let _ = reply_to.post_message(&sent);
        // Posting copied it: the passphrase and key leave no copy here.
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
