//! A copy of an instrument carrying a pseudo-localised translation of every
//! text, so that the screens show the questionnaire in a pseudo-locale
//! exactly as they would a real translation (see [`crate::pseudo`]).

use super::texts::{ItemText, TextPlace};
use super::Instrument;
use crate::pseudo::{accented, pseudo_localise};
use crate::text::Text;
use std::collections::BTreeMap;

/// `text` with a `locale` translation made by `make` from its text in the
/// instrument's own locale (`base`).
fn add_translation(text: &mut Text, base: &str, locale: &str, make: fn(&str) -> String) {
    let source = text.get(base, base).to_owned();
    let mut map = match std::mem::replace(text, Text::Plain(String::new())) {
        Text::Plain(s) => BTreeMap::from([(base.to_owned(), s)]),
        Text::Localized(map) => map,
    };
    map.insert(locale.to_owned(), make(&source));
    *text = Text::Localized(map);
}

/// A copy of `instrument` that also carries a pseudo-localised translation
/// of every text under `locale`, so that the screens show the instrument in
/// a pseudo-locale exactly as they would a real translation. Hard words are
/// only accented (see [`accented`]), so they are still found in their
/// question.
///
/// Only for display: records keep naming the original instrument (its id,
/// version and hash), which this copy does not change.
pub fn with_pseudo_translation(instrument: &Instrument, locale: &str) -> Instrument {
    let mut copy = instrument.clone();
    let base = copy.locale.clone();
    copy.each_text_mut(|place, text| {
        let make: fn(&str) -> String = match place {
            TextPlace::Item(_, ItemText::GlossaryTerm(_)) => accented,
            _ => pseudo_localise,
        };
        add_translation(text, &base, locale, make);
    });
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::default::default_instrument;
    use crate::pseudo::has_english;

    #[test]
    fn the_default_instrument_gets_a_pseudo_translation_in_every_text() {
        let instrument = default_instrument().expect("default loads");
        let pseudo = with_pseudo_translation(&instrument, "en-XA");
        assert_eq!(pseudo.id, instrument.id);
        assert_eq!(
            pseudo.title.get("en", "en"),
            instrument.title.get("en", "en")
        );
        assert!(!has_english(pseudo.title.get("en-XA", "en")));
        for (original, copy) in instrument.sections.iter().zip(&pseudo.sections) {
            for (a, b) in original.items.iter().zip(&copy.items) {
                let shown = b.text.get("en-XA", "en");
                assert!(!has_english(shown), "{shown}");
                assert_eq!(b.text.get("en", "en"), a.text.get("en", "en"));
                for entry in &b.glossary {
                    let term = entry.term.get("en-XA", "en").to_lowercase();
                    assert!(shown.to_lowercase().contains(&term), "{term} is in {shown}");
                }
            }
        }
        for label in &pseudo.scales.agreement {
            assert!(!has_english(label.get("en-XA", "en")));
        }
    }
}
