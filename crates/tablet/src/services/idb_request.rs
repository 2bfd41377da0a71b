//! IndexedDB's event callbacks as futures, and its errors as the core's
//! [`StoreError`] in words.
//!
//! The promise's own `resolve` and `reject` are set as the event handlers,
//! so no Rust closure is created (or leaked) per request.

use candour_core::storage::{StoreError, StoreFault};
use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbRequest, IdbTransaction};

/// A promise built by `arm`, which is handed `resolve` and `reject` to
/// install as event handlers. With `timeout_ms`, the promise is rejected
/// with "timed out" if nothing happened by then (some browsers leave
/// `indexedDB.open` hanging in private modes).
fn promise(mut arm: impl FnMut(&Function, &Function), timeout_ms: Option<i32>) -> Promise {
    Promise::new(&mut |resolve, reject| {
        arm(&resolve, &reject);
        if let (Some(ms), Some(window)) = (timeout_ms, web_sys::window()) {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_1(
                &reject,
                ms,
                &JsValue::from_str("timed out"),
            );
        }
    })
}

async fn settle(
    arm: impl FnMut(&Function, &Function),
    timeout_ms: Option<i32>,
) -> Result<JsValue, JsValue> {
    JsFuture::from(promise(arm, timeout_ms)).await
}

/// The result of `request` once it succeeded.
pub async fn request(request: &IdbRequest) -> Result<JsValue, StoreError> {
    request_within(request, None).await
}

/// Like [`request`], failing with [`StoreError::UnavailableBecause`]
/// ([`StoreFault::DatabaseDidNotAnswer`]) after `timeout_ms`.
pub async fn request_within(
    request: &IdbRequest,
    timeout_ms: Option<i32>,
) -> Result<JsValue, StoreError> {
    let armed = arm(request, timeout_ms);
    outcome(request, armed).await
}

/// Listens for `request`'s answer from now on, so that it may be awaited
/// later ([`outcome`]) without missing an answer that came in between.
pub fn arm(request: &IdbRequest, timeout_ms: Option<i32>) -> Promise {
    promise(
        |ok, err| {
            request.set_onsuccess(Some(ok));
            request.set_onerror(Some(err));
        },
        timeout_ms,
    )
}

/// The result of `request`, armed by [`arm`], once it succeeded.
pub async fn outcome(request: &IdbRequest, armed: Promise) -> Result<JsValue, StoreError> {
    let outcome = JsFuture::from(armed).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|e| read_error(&e)),
        Err(e) if e.as_string().as_deref() == Some("timed out") => Err(
            StoreError::UnavailableBecause(StoreFault::DatabaseDidNotAnswer),
        ),
        Err(_) => Err(match request.error() {
            Ok(Some(e)) => write_error(&e),
            _ => StoreError::WriteFailedBecause(StoreFault::DatabaseRefused),
        }),
    }
}

/// Waits until `tx` has committed: only then is what it wrote on disk.
pub async fn complete(tx: &IdbTransaction) -> Result<(), StoreError> {
    let outcome = settle(
        |ok, err| {
            tx.set_oncomplete(Some(ok));
            tx.set_onerror(Some(err));
            tx.set_onabort(Some(err));
        },
        None,
    )
    .await;
    tx.set_oncomplete(None);
    tx.set_onerror(None);
    tx.set_onabort(None);
    match outcome {
        Ok(_) => Ok(()),
        Err(_) => Err(match tx.error() {
            Some(e) => write_error(&e),
            None => StoreError::WriteFailedBecause(StoreFault::SaveCancelled),
        }),
    }
}

/// A refused write in words; the quota error (under each browser's name)
/// becomes [`StoreError::Full`], so the screen can say what to do.
pub fn write_error(e: &DomException) -> StoreError {
    match e.name().as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Full,
        "InvalidStateError" | "SecurityError" | "NotAllowedError" => {
            StoreError::Unavailable(format!("{}: {}", e.name(), e.message()))
        }
        _ => StoreError::WriteFailed(format!("{}: {}", e.name(), e.message())),
    }
}

/// A browser error thrown by a call (not reported through an event).
pub fn thrown(e: &JsValue) -> StoreError {
    match e.dyn_ref::<DomException>() {
        Some(d) => write_error(d),
        None => match e.as_string() {
            Some(words) => StoreError::WriteFailed(words),
            None => StoreError::WriteFailedBecause(StoreFault::DatabaseRefused),
        },
    }
}

/// A failed read: the database is there but cannot be used.
pub fn read_error(e: &JsValue) -> StoreError {
    match e.dyn_ref::<DomException>() {
        Some(d) => StoreError::Unavailable(format!("{}: {}", d.name(), d.message())),
        None => StoreError::UnavailableBecause(StoreFault::DatabaseUnreadable),
    }
}
