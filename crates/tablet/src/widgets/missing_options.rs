//! "Does not apply", "Don't know" and "Prefer not to say": set apart below
//! the answer, quieter than the scale, so that nobody takes them for a point
//! on it.

use super::part_id;
use super::words::use_words;
use crate::hooks::use_read_aloud::ReadingNow;
use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::read_aloud::Part;
use yew::prelude::*;

/// Props of [`MissingOptions`].
#[derive(Properties, PartialEq)]
pub(super) struct MissingOptionsProps {
    /// The item's variable, the root of the buttons' ids.
    pub variable: AttrValue,
    /// The "prefer not to say" label, when the item offers it.
    pub prefer_not_to_say: Option<AttrValue>,
    /// The "don't know" label, when the item offers it.
    pub dont_know: Option<AttrValue>,
    /// The "does not apply" label, when the item offers it.
    #[prop_or_default]
    pub does_not_apply: Option<AttrValue>,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// Called with `Missing(..)` when one is chosen, `None` when it is undone.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// Toggle buttons (`aria-pressed`), one per offered missing code, after a
/// divider. Pressing one replaces any answer; pressing it again clears it;
/// giving a real answer afterwards replaces it (the widget sends that value).
#[component]
pub(super) fn MissingOptions(props: &MissingOptionsProps) -> Html {
    // App wording, not the instrument's: the instrument only names the options.
    let or = use_words().get("answer.or");
    let reading = use_context::<ReadingNow>().unwrap_or_default();
    // In the order of the "required" message and of reading aloud.
    let offered = [
        (
            MissingCode::DoesNotApply,
            "does-not-apply",
            &props.does_not_apply,
        ),
        (MissingCode::DontKnow, "dont-know", &props.dont_know),
        (
            MissingCode::PreferNotToSay,
            "prefer-not-to-say",
            &props.prefer_not_to_say,
        ),
    ];
    let buttons = offered
        .into_iter()
        .filter_map(|(code, part, label)| label.clone().map(|label| (code, part, label)))
        .map(|(code, part, label)| {
            let pressed = props.value == Some(AnswerValue::Missing(code));
            let read_now = reading.is(&Part::Missing(code)).then_some("reading");
            let on_change = props.on_change.clone();
            let onclick = Callback::from(move |_: MouseEvent| {
                on_change.emit((!pressed).then_some(AnswerValue::Missing(code)));
            });
            html! {
                <button type="button" id={part_id(&props.variable, part)}
                    class={classes!("answer-missing-option", read_now)}
                    aria-pressed={if pressed { "true" } else { "false" }} {onclick}>
                    <span class="answer-mark answer-mark-missing" aria-hidden="true"></span>
                    <span class="answer-tile-text">{ label }</span>
                </button>
            }
        });
    html! {
        <div class="answer-missing">
            <p class={classes!("answer-or", reading.is(&Part::Or).then_some("reading"))}>{ or }</p>
            <div class="answer-missing-options">{ for buttons }</div>
        </div>
    }
}
