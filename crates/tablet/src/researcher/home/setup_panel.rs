//! "Sealing responses": loading the research team's tablet setup file
//! (its key, and a questionnaire when it carries one), the key's
//! fingerprint for staff to compare by eye, and this tablet's own signing
//! key. Without a research key it says plainly that responses are stored
//! unsealed, and how to seal them.

use crate::services::instruments;
use crate::services::records_db::RecordsDb;
use crate::services::signing_key::{SigningError, TabletKey};
use crate::state::AppEnv;
use candour_core::messages::Messages;
use candour_core::seal::{read_setup_file, ResearchPublicKey, SetupError};
use candour_core::storage::instruments::SaveError;
use candour_core::storage::research_key_store::{KeptResearchKey, KeyChange};
use candour_core::storage::StoreError;
use candour_web::clock::now;
use candour_web::file_pick::{read_picked, PickError};
use serde_json::value::RawValue;
use thiserror::Error;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What the panel knows.
#[derive(Clone, PartialEq, Default)]
struct Known {
    /// The research key kept, or why it cannot be read.
    research: Option<Result<Option<ResearchPublicKey>, StoreError>>,
    /// This tablet's signing key's fingerprint, or why there is none.
    tablet: Option<Result<String, SigningError>>,
}

/// Why a setup file was not loaded; nothing changed. Kept typed up to the
/// panel, which says it in the staff area's language.
#[derive(Debug, Clone, PartialEq, Error)]
enum LoadError {
    /// The file could not be read.
    #[error("{0}")]
    Pick(#[from] PickError),
    /// The file is not a usable setup file.
    #[error("{0}")]
    File(#[from] SetupError),
    /// The questionnaire in it was not stored.
    #[error("{0}")]
    Questionnaire(#[from] SaveError),
    /// The checked file's questionnaire could not be found again.
    #[error("no questionnaire text")]
    NoQuestionnaireText,
    /// Storage refused.
    #[error("{0}")]
    Store(#[from] StoreError),
}

impl LoadError {
    /// The error in the language of `m`.
    fn in_words(&self, m: &Messages) -> String {
        match self {
            LoadError::Pick(e) => e.in_words(m),
            LoadError::File(e) => e.in_words(m),
            // Every problem of the questionnaire, one after the other.
            LoadError::Questionnaire(SaveError::Invalid(errors)) => errors
                .problems
                .iter()
                .map(|p| p.in_words(m))
                .collect::<Vec<_>>()
                .join(" "),
            LoadError::Questionnaire(e) => e.in_words(m),
            LoadError::NoQuestionnaireText => m.get("sealing.help").to_owned(),
            LoadError::Store(e) => e.in_words(m),
        }
    }
}

/// The last load's outcome.
#[derive(Clone, PartialEq)]
enum Outcome {
    Done(Vec<String>),
    Failed(LoadError),
}

/// The sealing panel.
#[component]
pub fn SetupPanel() -> Html {
    let env = use_context::<AppEnv>();
    let input = use_node_ref();
    let known = use_state(Known::default);
    let outcome = use_state(|| None::<Outcome>);
    {
        let known = known.clone();
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                let research = Some(read_research_key().await);
                // Made only once the tablet is set up to seal (see
                // `TabletKey::load`): here it is only looked up.
                let tablet = match TabletKey::load().await {
                    Ok(Some(key)) => Some(Ok(key.fingerprint())),
                    Ok(None) => None,
                    Err(e) => Some(Err(e)),
                };
                known.set(Known { research, tablet });
            });
        });
    }
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();
    let on_change = {
        let (input, known, outcome, m) = (input.clone(), known.clone(), outcome.clone(), m.clone());
        Callback::from(move |_: Event| {
            let Some(element) = input.cast::<HtmlInputElement>() else {
                outcome.set(Some(Outcome::Failed(PickError::NoFileList.into())));
                return;
            };
            let (known, outcome, m) = (known.clone(), outcome.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_picked(&element).await;
                element.set_value("");
                let bytes = match read.map(|files| files.into_iter().next()) {
                    Ok(Some((_, Ok(bytes)))) => bytes,
                    Ok(Some((_, Err(e)))) | Err(e) => {
                        outcome.set(Some(Outcome::Failed(e.into())));
                        return;
                    }
                    Ok(None) => return,
                };
                match load(&bytes, &m).await {
                    Ok((key, said)) => {
                        // Set up to seal: the tablet's signing key now.
                        let tablet = Some(
                            TabletKey::load_or_create()
                                .await
                                .map(|made| made.fingerprint()),
                        );
                        known.set(Known {
                            research: Some(Ok(Some(key))),
                            tablet,
                        });
                        outcome.set(Some(Outcome::Done(said)));
                    }
                    Err(e) => outcome.set(Some(Outcome::Failed(e))),
                }
            });
        })
    };
    html! {
        <section class="panel" aria-labelledby="sealing-heading">
            <h2 id="sealing-heading">{ m.get("sealing.heading") }</h2>
            { research_view(&m, known.research.as_ref()) }
            <label for="setup-file">{ m.get("sealing.pick") }</label>
            <input id="setup-file" ref={input} type="file" class="file-input"
                accept=".json,application/json" aria-describedby="setup-help" onchange={on_change} />
            <p id="setup-help" class="help">{ m.get("sealing.help") }</p>
            { outcome_view(&m, outcome.as_ref()) }
            { tablet_view(&m, known.tablet.as_ref()) }
        </section>
    }
}

async fn read_research_key() -> Result<Option<ResearchPublicKey>, StoreError> {
    let db = RecordsDb::open().await?;
    Ok(db.research_key().await?.map(|k| k.public_key))
}

/// Checks the setup file, keeps its key (and its questionnaire, through
/// the questionnaire panel's own path); what to say. A refused file changes
/// nothing.
async fn load(bytes: &[u8], m: &Messages) -> Result<(ResearchPublicKey, Vec<String>), LoadError> {
    let setup = read_setup_file(bytes)?;
    let db = RecordsDb::open().await?;
    // A kept key that cannot be read is replaced: the new one is checked.
    let old = db.research_key().await.ok().flatten().map(|k| k.public_key);
    let change = KeyChange::of(old.as_ref(), &setup.research_key);
    let mut said = vec![match &change {
        KeyChange::First { .. } => m.get("sealing.first").to_owned(),
        KeyChange::Same { .. } => m.get("sealing.same").to_owned(),
        KeyChange::Replaced { old, .. } => m.fill("sealing.replaced", &[("old", old)]),
    }];
    // The questionnaire first: if it cannot be stored, nothing changes.
    if setup.instrument.is_some() {
        let raw = instrument_text(bytes).ok_or(LoadError::NoQuestionnaireText)?;
        let instrument = instruments::save(raw.as_bytes())?;
        let title = instrument
            .title
            .get(m.locale(), &instrument.locale)
            .to_owned();
        said.push(m.fill("sealing.with_questionnaire", &[("title", &title)]));
    }
    if !matches!(change, KeyChange::Same { .. }) {
        let write = KeptResearchKey::keep(&setup.research_key, now())?;
        db.commit(vec![write]).await?;
        said.push(m.get("sealing.applies").to_owned());
    }
    Ok((setup.research_key, said))
}

/// The questionnaire's exact text inside a setup file already checked.
fn instrument_text(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Shape<'a> {
        #[serde(borrow)]
        instrument: Option<&'a RawValue>,
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let shape: Shape<'_> = serde_json::from_str(text).ok()?;
    shape.instrument.map(|raw| raw.get().to_owned())
}

fn research_view(
    m: &Messages,
    research: Option<&Result<Option<ResearchPublicKey>, StoreError>>,
) -> Html {
    match research {
        None => html! {},
        Some(Ok(None)) => {
            html! { <p class="notice warning" role="status">{ m.get("sealing.unsealed") }</p> }
        }
        Some(Err(e)) => html! {
            <>
                <p class="notice warning" role="alert">{ e.in_words(m) }</p>
                <p class="notice warning">{ m.get("sealing.unsealed") }</p>
            </>
        },
        Some(Ok(Some(key))) => html! {
            <>
                <p class="notice" role="status">{ m.get("sealing.loaded") }</p>
                <dl class="facts">
                    <div class="fact-row">
                        <dt>{ m.get("sealing.fingerprint_label") }</dt>
                        <dd class="fingerprint" aria-label={spelled(&key.fingerprint())}>{ key.fingerprint() }</dd>
                    </div>
                </dl>
                <p>{ m.get("sealing.compare") }</p>
            </>
        },
    }
}

fn tablet_view(m: &Messages, tablet: Option<&Result<String, SigningError>>) -> Html {
    match tablet {
        None => html! { <p class="help">{ m.get("sealing.tablet_key_later") }</p> },
        Some(Ok(fingerprint)) => html! {
            <>
                <dl class="facts">
                    <div class="fact-row">
                        <dt>{ m.get("sealing.tablet_key_label") }</dt>
                        <dd class="fingerprint">{ fingerprint.clone() }</dd>
                    </div>
                </dl>
                <p class="help">{ m.get("sealing.tablet_key_help") }</p>
            </>
        },
        Some(Err(e)) => html! { <p class="notice warning" role="alert">{ e.in_words(m) }</p> },
    }
}

/// The fingerprint spelled group by group for a screen reader, which
/// would otherwise try to read each group as a word.
fn spelled(fingerprint: &str) -> String {
    fingerprint
        .split(' ')
        .map(|group| {
            group
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn outcome_view(m: &Messages, outcome: Option<&Outcome>) -> Html {
    match outcome {
        None => html! {},
        Some(Outcome::Done(lines)) => {
            let lines = lines.iter().map(|l| html! { <p>{ l.clone() }</p> });
            html! { <div class="notice" role="status">{ for lines }</div> }
        }
        Some(Outcome::Failed(e)) => {
            html! { <p class="notice warning" role="alert">{ e.in_words(m) }</p> }
        }
    }
}
