//! Screens: the items a participant sees at once. An item has a screen of
//! its own unless it names a group of its section; the items of a group
//! (which follow each other) share one screen. Which screens there are
//! depends on skip logic: a hidden item is on no screen, and a screen whose
//! every item is hidden is not shown at all.

use crate::answer::Answers;
use crate::instrument::{Instrument, Item};
use crate::visibility::{all_items, visible_items};

/// The items in order, cut into screens: consecutive items that name the
/// same group share one; every other item is a screen of its own.
fn cut<'a>(items: impl IntoIterator<Item = &'a Item>) -> Vec<Vec<&'a Item>> {
    let mut screens: Vec<Vec<&Item>> = Vec::new();
    for item in items {
        let joins = match (screens.last().and_then(|s| s.last()), &item.group) {
            (Some(before), Some(group)) => before.group.as_ref() == Some(group),
            _ => false,
        };
        match screens.last_mut() {
            Some(screen) if joins => screen.push(item),
            _ => screens.push(vec![item]),
        }
    }
    screens
}

/// The screens shown for these answers, in order, each with its shown items.
pub fn visible_screens<'a>(instrument: &'a Instrument, answers: &Answers) -> Vec<Vec<&'a Item>> {
    cut(visible_items(instrument, answers))
}

/// Every screen of the instrument as if every condition held: the longest
/// path, that of someone shown every item. Its length bounds the screens
/// anyone sees.
pub fn every_screen(instrument: &Instrument) -> Vec<Vec<&Item>> {
    cut(all_items(instrument))
}

/// The shown items of the screen that holds `variable`, in order; empty
/// when the item is not shown for these answers.
pub fn screen_of<'a>(
    instrument: &'a Instrument,
    answers: &Answers,
    variable: &str,
) -> Vec<&'a Item> {
    visible_screens(instrument, answers)
        .into_iter()
        .find(|screen| screen.iter().any(|i| i.variable == variable))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::AnswerValue;
    use crate::instrument::load::load_instrument;
    use crate::instrument::with_sections;

    const GROUPED: &str = r#"[{"id": "s", "title": "S",
        "groups": [{"id": "g_one", "heading": "Agree?"}, {"id": "g_two", "heading": "Agree?"}],
        "items": [
          {"variable": "a1", "text": "One?", "type": "yes_no_not_sure"},
          {"variable": "a2", "text": "Two.", "type": "agreement", "group": "g_one"},
          {"variable": "a3", "text": "Three.", "type": "agreement", "group": "g_one",
           "show_if": {"equals": {"variable": "a1", "value": 1}}},
          {"variable": "a4", "text": "Four.", "type": "agreement", "group": "g_two"},
          {"variable": "a5", "text": "Five?", "type": "agreement",
           "show_if": {"equals": {"variable": "a1", "value": 1}}}
        ]}]"#;

    fn names(screens: &[Vec<&Item>]) -> Vec<Vec<String>> {
        screens
            .iter()
            .map(|s| s.iter().map(|i| i.variable.clone()).collect())
            .collect()
    }

    #[test]
    fn groups_share_a_screen_and_hidden_items_leave_it() {
        let instrument = load_instrument(&with_sections("[]", GROUPED)).expect("loads");
        assert_eq!(
            names(&every_screen(&instrument)),
            vec![vec!["a1"], vec!["a2", "a3"], vec!["a4"], vec!["a5"]]
        );
        let none = Answers::new();
        assert_eq!(
            names(&visible_screens(&instrument, &none)),
            vec![vec!["a1"], vec!["a2"], vec!["a4"]]
        );
        let yes: Answers = [("a1".to_owned(), AnswerValue::Code(1))].into();
        assert_eq!(
            names(&visible_screens(&instrument, &yes)),
            names(&every_screen(&instrument))
        );
        let screen: Vec<&str> = screen_of(&instrument, &yes, "a3")
            .iter()
            .map(|i| i.variable.as_str())
            .collect();
        assert_eq!(screen, vec!["a2", "a3"]);
        assert!(screen_of(&instrument, &none, "a5").is_empty());
    }
}
