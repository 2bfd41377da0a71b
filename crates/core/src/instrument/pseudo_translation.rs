//! A copy of an instrument carrying a pseudo-localised translation of every
//! text, so that the screens show the questionnaire in a pseudo-locale
//! exactly as they would a real translation (see [`crate::pseudo`]).

use super::{Instrument, ItemKind};
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
    let mut add = |text: &mut Text| add_translation(text, &base, locale, pseudo_localise);
    add(&mut copy.title);
    add(&mut copy.information);
    add(&mut copy.consent);
    copy.scales.agreement.iter_mut().for_each(&mut add);
    copy.scales.yes_no_not_sure.iter_mut().for_each(&mut add);
    add(&mut copy.scales.prefer_not_to_say);
    add(&mut copy.scales.dont_know);
    if let Some(label) = copy.scales.does_not_apply.as_mut() {
        add(label);
    }
    if let Some(labels) = copy.scales.difficulty.as_mut() {
        labels.iter_mut().for_each(&mut add);
    }
    copy.domains.iter_mut().for_each(|d| add(&mut d.name));
    for section in &mut copy.sections {
        add(&mut section.title);
        if let Some(intro) = section.intro.as_mut() {
            add(intro);
        }
        section.groups.iter_mut().for_each(|g| add(&mut g.heading));
        for item in &mut section.items {
            add(&mut item.text);
            if let Some(help) = item.help.as_mut() {
                add(help);
            }
            for entry in &mut item.glossary {
                add_translation(&mut entry.term, &base, locale, accented);
                add(&mut entry.explanation);
            }
            match &mut item.kind {
                ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
                    choices.iter_mut().for_each(|c| add(&mut c.label));
                }
                ItemKind::Scale010 {
                    low_label,
                    high_label,
                }
                | ItemKind::Scale020 {
                    low_label,
                    high_label,
                } => {
                    add(low_label);
                    add(high_label);
                }
                ItemKind::Number {
                    unit,
                    unit_singular,
                    ..
                } => {
                    add(unit);
                    if let Some(singular) = unit_singular.as_mut() {
                        add(singular);
                    }
                }
                ItemKind::Agreement
                | ItemKind::Difficulty
                | ItemKind::FreeText { .. }
                | ItemKind::YesNoNotSure => {}
            }
        }
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::default::default_instrument;

    /// True when `text` holds a run of two or more plain ASCII letters: a
    /// word left in English.
    fn has_english(text: &str) -> bool {
        let mut run = 0;
        for c in text.chars() {
            run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
            if run >= 2 {
                return true;
            }
        }
        false
    }

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
