//! A number in a box, with its unit beside it (in the singular after 1) and
//! a numeric keypad.

use super::part_id;
use super::words::use_words;
use candour_core::answer::AnswerValue;
use candour_core::answer_text::{format_number, unit_for};
use candour_core::instrument::Item;
use candour_core::validate::parse_number_input;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`NumberInput`].
#[derive(Properties, PartialEq)]
pub(super) struct NumberInputProps {
    /// The item's variable, the root of the box's ids.
    pub variable: AttrValue,
    /// Id of the question text, which names the box.
    pub labelled_by: AttrValue,
    /// The number item, whose range and step the typed text is checked
    /// against, and whose unit shows beside the box.
    pub item: Rc<Item>,
    /// Locale of the texts shown.
    pub locale: AttrValue,
    /// The instrument's own locale, for texts the locale lacks.
    pub fallback: AttrValue,
    /// Whether fractions are allowed, which asks for a keypad with a point.
    pub decimal: bool,
    /// Whether the item must be answered (told to screen readers).
    pub required: bool,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// Called with `Number` for a valid number, `None` when the box is emptied.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// A text box (not `type="number"`, which silently drops what it cannot read
/// and changes the value on a scroll) with `inputmode` for the keypad.
///
/// The typed text lives here, so that "12." or "12,5" stay as typed while the
/// person types. Each input is read at once: a valid number is sent, an empty
/// box sends `None`, anything else shows the reason under the box and sends
/// nothing.
#[component]
pub(super) fn NumberInput(props: &NumberInputProps) -> Html {
    let words = use_words();
    let text = use_state(|| match &props.value {
        Some(AnswerValue::Number(n)) => format_number(*n),
        _ => String::new(),
    });
    let error = use_state(|| None::<AttrValue>);
    {
        // An answer given elsewhere (a missing code, a reset, the review
        // screen) must show in the box; our own answers already do.
        let (text, error, item) = (text.clone(), error.clone(), props.item.clone());
        use_effect_with(props.value.clone(), move |value| {
            if let Some(shown) = text_for(&item, &text, error.is_some(), value.as_ref()) {
                text.set(shown);
                error.set(None);
            }
        });
    }
    let oninput = {
        let (text, error) = (text.clone(), error.clone());
        let (item, on_change) = (props.item.clone(), props.on_change.clone());
        let words = words.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let typed = input.value();
            text.set(typed.clone());
            if typed.trim().is_empty() {
                error.set(None);
                on_change.emit(None);
                return;
            }
            match parse_number_input(&item, &typed) {
                Ok(answer) => {
                    error.set(None);
                    on_change.emit(Some(answer));
                }
                Err(why) => {
                    error.set(Some(why.in_words(words.messages()).into()));
                    // Never keep an earlier number while the box says something
                    // else: the stored answer is what the box shows, or none.
                    on_change.emit(None);
                }
            }
        })
    };
    // "1 time a day" but "2 times a day": the unit follows what the box says.
    let typed = match parse_number_input(&props.item, &text) {
        Ok(AnswerValue::Number(n)) => n,
        _ => f64::NAN,
    };
    let unit = unit_for(&props.item, typed, &props.locale, &props.fallback).to_owned();
    let unit_id = part_id(&props.variable, "unit");
    let error_id = part_id(&props.variable, "error");
    let described_by = match *error {
        Some(_) => format!("{unit_id} {error_id}"),
        None => unit_id.to_string(),
    };
    html! {
        <div class="answer-number">
            <div class="answer-number-row">
                <input class="answer-number-box" type="text"
                    id={part_id(&props.variable, "number")}
                    inputmode={if props.decimal { "decimal" } else { "numeric" }}
                    autocomplete="off"
                    aria-labelledby={props.labelled_by.clone()}
                    aria-describedby={described_by}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-required={props.required.then_some("true")}
                    value={(*text).clone()} {oninput} />
                <span class="answer-number-unit" id={unit_id}>{ unit }</span>
            </div>
            // Always present, so that screen readers already watch it when a
            // message appears; polite, so it does not cut into typing.
            <p class="answer-error" id={error_id} aria-live="polite">
                { (*error).clone().unwrap_or_default() }
            </p>
        </div>
    }
}

/// What the box must show for an answer that arrived from outside, or `None`
/// to leave it as typed.
fn text_for(
    item: &Item,
    text: &str,
    has_error: bool,
    value: Option<&AnswerValue>,
) -> Option<String> {
    match value {
        Some(AnswerValue::Number(n)) => {
            let same = parse_number_input(item, text).ok() == Some(AnswerValue::Number(*n));
            (!same).then(|| format_number(*n))
        }
        // Cleared from outside: empty the box, unless it holds what the person
        // is still typing (empty, or not yet a number, which was never sent).
        None => parse_number_input(item, text).is_ok().then(String::new),
        // A missing code (or a value of another kind) means no number.
        Some(_) => (!text.is_empty() || has_error).then(String::new),
    }
}
