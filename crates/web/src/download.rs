//! Hands bytes built in the core to the browser as a file download: a Blob,
//! an object URL, a temporary anchor that is removed, and the URL revoked.

use candour_core::messages::Messages;
use thiserror::Error;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Which step of handing a file to the browser failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// No `window`.
    Window,
    /// No `document`.
    Document,
    /// No `<body>`.
    Body,
    /// The browser could not hold the bytes in a Blob.
    Blob,
    /// No object URL for the Blob.
    ObjectUrl,
    /// No link element could be made.
    Link,
    /// The link could not be put in the page and clicked.
    Click,
}

impl Missing {
    /// The locale key that says what failed.
    fn key(self) -> &'static str {
        match self {
            Missing::Window => "download.no_window",
            Missing::Document => "download.no_document",
            Missing::Body => "download.no_body",
            Missing::Blob => "download.no_blob",
            Missing::ObjectUrl => "download.no_object_url",
            Missing::Link => "download.no_link",
            Missing::Click => "download.no_click",
        }
    }
}

/// Why a file could not be handed to the browser; nothing was saved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("The file {name} could not be saved ({}).", Messages::english().get(.missing.key()))]
pub struct DownloadError {
    /// The file's name.
    pub name: String,
    /// The step that failed.
    pub missing: Missing,
}

impl DownloadError {
    /// The error in the language of `m`.
    pub fn in_words(&self, m: &Messages) -> String {
        m.fill(
            "download.failed",
            &[("file", &self.name), ("what", m.get(self.missing.key()))],
        )
    }
}

/// Downloads `bytes` as a file called `name` of type `mime`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), DownloadError> {
    let fail = |missing: Missing| DownloadError {
        name: name.to_owned(),
        missing,
    };
    let window = web_sys::window().ok_or_else(|| fail(Missing::Window))?;
    let document = window.document().ok_or_else(|| fail(Missing::Document))?;
    let body = document.body().ok_or_else(|| fail(Missing::Body))?;

    let blob = blob_of(bytes, mime).ok_or_else(|| fail(Missing::Blob))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail(Missing::ObjectUrl))?;

    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail(Missing::Link))?
        .dyn_into()
        .map_err(|_| fail(Missing::Link))?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    let attached = body.append_child(&anchor).map(|_| anchor.click());
    anchor.remove();
    // The click has already handed the Blob to the download; the URL is no
    // longer needed, and revoking it frees the memory.
    let _ = Url::revoke_object_url(&url);
    attached.map_err(|_| fail(Missing::Click))
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
