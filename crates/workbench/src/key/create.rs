//! "Create a research key": the passphrase twice (checked, the reason in
//! words), an optional questionnaire for the tablets, then the key made
//! (`begin_research_key`, the command-line tool's `keygen` too), its
//! fingerprint shown, and each file downloaded on its own button, with
//! what to do with them. Argon2id runs in the key worker for a second or
//! so (`background`), the page answering meanwhile; the step is timed.

use super::background::use_derivation_slot;
use super::passphrase_field;
use super::questionnaire::QuestionnairePick;
use super::KeyStatus;
use crate::env::AppEnv;
use crate::notice::outcome_notice;
use candour_analysis::sealing::{begin_research_key, KdfCost, NewResearchKey};
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_web::clock::now;
use candour_web::download::download;
use candour_web::timing::Step;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The part that makes a new key.
#[component]
pub fn CreateKey() -> Html {
    let passphrase = use_node_ref();
    let confirm = use_node_ref();
    let questionnaire = use_state(|| None::<Rc<Instrument>>);
    let status = use_state(|| KeyStatus::Idle);
    let made = use_state(|| None::<Rc<NewResearchKey>>);
    let saved = use_state(|| None::<Result<String, String>>);
    let slot = use_derivation_slot();
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = env.messages.clone();
    let onsubmit = {
        let (passphrase, confirm, questionnaire) =
            (passphrase.clone(), confirm.clone(), questionnaire.clone());
        let (status, made, saved, m) = (status.clone(), made.clone(), saved.clone(), m.clone());
        let slot = slot.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if status.working() {
                return;
            }
            let value = |r: &NodeRef| {
                r.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let (first, second) = (value(&passphrase), value(&confirm));
            let instrument = (*questionnaire).clone();
            let (status, made, saved, m) = (status.clone(), made.clone(), saved.clone(), m.clone());
            let (passphrase, confirm) = (passphrase.clone(), confirm.clone());
            status.set(KeyStatus::Working(
                m.get("workbench.key_creating").to_owned(),
            ));
            made.set(None);
            saved.set(None);
            let slot = slot.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let timing = Step::start("candour:workbench:keygen");
                let draft = match begin_research_key(
                    &first,
                    &second,
                    instrument.as_deref(),
                    KdfCost::RECOMMENDED,
                    now(),
                    &mut getrandom::SysRng,
                ) {
                    Ok(draft) => draft,
                    Err(e) => return status.set(KeyStatus::Refused(e.in_words(&m))),
                };
                let result = match slot.derive(draft.derivation()).await {
                    Ok(key) => draft.finish(&key).map_err(|e| e.in_words(&m)),
                    Err(e) => match e.in_words(&m) {
                        Some(words) => Err(words),
                        // The panel has gone: nothing to say, nowhere.
                        None => return,
                    },
                };
                timing.end();
                match result {
                    Ok(key) => {
                        for r in [&passphrase, &confirm] {
                            if let Some(input) = r.cast::<HtmlInputElement>() {
                                input.set_value("");
                            }
                        }
                        status.set(KeyStatus::Done(m.fill(
                            "workbench.key_created",
                            &[("fingerprint", &key.fingerprint)],
                        )));
                        made.set(Some(Rc::new(key)));
                    }
                    Err(words) => status.set(KeyStatus::Refused(words)),
                }
            });
        })
    };
    let on_questionnaire = {
        let questionnaire = questionnaire.clone();
        Callback::from(move |q: Option<Rc<Instrument>>| questionnaire.set(q))
    };
    let working = status.working();
    html! {
        <section class="key-create" aria-labelledby="create-key-heading">
            <h3 id="create-key-heading">{ m.get("workbench.key_create_heading") }</h3>
            <p>{ m.get("workbench.key_create_intro") }</p>
            <form {onsubmit}>
                { passphrase_field("new-passphrase", m.get("workbench.key_passphrase_new"), "new-password", &passphrase, working) }
                { passphrase_field("confirm-passphrase", m.get("workbench.key_passphrase_confirm"), "new-password", &confirm, working) }
                <QuestionnairePick on_change={on_questionnaire} disabled={working} />
                <button type="submit" class="button" disabled={working}>
                    { m.get("workbench.key_create_button") }
                </button>
            </form>
            { status.view("create-key-status") }
            if let Some(key) = (*made).clone() {
                { made_view(&m, key, saved.clone()) }
            }
        </section>
    }
}

/// The new key's fingerprint, what to do with its files, and their buttons.
fn made_view(
    m: &Rc<Messages>,
    key: Rc<NewResearchKey>,
    saved: UseStateHandle<Option<Result<String, String>>>,
) -> Html {
    let save = |name: String, text: String| {
        let (saved, m) = (saved.clone(), m.clone());
        Callback::from(move |_: MouseEvent| {
            let outcome = download(&name, "application/json", text.as_bytes())
                .map(|()| m.fill("workbench.key_saved", &[("file", &name)]))
                .map_err(|e| e.in_words(&m));
            saved.set(Some(outcome));
        })
    };
    let save_key = save(key.key_file_name.clone(), key.key_file.clone());
    let save_setup = save(key.setup_file_name.clone(), key.setup_file.clone());
    html! {
        <div class="key-made">
            <p>
                { m.get("workbench.key_fingerprint_label") }{ " " }
                <strong class="fingerprint">{ key.fingerprint.clone() }</strong>
            </p>
            <p>{ m.get("workbench.key_keep") }</p>
            <p>{ m.fill("workbench.key_send_setup", &[("fingerprint", &key.fingerprint)]) }</p>
            <button type="button" class="button" onclick={save_key}>
                { m.get("workbench.key_download_key") }
            </button>
            <button type="button" class="button" onclick={save_setup}>
                { m.get("workbench.key_download_setup") }
            </button>
            { outcome_notice(&saved) }
        </div>
    }
}
