//! "Use the research key": the key file picked (its fingerprint shown
//! before the passphrase is asked for), the passphrase typed (a wrong one
//! refused in words), then every open file opened again with the key.

use super::background::use_derivation_slot;
use super::passphrase_field;
use super::KeyStatus;
use crate::app::Workbench;
use crate::env::AppEnv;
use crate::work::Shared;
use candour_analysis::sealing::{key_file_public_key, LockedKeyFile};
use candour_web::file_pick::{files_of, read_file};
use candour_web::timing::Step;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the part that opens the key.
#[derive(Properties, PartialEq)]
pub struct UseKeyProps {
    /// The workbench's state.
    pub wb: Workbench,
}

/// A picked key file: its bytes and the fingerprint it names.
#[derive(Clone, PartialEq)]
struct PickedKey {
    bytes: Rc<Vec<u8>>,
    fingerprint: String,
}

/// The key file input, then the passphrase and "Open the key".
#[component]
pub fn UseKey(props: &UseKeyProps) -> Html {
    let picked = use_state(|| None::<PickedKey>);
    let status = use_state(|| KeyStatus::Idle);
    let passphrase = use_node_ref();
    let slot = use_derivation_slot();
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = env.messages.clone();
    let wb = &props.wb;
    let on_pick = {
        let (picked, status, m) = (picked.clone(), status.clone(), m.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = input.files().map(|l| files_of(&l)).unwrap_or_default();
            input.set_value("");
            let (picked, status, m) = (picked.clone(), status.clone(), m.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let Some(file) = files.first() else {
                    return;
                };
                let name = file.name();
                picked.set(None);
                match read_file(file, &name).await {
                    Err(e) => status.set(KeyStatus::Refused(e.in_words(&m))),
                    Ok(bytes) => match key_file_public_key(&bytes) {
                        Err(e) => status.set(KeyStatus::Refused(e.in_words(&m))),
                        Ok(public) => {
                            status.set(KeyStatus::Idle);
                            picked.set(Some(PickedKey {
                                bytes: Rc::new(bytes),
                                fingerprint: public.fingerprint(),
                            }));
                        }
                    },
                }
            });
        })
    };
    let onsubmit = {
        let (picked, status, m, wb) = (picked.clone(), status.clone(), m.clone(), wb.clone());
        let (passphrase, slot) = (passphrase.clone(), slot.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(key_file) = (*picked).clone() else {
                return;
            };
            if status.working() || wb.busy() {
                return;
            }
            let input = passphrase.cast::<HtmlInputElement>();
            let typed = input.as_ref().map(|i| i.value()).unwrap_or_default();
            status.set(KeyStatus::Working(
                m.get("workbench.key_opening").to_owned(),
            ));
            let (picked, status, m, wb) = (picked.clone(), status.clone(), m.clone(), wb.clone());
            let slot = slot.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let timing = Step::start("candour:workbench:open_key");
                let locked = match LockedKeyFile::read(&key_file.bytes) {
                    Ok(locked) => locked,
                    Err(e) => return status.set(KeyStatus::Refused(e.in_words(&m))),
                };
                let opened = match slot.derive(&locked.derivation(&typed)).await {
                    Ok(key) => locked.open(&key).map_err(|e| e.in_words(&m)),
                    Err(e) => match e.in_words(&m) {
                        Some(words) => Err(words),
                        // The panel has gone: nothing to say, nowhere.
                        None => return,
                    },
                };
                timing.end();
                match opened {
                    Err(words) => status.set(KeyStatus::Refused(words)),
                    Ok(pair) => {
                        let fingerprint = pair.fingerprint();
                        // Files picked while the key was worked out are
                        // still being opened: the key waits for them.
                        if !wb.use_key(Shared(Rc::new(pair))) {
                            return status
                                .set(KeyStatus::Refused(m.get("workbench.key_busy").to_owned()));
                        }
                        if let Some(input) = input {
                            input.set_value("");
                        }
                        status.set(KeyStatus::Done(
                            m.fill("workbench.key_open", &[("fingerprint", &fingerprint)]),
                        ));
                        picked.set(None);
                    }
                }
            });
        })
    };
    let working = status.working();
    html! {
        <section class="key-use" aria-labelledby="use-key-heading">
            <h3 id="use-key-heading">{ m.get("workbench.key_use_heading") }</h3>
            <p>{ m.get("workbench.key_use_intro") }</p>
            if let Some(key) = &*wb.key {
                <p class="notice">{ m.fill("workbench.key_in_use", &[("fingerprint", &key.fingerprint())]) }</p>
            } else {
                <p>{ m.get("workbench.key_none") }</p>
            }
            <div class="field">
                <label for="key-file">{ m.get("workbench.key_file_pick") }</label>
                <input id="key-file" type="file" class="file-input" accept=".json,application/json"
                    disabled={working || wb.busy()} onchange={on_pick} />
            </div>
            if let Some(key_file) = &*picked {
                <form {onsubmit}>
                    <p>
                        { m.get("workbench.key_file_fingerprint") }{ " " }
                        <strong class="fingerprint">{ key_file.fingerprint.clone() }</strong>
                    </p>
                    { passphrase_field("key-passphrase", m.get("workbench.key_passphrase"), "current-password", &passphrase, working) }
                    <button type="submit" class="button" disabled={working || wb.busy()}>
                        { m.get("workbench.key_open_button") }
                    </button>
                </form>
            }
            { status.view("use-key-status") }
        </section>
    }
}
