//! The radio tile of a one-answer group: a list of options or a number
//! scale. Both make their tiles here, so that their ids, names, checked
//! state and answers cannot drift apart.

use super::part_id;
use super::tile::{tile, Tile, TileKind};
use crate::hooks::use_read_aloud::ReadingNow;
use candour_core::answer::AnswerValue;
use candour_core::read_aloud::Part;
use yew::prelude::*;

/// The code `value` holds, if it is one: which radio of the group is
/// checked (none for a missing code, which its own buttons show).
pub(super) fn chosen_code(value: &Option<AnswerValue>) -> Option<i64> {
    match value {
        Some(AnswerValue::Code(code)) => Some(*code),
        _ => None,
    }
}

/// What one radio of an item's group is, beside its tile's look.
pub(super) struct CodeRadio<'a> {
    /// The item's variable: the radios' name and the root of their ids.
    pub variable: &'a AttrValue,
    /// The code this radio answers.
    pub code: i64,
    /// The code chosen now ([`chosen_code`]).
    pub selected: Option<i64>,
    /// What is being read aloud now (its tile is highlighted).
    pub reading: &'a ReadingNow,
    /// Called with `Code(code)` the moment this radio is chosen.
    pub on_change: &'a Callback<Option<AnswerValue>>,
}

/// The radio tile answering `radio.code`, showing `content` (with the
/// extra `class`, if any).
pub(super) fn code_radio(radio: CodeRadio<'_>, content: Html, class: Option<&'static str>) -> Html {
    let CodeRadio {
        variable,
        code,
        selected,
        reading,
        on_change,
    } = radio;
    let on_change = on_change.clone();
    tile(Tile {
        kind: TileKind::Radio,
        id: part_id(variable, &format!("opt-{code}")),
        name: variable.clone(),
        code,
        checked: selected == Some(code),
        content,
        class,
        reading: reading.is(&Part::Choice(code)),
        // A radio only fires "change" when it becomes checked.
        on_toggle: Callback::from(move |_| on_change.emit(Some(AnswerValue::Code(code)))),
    })
}
