//! Hands bytes built in the core to the browser as a file download: a Blob,
//! an object URL, a temporary anchor that is removed, and the URL revoked.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Downloads `bytes` as a file called `name` of type `mime`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |what: &str| format!("The file {name} could not be saved ({what}).");
    let window = web_sys::window().ok_or_else(|| fail("no window"))?;
    let document = window.document().ok_or_else(|| fail("no document"))?;
    let body = document.body().ok_or_else(|| fail("no page body"))?;

    let blob = blob_of(bytes, mime).ok_or_else(|| fail("the browser could not hold it"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("no object URL"))?;

    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .dyn_into()
        .map_err(|_| fail("no link"))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let attached = body.append_child(&anchor).map(|_| anchor.click());
    anchor.remove();
    // The click has already handed the Blob to the download; the URL is no
    // longer needed, and revoking it frees the memory.
    let _ = Url::revoke_object_url(&url);
    attached.map_err(|_| fail("the link could not be used"))
}

/// A Blob holding exactly `bytes`. The bytes are handed over as a view of
/// the wasm memory, which the Blob copies once: copying them into a
/// JavaScript array first doubled the cost of a 60 MB export. A view
/// empties if the memory grows before the Blob is made, so the Blob's size
/// is checked and, if short, the bytes are copied the slow, safe way; a
/// file that is not whole is never handed to the download.
fn blob_of(bytes: &[u8], mime: &str) -> Option<Blob> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::new();
    // SAFETY: the view is read only by the Blob constructor just below, and
    // its size is checked after; nothing of it outlives this function.
    parts.push(&unsafe { js_sys::Uint8Array::view(bytes) }.into());
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    if blob.size() == bytes.len() as f64 {
        return Some(blob);
    }
    let copied = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence_and_options(&copied, &options).ok()?;
    (blob.size() == bytes.len() as f64).then_some(blob)
}
