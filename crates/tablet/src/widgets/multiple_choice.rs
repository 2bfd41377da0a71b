//! Pick any from a list: native checkboxes drawn as the same big tiles. An
//! option that goes alone ("None of these") clears the others when ticked,
//! and is cleared when another is ticked.

use super::choice_list::ChoiceOption;
use super::part_id;
use super::tile::{tile, Tile, TileKind};
use crate::hooks::use_read_aloud::ReadingNow;
use candour_core::answer::AnswerValue;
use candour_core::read_aloud::Part;
use candour_core::validate::toggle_choice;
use yew::prelude::*;

/// Props of [`MultipleChoice`].
#[derive(Properties, PartialEq)]
pub(super) struct MultipleChoiceProps {
    /// The item's variable: the checkboxes' name and the root of their ids.
    pub variable: AttrValue,
    /// Id of the question text, which names the group.
    pub labelled_by: AttrValue,
    /// The options, in the order shown.
    pub options: Vec<ChoiceOption>,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// Called with the ticked codes (ascending), or `None` when none is ticked.
    /// An exclusive option is never sent with another.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// A group of checkbox tiles; every tick or untick sends the whole selection.
#[component]
pub(super) fn MultipleChoice(props: &MultipleChoiceProps) -> Html {
    let reading = use_context::<ReadingNow>().unwrap_or_default();
    // A missing code (e.g. "Prefer not to say") means nothing is ticked.
    let ticked: Vec<i64> = match &props.value {
        Some(AnswerValue::Codes(codes)) => codes.clone(),
        _ => Vec::new(),
    };
    let exclusive: Vec<i64> = props
        .options
        .iter()
        .filter(|o| o.exclusive)
        .map(|o| o.code)
        .collect();
    let tiles = props.options.iter().map(|option| {
        let code = option.code;
        let on_change = props.on_change.clone();
        let before = ticked.clone();
        let exclusive = exclusive.clone();
        tile(Tile {
            kind: TileKind::Checkbox,
            id: part_id(&props.variable, &format!("opt-{code}")),
            name: props.variable.clone(),
            code,
            checked: ticked.contains(&code),
            content: html! { { option.label.clone() } },
            class: None,
            reading: reading.is(&Part::Choice(code)),
            on_toggle: Callback::from(move |now: bool| {
                on_change.emit(toggle_choice(&exclusive, &before, code, now));
            }),
        })
    });
    html! {
        <fieldset class="answer-group answer-list"
            aria-labelledby={props.labelled_by.clone()}>
            { for tiles }
        </fieldset>
    }
}
