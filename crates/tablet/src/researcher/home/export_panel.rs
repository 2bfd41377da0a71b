//! Export: every record, or only those not yet exported, as JSON, wide and
//! long CSV, codebook, and R and SPSS syntax, all at once; then the records
//! are marked exported (never deleted). Deleting is a separate step, only of
//! exported records, after a confirmation that names the count.

use super::export_run::{download_quarantine, export_now, exported_count};
use crate::services::records_db::RecordsDb;
use crate::state::AppEnv;
use candour_core::export::Selection;
use candour_core::messages::Messages;
use candour_web::clock::now;
use yew::prelude::*;

/// Props of the export panel.
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    /// Called after records were exported or deleted, so counts are read again.
    pub on_changed: Callback<()>,
}

/// What the panel is doing or did, in words.
#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Working,
    Done(String),
    Failed(String),
    ConfirmDelete(usize),
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
    let ask_delete = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match exported_count().await {
                    Ok(n) => status.set(Status::ConfirmDelete(n)),
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
        })
    };
    let delete = {
        let (status, m, on_changed) = (status.clone(), m.clone(), props.on_changed.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, m, on_changed) = (status.clone(), m.clone(), on_changed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = async {
                    let db = RecordsDb::open().await.map_err(|e| e.to_string())?;
                    db.delete_exported(now()).await.map_err(|e| e.to_string())
                };
                match outcome.await {
                    Ok(n) => {
                        status.set(Status::Done(
                            m.fill("researcher.deleted", &[("count", &n.to_string())]),
                        ));
                        on_changed.emit(());
                    }
                    Err(e) => status.set(Status::Failed(e)),
                }
            });
        })
    };
    let cancel = {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| status.set(Status::Idle))
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
                <button type="button" class="button" onclick={ask_delete} disabled={working}>
                    { m.get("researcher.delete_button") }
                </button>
                <button type="button" class="button quiet" onclick={quarantine} disabled={working}>
                    { m.get("researcher.quarantine_button") }
                </button>
            </div>
            { status_view(&m, &status, delete, cancel) }
        </section>
    }
}

fn status_view(
    m: &Messages,
    status: &Status,
    delete: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
) -> Html {
    match status {
        Status::Idle => html! {},
        Status::Working => html! { <p role="status">{ m.get("researcher.working") }</p> },
        Status::Done(text) => html! { <p class="notice" role="status">{ text.clone() }</p> },
        Status::Failed(text) => {
            html! { <p class="notice warning" role="alert">{ text.clone() }</p> }
        }
        Status::ConfirmDelete(0) => {
            html! { <p class="notice" role="status">{ m.get("researcher.delete_none") }</p> }
        }
        Status::ConfirmDelete(n) => html! {
            <div class="notice warning" role="alertdialog" aria-labelledby="delete-question">
                <p id="delete-question">{ m.fill("researcher.delete_confirm", &[("count", &n.to_string())]) }</p>
                <div class="choice-buttons">
                    <button type="button" class="button danger" onclick={delete}>
                        { m.fill("researcher.delete_yes", &[("count", &n.to_string())]) }
                    </button>
                    <button type="button" class="button" onclick={cancel}>{ m.get("researcher.cancel") }</button>
                </div>
            </div>
        },
    }
}
