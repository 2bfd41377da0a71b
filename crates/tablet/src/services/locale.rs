//! The locale the app shows, from its address.
//!
//! `?locale=en-XA` (or any shipped locale) in the address chooses the
//! language of the app and of each survey started; without it, or for a
//! locale this build does not have, English. The test-only pseudo-locales
//! are chosen the same way, and get a pseudo translation of the instrument
//! too (see [`candour_core::pseudo`]).

use candour_core::instrument::pseudo_translation::with_pseudo_translation;
use candour_core::locale;
use candour_core::survey::Survey;
use candour_web::locale::app_locale;
use std::rc::Rc;

/// The survey with its instrument carrying a pseudo translation for the
/// app's locale and for a resumed draft's, where these are pseudo-locales;
/// otherwise unchanged. The instrument's reference (id, version, hash),
/// which records store, is left as it was: the translation is only shown.
pub fn with_display_texts(mut survey: Survey) -> Survey {
    let mut codes = vec![app_locale()];
    if let Some(draft) = &survey.draft {
        codes.push(draft.locale.clone());
    }
    for code in codes {
        if locale::is_pseudo(&code) && !has_translation(&survey, &code) {
            survey.instrument = Rc::new(with_pseudo_translation(&survey.instrument, &code));
        }
    }
    survey
}

/// Whether the instrument's title already has a text for `code`.
fn has_translation(survey: &Survey, code: &str) -> bool {
    matches!(&survey.instrument.title, candour_core::text::Text::Localized(map) if map.contains_key(code))
}
