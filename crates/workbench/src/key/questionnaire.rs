//! Picking the questionnaire that goes into the tablet setup file: read,
//! then fully checked (`questionnaire_for_setup`), every problem in words.

use crate::env::AppEnv;
use candour_analysis::sealing::questionnaire_for_setup;
use candour_core::instrument::Instrument;
use candour_web::file_pick::{files_of, read_file};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the questionnaire picker.
#[derive(Properties, PartialEq)]
pub struct QuestionnairePickProps {
    /// Called with the checked questionnaire, or `None` when the pick was
    /// cleared or refused.
    pub on_change: Callback<Option<Rc<Instrument>>>,
    /// True while the key is being made.
    pub disabled: bool,
}

/// The optional file input and what checking the pick found.
#[component]
pub fn QuestionnairePick(props: &QuestionnairePickProps) -> Html {
    let outcome = use_state(|| None::<Result<String, String>>);
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = env.messages.clone();
    let on_input = {
        let (outcome, on_change, m) = (outcome.clone(), props.on_change.clone(), m.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let picked = input.files().map(|l| files_of(&l)).unwrap_or_default();
            let (outcome, on_change, m) = (outcome.clone(), on_change.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(file) = picked.first() else {
                    outcome.set(None);
                    on_change.emit(None);
                    return;
                };
                let name = file.name();
                let checked = match read_file(file, &name).await {
                    Err(e) => Err(e.in_words(&m)),
                    Ok(bytes) => match std::str::from_utf8(&bytes) {
                        Err(_) => {
                            Err(m.fill("workbench.key_questionnaire_text", &[("file", &name)]))
                        }
                        Ok(text) => questionnaire_for_setup(text).map_err(|e| {
                            m.fill(
                                "workbench.key_questionnaire_bad",
                                &[("file", &name), ("reason", &e.in_words(&m))],
                            )
                        }),
                    },
                };
                match checked {
                    Ok(instrument) => {
                        outcome.set(Some(Ok(m.fill(
                            "workbench.key_questionnaire_ok",
                            &[("id", &instrument.id), ("version", &instrument.version)],
                        ))));
                        on_change.emit(Some(Rc::new(instrument)));
                    }
                    Err(words) => {
                        outcome.set(Some(Err(words)));
                        on_change.emit(None);
                    }
                }
            });
        })
    };
    html! {
        <div class="field">
            <label for="setup-questionnaire">{ m.get("workbench.key_questionnaire_pick") }</label>
            <input id="setup-questionnaire" type="file" class="file-input"
                accept=".json,application/json" disabled={props.disabled} onchange={on_input} />
            if let Some(outcome) = &*outcome {
                <p class={classes!("notice", outcome.is_err().then_some("warning"))} role="status">
                    { for outcome.clone().unwrap_or_else(|e| e).lines().map(|l| html! { <>{ l.to_owned() }<br /></> }) }
                </p>
            }
        </div>
    }
}
