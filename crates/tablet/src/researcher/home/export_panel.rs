//! Export: every record, or only those not yet exported, as the JSON
//! export; then the records are marked exported (never deleted). Deleting
//! is a separate step ([`super::delete_safe`]), only of records a picked
//! export file or workbench receipt shows to be safe elsewhere.

use super::delete_safe::DeleteSafe;
use super::export_run::{download_quarantine, export_now, ExportRunError};
use crate::state::AppEnv;
use candour_core::export::Selection;
use candour_core::messages::Messages;
use yew::prelude::*;

/// Props of the export panel.
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// Called after records were exported or deleted, so counts are read again.
    pub on_changed: Callback<()>,
}

/// What the panel is doing or did: done in words, a failure as its error,
/// said when shown.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Done(String),
    Failed(ExportRunError),
}

/// The export panel.
#[component]
pub fn ExportPanel(props: &ExportProps) -> Html {
    let env = use_context::<AppEnv>();
    let only_new = use_state(|| true);
    let status = use_state(|| Status::Idle);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();

    let export = {
        let (status, only_new, m) = (status.clone(), only_new.clone(), m.clone());
        let (label, on_changed) = (env.settings.device_label.clone(), props.on_changed.clone());
        Callback::from(move |_: MouseEvent| {
            let selection = if *only_new {
                Selection::NotYetExported
            } else {
                Selection::Everything
            };
            let (status, m, label, on_changed) =
                (status.clone(), m.clone(), label.clone(), on_changed.clone());
            status.set(Status::Working);
            wasm_bindgen_futures::spawn_local(async move {
                match export_now(selection, &label, &m).await {
                    Ok(text) => {
                        status.set(Status::Done(text));
                        on_changed.emit(());
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
        })
    };
    let choose = |value: bool| {
        let only_new = only_new.clone();
        Callback::from(move |_: Event| only_new.set(value))
    };
    let quarantine = {
        let (status, m) = (status.clone(), m.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, m) = (status.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match download_quarantine(&m).await {
                    Ok(text) => status.set(Status::Done(text)),
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
        })
    };
    let working = *status == Status::Working;

    html! {
        <section class="panel" aria-labelledby="export-heading">
            <h2 id="export-heading">{ m.get("researcher.export_heading") }</h2>
            <p>{ m.get("researcher.export_intro") }</p>
            <fieldset class="stack">
                <legend>{ m.get("researcher.export_which") }</legend>
                <label class="radio-line">
                    <input type="radio" name="export-which" checked={*only_new} onchange={choose(true)} />
                    { m.get("researcher.export_new") }
                </label>
                <label class="radio-line">
                    <input type="radio" name="export-which" checked={!*only_new} onchange={choose(false)} />
                    { m.get("researcher.export_all") }
                </label>
            </fieldset>
            <div class="choice-buttons">
                <button type="button" class="button primary" onclick={export} disabled={working}>
                    { m.get("researcher.export_button") }
                </button>
                <button type="button" class="button quiet" onclick={quarantine} disabled={working}>
                    { m.get("researcher.quarantine_button") }
                </button>
            </div>
            { status_view(&m, &status) }
            <DeleteSafe on_changed={props.on_changed.clone()} />
        </section>
    }
}

fn status_view(m: &Messages, status: &Status) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Working => html! { <p role="status">{ m.get("researcher.working") }</p> },
        Status::Done(text) => html! { <p class="notice" role="status">{ text.clone() }</p> },
        Status::Failed(e) => {
            html! { <p class="notice warning" role="alert">{ e.in_words(m) }</p> }
        }
    }
}
