//! The start screen, for staff: an optional participant code and "Start a
//! new survey", which first proves with a real write that the answers can
//! be saved; and a small "Ready without network" mark once this build is
//! stored whole on the tablet.

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_offline_copy::use_offline_copy;
use crate::services::records_db::RecordsDb;
use crate::services::storage_probe::prove_room;
use crate::state::{action_callback, AppEnv, SurveyCtx};
use candour_core::participant_code::parse_participant_code;
use candour_core::survey::Action;
use candour_core::visibility::all_items;
use candour_web::clock::new_record_id;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the start screen.
#[derive(Properties, PartialEq)]
pub struct StartProps {
    /// Why no survey can start, in words (storage or instrument problems).
    #[prop_or_default]
    pub blocked: Option<AttrValue>,
    /// A notice for staff, e.g. that an abandoned survey was saved.
    #[prop_or_default]
    pub notice: Option<AttrValue>,
    /// The record database, where the test write before each survey goes.
    #[prop_or_default]
    pub db: Option<RecordsDb>,
}

/// Staff start a survey here and hand the tablet over.
#[component]
pub fn StartScreen(props: &StartProps) -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(());
    let code_input = use_node_ref();
    let code_error = use_state(|| None::<String>);
    // The test write before a survey: running, or why it failed.
    let checking = use_state(|| false);
    let cannot_save = use_state(|| None::<String>);
    let offline = use_offline_copy();
    let (Some(survey), Some(env)) = (survey, env) else {
        return html! {};
    };
    let m = env.messages.clone();
    let items = all_items(&survey.0.instrument).count();

    let start = {
        let code_input = code_input.clone();
        let code_error = code_error.clone();
        let m = m.clone();
        let device_label = env.settings.device_label.clone();
        let service_code = env.settings.service_code();
        // The survey is in the language the app is shown in; its record
        // stores it.
        let locale = m.locale().to_owned();
        let dispatch = action_callback(&survey, move |code: Option<String>, now| Action::Start {
            id: new_record_id(),
            participant_code: code,
            locale: locale.clone(),
            device_label: device_label.clone(),
            service_code: service_code.clone(),
            now,
        });
        let (checking, cannot_save, db) = (checking.clone(), cannot_save.clone(), props.db.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *checking {
                return;
            }
            let typed = code_input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match parse_participant_code(&typed) {
                Ok(code) => {
                    code_error.set(None);
                    // No survey starts before a real write proved that its
                    // draft and its record can be stored.
                    checking.set(true);
                    let (checking, cannot_save, db) =
                        (checking.clone(), cannot_save.clone(), db.clone());
                    let (dispatch, m) = (dispatch.clone(), m.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        match prove_room(db.as_ref(), items).await {
                            Ok(()) => {
                                cannot_save.set(None);
                                dispatch.emit(code);
                            }
                            Err(e) => cannot_save.set(Some(e.for_staff(&m))),
                        }
                        checking.set(false);
                    });
                }
                Err(e) => code_error.set(Some(e.in_words(&m))),
            }
        })
    };

    let device = if env.settings.device_label.is_empty() {
        m.get("start.device_unset").to_owned()
    } else {
        m.fill("start.device", &[("label", &env.settings.device_label)])
    };
    let described_by = if code_error.is_some() {
        "code-help code-error"
    } else {
        "code-help"
    };

    html! {
        <main class="screen start-screen">
            <h1 ref={heading} tabindex="-1">{ m.get("start.heading") }</h1>
            <p>{ m.get("start.intro") }</p>
            if let Some(notice) = &props.notice {
                <p class="notice" role="status">{ notice.clone() }</p>
            }
            if let Some(blocked) = &props.blocked {
                <p class="notice warning" role="alert">{ blocked.clone() }</p>
            } else if let Some(problem) = &*cannot_save {
                <p class="notice warning" role="alert">{ problem.clone() }</p>
            }
            <form class="start-form" onsubmit={start} novalidate=true>
                <label for="participant-code">{ m.get("start.code_label") }</label>
                <input id="participant-code" ref={code_input} type="text" class="text-input"
                    autocomplete="off" autocapitalize="characters" spellcheck="false"
                    aria-describedby={described_by}
                    aria-invalid={code_error.is_some().to_string()} />
                <p id="code-help" class="help">{ m.get("start.code_help") }</p>
                if let Some(error) = &*code_error {
                    <p id="code-error" class="notice warning" role="alert">{ error.clone() }</p>
                }
                <button type="submit" class="button primary" disabled={props.blocked.is_some() || *checking}>
                    { m.get("start.button") }
                </button>
                if *checking {
                    <p role="status">{ m.get("start.checking") }</p>
                }
            </form>
            <p class="device-label">{ device }</p>
            // For staff: this build is stored whole on the tablet, so it
            // starts and runs with the network off.
            if offline.is_ready() {
                <p class="ready-mark">
                    <span aria-hidden="true">{ "✓ " }</span>{ m.get("start.ready_offline") }
                </p>
            }
        </main>
    }
}
