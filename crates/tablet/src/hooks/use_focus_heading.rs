//! Moves focus to a screen's heading whenever the screen changes, so a
//! screen-reader user hears the new question and keyboard users start there.

use yew::prelude::*;

/// Returns a ref to put on the screen's `<h1 tabindex="-1">`; focus moves
/// to it each time `key` changes.
///
/// Example: `tests/browser/hook_examples.rs`, compiled and run with the
/// browser tests.
#[hook]
pub fn use_focus_heading<K: PartialEq + 'static>(key: K) -> NodeRef {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(key, move |_| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    heading
}
