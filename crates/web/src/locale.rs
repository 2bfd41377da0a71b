//! The locale the page shows, from its address: `?locale=CODE` chooses it;
//! without it, or for a locale this build does not have, English.

use candour_core::locale::{self, from_query};

/// The locale asked for in the page's address, as [`locale::choose`]
/// settles it.
pub fn app_locale() -> String {
    let query = web_sys::window().and_then(|w| w.location().search().ok());
    locale::choose(query.as_deref().and_then(from_query).as_deref())
}
