//! A mount/cleanup helper: each test renders into its own fresh element and
//! removes it afterwards, so tests never see each other's DOM.

use web_sys::{Document, Element};

/// A fresh element attached to `<body>`, removed when dropped.
pub struct Mount {
    /// The element to render into.
    pub element: Element,
}

impl Mount {
    /// Creates and attaches a new `<div>`.
    pub fn new() -> Self {
        let element = document().create_element("div").expect("create div");
        document()
            .body()
            .expect("body")
            .append_child(&element)
            .expect("attach");
        Mount { element }
    }

    /// The element's visible text.
    pub fn text(&self) -> String {
        self.element.text_content().unwrap_or_default()
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        self.element.remove();
    }
}

/// The page's document.
pub fn document() -> Document {
    web_sys::window()
        .expect("window")
        .document()
        .expect("document")
}

/// Lets Yew render everything pending, including renders caused by effects
/// and by tasks queued behind a timer.
///
/// A bare `setTimeout(0)` is not enough: under load Yew's scheduler yields to
/// the browser after 16 ms and resumes on its own timer, which may fire after
/// ours (seen in CI: a unit still in the plural after "1" was typed).
pub async fn settle() {
    yew::scheduler::flush().await;
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}
