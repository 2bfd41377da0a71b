//! "Combine exports from several tablets": pick several JSON exports, see
//! what happened to each file, and download the combined data in the
//! formats of a device export. Nothing is written to this device's storage:
//! the combined data live in memory until the area is left.

use super::report::ImportReport;
use crate::env::AppEnv;
use candour_analysis::combine::{combine, Combined};
use candour_web::clock::now;
use candour_web::file_pick::{read_picked, PickError};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Where the panel is.
#[derive(Clone, PartialEq)]
enum Step {
    /// Nothing picked yet.
    Idle,
    /// Reading and merging the picked files.
    Reading,
    /// The merge, with every file's outcome.
    Done(Rc<Combined>),
    /// The picked files could not be listed at all.
    Failed(String),
}

/// The import-and-merge panel.
#[component]
pub fn ImportPanel() -> Html {
    let env = use_context::<AppEnv>();
    let input = use_node_ref();
    let step = use_state(|| Step::Idle);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();

    let on_change = {
        let (input, step, m) = (input.clone(), step.clone(), m.clone());
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<HtmlInputElement>() else {
                step.set(Step::Failed(PickError::NoFileList.in_words(&m)));
                return;
            };
            step.set(Step::Reading);
            let (step, m) = (step.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_picked(&element).await;
                // Cleared so that picking the same files again (after
                // fixing one) reads them again.
                element.set_value("");
                step.set(match read {
                    Ok(files) if files.is_empty() => Step::Idle,
                    Ok(files) => {
                        let picked = files
                            .into_iter()
                            .map(|(name, bytes)| (name, bytes.map_err(|e| e.in_words(&m))))
                            .collect();
                        Step::Done(Rc::new(combine(picked, now())))
                    }
                    Err(e) => Step::Failed(e.in_words(&m)),
                });
            });
        })
    };

    html! {
        <section class="panel" aria-labelledby="import-heading">
            <h2 id="import-heading">{ m.get("researcher.import_heading") }</h2>
            <p id="import-help">{ m.get("researcher.import_intro") }</p>
            <label for="import-files">{ m.get("researcher.import_pick") }</label>
            <input id="import-files" ref={input} type="file" class="file-input" multiple=true
                accept=".json,application/json" aria-describedby="import-help"
                disabled={*step == Step::Reading} onchange={on_change} />
            {
                match &*step {
                    Step::Idle => html! {},
                    Step::Reading => html! { <p role="status">{ m.get("researcher.working") }</p> },
                    Step::Failed(problem) => html! {
                        <p class="notice warning" role="alert">{ problem.clone() }</p>
                    },
                    Step::Done(combined) => html! { <ImportReport combined={combined.clone()} /> },
                }
            }
        </section>
    }
}
