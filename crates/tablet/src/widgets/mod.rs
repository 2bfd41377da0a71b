//! Answer widgets: one component per item type, all behind [`AnswerInput`];
//! and the tools every participant screen shows above its content
//! ([`screen_tools`]: read aloud, text size and colours).
//!
//! Every widget is built from native form controls (radios, checkboxes, a text
//! box, a text area, buttons), so that roles, keyboard use and screen-reader
//! support come from the browser rather than from our own code. Each sends the
//! answer the moment it is given; there is no submit button inside a widget.

mod choice_list;
mod code_radio;
mod free_text;
mod missing_options;
mod multiple_choice;
mod number_input;
mod scale;
pub mod screen_tools;
mod tile;
mod words;

use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::instrument::{Choice, Instrument, Item, ItemKind};
use candour_core::read_aloud;
use candour_core::text::Text;
use choice_list::{ChoiceList, ChoiceOption};
use free_text::FreeText;
use missing_options::MissingOptions;
use multiple_choice::MultipleChoice;
use number_input::NumberInput;
use scale::Scale;
use std::rc::Rc;
use yew::prelude::*;

/// Props every answer widget takes.
#[derive(Properties, PartialEq, Clone)]
pub struct AnswerInputProps {
    /// The instrument (for the item and its shared scale labels).
    pub instrument: Rc<Instrument>,
    /// Variable of the item to answer.
    pub variable: AttrValue,
    /// The current answer, if any.
    pub value: Option<AnswerValue>,
    /// Locale of the texts to show.
    pub locale: AttrValue,
    /// Id of the element holding the question text, which labels the widget.
    pub labelled_by: AttrValue,
    /// Called with the new answer the moment it is given, or `None` when cleared.
    pub on_change: Callback<Option<AnswerValue>>,
}

/// The widget for the item's type, with "Prefer not to say" and "Don't know"
/// set apart below it where the item offers them.
#[component]
pub fn AnswerInput(props: &AnswerInputProps) -> Html {
    let words = words::use_words();
    let Some(item) = props.instrument.item(&props.variable) else {
        // A screen asking for an item the instrument lacks is an app fault;
        // the participant still gets words rather than a blank space.
        let text = words.get("answer.unknown_item");
        return html! { <p class="notice warning">{ text }</p> };
    };
    let say = |text: &Text| -> AttrValue {
        AttrValue::from(text.get(&props.locale, &props.instrument.locale).to_owned())
    };
    // Keyed by the item, so that moving to another item of the same type
    // builds a fresh widget instead of carrying over its typed text.
    html! {
        <div class="answer" key={props.variable.as_str()}>
            { widget(props, item, &say) }
            if item.prefer_not_to_say || item.dont_know || item.does_not_apply {
                <MissingOptions
                    variable={props.variable.clone()}
                    prefer_not_to_say={item.prefer_not_to_say.then(|| say(&props.instrument.scales.prefer_not_to_say))}
                    dont_know={item.dont_know.then(|| say(&props.instrument.scales.dont_know))}
                    does_not_apply={item.does_not_apply.then(|| missing_words(props, MissingCode::DoesNotApply))}
                    value={props.value.clone()}
                    on_change={props.on_change.clone()}
                />
            }
        </div>
    }
}

/// The words of a missing-code option, as the instrument gives them (the
/// loader makes sure it does for every option an item offers).
fn missing_words(props: &AnswerInputProps, code: MissingCode) -> AttrValue {
    read_aloud::missing_label(&props.instrument, code, &props.locale)
        .unwrap_or_else(|| code.meaning().to_owned())
        .into()
}

/// The main widget of the item, chosen by its type.
fn widget(props: &AnswerInputProps, item: &Item, say: &dyn Fn(&Text) -> AttrValue) -> Html {
    let AnswerInputProps {
        variable,
        labelled_by,
        value,
        on_change,
        ..
    } = props.clone();
    let required = item.required;
    let scales = &props.instrument.scales;
    // Single choice, agreement and yes/no/not sure are all "pick one from a list".
    let list = |options: Vec<ChoiceOption>| {
        html! {
            <ChoiceList variable={variable.clone()} labelled_by={labelled_by.clone()}
                {options} {required} value={value.clone()} on_change={on_change.clone()} />
        }
    };
    match &item.kind {
        ItemKind::SingleChoice { choices } => list(own_choices(choices, say)),
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => {
            let coded = scales.coded_labels(&item.kind).unwrap_or_default();
            list(
                coded
                    .into_iter()
                    .map(|(code, label)| ChoiceOption::new(code, say(label)))
                    .collect(),
            )
        }
        ItemKind::Scale010 { .. } | ItemKind::Scale020 { .. } => {
            let (low, high) = match item.kind.scale_ends() {
                Some((low, high)) => (say(low), say(high)),
                None => Default::default(),
            };
            html! {
                <Scale {variable} {labelled_by} {required} {value} {on_change}
                    low_label={low} high_label={high}
                    max={item.kind.scale_max().unwrap_or(10)} />
            }
        }
        ItemKind::MultipleChoice { choices } => html! {
            <MultipleChoice {variable} {labelled_by} {value} {on_change}
                options={own_choices(choices, say)} />
        },
        ItemKind::Number { step, min, .. } => html! {
            <NumberInput {variable} {labelled_by} {required} {value} {on_change}
                item={Rc::new(item.clone())} locale={props.locale.clone()}
                fallback={AttrValue::from(props.instrument.locale.clone())}
                decimal={step.fract() != 0.0 || min.fract() != 0.0} />
        },
        ItemKind::FreeText { max_length } => html! {
            <FreeText {variable} {labelled_by} {required} {value} {on_change}
                max_length={*max_length} />
        },
    }
}

/// An item's own choices, with their labels in the locale shown.
fn own_choices(choices: &[Choice], say: &dyn Fn(&Text) -> AttrValue) -> Vec<ChoiceOption> {
    choices
        .iter()
        .map(|c| ChoiceOption {
            exclusive: c.exclusive,
            ..ChoiceOption::new(c.code, say(&c.label))
        })
        .collect()
}

/// The id of one part of an item's widget: unique per item, because variables
/// are unique in an instrument and are slugs, which are valid in ids.
fn part_id(variable: &str, part: &str) -> AttrValue {
    AttrValue::from(format!("{variable}-{part}"))
}
