#![cfg(not(target_arch = "wasm32"))]
//! Domain scores on hand-worked cases (properties are in `scoring_props.rs`).

use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::instrument::{
    Choice, Condition, Direction, Domain, Instrument, Item, ItemKind, Scales, Section,
};
use candour_core::scoring::{domain_scores, scale_range, DomainScore};
use candour_core::text::Text;
use AnswerValue::{Code, Missing, Number};

fn item(variable: &str, domain: &str, kind: ItemKind) -> Item {
    Item {
        variable: variable.into(),
        text: variable.into(),
        help: None,
        kind,
        required: false,
        prefer_not_to_say: true,
        dont_know: false,
        does_not_apply: false,
        show_if: None,
        direction: Direction::HigherBetter,
        reverse_keyed: false,
        domain: (!domain.is_empty()).then(|| domain.into()),
        in_score: true,
        group: None,
        glossary: vec![],
    }
}

fn reversed(mut item: Item) -> Item {
    item.reverse_keyed = true;
    item
}

fn shown_if(mut item: Item, condition: Condition) -> Item {
    item.show_if = Some(condition);
    item
}

fn instrument(items: Vec<Item>, domains: &[(&str, bool)]) -> Instrument {
    Instrument {
        id: "t".into(),
        version: "1".into(),
        locale: "en".into(),
        title: "T".into(),
        information: "I".into(),
        consent: "C".into(),
        scales: Scales {
            agreement: ["1", "2", "3", "4", "5"].map(Text::from).to_vec(),
            yes_no_not_sure: ["Yes", "No", "Not sure"].map(Text::from).to_vec(),
            prefer_not_to_say: "Prefer not to say".into(),
            dont_know: "Don't know".into(),
            does_not_apply: None,
            difficulty: None,
        },
        domains: domains
            .iter()
            .map(|(code, scored)| Domain {
                code: (*code).into(),
                name: "D".into(),
                scored: *scored,
            })
            .collect(),
        sections: vec![Section {
            id: "s".into(),
            title: "S".into(),
            intro: None,
            groups: vec![],
            items,
        }],
    }
}

fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// Domain C: four agreement items, c4 reverse-keyed.
fn staff() -> Instrument {
    let items = vec![
        item("c1", "C", ItemKind::Agreement),
        item("c2", "C", ItemKind::Agreement),
        item("c3", "C", ItemKind::Agreement),
        reversed(item("c4", "C", ItemKind::Agreement)),
    ];
    instrument(items, &[("C", true)])
}

#[test]
fn three_of_four_answered_is_reported_with_reverse_keying() {
    // c1 = 4, c2 = 5, c4 = 2 reversed to 6 - 2 = 4, c3 shown and left
    // unanswered (-97, as a record codes it).
    // 3 / 4 = 75% answered, enough. Mean = (4 + 5 + 4) / 3 = 13 / 3.
    let a = answers(&[
        ("c1", Code(4)),
        ("c2", Code(5)),
        ("c3", Missing(MissingCode::Unanswered)),
        ("c4", Code(2)),
    ]);
    let c = &domain_scores(&staff(), &a)["C"];
    assert_eq!((c.answered, c.shown), (3, 4));
    assert_eq!(c.score, Some(13.0 / 3.0));
}

#[test]
fn two_of_four_answered_is_missing() {
    // 2 / 4 = 50% < 75%: no score, even though the two answers exist.
    let a = answers(&[
        ("c1", Code(4)),
        ("c2", Code(5)),
        ("c3", Missing(MissingCode::Unanswered)),
        ("c4", Missing(MissingCode::DontKnow)),
    ]);
    let c = &domain_scores(&staff(), &a)["C"];
    assert_eq!(
        *c,
        DomainScore {
            score: None,
            score_100: None,
            answered: 2,
            shown: 4
        }
    );
}

#[test]
fn prefer_not_to_say_and_unanswered_count_as_not_answered() {
    // c3 = -99 and c4 = -97 are shown but not values: 2 / 4, no score.
    let a = answers(&[
        ("c1", Code(4)),
        ("c2", Code(5)),
        ("c3", Missing(MissingCode::PreferNotToSay)),
        ("c4", Missing(MissingCode::Unanswered)),
    ]);
    let c = &domain_scores(&staff(), &a)["C"];
    assert_eq!(
        *c,
        DomainScore {
            score: None,
            score_100: None,
            answered: 2,
            shown: 4
        }
    );
}

#[test]
fn hidden_items_are_neither_answered_nor_shown() {
    // b1 gates b2 (shown only if b1 = 1). b1 = 0, so b2 is hidden and its
    // stale answer 1 is ignored: 3 shown (b1, b3, b4) and all answered.
    // Mean = (0 + 4 + 5) / 3 = 3 with 0-10 and agreement values mixed.
    let items = vec![
        item(
            "b1",
            "B",
            ItemKind::Scale010 {
                low_label: "0".into(),
                high_label: "10".into(),
            },
        ),
        shown_if(
            item("b2", "B", ItemKind::Agreement),
            Condition::Equals {
                variable: "b1".into(),
                value: 1.0,
            },
        ),
        item("b3", "B", ItemKind::Agreement),
        item("b4", "B", ItemKind::Agreement),
    ];
    let inst = instrument(items, &[("B", true)]);
    let a = answers(&[
        ("b1", Code(0)),
        ("b2", Code(1)),
        ("b3", Code(4)),
        ("b4", Code(5)),
    ]);
    assert_eq!(
        domain_scores(&inst, &a)["B"],
        DomainScore {
            score: Some(3.0),
            // On the domain's widest range, 0 to 10.
            score_100: Some(30.0),
            answered: 3,
            shown: 3
        }
    );
}

#[test]
fn scale_010_and_number_reverse_within_their_own_range() {
    // e1 0-10 reverse-keyed: 10 - 3 = 7. e2 number 0-28 reverse-keyed:
    // 0 + 28 - 8 = 20. e3 single choice coded 1..5: 2. Mean = 29 / 3.
    let choices = (1..=5)
        .map(|code| Choice {
            code,
            label: "x".into(),
            exclusive: false,
        })
        .collect();
    let items = vec![
        reversed(item(
            "e1",
            "E",
            ItemKind::Scale010 {
                low_label: "a".into(),
                high_label: "b".into(),
            },
        )),
        reversed(item(
            "e2",
            "E",
            ItemKind::Number {
                unit: "days".into(),
                unit_singular: None,
                min: 0.0,
                max: 28.0,
                step: 1.0,
            },
        )),
        item("e3", "E", ItemKind::SingleChoice { choices }),
    ];
    let inst = instrument(items, &[("E", true)]);
    let a = answers(&[("e1", Code(3)), ("e2", Number(8.0)), ("e3", Code(2))]);
    assert_eq!(domain_scores(&inst, &a)["E"].score, Some(29.0 / 3.0));
}

#[test]
fn only_scored_domains_and_scalable_items_take_part() {
    // Domain A is scored and has an agreement item and a yes/no/not sure
    // item; the latter is not ordered and stays out: 1 shown, 1 answered.
    // Domain P is not scored, so it has no entry. An empty scored domain
    // has no score rather than a division by zero.
    let items = vec![
        item("a1", "A", ItemKind::Agreement),
        item("a2", "A", ItemKind::YesNoNotSure),
        item("a3", "A", ItemKind::FreeText { max_length: 100 }),
        item("p1", "P", ItemKind::Agreement),
        item("x1", "", ItemKind::Agreement),
    ];
    let inst = instrument(items, &[("A", true), ("P", false), ("Z", true)]);
    let a = answers(&[("a1", Code(2)), ("a2", Code(2)), ("p1", Code(5))]);
    let scores = domain_scores(&inst, &a);
    assert_eq!(scores.keys().collect::<Vec<_>>(), ["A", "Z"]);
    assert_eq!(
        scores["A"],
        DomainScore {
            score: Some(2.0),
            // (2 - 1) / (5 - 1) x 100 on the agreement scale.
            score_100: Some(25.0),
            answered: 1,
            shown: 1
        }
    );
    assert_eq!(
        scores["Z"],
        DomainScore {
            score: None,
            score_100: None,
            answered: 0,
            shown: 0
        }
    );
}

#[test]
fn ranges_of_each_kind() {
    assert_eq!(scale_range(&ItemKind::Agreement), Some((1.0, 5.0)));
    assert_eq!(scale_range(&ItemKind::YesNoNotSure), None);
    assert_eq!(
        scale_range(&ItemKind::SingleChoice { choices: vec![] }),
        None
    );
    let choices = [3, 0, 7]
        .map(|code| Choice {
            code,
            label: "x".into(),
            exclusive: false,
        })
        .to_vec();
    assert_eq!(
        scale_range(&ItemKind::SingleChoice { choices }),
        Some((0.0, 7.0))
    );
}
