#![cfg(not(target_arch = "wasm32"))]
//! The default questionnaire's skip logic: every conditional item can be
//! shown and hidden, reads only earlier items, and each follow-up shows
//! exactly when its answer calls for it.

use candour_core::answer::{AnswerValue, Answers, MissingCode};
use candour_core::condition::variables;
use candour_core::instrument::default::default_instrument;
use candour_core::instrument::{Condition, Instrument, Item, ItemKind};
use candour_core::visibility::{all_items, prune_hidden, visible_items};
use std::collections::BTreeSet;

fn instrument() -> Instrument {
    match default_instrument() {
        Ok(instrument) => instrument,
        Err(errors) => panic!("the default instrument does not load: {errors:?}"),
    }
}

fn item<'a>(instrument: &'a Instrument, variable: &str) -> &'a Item {
    match all_items(instrument).find(|i| i.variable == variable) {
        Some(item) => item,
        None => panic!("no item {variable}"),
    }
}

fn position(instrument: &Instrument, variable: &str) -> usize {
    all_items(instrument)
        .position(|i| i.variable == variable)
        .unwrap_or(usize::MAX)
}

fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn is_visible(instrument: &Instrument, answers: &Answers, variable: &str) -> bool {
    visible_items(instrument, answers)
        .iter()
        .any(|i| i.variable == variable)
}

/// Answers worth trying for an item when searching for ones that show or
/// hide a conditional item.
fn candidate_values(item: &Item) -> Vec<AnswerValue> {
    let mut out = match &item.kind {
        ItemKind::SingleChoice { choices } => {
            choices.iter().map(|c| AnswerValue::Code(c.code)).collect()
        }
        ItemKind::MultipleChoice { choices } => choices
            .iter()
            .map(|c| AnswerValue::Codes(vec![c.code]))
            .collect(),
        ItemKind::Agreement | ItemKind::Difficulty => (1..=5).map(AnswerValue::Code).collect(),
        ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. } => {
            (0..=item.kind.scale_max().unwrap_or(10))
                .map(AnswerValue::Code)
                .collect()
        }
        ItemKind::YesNoNotSure => (0..=2).map(AnswerValue::Code).collect(),
        ItemKind::Number { min, max, step, .. } => [*min, min + step, (min + max) / 2.0, *max]
            .into_iter()
            .map(AnswerValue::Number)
            .collect(),
        ItemKind::FreeText { .. } => vec![AnswerValue::Text("something".into())],
    };
    out.push(AnswerValue::Missing(MissingCode::Unanswered));
    out
}

/// Every combination of candidate answers to the variables a condition reads.
fn combinations(instrument: &Instrument, condition: &Condition) -> Vec<Answers> {
    let mut sets = vec![Answers::new()];
    let read: BTreeSet<&str> = variables(condition).into_iter().collect();
    for variable in read {
        let values = candidate_values(item(instrument, variable));
        let mut next = Vec::new();
        for set in &sets {
            next.push(set.clone());
            for value in &values {
                let mut with = set.clone();
                with.insert(variable.to_owned(), value.clone());
                next.push(with);
            }
        }
        sets = next;
    }
    sets
}

#[test]
fn every_conditional_item_can_be_shown_and_hidden() {
    let instrument = instrument();
    let mut conditional = 0;
    for item in all_items(&instrument) {
        let Some(condition) = &item.show_if else {
            continue;
        };
        conditional += 1;
        let sets = combinations(&instrument, condition);
        let shown = sets
            .iter()
            .filter(|a| is_visible(&instrument, a, &item.variable))
            .count();
        assert!(shown > 0, "{} is never shown", item.variable);
        assert!(shown < sets.len(), "{} is never hidden", item.variable);
        for read in variables(condition) {
            assert!(
                position(&instrument, read) < position(&instrument, &item.variable),
                "{} reads a later item",
                item.variable
            );
        }
    }
    assert_eq!(conditional, 3);
}

#[test]
fn follow_up_items_only_when_their_answer_calls_for_them() {
    let instrument = instrument();
    let cases = [
        (
            "b4_missed_why",
            "b3_missed_doses",
            AnswerValue::Number(0.0),
            AnswerValue::Number(3.0),
        ),
        (
            "e6_stop_buying",
            "e4_days_bought",
            AnswerValue::Number(0.0),
            AnswerValue::Number(1.0),
        ),
        (
            "e9_shared",
            "e8_injected",
            AnswerValue::Code(0),
            AnswerValue::Code(1),
        ),
    ];
    for (follow, gate, hides, shows) in cases {
        assert!(
            !is_visible(&instrument, &Answers::new(), follow),
            "{follow}"
        );
        let hidden = answers(&[(gate, hides.clone())]);
        assert!(!is_visible(&instrument, &hidden, follow), "{follow}");
        let prefer = answers(&[(gate, AnswerValue::Missing(MissingCode::PreferNotToSay))]);
        assert!(!is_visible(&instrument, &prefer, follow), "{follow}");
        let shown = answers(&[(gate, shows.clone())]);
        assert!(is_visible(&instrument, &shown, follow), "{follow}");
        // An answer left behind when the gate changes back is dropped.
        let stale = answers(&[(gate, hides), (follow, AnswerValue::Code(1))]);
        assert!(!prune_hidden(&instrument, &stale).contains_key(follow));
    }
}
