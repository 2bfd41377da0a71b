//! "Questionnaire for new surveys": which instrument new surveys use, loading
//! a researcher's own instrument file (checked by the engine, every problem
//! listed, never applied with any problem), and going back to the default.
//! A change applies from the next start, which leaving the area brings: a
//! survey never changes instrument half-way.

use super::file_failure::FileFailure;
use crate::services::instruments;
use crate::state::AppEnv;
use candour_core::hash::content_hash;
use candour_core::instrument::default::default_instrument;
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_core::storage::instruments::{Chosen, SaveError};
use candour_core::visibility::all_items;
use candour_web::file_pick::{read_picked, PickError};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the last action did.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Done; the sentence says what.
    Done(String),
    /// The file was not applied: every problem, one sentence each.
    Problems(Vec<String>),
    /// Reading or storing failed.
    Failed(FileFailure),
}

/// The instrument panel.
#[component]
pub fn InstrumentPanel() -> Html {
    let env = use_context::<AppEnv>();
    let input = use_node_ref();
    let chosen = use_state(instruments::chosen);
    let outcome = use_state(|| None::<Outcome>);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();

    let on_change = {
        let (input, chosen, outcome, m) =
            (input.clone(), chosen.clone(), outcome.clone(), m.clone());
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<HtmlInputElement>() else {
                outcome.set(Some(Outcome::Failed(PickError::NoFileList.into())));
                return;
            };
            let (chosen, outcome, m) = (chosen.clone(), outcome.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_picked(&element).await;
                element.set_value("");
                let first = match read {
                    Ok(files) => files.into_iter().next(),
                    Err(e) => Some((String::new(), Err(e))),
                };
                let Some((_, bytes)) = first else { return };
                let result = match bytes {
                    Ok(bytes) => apply(&bytes, &m),
                    Err(e) => Err(Outcome::Failed(e.into())),
                };
                match result {
                    Ok((instrument, done)) => {
                        chosen.set(Chosen::Loaded(Box::new(instrument)));
                        outcome.set(Some(done));
                    }
                    Err(problem) => outcome.set(Some(problem)),
                }
            });
        })
    };
    let on_default = {
        let (chosen, outcome, m) = (chosen.clone(), outcome.clone(), m.clone());
        Callback::from(move |_: MouseEvent| match instruments::choose_default() {
            Ok(()) => {
                chosen.set(Chosen::Default);
                outcome.set(Some(Outcome::Done(
                    m.get("researcher.instrument_default_set").to_owned(),
                )));
            }
            Err(e) => outcome.set(Some(Outcome::Failed(e.into()))),
        })
    };

    let (current, source, warning) = match &*chosen {
        Chosen::Loaded(i) => (Some((**i).clone()), "researcher.instrument_own", None),
        Chosen::Default => (
            default_instrument().ok(),
            "researcher.instrument_default",
            None,
        ),
        Chosen::Unusable(p) => (
            default_instrument().ok(),
            "researcher.instrument_default",
            Some(m.fill(
                "researcher.instrument_fallback",
                &[("reason", &p.in_words(&m))],
            )),
        ),
    };
    html! {
        <section class="panel" aria-labelledby="instrument-heading">
            <h2 id="instrument-heading">{ m.get("researcher.instrument_heading") }</h2>
            if let Some(warning) = warning {
                <p class="notice warning" role="alert">{ warning }</p>
            }
            <p>{ m.get(source) }</p>
            if let Some(instrument) = &current {
                { facts(&m, instrument) }
            }
            <label for="instrument-file">{ m.get("researcher.instrument_pick") }</label>
            <input id="instrument-file" ref={input} type="file" class="file-input"
                accept=".json,application/json" aria-describedby="instrument-help" onchange={on_change} />
            <p id="instrument-help" class="help">{ m.get("researcher.instrument_help") }</p>
            if *chosen != Chosen::Default {
                <button type="button" class="button" onclick={on_default}>
                    { m.get("researcher.instrument_use_default") }
                </button>
            }
            { outcome_view(&m, outcome.as_ref()) }
        </section>
    }
}

/// Checks and stores the file; what to say either way.
fn apply(bytes: &[u8], m: &Messages) -> Result<(Instrument, Outcome), Outcome> {
    match instruments::save(bytes) {
        Ok(instrument) => {
            let title = instrument
                .title
                .get(m.locale(), &instrument.locale)
                .to_owned();
            let done = m.fill("researcher.instrument_loaded", &[("title", &title)]);
            Ok((instrument, Outcome::Done(done)))
        }
        Err(SaveError::Invalid(errors)) => Err(Outcome::Problems(
            errors.problems.iter().map(|p| p.in_words(m)).collect(),
        )),
        Err(SaveError::NotText) => Err(Outcome::Problems(vec![m
            .get("researcher.instrument_not_text")
            .to_owned()])),
        Err(SaveError::Store(e)) => Err(Outcome::Failed(e.into())),
    }
}

/// Title, id, version, the start of the hash and the number of questions.
fn facts(m: &Messages, instrument: &Instrument) -> Html {
    let hash = content_hash(instrument);
    let rows = [
        (
            "researcher.instrument_title",
            instrument
                .title
                .get(m.locale(), &instrument.locale)
                .to_owned(),
        ),
        ("researcher.instrument_id", instrument.id.clone()),
        ("researcher.instrument_version", instrument.version.clone()),
        (
            "researcher.instrument_hash",
            hash.get(..19).unwrap_or(&hash).to_owned(),
        ),
        (
            "researcher.instrument_items",
            all_items(instrument).count().to_string(),
        ),
    ];
    let rows = rows.into_iter().map(|(key, value)| {
        html! { <div class="fact-row"><dt>{ m.get(key).to_owned() }</dt><dd>{ value }</dd></div> }
    });
    html! { <dl class="facts">{ for rows }</dl> }
}

/// The last action's outcome; problems as a list.
fn outcome_view(m: &Messages, outcome: Option<&Outcome>) -> Html {
    match outcome {
        None => html! {},
        Some(Outcome::Done(text)) => html! { <p class="notice" role="status">{ text.clone() }</p> },
        Some(Outcome::Failed(e)) => {
            html! { <p class="notice warning" role="alert">{ e.in_words(m) }</p> }
        }
        Some(Outcome::Problems(problems)) => {
            let items = problems.iter().map(|p| html! { <li>{ p.clone() }</li> });
            html! {
                <div class="notice warning" role="alert">
                    <p id="instrument-problems">{ m.fill(
                        "researcher.instrument_problems",
                        &[("count", &problems.len().to_string())],
                    ) }</p>
                    <ul class="file-list" aria-labelledby="instrument-problems">{ for items }</ul>
                </div>
            }
        }
    }
}
