//! Moving between questions along the items currently shown.

use crate::answer::Answers;
use crate::instrument::Instrument;
use crate::visibility::visible_items;

/// Variable of the first item shown, if any.
pub fn first(instrument: &Instrument, answers: &Answers) -> Option<String> {
    visible_items(instrument, answers)
        .first()
        .map(|i| i.variable.clone())
}

/// Variable of the last item shown, if any.
pub fn last(instrument: &Instrument, answers: &Answers) -> Option<String> {
    visible_items(instrument, answers)
        .last()
        .map(|i| i.variable.clone())
}

/// Variable of the shown item after `variable`; `None` past the end.
pub fn after(instrument: &Instrument, answers: &Answers, variable: &str) -> Option<String> {
    let shown = visible_items(instrument, answers);
    let at = shown.iter().position(|i| i.variable == variable)?;
    shown.get(at + 1).map(|i| i.variable.clone())
}

/// Variable of the shown item before `variable`; `None` at the start.
pub fn before(instrument: &Instrument, answers: &Answers, variable: &str) -> Option<String> {
    let shown = visible_items(instrument, answers);
    let at = shown.iter().position(|i| i.variable == variable)?;
    at.checked_sub(1).map(|p| shown[p].variable.clone())
}

/// 1-based number of `variable` among the shown items, and how many are shown.
pub fn number(
    instrument: &Instrument,
    answers: &Answers,
    variable: &str,
) -> Option<(usize, usize)> {
    let shown = visible_items(instrument, answers);
    let at = shown.iter().position(|i| i.variable == variable)?;
    Some((at + 1, shown.len()))
}
