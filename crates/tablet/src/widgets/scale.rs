//! A 0 to 10 or 0 to 20 scale: square number tiles in rows that wrap on a
//! narrow screen, with the words of both ends shown above them.

use super::code_radio::{chosen_code, code_radio, CodeRadio};
use super::words::use_words;
use crate::hooks::use_read_aloud::ReadingNow;
use candour_core::answer::AnswerValue;
use yew::prelude::*;

/// Props of [`Scale`].
#[derive(Properties, PartialEq)]
pub(super) struct ScaleProps {
    /// The item's variable: the radios' name and the root of their ids.
    pub variable: AttrValue,
    /// Id of the question text, which names the group.
    pub labelled_by: AttrValue,
    /// Words for 0, e.g. "Not at all sure".
    pub low_label: AttrValue,
    /// Words for the highest number, e.g. "Very sure".
    pub high_label: AttrValue,
    /// The highest number: 10 or 20.
    pub max: i64,
    /// Whether the item must be answered (told to screen readers).
    pub required: bool,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// Called with `Code(0..=max)` the moment a number is chosen.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// A radio group of the numbers 0 to `max`.
///
/// Each radio is named by its number; 0 and `max` also carry their end's words
/// in hidden text ("0, Not at all sure"), so a screen reader says what the
/// ends mean wherever the person lands. Sighted people read the same words in
/// the key above the tiles, which is therefore hidden from screen readers to
/// avoid saying everything twice.
#[component]
pub(super) fn Scale(props: &ScaleProps) -> Html {
    let reading = use_context::<ReadingNow>().unwrap_or_default();
    let words = use_words();
    let selected = chosen_code(&props.value);
    let max = props.max;
    let tiles = (0..=max).map(|code: i64| {
        let end = match code {
            0 => Some(&props.low_label),
            c if c == max => Some(&props.high_label),
            _ => None,
        };
        // "0, Not at all sure", with the locale's own punctuation.
        let end_words = |n: &str, label: &AttrValue| {
            words.fill("answer.scale_end", &[("n", n), ("label", label)])
        };
        let radio = CodeRadio {
            variable: &props.variable,
            code,
            selected,
            reading: &reading,
            on_change: &props.on_change,
        };
        let content = html! {
            // The end tiles' name is one piece of text ("0, Not at all
            // sure"): split over two boxes, browsers put a space before
            // the comma.
            if let Some(label) = end {
                <span class="answer-sr-only">{ end_words(&code.to_string(), label) }</span>
                <span aria-hidden="true">{ code.to_string() }</span>
            } else {
                { code.to_string() }
            }
        };
        code_radio(radio, content, Some("answer-scale-tile"))
    });
    html! {
        <div class={classes!("answer-scale", (max > 10).then_some("answer-scale-wide"))}>
            <div class="answer-scale-key" aria-hidden="true">
                <span class="answer-scale-end">
                    <span class="answer-scale-end-number">{ "0" }</span>
                    { props.low_label.clone() }
                </span>
                <span class="answer-scale-end answer-scale-end-high">
                    { props.high_label.clone() }
                    <span class="answer-scale-end-number">{ max.to_string() }</span>
                </span>
            </div>
            <fieldset class="answer-group answer-scale-tiles" role="radiogroup"
                aria-labelledby={props.labelled_by.clone()}
                aria-required={props.required.then_some("true")}>
                { for tiles }
            </fieldset>
        </div>
    }
}
