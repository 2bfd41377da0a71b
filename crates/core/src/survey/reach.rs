//! The answers a finished survey records, coded: every item shown but left
//! unanswered is -97; in a partial record, every item the participant never
//! reached is -95 ("not reached"), which is not the blank of an item skipped
//! by logic.
//!
//! An item after the point where a partial survey stopped is not reached
//! when it would have been shown, or when whether it would have been shown
//! depends on an answer that was itself never reached. It is blank (skipped
//! by logic) only when the answers given settle that it would have been
//! hidden.

use crate::answer::{AnswerValue, Answers, MissingCode};
use crate::condition::decide;
use crate::instrument::Instrument;
use crate::record::{ItemTimes, Status};
use crate::visibility::{all_items, prune_hidden};
use std::collections::{BTreeMap, HashSet};

/// The answers of a survey that ended with `status` (complete or partial),
/// coded for its record. `paradata` says which items were shown: an item
/// with a first-shown time was on screen.
pub fn coded_answers(
    instrument: &Instrument,
    answers: &Answers,
    paradata: &BTreeMap<String, ItemTimes>,
    status: Status,
) -> Answers {
    let mut coded = prune_hidden(instrument, answers);
    let was_shown = |variable: &str| {
        paradata
            .get(variable)
            .is_some_and(|t| t.first_shown.is_some())
    };
    let mut unreached: HashSet<String> = HashSet::new();
    for item in all_items(instrument) {
        let variable = item.variable.as_str();
        // Decided on the answers of earlier items only, as skip logic is.
        let shown_by_logic = match &item.show_if {
            None => Some(true),
            Some(condition) => decide(condition, &coded, &|v| unreached.contains(v)),
        };
        if coded.contains_key(variable) {
            continue;
        }
        let code = match (shown_by_logic, status) {
            (Some(false), _) => continue,
            (Some(true), Status::Complete) => MissingCode::Unanswered,
            (Some(true), _) if was_shown(variable) => MissingCode::Unanswered,
            _ => {
                unreached.insert(variable.to_owned());
                MissingCode::NotReached
            }
        };
        coded.insert(variable.to_owned(), AnswerValue::Missing(code));
    }
    coded
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::instrument::load::load_instrument;
    use crate::instrument::with_sections;
    use crate::time::Timestamp;

    /// a1 (routing), a2 shown if a1 is yes, a3 always, a4 shown if a3 is 5.
    const ROUTED: &str = r#"[{"id": "s", "title": "S", "items": [
        {"variable": "a1", "text": "One?", "type": "yes_no_not_sure"},
        {"variable": "a2", "text": "Two.", "type": "agreement",
         "show_if": {"equals": {"variable": "a1", "value": 1}}},
        {"variable": "a3", "text": "Three.", "type": "agreement"},
        {"variable": "a4", "text": "Four.", "type": "agreement",
         "show_if": {"equals": {"variable": "a3", "value": 5}}}
      ]}]"#;

    fn shown(variables: &[&str]) -> BTreeMap<String, ItemTimes> {
        variables
            .iter()
            .map(|v| {
                let times = ItemTimes {
                    first_shown: Some(Timestamp(1)),
                    last_changed: None,
                };
                ((*v).to_owned(), times)
            })
            .collect()
    }

    fn code(answers: &Answers, variable: &str) -> Option<AnswerValue> {
        answers.get(variable).cloned()
    }

    const NOT_REACHED: Option<AnswerValue> = Some(AnswerValue::Missing(MissingCode::NotReached));
    const UNANSWERED: Option<AnswerValue> = Some(AnswerValue::Missing(MissingCode::Unanswered));

    #[test]
    fn a_partial_record_tells_unreached_from_skipped_and_from_unanswered() {
        let instrument = load_instrument(&with_sections("[]", ROUTED)).expect("loads");
        // Stopped on a3 after answering a1 "no": a2 skipped by logic, a3
        // shown and left, a4 depends on a3 (unanswered): skipped.
        let answers: Answers = [("a1".to_owned(), AnswerValue::Code(0))].into();
        let coded = coded_answers(
            &instrument,
            &answers,
            &shown(&["a1", "a3"]),
            Status::Partial,
        );
        assert_eq!(code(&coded, "a1"), Some(AnswerValue::Code(0)));
        assert_eq!(code(&coded, "a2"), None, "skipped by logic stays blank");
        assert_eq!(code(&coded, "a3"), UNANSWERED);
        assert_eq!(
            code(&coded, "a4"),
            None,
            "a3 was shown and left: a4 skipped"
        );

        // Stopped on a1 without answering: a2 depends on a1 (shown, left):
        // skipped; a3 never reached; a4 depends on a3: not reached either.
        let coded = coded_answers(
            &instrument,
            &Answers::new(),
            &shown(&["a1"]),
            Status::Partial,
        );
        assert_eq!(code(&coded, "a1"), UNANSWERED);
        assert_eq!(code(&coded, "a2"), None);
        assert_eq!(code(&coded, "a3"), NOT_REACHED);
        assert_eq!(
            code(&coded, "a4"),
            NOT_REACHED,
            "its condition reads an unreached item"
        );

        // Answered a1 "yes", stopped before a2.
        let answers: Answers = [("a1".to_owned(), AnswerValue::Code(1))].into();
        let coded = coded_answers(&instrument, &answers, &shown(&["a1"]), Status::Partial);
        assert_eq!(code(&coded, "a2"), NOT_REACHED);
        assert_eq!(code(&coded, "a3"), NOT_REACHED);
    }

    #[test]
    fn a_complete_record_has_no_unreached_item() {
        let instrument = load_instrument(&with_sections("[]", ROUTED)).expect("loads");
        let answers: Answers = [
            ("a1".to_owned(), AnswerValue::Code(1)),
            ("a3".to_owned(), AnswerValue::Code(5)),
        ]
        .into();
        let coded = coded_answers(&instrument, &answers, &BTreeMap::new(), Status::Complete);
        assert_eq!(code(&coded, "a2"), UNANSWERED);
        assert_eq!(code(&coded, "a4"), UNANSWERED);
        assert!(coded
            .values()
            .all(|v| *v != AnswerValue::Missing(MissingCode::NotReached)));
    }
}
