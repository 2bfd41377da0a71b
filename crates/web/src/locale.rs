//! The locale the page shows, from its address: `?locale=CODE` chooses it;
//! without it, or for a locale this build does not have, English.

use candour_core::locale::{self, from_query};

/// The locale asked for in the page's address, as [`locale::choose`]
/// settles it.
pub fn app_locale() -> String {
    let query = web_sys::window().and_then(|w| w.location().search().ok());
    locale::choose(query.as_deref().and_then(from_query).as_deref())
}

/// Says on `<html>` which language the page is in and which way it reads
/// (`lang` and `dir`), so that screen readers pronounce it in that language
/// and the layout mirrors for a right-to-left one. Nothing happens if the
/// browser refuses: the page keeps what its HTML says.
pub fn mark_page_language(code: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", code);
    let _ = root.set_attribute("dir", locale::direction(code).as_attr());
}
