#![cfg(not(target_arch = "wasm32"))]
//! Properties of domain scores over random instruments with skip logic and
//! random answers, including stale answers left on items that are now hidden.

use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::instrument::{
    Choice, Condition, Direction, Domain, Instrument, Item, ItemKind, Scales, Section,
};
use candour_core::scoring::{domain_scores, scale_range};
use candour_core::text::Text;
use candour_core::visibility::prune_hidden;
use proptest::prelude::*;

const DOMAINS: [&str; 2] = ["A", "B"];

/// One random item: format, domain (index past the end: none), reverse
/// keying, and an optional condition on an earlier item.
#[derive(Debug, Clone)]
struct Spec {
    kind: u8,
    domain: usize,
    reverse: bool,
    condition: Option<(usize, u8, i64, bool)>,
}

/// One random answer: absent, a value inside the item's range, or a missing code.
#[derive(Debug, Clone)]
enum Raw {
    Absent,
    Value(u32),
    Missing(usize),
}

fn spec() -> impl Strategy<Value = Spec> {
    let condition = proptest::option::of((any::<usize>(), 0u8..4, 0i64..11, any::<bool>()));
    (0u8..5, 0usize..=DOMAINS.len(), any::<bool>(), condition).prop_map(
        |(kind, domain, reverse, condition)| Spec {
            kind,
            domain,
            reverse,
            condition,
        },
    )
}

fn raw() -> impl Strategy<Value = Raw> {
    prop_oneof![
        Just(Raw::Absent),
        any::<u32>().prop_map(Raw::Value),
        (0usize..MissingCode::ALL.len()).prop_map(Raw::Missing),
    ]
}

fn kind(k: u8) -> ItemKind {
    match k {
        0 => ItemKind::Agreement,
        1 => ItemKind::Scale010 {
            low_label: "low".into(),
            high_label: "high".into(),
        },
        2 => ItemKind::Number {
            unit: "days".into(),
            unit_singular: None,
            min: 0.0,
            max: 28.0,
            step: 1.0,
        },
        3 => ItemKind::SingleChoice {
            choices: (2..=6)
                .map(|code| Choice {
                    code,
                    label: "x".into(),
                    exclusive: false,
                })
                .collect(),
        },
        _ => ItemKind::YesNoNotSure,
    }
}

fn build(specs: &[Spec]) -> Instrument {
    let items = specs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let show_if = s
                .condition
                .filter(|_| i > 0)
                .map(|(target, op, value, negate)| {
                    let variable = format!("v{}", target % i);
                    let value = value as f64;
                    let c = match op {
                        0 => Condition::Equals { variable, value },
                        1 => Condition::GreaterThan { variable, value },
                        2 => Condition::LessThan { variable, value },
                        _ => Condition::OneOf {
                            variable,
                            values: vec![value, value + 1.0],
                        },
                    };
                    if negate {
                        Condition::Not(Box::new(c))
                    } else {
                        c
                    }
                });
            Item {
                variable: format!("v{i}"),
                text: "Question?".into(),
                help: None,
                kind: kind(s.kind),
                required: false,
                prefer_not_to_say: true,
                dont_know: true,
                does_not_apply: false,
                show_if,
                direction: Direction::HigherBetter,
                reverse_keyed: s.reverse,
                domain: DOMAINS.get(s.domain).map(|d| (*d).to_owned()),
                in_score: true,
                group: None,
                glossary: vec![],
            }
        })
        .collect();
    Instrument {
        id: "props".into(),
        version: "1".into(),
        locale: "en".into(),
        title: "P".into(),
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
        domains: DOMAINS
            .iter()
            .map(|d| Domain {
                code: (*d).into(),
                name: "D".into(),
                scored: true,
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

/// Answers to every item, shown or not, each value inside its item's range.
fn answer(instrument: &Instrument, raws: &[Raw]) -> Answers {
    let items = instrument.sections.iter().flat_map(|s| &s.items);
    items
        .zip(raws)
        .filter_map(|(item, raw)| {
            let value = match raw {
                Raw::Absent => return None,
                Raw::Missing(i) => AnswerValue::Missing(MissingCode::ALL[*i]),
                Raw::Value(seed) => match &item.kind {
                    ItemKind::Number { .. } => AnswerValue::Number(f64::from(seed % 29)),
                    ItemKind::YesNoNotSure => AnswerValue::Code(i64::from(seed % 3)),
                    other => {
                        let (min, max) = scale_range(other)?;
                        let span = (max - min) as u32 + 1;
                        AnswerValue::Code(min as i64 + i64::from(seed % span))
                    }
                },
            };
            Some((item.variable.clone(), value))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn answers_to_hidden_items_never_change_scores(
        specs in proptest::collection::vec(spec(), 1..14),
        raws in proptest::collection::vec(raw(), 14),
    ) {
        let instrument = build(&specs);
        let answers = answer(&instrument, &raws);
        let pruned = prune_hidden(&instrument, &answers);
        prop_assert_eq!(domain_scores(&instrument, &answers), domain_scores(&instrument, &pruned));
    }

    #[test]
    fn reported_scores_lie_within_the_scale_and_meet_the_threshold(
        specs in proptest::collection::vec(spec(), 1..14),
        raws in proptest::collection::vec(raw(), 14),
    ) {
        let instrument = build(&specs);
        let answers = answer(&instrument, &raws);
        let scores = domain_scores(&instrument, &answers);
        prop_assert_eq!(scores.len(), DOMAINS.len());
        for (code, s) in &scores {
            prop_assert!(s.answered <= s.shown);
            let Some(score) = s.score else { continue };
            prop_assert!(s.answered * 4 >= s.shown * 3, "{code}: {s:?}");
            let ranges: Vec<(f64, f64)> = instrument.sections[0]
                .items
                .iter()
                .filter(|i| i.domain.as_deref() == Some(code.as_str()))
                .filter_map(|i| scale_range(&i.kind))
                .collect();
            let low = ranges.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
            let high = ranges.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
            prop_assert!(low <= score && score <= high, "{code}: {score} not in {low}..={high}");
        }
    }

    #[test]
    fn a_domain_of_one_scale_stays_inside_that_scale(
        reverse in proptest::collection::vec(any::<bool>(), 1..10),
        raws in proptest::collection::vec(raw(), 10),
    ) {
        // All agreement items in domain A: any score lies in 1..=5 exactly.
        let specs: Vec<Spec> = reverse
            .iter()
            .map(|r| Spec { kind: 0, domain: 0, reverse: *r, condition: None })
            .collect();
        let instrument = build(&specs);
        let scores = domain_scores(&instrument, &answer(&instrument, &raws));
        if let Some(score) = scores["A"].score {
            prop_assert!((1.0..=5.0).contains(&score), "{score}");
        }
    }
}
