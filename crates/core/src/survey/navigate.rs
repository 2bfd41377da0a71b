//! Moving between screens along the items currently shown. A position names
//! a screen by the variable of its first shown item.

use crate::answer::Answers;
use crate::instrument::{Instrument, Item};
use crate::screen::visible_screens;

/// The variable naming a screen: its first item's.
fn key(screen: &[&Item]) -> Option<String> {
    screen.first().map(|i| i.variable.clone())
}

/// Index of the shown screen that holds `variable`.
fn index_of(screens: &[Vec<&Item>], variable: &str) -> Option<usize> {
    screens
        .iter()
        .position(|s| s.iter().any(|i| i.variable == variable))
}

/// The first shown screen, if any.
pub fn first(instrument: &Instrument, answers: &Answers) -> Option<String> {
    visible_screens(instrument, answers)
        .first()
        .and_then(|s| key(s))
}

/// The last shown screen, if any.
pub fn last(instrument: &Instrument, answers: &Answers) -> Option<String> {
    visible_screens(instrument, answers)
        .last()
        .and_then(|s| key(s))
}

/// The shown screen after the one holding `variable`; `None` past the end.
pub fn after(instrument: &Instrument, answers: &Answers, variable: &str) -> Option<String> {
    let screens = visible_screens(instrument, answers);
    let at = index_of(&screens, variable)?;
    screens.get(at + 1).and_then(|s| key(s))
}

/// The shown screen before the one holding `variable`; `None` at the start.
pub fn before(instrument: &Instrument, answers: &Answers, variable: &str) -> Option<String> {
    let screens = visible_screens(instrument, answers);
    let at = index_of(&screens, variable)?;
    at.checked_sub(1).and_then(|p| key(&screens[p]))
}

/// 1-based number of the screen holding `variable` among the screens
/// shown, and how many are shown ("Page 7 of 40").
pub fn number(
    instrument: &Instrument,
    answers: &Answers,
    variable: &str,
) -> Option<(usize, usize)> {
    let screens = visible_screens(instrument, answers);
    let at = index_of(&screens, variable)?;
    Some((at + 1, screens.len()))
}
