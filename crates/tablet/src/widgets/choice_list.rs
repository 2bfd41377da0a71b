//! Pick one from a list: single choice, the agreement scale and yes / no /
//! not sure, as a group of native radios drawn as big tiles.

use super::code_radio::{chosen_code, code_radio, CodeRadio};
use crate::hooks::use_read_aloud::ReadingNow;
use candour_core::answer::AnswerValue;
use yew::prelude::*;

/// One option of a list: its stored code and its words.
#[derive(Clone, PartialEq)]
pub(super) struct ChoiceOption {
    /// The code stored in records.
    pub code: i64,
    /// The words shown and read aloud.
    pub label: AttrValue,
    /// Multiple choice: the option goes alone ("None of these").
    pub exclusive: bool,
}

impl ChoiceOption {
    /// An option with this code and label.
    pub fn new(code: i64, label: AttrValue) -> Self {
        ChoiceOption {
            code,
            label,
            exclusive: false,
        }
    }
}

/// Props of [`ChoiceList`].
#[derive(Properties, PartialEq)]
pub(super) struct ChoiceListProps {
    /// The item's variable: the radios' name and the root of their ids.
    pub variable: AttrValue,
    /// Id of the question text, which names the group.
    pub labelled_by: AttrValue,
    /// The options, in the order shown.
    pub options: Vec<ChoiceOption>,
    /// Whether the item must be answered (told to screen readers).
    pub required: bool,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// Called with `Code` the moment an option is chosen.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// A radio group of tiles, one per option, stacked so long labels wrap.
#[component]
pub(super) fn ChoiceList(props: &ChoiceListProps) -> Html {
    let reading = use_context::<ReadingNow>().unwrap_or_default();
    let selected = chosen_code(&props.value);
    let tiles = props.options.iter().map(|option| {
        let radio = CodeRadio {
            variable: &props.variable,
            code: option.code,
            selected,
            reading: &reading,
            on_change: &props.on_change,
        };
        code_radio(radio, html! { { option.label.clone() } }, None)
    });
    html! {
        <fieldset class="answer-group answer-list" role="radiogroup"
            aria-labelledby={props.labelled_by.clone()}
            aria-required={props.required.then_some("true")}>
            { for tiles }
        </fieldset>
    }
}
