//! Skip logic: which items are shown, given the answers so far, and progress.

use crate::answer::Answers;
use crate::condition::holds;
use crate::instrument::{Instrument, Item};

/// Every item of the instrument, in the order asked.
pub fn all_items(instrument: &Instrument) -> impl Iterator<Item = &Item> {
    instrument.sections.iter().flat_map(|s| s.items.iter())
}

/// The items shown for these answers, in order. An item's condition is
/// evaluated only on the answers of earlier items that are themselves shown,
/// so an answer left behind on a hidden item never shows anything.
pub fn visible_items<'a>(instrument: &'a Instrument, answers: &Answers) -> Vec<&'a Item> {
    let mut shown_answers = Answers::new();
    let mut shown = Vec::new();
    for item in all_items(instrument) {
        let visible = item
            .show_if
            .as_ref()
            .is_none_or(|c| holds(c, &shown_answers));
        if visible {
            if let Some(value) = answers.get(&item.variable) {
                shown_answers.insert(item.variable.clone(), value.clone());
            }
            shown.push(item);
        }
    }
    shown
}

/// The answers with every answer to a hidden item dropped: a hidden item is
/// coded as skipped (blank), never as the value it had before it was hidden.
pub fn prune_hidden(instrument: &Instrument, answers: &Answers) -> Answers {
    visible_items(instrument, answers)
        .into_iter()
        .filter_map(|item| {
            answers
                .get(&item.variable)
                .map(|v| (item.variable.clone(), v.clone()))
        })
        .collect()
}

/// How far a participant has got: answered items of the items shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Shown items with an answer (a missing code such as "prefer not to say" counts).
    pub answered: usize,
    /// Items shown for the answers so far.
    pub visible: usize,
}

impl Progress {
    /// Whole percent answered, 0 to 100 (100 when nothing is shown).
    pub fn percent(&self) -> u8 {
        if self.visible == 0 {
            return 100;
        }
        ((self.answered.min(self.visible) * 100) / self.visible) as u8
    }
}

/// Progress for these answers.
pub fn progress(instrument: &Instrument, answers: &Answers) -> Progress {
    let visible = visible_items(instrument, answers);
    let answered = visible
        .iter()
        .filter(|item| answers.contains_key(&item.variable))
        .count();
    Progress {
        answered,
        visible: visible.len(),
    }
}
