//! The area's own safety: how long it stays unlocked without a touch,
//! changing the PIN, and a new recovery code when the old one is lost.

use crate::services::local_store::LocalStore;
use crate::services::secrets::{change_pin, make_recovery_code, NewCode};
use crate::state::AppEnv;
use candour_core::messages::Messages;
use candour_core::researcher::area_lock::parse_lock_minutes;
use candour_core::settings::Settings;
use candour_core::storage::Repository;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`SecurityPanel`].
#[derive(Properties, PartialEq)]
pub struct SecurityProps {
    /// The lock time was saved (in seconds): it applies at once.
    pub on_lock_time: Callback<u32>,
}

/// What the panel last did, in words (`Err` for a warning).
type Outcome = Option<Result<String, String>>;

/// The "PIN, recovery code and locking" panel.
#[component]
pub fn SecurityPanel(props: &SecurityProps) -> Html {
    let env = use_context::<AppEnv>();
    let minutes = use_node_ref();
    let (pin, confirm) = (use_node_ref(), use_node_ref());
    let lock_status = use_state(|| None::<Result<String, String>>);
    let pin_status = use_state(|| None::<Result<String, String>>);
    let new_code = use_state(|| None::<NewCode>);
    let busy = use_state(|| false);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();
    let current = LocalStore::open()
        .map(|s| Repository::new(s).load_settings())
        .unwrap_or_default();
    let value = |r: &NodeRef| {
        r.cast::<HtmlInputElement>()
            .map(|i| {
                let v = i.value();
                if i.id() != "area-lock-minutes" {
                    i.set_value("");
                }
                v
            })
            .unwrap_or_default()
    };

    let save_lock = {
        let (minutes, lock_status, m) = (minutes.clone(), lock_status.clone(), m.clone());
        let on_lock_time = props.on_lock_time.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let outcome = save_lock_time(&value(&minutes), &m).inspect(|&seconds| {
                on_lock_time.emit(seconds);
            });
            lock_status.set(Some(outcome.map(|seconds| {
                m.fill(
                    "security.lock_saved",
                    &[("minutes", &(seconds / 60).to_string())],
                )
            })));
        })
    };
    let save_pin = {
        let (pin, confirm, pin_status, busy, m) = (
            pin.clone(),
            confirm.clone(),
            pin_status.clone(),
            busy.clone(),
            m.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (a, b) = (value(&pin), value(&confirm));
            let (pin_status, busy, m) = (pin_status.clone(), busy.clone(), m.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = change_pin(&a, &b).await;
                pin_status.set(Some(
                    outcome
                        .map(|()| m.get("security.pin_changed").to_owned())
                        .map_err(|e| e.in_words(&m)),
                ));
                busy.set(false);
            });
        })
    };
    let make_code = {
        let (new_code, pin_status, busy, m) = (
            new_code.clone(),
            pin_status.clone(),
            busy.clone(),
            m.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (new_code, pin_status, busy, m) = (
                new_code.clone(),
                pin_status.clone(),
                busy.clone(),
                m.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match make_recovery_code().await {
                    Ok(code) => new_code.set(Some(code)),
                    Err(e) => pin_status.set(Some(Err(e.in_words(&m)))),
                }
                busy.set(false);
            });
        })
    };
    let written = {
        let new_code = new_code.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(new) = &*new_code {
                new.shown();
            }
            new_code.set(None)
        })
    };
    let m = &env.messages;
    let busy = *busy;
    html! {
        <section class="panel" aria-labelledby="security-heading">
            <h2 id="security-heading">{ m.get("security.heading") }</h2>
            <form class="stack" onsubmit={save_lock} novalidate=true>
                <label for="area-lock-minutes">{ m.get("security.lock_label") }</label>
                <input id="area-lock-minutes" ref={minutes} type="text" inputmode="numeric"
                    class="text-input" autocomplete="off" aria-describedby="area-lock-help"
                    value={(current.area_lock_seconds / 60).to_string()} />
                <p id="area-lock-help" class="help">{ m.get("security.lock_help") }</p>
                <button type="submit" class="button primary">{ m.get("security.lock_save") }</button>
                { outcome_view(&lock_status) }
            </form>
            <form class="stack" onsubmit={save_pin} novalidate=true autocomplete="off">
                <h3>{ m.get("security.change_pin") }</h3>
                { crate::researcher::gate::pin_field("change-pin", m.get("researcher.new_pin"), pin) }
                { crate::researcher::gate::pin_field("change-pin-confirm", m.get("researcher.confirm_pin"), confirm) }
                <button type="submit" class="button" disabled={busy}>
                    { if busy { m.get("researcher.checking") } else { m.get("security.change_pin") } }
                </button>
                { outcome_view(&pin_status) }
            </form>
            <div class="stack">
                <p>{ m.get("recovery.new_intro") }</p>
                { code_view(m, new_code.as_ref().map(|n| n.code.as_str()), make_code, written, busy) }
            </div>
        </section>
    }
}

/// A new code while it is shown (once), or the button that makes one.
fn code_view(
    m: &Messages,
    code: Option<&str>,
    make: Callback<MouseEvent>,
    written: Callback<MouseEvent>,
    busy: bool,
) -> Html {
    match code {
        Some(code) => html! {
            <div class="notice" role="status">
                <p>{ m.get("recovery.show_intro") }</p>
                <p class="recovery-code">{ code.to_owned() }</p>
                <button type="button" class="button primary" onclick={written}>{ m.get("recovery.written") }</button>
            </div>
        },
        None => html! {
            <button type="button" class="button" onclick={make} disabled={busy}>
                { m.get("recovery.new_button") }
            </button>
        },
    }
}

fn outcome_view(outcome: &Outcome) -> Html {
    match outcome {
        None => html! {},
        Some(outcome) => html! {
            <p class={classes!("notice", outcome.is_err().then_some("warning"))} role="status">
                { outcome.clone().unwrap_or_else(|e| e) }
            </p>
        },
    }
}

/// Checks and stores the lock time; returns it in seconds.
fn save_lock_time(typed: &str, m: &Messages) -> Result<u32, String> {
    let seconds =
        parse_lock_minutes(typed).map_err(|_| m.get("security.lock_invalid").to_owned())?;
    let mut repo = Repository::new(LocalStore::open().map_err(|e| e.in_words(m))?);
    repo.update_settings(|now| Settings {
        area_lock_seconds: seconds,
        ..now
    })
    .map_err(|e| e.in_words(m))?;
    Ok(seconds)
}
