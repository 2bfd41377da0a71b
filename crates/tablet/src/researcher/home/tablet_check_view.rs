//! "Tablet check": the app's version and build, then one line per thing a
//! tablet needs before real surveys, each ticked or saying what to do.
//! What the lines say is decided in the core
//! (`candour_core::researcher::tablet_check`); this reads the browser's
//! facts and draws them.

use crate::hooks::use_offline_copy::use_offline_copy;
use crate::services::tablet_facts::{gather, page_build, APP_VERSION};
use crate::state::AppEnv;
use candour_core::researcher::tablet_check::{open_lines, tablet_check, CheckState, TabletFacts};
use yew::prelude::*;

/// The tablet check panel.
#[component]
pub fn TabletCheckView() -> Html {
    let env = use_context::<AppEnv>();
    let offline = use_offline_copy();
    let facts = use_state(|| None::<TabletFacts>);
    // Bumped by "Check again", after staff changed something.
    let round = use_state(|| 0u32);
    let locale = env
        .as_ref()
        .map(|e| e.messages.locale().to_owned())
        .unwrap_or_default();
    {
        let facts = facts.clone();
        use_effect_with((offline, *round), move |(offline, _)| {
            let offline = *offline;
            wasm_bindgen_futures::spawn_local(async move {
                facts.set(Some(gather(&locale, offline).await));
            });
        });
    }
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let build = page_build().unwrap_or_else(|| m.get("check.no_build").to_owned());
    let version = m.fill(
        "check.version",
        &[("version", APP_VERSION), ("build", &build)],
    );
    let again = {
        let round = round.clone();
        Callback::from(move |_: MouseEvent| round.set(*round + 1))
    };
    let body = match &*facts {
        None => html! { <p>{ m.get("app.loading") }</p> },
        Some(facts) => {
            let lines = tablet_check(facts, m);
            let open = open_lines(&lines);
            let items = lines.iter().map(|line| {
                let (class, mark, label) = match line.state {
                    CheckState::Done => ("check-done", "✓", "check.done_label"),
                    CheckState::ToDo => ("check-todo", "!", "check.todo_label"),
                    CheckState::Unknown => ("check-unknown", "?", "check.unknown_label"),
                };
                html! {
                    <li class={classes!("check-line", class)}>
                        <span class="check-mark" aria-hidden="true">{ mark }</span>
                        <span>
                            <span class="answer-sr-only">{ format!("{}: ", m.get(label)) }</span>
                            { line.text.clone() }
                        </span>
                    </li>
                }
            });
            let summary = if open == 0 {
                m.get("check.all_done").to_owned()
            } else {
                m.fill("check.open", &[("count", &open.to_string())])
            };
            html! {
                <>
                    <ul class="tablet-check">{ for items }</ul>
                    <p role="status">{ summary }</p>
                </>
            }
        }
    };
    html! {
        <section class="panel" aria-labelledby="check-heading">
            <h2 id="check-heading">{ m.get("check.heading") }</h2>
            <p class="app-version">{ version }</p>
            <p>{ m.get("check.intro") }</p>
            { body }
            <button type="button" class="button" onclick={again}>{ m.get("check.again") }</button>
        </section>
    }
}
