//! Free text: a text area with a count of the characters left.

use super::part_id;
use super::words::use_words;
use candour_core::answer::AnswerValue;
use gloo::timers::callback::Timeout;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// How long typing must pause before a screen reader is told the count.
/// Saying it after every key would drown out the typing echo (the reason
/// GOV.UK's character count waits too).
const ANNOUNCE_AFTER_MS: u32 = 1_000;

/// Props of [`FreeText`].
#[derive(Properties, PartialEq)]
pub(super) struct FreeTextProps {
    /// The item's variable, the root of the ids.
    pub variable: AttrValue,
    /// Id of the question text, which names the text area.
    pub labelled_by: AttrValue,
    /// Most characters allowed.
    pub max_length: u32,
    /// Whether the item must be answered (told to screen readers).
    pub required: bool,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// Called with `Text` on each input, or `None` when only spaces are left.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// A `<textarea>` whose typed text lives here, so that a trailing space or a
/// new line is kept while the person types. The visible count is part of the
/// text area's description; a separate polite live region repeats it once
/// typing pauses.
#[component]
pub(super) fn FreeText(props: &FreeTextProps) -> Html {
    let words = use_words();
    let text = use_state(|| match &props.value {
        Some(AnswerValue::Text(t)) => t.clone(),
        _ => String::new(),
    });
    let announced = use_state(String::new);
    // Dropping a Timeout cancels it: a new key press restarts the wait, and
    // leaving the question cancels a pending announcement.
    let pending = use_mut_ref(|| None::<Timeout>);
    {
        let text = text.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(shown) = text_for(&text, value.as_ref()) {
                text.set(shown);
            }
        });
    }
    let max = props.max_length;
    let oninput = {
        let (text, announced, on_change) =
            (text.clone(), announced.clone(), props.on_change.clone());
        let words = words.clone();
        Callback::from(move |e: InputEvent| {
            let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            let typed = area.value();
            let message = words.characters_left(left(max, &typed));
            let announced = announced.clone();
            *pending.borrow_mut() = Some(Timeout::new(ANNOUNCE_AFTER_MS, move || {
                announced.set(message);
            }));
            text.set(typed.clone());
            let answer = (!typed.trim().is_empty()).then_some(AnswerValue::Text(typed));
            on_change.emit(answer);
        })
    };
    let count_id = part_id(&props.variable, "count");
    html! {
        <div class="answer-text">
            <textarea class="answer-text-box" id={part_id(&props.variable, "text")}
                rows="5" maxlength={max.to_string()} autocomplete="off"
                // Enhanced spell check sends typed text to a server: never.
                spellcheck="false"
                aria-labelledby={props.labelled_by.clone()}
                aria-describedby={count_id.clone()}
                aria-required={props.required.then_some("true")}
                value={(*text).clone()} {oninput} />
            <p class="answer-count" id={count_id}>{ words.characters_left(left(max, &text)) }</p>
            <p class="answer-sr-only" id={part_id(&props.variable, "count-live")}
                aria-live="polite">{ (*announced).clone() }</p>
        </div>
    }
}

/// What the text area must show for an answer that arrived from outside, or
/// `None` to leave it as typed.
fn text_for(text: &str, value: Option<&AnswerValue>) -> Option<String> {
    match value {
        Some(AnswerValue::Text(t)) => (t != text).then(|| t.clone()),
        // Only spaces are never sent, so a blank box already matches "none".
        None => (!text.trim().is_empty()).then(String::new),
        Some(_) => (!text.is_empty()).then(String::new),
    }
}

/// Characters left before `maxlength`. Browsers count UTF-16 units there (an
/// emoji counts two), so this does too, reaching 0 exactly when typing stops.
fn left(max: u32, text: &str) -> usize {
    (max as usize).saturating_sub(text.encode_utf16().count())
}
