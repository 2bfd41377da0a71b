//! The widgets of questionnaire 2.0's new formats: an exclusive choice
//! ("None of these") that clears the others and is cleared by them, units
//! in the singular after 1, the five-point difficulty scale with "Does not
//! apply", and the 0 to 20 scale.

use super::widget_host::{code, Host};
use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::instrument::load::load_instrument;
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;

const INSTRUMENT: &str = r#"{
  "id": "widgets-v2", "version": "1", "locale": "en",
  "title": "Widgets", "information": "A test.", "consent": "Happy to go on?",
  "scales": {
    "agreement": ["I don't agree at all", "I don't agree", "In between", "I agree", "I agree a lot"],
    "yes_no_not_sure": ["Yes", "No", "Not sure"],
    "prefer_not_to_say": "Prefer not to say",
    "dont_know": "Don't know",
    "does_not_apply": "Does not apply to me",
    "difficulty": ["Not hard", "A little hard", "Fairly hard", "Hard", "Very hard"]
  },
  "sections": [{
    "id": "all", "title": "New formats",
    "items": [
      { "variable": "v_how", "text": "How?", "type": "multiple_choice",
        "choices": [
          { "code": 1, "label": "The tablet read it" },
          { "code": 2, "label": "A person read it" },
          { "code": 3, "label": "On my own", "exclusive": true }
        ] },
      { "variable": "v_visits", "text": "Visits?", "type": "number",
        "unit": "times a day", "unit_singular": "time a day", "min": 0, "max": 4, "step": 1 },
      { "variable": "v_hard", "text": "See your family", "type": "difficulty",
        "does_not_apply": true },
      { "variable": "v_top", "text": "Health?", "type": "scale_020",
        "low_label": "Very poor", "high_label": "Very good" }
    ]
  }]
}"#;

async fn host(variable: &str, initial: Option<AnswerValue>) -> Host {
    let instrument = Rc::new(load_instrument(INSTRUMENT).expect("the test instrument loads"));
    Host::new(instrument, &[variable], initial, "en", None).await
}

fn codes(list: &[i64]) -> Option<AnswerValue> {
    Some(AnswerValue::Codes(list.to_vec()))
}

#[wasm_bindgen_test]
async fn an_exclusive_choice_clears_the_others_and_another_clears_it() {
    let w = host("v_how", None).await;
    w.click("label[for=v_how-opt-1]").await;
    w.click("label[for=v_how-opt-2]").await;
    assert_eq!(w.last(), codes(&[1, 2]));
    // "On my own" goes alone: ticking it unticks both others.
    w.click("label[for=v_how-opt-3]").await;
    assert_eq!(w.last(), codes(&[3]));
    assert!(w.checked("v_how-opt-3"));
    assert!(!w.checked("v_how-opt-1") && !w.checked("v_how-opt-2"));
    // Ticking another answer unticks it.
    w.click("label[for=v_how-opt-2]").await;
    assert_eq!(w.last(), codes(&[2]));
    assert!(!w.checked("v_how-opt-3") && w.checked("v_how-opt-2"));
    // Never sent together, whatever the order of taps.
    assert!(w.calls().iter().all(
        |c| !matches!(c, Some(AnswerValue::Codes(list)) if list.contains(&3) && list.len() > 1)
    ));
}

#[wasm_bindgen_test]
async fn the_unit_is_singular_after_one_and_plural_otherwise() {
    let w = host("v_visits", None).await;
    let (bx, unit) = ("#v_visits-number", "#v_visits-unit");
    assert_eq!(w.text_of(unit), "times a day", "an empty box: the plural");
    w.type_into(bx, "1").await;
    assert_eq!(w.last(), Some(AnswerValue::Number(1.0)));
    assert_eq!(w.text_of(unit), "time a day");
    w.type_into(bx, "2").await;
    assert_eq!(w.text_of(unit), "times a day");
    w.type_into(bx, "0").await;
    assert_eq!(w.text_of(unit), "times a day");
    // The box still describes itself by its unit.
    assert_eq!(
        w.attr(bx, "aria-describedby").as_deref(),
        Some("v_visits-unit")
    );
    let again = host("v_visits", Some(AnswerValue::Number(1.0))).await;
    assert_eq!(again.text_of(unit), "time a day", "an answer given before");
}

#[wasm_bindgen_test]
async fn difficulty_is_coded_one_to_five_with_does_not_apply_apart() {
    let w = host("v_hard", None).await;
    let labels: Vec<String> = w
        .all("fieldset label")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        [
            "Not hard",
            "A little hard",
            "Fairly hard",
            "Hard",
            "Very hard"
        ]
    );
    let dna = "#v_hard-does-not-apply";
    assert_eq!(w.text_of(dna), "Does not apply to me");
    assert!(w.all("fieldset button").is_empty(), "apart from the scale");
    w.click("label[for=v_hard-opt-4]").await;
    assert_eq!(w.last(), code(4));
    w.click(dna).await;
    assert_eq!(
        w.last(),
        Some(AnswerValue::Missing(MissingCode::DoesNotApply))
    );
    assert_eq!(w.attr(dna, "aria-pressed").as_deref(), Some("true"));
    assert!(!w.checked("v_hard-opt-4"), "the scale answer is replaced");
}

#[wasm_bindgen_test]
async fn a_0_to_20_scale_names_each_number_and_both_ends() {
    let w = host("v_top", None).await;
    let radios = w.all("fieldset[role=radiogroup] input[type=radio][name=v_top]");
    assert_eq!(radios.len(), 21);
    assert_eq!(
        w.text_of("label[for=v_top-opt-0] .answer-sr-only"),
        "0, Very poor"
    );
    assert_eq!(
        w.text_of("label[for=v_top-opt-20] .answer-sr-only"),
        "20, Very good"
    );
    assert_eq!(w.text_of("label[for=v_top-opt-13]"), "13");
    let classes = w.attr(".answer-scale", "class").unwrap_or_default();
    assert!(
        classes.split_whitespace().any(|c| c == "answer-scale-wide"),
        "{classes}"
    );
    w.click("label[for=v_top-opt-13]").await;
    assert_eq!(w.last(), code(13));
}
