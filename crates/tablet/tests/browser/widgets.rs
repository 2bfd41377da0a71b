//! The answer widgets, mounted for each item type inside a small host that
//! keeps the answer in `use_state`, as a screen does ([`Host`]). Taps are
//! real `click()`s and typing sets the value and fires a bubbling "input"
//! event, so Yew's own event handling runs.

use super::mount::{settle, Mount};
use super::widget_host::{code, wait_for, Host, Log};
use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_tablet::widgets::AnswerInput;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::Element;
use yew::prelude::*;

/// One item of each type, with and without the missing options.
const INSTRUMENT: &str = r#"{
  "id": "widgets-test", "version": "1", "locale": "en",
  "title": "Widgets", "information": "A test.", "consent": "Happy to go on?",
  "scales": {
    "agreement": ["I don't agree at all", "I don't agree", "In between", "I agree", "I agree a lot"],
    "yes_no_not_sure": ["Yes", "No", "Not sure"],
    "prefer_not_to_say": "Prefer not to say",
    "dont_know": "Don't know"
  },
  "sections": [{
    "id": "all", "title": "All types",
    "items": [
      { "variable": "w_when", "text": "When?", "type": "single_choice",
        "choices": [
          { "code": 1, "label": { "en": "Morning", "fr": "Matin" } },
          { "code": 2, "label": "Afternoon" },
          { "code": 3, "label": "Evening" }
        ],
        "prefer_not_to_say": true },
      { "variable": "w_agree", "text": "Agree?", "type": "agreement", "required": true },
      { "variable": "w_told", "text": "Told?", "type": "yes_no_not_sure",
        "prefer_not_to_say": true, "dont_know": true },
      { "variable": "w_sure", "text": "How sure?", "type": "scale_010",
        "low_label": "Not at all sure", "high_label": "Very sure", "required": true },
      { "variable": "w_help", "text": "Help with?", "type": "multiple_choice",
        "choices": [
          { "code": 1, "label": "Housing" },
          { "code": 2, "label": "Money" },
          { "code": 3, "label": "Health" }
        ] },
      { "variable": "w_minutes", "text": "Minutes?", "type": "number",
        "unit": "minutes", "min": 0, "max": 600, "step": 1, "required": true, "dont_know": true },
      { "variable": "w_pounds", "text": "Cost?", "type": "number",
        "unit": "pounds", "min": 0, "max": 100, "step": 0.01, "prefer_not_to_say": true },
      { "variable": "w_words", "text": "Anything else?", "type": "free_text", "max_length": 20 }
    ]
  }]
}"#;

const ALL_VARIABLES: [&str; 8] = [
    "w_when",
    "w_agree",
    "w_told",
    "w_sure",
    "w_help",
    "w_minutes",
    "w_pounds",
    "w_words",
];

fn instrument() -> Rc<Instrument> {
    Rc::new(load_instrument(INSTRUMENT).expect("the test instrument loads"))
}

/// A host showing `variable` of the widgets' test instrument.
async fn widget(variable: &str, initial: Option<AnswerValue>) -> Host {
    Host::new(instrument(), &[variable], initial, "en", None).await
}

/// A host showing several items of the widgets' test instrument.
async fn widgets(variables: &[&str], initial: Option<AnswerValue>, locale: &str) -> Host {
    Host::new(instrument(), variables, initial, locale, None).await
}

/// A host with the app's texts given as the app gives them.
async fn widgets_with(
    variables: &[&str],
    initial: Option<AnswerValue>,
    locale: &str,
    messages: Option<Rc<Messages>>,
) -> Host {
    Host::new(instrument(), variables, initial, locale, messages).await
}

#[wasm_bindgen_test]
async fn single_choice_is_a_named_radio_group_of_labelled_tiles() {
    let w = widget("w_when", None).await;
    let group = w.find("fieldset");
    assert_eq!(group.get_attribute("role").as_deref(), Some("radiogroup"));
    assert_eq!(
        group.get_attribute("aria-labelledby").as_deref(),
        Some("w_when-question")
    );
    let radios = w.all("fieldset input[type=radio][name=w_when]");
    assert_eq!(radios.len(), 3);
    // The whole tile is the radio's label, so the option's words are its name.
    assert_eq!(w.text_of("label[for=w_when-opt-1]"), "Morning");
    assert_eq!(w.text_of("label[for=w_when-opt-3]"), "Evening");
    assert!(w
        .find("label[for=w_when-opt-2] > input#w_when-opt-2")
        .is_object());

    w.click("label[for=w_when-opt-2]").await;
    assert_eq!(w.calls(), vec![code(2)]);
    assert!(w.checked("w_when-opt-2"));
    w.click("#w_when-opt-3").await;
    assert_eq!(w.last(), code(3));
    assert!(w.checked("w_when-opt-3") && !w.checked("w_when-opt-2"));
}

#[wasm_bindgen_test]
async fn labels_come_in_the_requested_locale() {
    let w = widgets(&["w_when"], None, "fr").await;
    assert_eq!(w.text_of("label[for=w_when-opt-1]"), "Matin");
    // Untranslated labels fall back to the instrument's own.
    assert_eq!(w.text_of("label[for=w_when-opt-2]"), "Afternoon");
}

#[wasm_bindgen_test]
async fn agreement_is_coded_one_to_five_in_scale_order_and_says_required() {
    let w = widget("w_agree", None).await;
    assert_eq!(w.attr("fieldset", "aria-required").as_deref(), Some("true"));
    let labels: Vec<String> = w
        .all("fieldset label")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "I don't agree at all",
            "I don't agree",
            "In between",
            "I agree",
            "I agree a lot"
        ]
    );
    w.click("label[for=w_agree-opt-1]").await;
    w.click("label[for=w_agree-opt-5]").await;
    assert_eq!(w.calls(), vec![code(1), code(5)]);
    // No missing options where the item offers none.
    assert!(w.all("button").is_empty());
}

#[wasm_bindgen_test]
async fn yes_no_not_sure_codes_yes_1_no_0_not_sure_2() {
    let w = widget("w_told", None).await;
    assert_eq!(w.text_of("label[for=w_told-opt-1]"), "Yes");
    assert_eq!(w.text_of("label[for=w_told-opt-0]"), "No");
    assert_eq!(w.text_of("label[for=w_told-opt-2]"), "Not sure");
    let order: Vec<String> = w
        .all("fieldset input")
        .iter()
        .filter_map(|i| i.get_attribute("value"))
        .collect();
    assert_eq!(order, ["1", "0", "2"]);
    w.click("label[for=w_told-opt-0]").await;
    w.click("label[for=w_told-opt-2]").await;
    assert_eq!(w.calls(), vec![code(0), code(2)]);
}

#[wasm_bindgen_test]
async fn scale_010_names_each_number_and_both_ends() {
    let w = widget("w_sure", None).await;
    let radios = w.all("fieldset[role=radiogroup] input[type=radio][name=w_sure]");
    assert_eq!(radios.len(), 11);
    // The end tiles carry their whole name in one hidden piece of text (the
    // visible number beside it is hidden from screen readers).
    assert_eq!(
        w.text_of("label[for=w_sure-opt-0] .answer-sr-only"),
        "0, Not at all sure"
    );
    assert_eq!(w.text_of("label[for=w_sure-opt-5]"), "5");
    assert_eq!(
        w.text_of("label[for=w_sure-opt-10] .answer-sr-only"),
        "10, Very sure"
    );
    // The ends' words are also visible, in a key screen readers skip (the
    // radios already say them).
    let key = w.find(".answer-scale-key");
    assert_eq!(key.get_attribute("aria-hidden").as_deref(), Some("true"));
    let key_text = key.text_content().unwrap_or_default();
    assert!(key_text.contains("Not at all sure") && key_text.contains("Very sure"));

    w.click("label[for=w_sure-opt-7]").await;
    w.click("label[for=w_sure-opt-0]").await;
    assert_eq!(w.calls(), vec![code(7), code(0)]);
    assert!(w.checked("w_sure-opt-0") && !w.checked("w_sure-opt-7"));
}

#[wasm_bindgen_test]
async fn multiple_choice_sends_sorted_codes_and_none_when_all_are_unticked() {
    let w = widget("w_help", None).await;
    let group = w.find("fieldset");
    assert_eq!(
        group.get_attribute("role"),
        None,
        "a plain group, not radios"
    );
    assert_eq!(w.all("input[type=checkbox][name=w_help]").len(), 3);
    assert_eq!(w.text_of("label[for=w_help-opt-2]"), "Money");

    w.click("label[for=w_help-opt-3]").await;
    w.click("label[for=w_help-opt-1]").await;
    assert_eq!(w.last(), Some(AnswerValue::Codes(vec![1, 3])));
    assert!(w.checked("w_help-opt-1") && w.checked("w_help-opt-3"));
    assert!(!w.checked("w_help-opt-2"));
    w.click("label[for=w_help-opt-3]").await;
    assert_eq!(w.last(), Some(AnswerValue::Codes(vec![1])));
    w.click("label[for=w_help-opt-1]").await;
    assert_eq!(w.last(), None);
    assert!(!w.checked("w_help-opt-1"));
}

#[wasm_bindgen_test]
async fn number_box_has_a_numeric_keypad_and_its_unit() {
    let w = widget("w_minutes", None).await;
    let bx = "#w_minutes-number";
    assert_eq!(w.attr(bx, "type").as_deref(), Some("text"));
    assert_eq!(w.attr(bx, "inputmode").as_deref(), Some("numeric"));
    assert_eq!(w.attr(bx, "autocomplete").as_deref(), Some("off"));
    assert_eq!(
        w.attr(bx, "aria-labelledby").as_deref(),
        Some("w_minutes-question")
    );
    assert_eq!(w.attr(bx, "aria-required").as_deref(), Some("true"));
    assert_eq!(
        w.attr(bx, "aria-describedby").as_deref(),
        Some("w_minutes-unit")
    );
    assert_eq!(w.text_of("#w_minutes-unit"), "minutes");

    w.type_into(bx, "12").await;
    assert_eq!(w.calls(), vec![Some(AnswerValue::Number(12.0))]);
    assert_eq!(w.text_of("#w_minutes-error"), "");
    assert_eq!(w.attr(bx, "aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn number_box_explains_what_it_cannot_accept_and_clears_the_answer() {
    let w = widget("w_minutes", None).await;
    let bx = "#w_minutes-number";
    w.type_into(bx, "abc").await;
    // No earlier number is ever kept while the box says something else.
    assert_eq!(w.calls(), vec![None]);
    assert_eq!(
        w.text_of("#w_minutes-error"),
        "Please type a number using digits, like 12 or 12.5."
    );
    assert_eq!(
        w.attr("#w_minutes-error", "aria-live").as_deref(),
        Some("polite")
    );
    assert_eq!(w.attr(bx, "aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        w.attr(bx, "aria-describedby").as_deref(),
        Some("w_minutes-unit w_minutes-error")
    );
    // What the person typed stays, so they can see and fix it.
    assert_eq!(w.input(bx).value(), "abc");

    w.type_into(bx, "601").await;
    assert_eq!(w.last(), None);
    assert_eq!(
        w.text_of("#w_minutes-error"),
        "Please type a number from 0 to 600."
    );

    w.type_into(bx, "60").await;
    assert_eq!(w.last(), Some(AnswerValue::Number(60.0)));
    assert_eq!(w.text_of("#w_minutes-error"), "");
    w.type_into(bx, "  ").await;
    assert_eq!(w.last(), None);
    assert_eq!(w.text_of("#w_minutes-error"), "");
}

#[wasm_bindgen_test]
async fn decimal_number_keeps_what_is_typed() {
    let w = widget("w_pounds", None).await;
    let bx = "#w_pounds-number";
    assert_eq!(w.attr(bx, "inputmode").as_deref(), Some("decimal"));
    w.type_into(bx, "12.50").await;
    assert_eq!(w.last(), Some(AnswerValue::Number(12.5)));
    settle().await;
    assert_eq!(w.input(bx).value(), "12.50", "not rewritten to 12.5");
    w.type_into(bx, "3,5").await;
    assert_eq!(w.last(), Some(AnswerValue::Number(3.5)));
    assert_eq!(w.input(bx).value(), "3,5");
}

#[wasm_bindgen_test]
async fn number_box_shows_an_answer_given_elsewhere() {
    // Coming back to the question: the stored answer, written as people do.
    let w = widget("w_minutes", Some(AnswerValue::Number(45.0))).await;
    let bx = "#w_minutes-number";
    assert_eq!(w.input(bx).value(), "45");

    w.type_into(bx, "abc").await;
    w.click("#w_minutes-dont-know").await;
    assert_eq!(
        w.calls(),
        vec![None, Some(AnswerValue::Missing(MissingCode::DontKnow))],
        "the bad typing cleared 45, then Don't know was chosen"
    );
    assert_eq!(w.input(bx).value(), "", "a missing code clears the box");
    assert_eq!(w.text_of("#w_minutes-error"), "");
    assert_eq!(
        w.attr("#w_minutes-dont-know", "aria-pressed").as_deref(),
        Some("true")
    );

    // A number typed afterwards replaces "Don't know".
    w.type_into(bx, "5").await;
    assert_eq!(w.last(), Some(AnswerValue::Number(5.0)));
    assert_eq!(
        w.attr("#w_minutes-dont-know", "aria-pressed").as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn missing_options_toggle_and_are_replaced_by_an_answer() {
    let w = widget("w_told", None).await;
    let (pnts, dk) = ("#w_told-prefer-not-to-say", "#w_told-dont-know");
    assert_eq!(w.text_of(pnts), "Prefer not to say");
    assert_eq!(w.text_of(dk), "Don't know");
    assert_eq!(w.attr(pnts, "type").as_deref(), Some("button"));
    assert_eq!(w.attr(pnts, "aria-pressed").as_deref(), Some("false"));
    // Apart from the scale: after the group, past an "Or" divider.
    assert!(w.all("fieldset button").is_empty());
    assert_eq!(w.text_of(".answer-missing .answer-or"), "Or");

    w.click("label[for=w_told-opt-1]").await;
    w.click(pnts).await;
    assert_eq!(
        w.last(),
        Some(AnswerValue::Missing(MissingCode::PreferNotToSay))
    );
    assert_eq!(w.attr(pnts, "aria-pressed").as_deref(), Some("true"));
    assert_eq!(w.attr(dk, "aria-pressed").as_deref(), Some("false"));
    assert!(!w.checked("w_told-opt-1"), "the scale answer is replaced");

    w.click(dk).await;
    assert_eq!(w.last(), Some(AnswerValue::Missing(MissingCode::DontKnow)));
    assert_eq!(w.attr(pnts, "aria-pressed").as_deref(), Some("false"));

    // Pressing it again takes it back.
    w.click(dk).await;
    assert_eq!(w.last(), None);
    assert_eq!(w.attr(dk, "aria-pressed").as_deref(), Some("false"));

    w.click(pnts).await;
    w.click("label[for=w_told-opt-0]").await;
    assert_eq!(w.last(), code(0));
    assert_eq!(w.attr(pnts, "aria-pressed").as_deref(), Some("false"));
    assert!(w.checked("w_told-opt-0"));
}

#[wasm_bindgen_test]
async fn free_text_counts_the_characters_left() {
    let w = widget("w_words", None).await;
    let area = "#w_words-text";
    assert_eq!(w.attr(area, "maxlength").as_deref(), Some("20"));
    assert_eq!(w.attr(area, "autocomplete").as_deref(), Some("off"));
    assert_eq!(
        w.attr(area, "aria-describedby").as_deref(),
        Some("w_words-count")
    );
    assert_eq!(w.text_of("#w_words-count"), "20 characters left");

    w.type_into(area, "Kind staff").await;
    assert_eq!(
        w.calls(),
        vec![Some(AnswerValue::Text("Kind staff".into()))]
    );
    assert_eq!(w.text_of("#w_words-count"), "10 characters left");
    // Screen readers hear the count once typing pauses.
    let live = w.find("#w_words-count-live");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    wait_for("the count to be announced", || {
        live.text_content().as_deref() == Some("10 characters left")
    })
    .await;

    w.type_into(area, "Nineteen characters").await;
    assert_eq!(w.text_of("#w_words-count"), "1 character left");
    w.type_into(area, "   ").await;
    assert_eq!(w.last(), None, "only spaces is no answer");
    assert_eq!(w.input_area(area), "   ", "the spaces stay while typing");
}

#[wasm_bindgen_test]
async fn free_text_shows_an_earlier_answer() {
    let w = widget("w_words", Some(AnswerValue::Text("Good".into()))).await;
    assert_eq!(w.input_area("#w_words-text"), "Good");
    assert_eq!(w.text_of("#w_words-count"), "16 characters left");
}

#[wasm_bindgen_test]
async fn every_widget_on_one_page_has_unique_ids_and_no_inline_style() {
    let w = widgets(&ALL_VARIABLES, None, "en").await;
    let ids: Vec<String> = w.all("[id]").iter().map(Element::id).collect();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(ids.len(), unique.len(), "duplicate ids in {ids:?}");
    // The CSP blocks inline styles; everything is in style/widgets.css.
    assert!(w.all("[style]").is_empty());
    // Every id that names or describes something exists.
    for attr in ["aria-labelledby", "aria-describedby", "for"] {
        for element in w.all(&format!("[{attr}]")) {
            for id in element.get_attribute(attr).unwrap_or_default().split(' ') {
                assert!(
                    unique.contains(&id.to_string()),
                    "{attr} names missing {id}"
                );
            }
        }
    }
}

#[wasm_bindgen_test]
async fn the_widgets_own_words_come_from_the_apps_locale_file() {
    let json = r#"{ "answer.or": "Or else", "answer.characters_left": "{n} left" }"#;
    let messages = Rc::new(Messages::from_json(json).expect("valid texts"));
    let w = widgets_with(&["w_told", "w_words"], None, "en", Some(messages)).await;
    assert_eq!(w.text_of(".answer-or"), "Or else");
    assert_eq!(w.text_of("#w_words-count"), "20 left");
    // A key the file lacks falls back to English, never to the key's name.
    w.type_into("#w_words-text", "Nineteen characters").await;
    assert_eq!(w.text_of("#w_words-count"), "1 character left");
}

/// Shows one item at a time, as the question screen does, with a button
/// that moves to the other item.
#[component]
fn Switcher() -> Html {
    let first = use_state(|| true);
    let variable = if *first { "w_minutes" } else { "w_pounds" };
    let onclick = {
        let first = first.clone();
        Callback::from(move |_: MouseEvent| first.set(!*first))
    };
    html! {
        <>
            <h2 id="q">{ "Question" }</h2>
            <AnswerInput instrument={instrument()} variable={variable} value={None::<AnswerValue>}
                locale="en" labelled_by="q" on_change={Callback::noop()} />
            <button id="switch" type="button" {onclick}>{ "Next" }</button>
        </>
    }
}

#[wasm_bindgen_test]
async fn the_next_item_of_the_same_type_starts_empty() {
    let mount = Mount::new();
    yew::Renderer::<Switcher>::with_root(mount.element.clone()).render();
    settle().await;
    let w = Host::from_mount(mount, Log::default());
    w.type_into("#w_minutes-number", "abc").await;
    assert_ne!(w.text_of("#w_minutes-error"), "");
    w.click("#switch").await;
    assert_eq!(w.input("#w_pounds-number").value(), "");
    assert_eq!(w.text_of("#w_pounds-error"), "", "no error carried over");
}

#[wasm_bindgen_test]
async fn an_unknown_item_shows_words_not_a_blank() {
    let w = widget("no_such_item", None).await;
    assert!(w.mount.text().contains("This question cannot be shown"));
}
