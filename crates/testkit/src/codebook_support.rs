//! A small instrument with one item of every type, shared by the codebook tests.
#![allow(dead_code)]

use candour_core::instrument::{
    Choice, Condition, Direction, Domain, Instrument, Item, ItemKind, Scales, Section,
};
use candour_core::text::Text;
use std::collections::BTreeMap;

/// An item with every option off.
pub fn item(variable: &str, text: &str, kind: ItemKind) -> Item {
    Item {
        variable: variable.into(),
        text: text.into(),
        help: None,
        kind,
        required: false,
        prefer_not_to_say: false,
        dont_know: false,
        does_not_apply: false,
        show_if: None,
        direction: Direction::Neutral,
        reverse_keyed: false,
        domain: None,
        in_score: true,
        group: None,
        glossary: vec![],
    }
}

/// Text in English and French.
pub fn en_fr(en: &str, fr: &str) -> Text {
    Text::Localized(BTreeMap::from([
        ("en".to_owned(), en.to_owned()),
        ("fr".to_owned(), fr.to_owned()),
    ]))
}

pub fn choices(pairs: &[(i64, &str)]) -> Vec<Choice> {
    pairs
        .iter()
        .map(|(code, label)| Choice {
            code: *code,
            label: (*label).into(),
            exclusive: false,
        })
        .collect()
}

pub fn eq(variable: &str, value: f64) -> Condition {
    Condition::Equals {
        variable: variable.into(),
        value,
    }
}

/// Two sections, seven items, one of each type.
pub fn small() -> Instrument {
    let mut visits = item(
        "b1_visits",
        "How many times a day do you come here?",
        ItemKind::Number {
            unit: en_fr("visits", "visites"),
            unit_singular: None,
            min: 0.0,
            max: 4.0,
            step: 1.0,
        },
    );
    visits.domain = Some("B".into());
    visits.direction = Direction::HigherWorse;

    let work = item("b7_work", "Do you work or study?", ItemKind::YesNoNotSure);

    let mut effect = item(
        "b8_work_effect",
        "Coming here makes work hard.",
        ItemKind::Agreement,
    );
    effect.text = en_fr(
        "Coming here makes work hard.",
        "Venir ici rend le travail difficile.",
    );
    effect.domain = Some("B".into());
    effect.direction = Direction::HigherWorse;
    effect.reverse_keyed = true;
    effect.show_if = Some(eq("b7_work", 1.0));

    let mut reason = item(
        "b5_reason",
        "What was the main reason you missed a dose?",
        ItemKind::SingleChoice {
            choices: choices(&[(1, "Travel"), (2, "Ill"), (3, "Work")]),
        },
    );
    reason.prefer_not_to_say = true;
    reason.show_if = Some(Condition::GreaterThan {
        variable: "b1_visits".into(),
        value: 2.0,
    });

    let mut drugs = item(
        "e1_drugs",
        "Which have you used, if any?",
        ItemKind::MultipleChoice {
            choices: choices(&[(1, "Heroin"), (2, "Crack"), (5, "Other")]),
        },
    );
    drugs.domain = Some("E".into());
    drugs.prefer_not_to_say = true;
    drugs.dont_know = true;

    let mut overall = item(
        "f1_overall",
        "Overall, how happy are you with the service?",
        ItemKind::Scale010 {
            low_label: "Very unhappy".into(),
            high_label: "Very happy".into(),
        },
    );
    overall.domain = Some("F".into());
    overall.direction = Direction::HigherBetter;

    let best = item(
        "g1_best",
        "What is the best thing, \"in a word\", about it?",
        ItemKind::FreeText { max_length: 500 },
    );

    Instrument {
        id: "tiny".into(),
        version: "1.2.0".into(),
        locale: "en".into(),
        title: "Tiny".into(),
        information: "About this.".into(),
        consent: "Do you agree?".into(),
        scales: Scales {
            agreement: [
                "Strongly disagree",
                "Disagree",
                "Not sure",
                "Agree",
                "Strongly agree",
            ]
            .map(Text::from)
            .to_vec(),
            yes_no_not_sure: vec![en_fr("Yes", "Oui"), en_fr("No", "Non"), "Not sure".into()],
            prefer_not_to_say: en_fr("Prefer not to say", "Je préfère ne pas répondre"),
            dont_know: "Don't know".into(),
            does_not_apply: None,
            difficulty: None,
        },
        domains: ["B", "E", "F"]
            .map(|code| Domain {
                code: code.into(),
                name: code.into(),
                scored: true,
            })
            .to_vec(),
        sections: vec![
            Section {
                id: "visits".into(),
                title: "Visits".into(),
                intro: None,
                groups: vec![],
                items: vec![visits, work, effect, reason],
            },
            Section {
                id: "about".into(),
                title: "About".into(),
                intro: None,
                groups: vec![],
                items: vec![drugs, overall, best],
            },
        ],
    }
}
