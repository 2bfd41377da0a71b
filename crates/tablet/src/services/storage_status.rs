//! `navigator.storage`: asking the browser not to evict Candour's data, and
//! how much room is left, for the researcher area to show.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

/// What the browser says about this app's storage. `None` where the
/// browser does not say (older browsers, or an error).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StorageStatus {
    /// True when the browser promised not to evict the data under storage
    /// pressure; false means it may (the researcher area should warn).
    pub persisted: Option<bool>,
    /// Bytes used by this origin (all its storage, IndexedDB included).
    pub usage_bytes: Option<u64>,
    /// Bytes this origin may use.
    pub quota_bytes: Option<u64>,
}

fn manager() -> Option<StorageManager> {
    // `navigator.storage` is missing outside secure contexts; checked, not assumed.
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    storage.dyn_into::<StorageManager>().ok()
}

async fn ask(promise: Result<Promise, wasm_bindgen::JsValue>) -> Option<wasm_bindgen::JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Asks the browser to keep the data even under storage pressure (done at
/// every start-up; browsers decide silently, or by their own prompt).
/// Returns whether the data is now persistent.
pub async fn request_persistence() -> Option<bool> {
    let manager = manager()?;
    if let Some(true) = ask(manager.persisted()).await.and_then(|v| v.as_bool()) {
        return Some(true);
    }
    ask(manager.persist()).await.and_then(|v| v.as_bool())
}

/// Whether the data is persistent, and the storage estimate, as the
/// browser reports them now.
pub async fn storage_status() -> StorageStatus {
    let Some(manager) = manager() else {
        return StorageStatus::default();
    };
    let persisted = ask(manager.persisted()).await.and_then(|v| v.as_bool());
    let estimate = ask(manager.estimate())
        .await
        .map(|v| v.unchecked_into::<StorageEstimate>());
    StorageStatus {
        persisted,
        usage_bytes: estimate
            .as_ref()
            .and_then(|e| e.get_usage())
            .map(|b| b as u64),
        quota_bytes: estimate
            .as_ref()
            .and_then(|e| e.get_quota())
            .map(|b| b as u64),
    }
}
