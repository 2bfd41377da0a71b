//! Checks that every translated text includes the instrument's own locale.

use super::P;
use crate::instrument::{Instrument, Item, ItemKind};
use crate::text::Text;
use crate::visibility::all_items;

/// Pushes a problem for each translated text without the instrument's locale,
/// which is the text shown when the requested locale is missing.
pub(super) fn check_locales(ins: &Instrument, out: &mut Vec<P>) {
    let locale = ins.locale.as_str();
    let mut texts: Vec<(String, &Text)> = vec![
        ("The title".into(), &ins.title),
        ("The information".into(), &ins.information),
        ("The consent question".into(), &ins.consent),
        (
            "scales.prefer_not_to_say".into(),
            &ins.scales.prefer_not_to_say,
        ),
        ("scales.dont_know".into(), &ins.scales.dont_know),
    ];
    if let Some(label) = &ins.scales.does_not_apply {
        texts.push(("scales.does_not_apply".into(), label));
    }
    let no_labels = Vec::new();
    for (name, labels) in [
        ("scales.agreement", &ins.scales.agreement),
        ("scales.yes_no_not_sure", &ins.scales.yes_no_not_sure),
        (
            "scales.difficulty",
            ins.scales.difficulty.as_ref().unwrap_or(&no_labels),
        ),
    ] {
        labels
            .iter()
            .enumerate()
            .for_each(|(i, t)| texts.push((format!("{name}, label {}", i + 1), t)));
    }
    for domain in &ins.domains {
        texts.push((format!("Domain {}, name", domain.code), &domain.name));
    }
    for section in &ins.sections {
        texts.push((format!("Section {}, title", section.id), &section.title));
        if let Some(intro) = &section.intro {
            texts.push((format!("Section {}, intro", section.id), intro));
        }
        for group in &section.groups {
            texts.push((format!("Group {}, heading", group.id), &group.heading));
        }
    }
    for item in all_items(ins) {
        item_texts(item, &mut texts);
    }
    for (place, text) in texts {
        if let Text::Localized(map) = text {
            let has_own = map.get(locale).is_some_and(|s| !s.trim().is_empty());
            if !has_own && !text.is_blank() && !locale.trim().is_empty() {
                out.push(P::MissingLocale {
                    place,
                    locale: locale.into(),
                });
            }
        }
    }
}

fn item_texts<'a>(item: &'a Item, texts: &mut Vec<(String, &'a Text)>) {
    let v = &item.variable;
    texts.push((format!("Item {v}, text"), &item.text));
    if let Some(help) = &item.help {
        texts.push((format!("Item {v}, help"), help));
    }
    for (i, entry) in item.glossary.iter().enumerate() {
        texts.push((
            format!("Item {v}, glossary entry {} term", i + 1),
            &entry.term,
        ));
        texts.push((
            format!("Item {v}, glossary entry {} explanation", i + 1),
            &entry.explanation,
        ));
    }
    match &item.kind {
        ItemKind::SingleChoice { choices } | ItemKind::MultipleChoice { choices } => {
            for choice in choices {
                texts.push((format!("Item {v}, choice {}", choice.code), &choice.label));
            }
        }
        ItemKind::Scale010 {
            low_label,
            high_label,
        }
        | ItemKind::Scale020 {
            low_label,
            high_label,
        } => {
            texts.push((format!("Item {v}, low label"), low_label));
            texts.push((format!("Item {v}, high label"), high_label));
        }
        ItemKind::Number {
            unit,
            unit_singular,
            ..
        } => {
            texts.push((format!("Item {v}, unit"), unit));
            if let Some(singular) = unit_singular {
                texts.push((format!("Item {v}, unit_singular"), singular));
            }
        }
        ItemKind::Agreement
        | ItemKind::Difficulty
        | ItemKind::FreeText { .. }
        | ItemKind::YesNoNotSure => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::instrument::check::tests::{expect, instrument, item, problems_of, OK};
    use crate::instrument::problem::InstrumentProblem as P;

    #[test]
    fn missing_locale() {
        let json = instrument(&item(
            "a1_fr",
            r#""type": "agreement", "help": {"fr": "Aide"}"#,
        ));
        let problem = P::MissingLocale {
            place: "Item a1_fr, help".into(),
            locale: "en".into(),
        };
        expect(&json, problem, "Item a1_fr, help: it has no \"en\" text.");
        let title = r#""title": {"en": " ", "fr": "Avis"}"#;
        let json = instrument(OK).replace(r#""title": "Feedback""#, title);
        let problem = P::MissingLocale {
            place: "The title".into(),
            locale: "en".into(),
        };
        expect(&json, problem, "The title");
    }

    #[test]
    fn new_texts_need_the_own_locale_too() {
        let rest = r#""type": "number", "unit": "days", "unit_singular": {"fr": "jour"},
            "min": 0, "max": 28, "step": 1"#;
        let problem = P::MissingLocale {
            place: "Item e1_days, unit_singular".into(),
            locale: "en".into(),
        };
        expect(
            &instrument(&item("e1_days", rest)),
            problem,
            "unit_singular",
        );
        let sections = r#"[{"id": "s1", "title": "One",
            "groups": [{"id": "g_one", "heading": {"fr": "Titre"}}],
            "items": [{"variable": "a1_x", "text": "Q?", "type": "agreement", "group": "g_one"}]}]"#;
        let json = crate::instrument::check::tests::with_sections("[]", sections);
        let problem = P::MissingLocale {
            place: "Group g_one, heading".into(),
            locale: "en".into(),
        };
        expect(&json, problem, "Group g_one, heading");
    }

    #[test]
    fn translated_texts_with_the_own_locale_are_fine() {
        let rest = r#""type": "agreement", "help": {"en": "Help", "fr": "Aide"}"#;
        assert_eq!(problems_of(&instrument(&item("a1_x", rest))), vec![]);
    }
}
