//! What a participant sees if the app fails: a calm message and a way to
//! start again, instead of a frozen screen.
//!
//! The release build aborts on panic, so the WebAssembly instance is dead once
//! the hook returns: the screen is plain DOM whose "Start again" button is a
//! form submission that reloads the page, with no Rust code behind it. The
//! saved draft survives the reload.

use crate::locale::app_locale;
use candour_core::messages::Messages;
use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Id of the panic screen's root element, for tests.
pub const PANIC_SCREEN_ID: &str = "candour-panic";

/// Installs the panic hook: log the panic to the console, then show the
/// calm screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&format!("Candour stopped: {info}")));
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            // Nothing more can be done if even this fails; the console has the cause.
            if let Some(body) = document.body() {
                let _ = show_in(&document, &body);
            }
        }
    }));
}

/// Replaces the content of `container` (the page's `<body>` in the app)
/// with the calm message and a "Start again" button.
pub fn show_in(document: &Document, container: &Element) -> Result<(), JsValue> {
    // In the language the app was shown in: the messages are embedded, so
    // this needs nothing the failure could have broken.
    let m = Messages::for_locale(&app_locale());
    let main = document.create_element("main")?;
    main.set_id(PANIC_SCREEN_ID);
    main.set_class_name("screen panic-screen");
    main.set_attribute("role", "alert")?;

    let heading = document.create_element("h1")?;
    heading.set_text_content(Some(m.get("panic.heading")));
    let text = document.create_element("p")?;
    text.set_text_content(Some(m.get("panic.text")));

    // A GET form to the page itself reloads it without any script.
    let form = document.create_element("form")?;
    form.set_attribute("method", "get")?;
    form.set_attribute("action", "")?;
    let button = document.create_element("button")?;
    button.set_attribute("type", "submit")?;
    button.set_class_name("button primary");
    button.set_text_content(Some(m.get("panic.button")));
    form.append_child(&button)?;

    main.append_child(&heading)?;
    main.append_child(&text)?;
    main.append_child(&form)?;
    container.set_inner_html("");
    container.append_child(&main)?;
    Ok(())
}
