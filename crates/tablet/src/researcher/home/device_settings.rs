//! The tablet's own settings: its label and the code of its service, both
//! stored in every record, and the idle time before "Are you still there?".

use crate::services::local_store::LocalStore;
use crate::state::AppEnv;
use candour_core::idle::parse_idle_seconds;
use candour_core::service_code::parse_service_code;
use candour_core::settings::Settings;
use candour_core::storage::Repository;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The device settings form. Saved settings apply from the next survey.
///
/// What staff type is kept in the component's state, so that a refused save
/// (a service code that is not one, an idle time out of range) leaves every
/// box as typed, to be corrected rather than typed again.
#[component]
pub fn DeviceSettings() -> Html {
    let env = use_context::<AppEnv>();
    let stored = use_state(|| {
        LocalStore::open()
            .map(|s| Repository::new(s).load_settings())
            .unwrap_or_default()
    });
    let label = use_state(|| stored.device_label.clone());
    let service = use_state(|| stored.service_code.clone());
    let idle = use_state(|| stored.idle_seconds.to_string());
    let status = use_state(|| None::<Result<String, String>>);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();

    let save = {
        let (label, service, idle, status) =
            (label.clone(), service.clone(), idle.clone(), status.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let outcome = save_settings(&label, &service, &idle, &m);
            status.set(Some(outcome.map(|()| m.get("researcher.saved").to_owned())));
        })
    };
    // Each box writes what is typed into its state.
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let m = &env.messages;
    html! {
        <section class="panel" aria-labelledby="device-heading">
            <h2 id="device-heading">{ m.get("researcher.device_heading") }</h2>
            <form class="stack" onsubmit={save} novalidate=true>
                <label for="device-label">{ m.get("researcher.device_label") }</label>
                <input id="device-label" type="text" class="text-input" maxlength="60"
                    autocomplete="off" aria-describedby="device-help"
                    value={(*label).clone()} oninput={typed(&label)} />
                <p id="device-help" class="help">{ m.get("researcher.device_help") }</p>
                <label for="service-code">{ m.get("researcher.service_code_label") }</label>
                <input id="service-code" type="text" class="text-input" maxlength="16"
                    autocomplete="off" autocapitalize="characters" spellcheck="false"
                    aria-describedby="service-code-help"
                    value={(*service).clone()} oninput={typed(&service)} />
                <p id="service-code-help" class="help">{ m.get("researcher.service_code_help") }</p>
                <label for="idle-seconds">{ m.get("researcher.idle_label") }</label>
                <input id="idle-seconds" type="text" inputmode="numeric" class="text-input"
                    autocomplete="off" value={(*idle).clone()} oninput={typed(&idle)} />
                <button type="submit" class="button primary">{ m.get("researcher.save") }</button>
                if let Some(outcome) = &*status {
                    <p class={classes!("notice", outcome.is_err().then_some("warning"))} role="status">
                        { outcome.clone().unwrap_or_else(|e| e) }
                    </p>
                }
            </form>
        </section>
    }
}

/// Checks and stores the settings; keeps every other setting as it was.
/// Nothing is stored when any of them is refused.
fn save_settings(
    label: &str,
    service_code: &str,
    idle: &str,
    m: &candour_core::messages::Messages,
) -> Result<(), String> {
    let service_code = parse_service_code(service_code).map_err(|e| e.in_words(m))?;
    let idle_seconds =
        parse_idle_seconds(idle).ok_or_else(|| m.get("researcher.idle_invalid").to_owned())?;
    let mut repo = Repository::new(LocalStore::open().map_err(|e| e.in_words(m))?);
    repo.update_settings(|now| Settings {
        device_label: label.trim().to_owned(),
        service_code: service_code.unwrap_or_default(),
        idle_seconds,
        ..now
    })
    .map(|_| ())
    .map_err(|e| e.in_words(m))
}
