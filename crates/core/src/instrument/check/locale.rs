//! Checks that every translated text includes the instrument's own locale.

use super::P;
use crate::instrument::Instrument;
use crate::text::Text;

/// Pushes a problem for each translated text without the instrument's locale,
/// which is the text shown when the requested locale is missing.
pub(super) fn check_locales(ins: &Instrument, out: &mut Vec<P>) {
    let locale = ins.locale.as_str();
    ins.each_text(|place, text| {
        if let Text::Localized(map) = text {
            let has_own = map.get(locale).is_some_and(|s| !s.trim().is_empty());
            if !has_own && !text.is_blank() && !locale.trim().is_empty() {
                out.push(P::MissingLocale {
                    place,
                    locale: locale.into(),
                });
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::instrument::check::tests::{expect, instrument, item, problems_of, OK};
    use crate::instrument::problem::InstrumentProblem as P;
    use crate::instrument::texts::{ItemText, TextPlace};

    #[test]
    fn missing_locale() {
        let json = instrument(&item(
            "a1_fr",
            r#""type": "agreement", "help": {"fr": "Aide"}"#,
        ));
        let problem = P::MissingLocale {
            place: TextPlace::Item("a1_fr".into(), ItemText::Help),
            locale: "en".into(),
        };
        expect(&json, problem, "Item a1_fr, help: it has no \"en\" text.");
        let title = r#""title": {"en": " ", "fr": "Avis"}"#;
        let json = instrument(OK).replace(r#""title": "Feedback""#, title);
        let problem = P::MissingLocale {
            place: TextPlace::Title,
            locale: "en".into(),
        };
        expect(&json, problem, "The title: it has no");
    }

    #[test]
    fn new_texts_need_the_own_locale_too() {
        let rest = r#""type": "number", "unit": "days", "unit_singular": {"fr": "jour"},
            "min": 0, "max": 28, "step": 1"#;
        let problem = P::MissingLocale {
            place: TextPlace::Item("e1_days".into(), ItemText::UnitSingular),
            locale: "en".into(),
        };
        expect(
            &instrument(&item("e1_days", rest)),
            problem,
            "Item e1_days, unit_singular:",
        );
        let sections = r#"[{"id": "s1", "title": "One",
            "groups": [{"id": "g_one", "heading": {"fr": "Titre"}}],
            "items": [{"variable": "a1_x", "text": "Q?", "type": "agreement", "group": "g_one"}]}]"#;
        let json = crate::instrument::check::tests::with_sections("[]", sections);
        let problem = P::MissingLocale {
            place: TextPlace::GroupHeading("g_one".into()),
            locale: "en".into(),
        };
        expect(&json, problem, "Group g_one, heading:");
    }

    #[test]
    fn translated_texts_with_the_own_locale_are_fine() {
        let rest = r#""type": "agreement", "help": {"en": "Help", "fr": "Aide"}"#;
        assert_eq!(problems_of(&instrument(&item("a1_x", rest))), vec![]);
    }
}
