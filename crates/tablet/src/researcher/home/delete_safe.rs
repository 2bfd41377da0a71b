//! "Delete exported responses": deletes only the records a picked export
//! file, or the workbench's receipt for it, shows to be safe elsewhere,
//! after a confirmation that names the count. Marking a record exported
//! (the file was handed to the browser) is never enough: the download may
//! have been refused or the file lost.

use super::file_failure::FileFailure;
use crate::services::records_db::RecordsDb;
use crate::services::safe_elsewhere::{check_picked, digests_of_stored};
use crate::state::AppEnv;
use candour_core::messages::Messages;
use candour_core::receipt::{ProofCheck, ProofKind, SafeSet};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`DeleteSafe`].
#[derive(Properties, PartialEq)]
pub struct DeleteSafeProps {
    /// Called after records were deleted, so counts are read again.
    pub on_changed: Callback<()>,
}

/// What the section is doing or did.
#[derive(Clone, PartialEq)]
enum Step {
    Closed,
    Picking,
    Checking,
    /// What the files showed; `safe` may be deleted after confirmation.
    Report {
        lines: Vec<(String, bool)>,
        safe: Vec<String>,
        kept: usize,
    },
    Done(String),
    Failed(FileFailure),
}

/// The "Delete exported responses" button and what follows it.
#[component]
pub fn DeleteSafe(props: &DeleteSafeProps) -> Html {
    let env = use_context::<AppEnv>();
    let step = use_state(|| Step::Closed);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();

    let open = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Picking))
    };
    let picked = {
        let (step, m) = (step.clone(), m.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let (step, m) = (step.clone(), m.clone());
            step.set(Step::Checking);
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = check(&input, &m).await;
                input.set_value("");
                step.set(outcome.unwrap_or_else(Step::Failed));
            });
        })
    };
    let delete = {
        let (step, m, on_changed) = (step.clone(), m.clone(), props.on_changed.clone());
        Callback::from(move |_: MouseEvent| {
            let Step::Report { safe, kept, .. } = (*step).clone() else {
                return;
            };
            let (step, m, on_changed) = (step.clone(), m.clone(), on_changed.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = async {
                    let db = RecordsDb::open().await?;
                    db.delete_records(&safe).await
                };
                match outcome.await {
                    Ok(n) => {
                        step.set(Step::Done(m.fill(
                            "safe.deleted",
                            &[("count", &n.to_string()), ("kept", &kept.to_string())],
                        )));
                        on_changed.emit(());
                    }
                    Err(e) => step.set(Step::Failed(FileFailure::Store(e))),
                }
            });
        })
    };
    let cancel = {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(Step::Closed))
    };

    let body = match &*step {
        Step::Closed => html! {},
        Step::Picking | Step::Checking => html! {
            <div class="stack">
                <p>{ m.get("safe.intro") }</p>
                <label for="safe-files">{ m.get("safe.pick") }</label>
                <input id="safe-files" type="file" class="file-input" multiple=true
                    accept=".json,application/json" onchange={picked}
                    disabled={*step == Step::Checking} />
                if *step == Step::Checking {
                    <p role="status">{ m.get("safe.checking") }</p>
                }
                <button type="button" class="button" onclick={cancel.clone()}>{ m.get("researcher.cancel") }</button>
            </div>
        },
        Step::Report { lines, safe, kept } => report(&m, lines, safe.len(), *kept, delete, cancel),
        Step::Done(text) => html! { <p class="notice" role="status">{ text.clone() }</p> },
        Step::Failed(e) => html! { <p class="notice warning" role="alert">{ e.in_words(&m) }</p> },
    };
    html! {
        <>
            <button type="button" class="button" onclick={open}>{ m.get("researcher.delete_button") }</button>
            { body }
        </>
    }
}

/// Reads the stored records and the picked files, and says what they show.
async fn check(input: &HtmlInputElement, m: &Messages) -> Result<Step, FileFailure> {
    let db = RecordsDb::open().await?;
    let (stored, total) = digests_of_stored(&db).await?;
    let results = check_picked(input, &stored).await?;
    let mut lines = Vec::new();
    let mut checks: Vec<ProofCheck> = Vec::new();
    for result in results {
        match result {
            Ok(check) => {
                lines.extend(describe(m, &check));
                checks.push(check);
            }
            Err(problem) => lines.push((problem.in_words(m), true)),
        }
    }
    let safe = SafeSet::of(&checks);
    Ok(Step::Report {
        lines,
        kept: total.saturating_sub(safe.confirmed.len()),
        safe: safe.confirmed.into_iter().collect(),
    })
}

/// One file's findings, each line with whether it is a warning.
fn describe(m: &Messages, check: &ProofCheck) -> Vec<(String, bool)> {
    let key = match check.kind {
        ProofKind::Export => "safe.file_export",
        ProofKind::Receipt => "safe.file_receipt",
    };
    let mut lines = vec![(
        m.fill(
            key,
            &[
                ("file", &check.file),
                ("confirmed", &check.confirmed.len().to_string()),
            ],
        ),
        false,
    )];
    if !check.differing.is_empty() {
        let count = check.differing.len().to_string();
        lines.push((m.fill("safe.file_differs", &[("count", &count)]), true));
    }
    if check.not_here > 0 {
        let count = check.not_here.to_string();
        lines.push((m.fill("safe.file_not_here", &[("count", &count)]), false));
    }
    lines
}

fn report(
    m: &Messages,
    lines: &[(String, bool)],
    safe: usize,
    kept: usize,
    delete: Callback<MouseEvent>,
    cancel: Callback<MouseEvent>,
) -> Html {
    let found = html! {
        <ul class="file-list">
            { for lines.iter().map(|(text, warn)| html! {
                <li class={classes!(warn.then_some("bad"))}>{ text.clone() }</li>
            }) }
        </ul>
    };
    if safe == 0 {
        return html! {
            <div class="stack">
                { found }
                <p class="notice warning" role="alert">{ m.get("safe.none") }</p>
            </div>
        };
    }
    let (count, kept) = (safe.to_string(), kept.to_string());
    html! {
        <div class="notice warning" role="alertdialog" aria-labelledby="delete-question">
            { found }
            <p id="delete-question">{ m.fill("safe.confirm", &[("count", &count), ("kept", &kept)]) }</p>
            <div class="choice-buttons">
                <button type="button" class="button danger" onclick={delete}>
                    { m.fill("safe.delete_yes", &[("count", &count)]) }
                </button>
                <button type="button" class="button" onclick={cancel}>{ m.get("researcher.cancel") }</button>
            </div>
        </div>
    }
}
