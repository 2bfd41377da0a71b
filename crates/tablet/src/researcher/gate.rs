//! The PIN gate: set a PIN on first use, unlock with it, a growing lockout
//! after five wrong PINs, and erasing everything as the only way past a
//! forgotten PIN.

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::researcher::home::erase::{count_responses, erase_everything};
use crate::services::local_store::LocalStore;
use crate::state::AppEnv;
use candour_core::researcher::lockout::Attempt;
use candour_core::researcher::pin::{check_new_pin, hash_pin, verify_pin};
use candour_core::researcher::secrets::{load_lockout, load_pin, save_lockout, save_pin};
use candour_web::clock::{now, random_bytes};
use gloo::timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of the gate.
#[derive(Properties, PartialEq)]
pub struct GateProps {
    /// The right PIN was given (or a new one set).
    pub on_unlocked: Callback<()>,
    /// Back to the start screen.
    pub on_leave: Callback<()>,
}

/// Which form the gate shows.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Unlock,
    SetPin,
    Reset,
}

/// The PIN gate.
#[component]
pub fn PinGate(props: &GateProps) -> Html {
    let env = use_context::<AppEnv>();
    let mode = use_state(|| match LocalStore::open().and_then(|s| load_pin(&s)) {
        Ok(None) => Mode::SetPin,
        _ => Mode::Unlock,
    });
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let heading = use_focus_heading(*mode as u8);
    // The number of stored responses, read when the reset form opens.
    let count = use_state(|| 0usize);
    {
        let (count, message) = (count.clone(), message.clone());
        use_effect_with(*mode, move |mode| {
            if *mode == Mode::Reset {
                wasm_bindgen_futures::spawn_local(async move {
                    match count_responses().await {
                        Ok(n) => count.set(n),
                        Err(e) => message.set(Some(e)),
                    }
                });
            }
        });
    }
    let first = use_node_ref();
    let second = use_node_ref();
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();
    let value = |r: &NodeRef| {
        r.cast::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default()
    };

    let submit = {
        let (mode, message, busy) = (mode.clone(), message.clone(), busy.clone());
        let (first, second, m, count) = (first.clone(), second.clone(), m.clone(), count.clone());
        let on_unlocked = props.on_unlocked.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            let (a, b) = (value(&first), value(&second));
            let outcome = match *mode {
                Mode::Unlock => {
                    // PBKDF2 takes a moment: show "Checking…" first.
                    busy.set(true);
                    let (message, busy, on_unlocked, m) = (
                        message.clone(),
                        busy.clone(),
                        on_unlocked.clone(),
                        m.clone(),
                    );
                    Timeout::new(20, move || {
                        match unlock(&a) {
                            Ok(Attempt::Unlocked) => on_unlocked.emit(()),
                            Ok(Attempt::Wrong { left }) => message.set(Some(
                                m.fill("researcher.wrong_pin", &[("left", &left.to_string())]),
                            )),
                            Ok(Attempt::LockedUntil(until)) => {
                                let seconds = (until.millis_since(now()) + 999) / 1000;
                                message.set(Some(m.fill(
                                    "researcher.locked",
                                    &[("seconds", &seconds.to_string())],
                                )))
                            }
                            Err(e) => message.set(Some(e)),
                        }
                        busy.set(false);
                    })
                    .forget();
                    return;
                }
                Mode::SetPin => set_pin(&a, &b, &m).map(|()| on_unlocked.emit(())),
                Mode::Reset => {
                    let (mode, message, m, count) =
                        (mode.clone(), message.clone(), m.clone(), *count);
                    wasm_bindgen_futures::spawn_local(async move {
                        match erase(&a, count, &m).await {
                            Ok(()) => {
                                mode.set(Mode::SetPin);
                                message.set(Some(m.get("researcher.reset_done").to_owned()));
                            }
                            Err(e) => message.set(Some(e)),
                        }
                    });
                    return;
                }
            };
            if let Err(e) = outcome {
                message.set(Some(e));
            }
        })
    };
    let switch = |to: Mode| {
        let (mode, message) = (mode.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            message.set(None);
            mode.set(to);
        })
    };
    let leave = props.on_leave.reform(|_: MouseEvent| ());
    let count = *count;

    let (title, body) = match *mode {
        Mode::Unlock => (
            m.get("researcher.heading").to_owned(),
            html! {
                <>
                    { pin_field("pin", m.get("researcher.pin_label"), first.clone(), "current-password") }
                    <button type="submit" class="button primary" disabled={*busy}>
                        { if *busy { m.get("researcher.checking") } else { m.get("researcher.unlock") } }
                    </button>
                    <button type="button" class="button quiet" onclick={switch(Mode::Reset)}>
                        { m.get("researcher.forgot") }
                    </button>
                </>
            },
        ),
        Mode::SetPin => (
            m.get("researcher.set_heading").to_owned(),
            html! {
                <>
                    <p>{ m.get("researcher.set_intro") }</p>
                    { pin_field("new-pin", m.get("researcher.new_pin"), first.clone(), "new-password") }
                    { pin_field("confirm-pin", m.get("researcher.confirm_pin"), second.clone(), "new-password") }
                    <button type="submit" class="button primary">{ m.get("researcher.set_button") }</button>
                </>
            },
        ),
        Mode::Reset => (
            m.get("researcher.reset_heading").to_owned(),
            html! {
                <>
                    <p class="notice warning">
                        { m.fill("researcher.reset_warning", &[("count", &count.to_string())]) }
                    </p>
                    <label for="erase-confirm">
                        { m.fill("researcher.reset_confirm_label", &[("count", &count.to_string())]) }
                    </label>
                    <input id="erase-confirm" ref={first.clone()} type="text" inputmode="numeric"
                        class="text-input" autocomplete="off" spellcheck="false" />
                    <button type="submit" class="button danger">
                        { m.fill("researcher.reset_button", &[("count", &count.to_string())]) }
                    </button>
                    <button type="button" class="button quiet" onclick={switch(Mode::Unlock)}>
                        { m.get("researcher.cancel") }
                    </button>
                </>
            },
        ),
    };

    html! {
        <main class="screen researcher-gate">
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <form class="stack" onsubmit={submit} novalidate=true>
                { body }
                if let Some(text) = &*message {
                    <p class="notice warning" role="alert">{ text.clone() }</p>
                }
            </form>
            <button type="button" class="button quiet" onclick={leave}>{ m.get("researcher.leave") }</button>
        </main>
    }
}

/// A PIN box: digits keypad, hidden characters, never autofilled by name.
fn pin_field(id: &'static str, label: &str, node: NodeRef, autocomplete: &'static str) -> Html {
    html! {
        <>
            <label for={id}>{ label.to_owned() }</label>
            <input {id} ref={node} type="password" inputmode="numeric" class="text-input"
                {autocomplete} spellcheck="false" />
        </>
    }
}

/// Checks `pin` against the stored hash, counting wrong PINs and honouring
/// the lockout (a locked gate never even checks the PIN).
fn unlock(pin: &str) -> Result<Attempt, String> {
    let mut store = LocalStore::open().map_err(|e| e.to_string())?;
    let stored = load_pin(&store).map_err(|e| e.to_string())?;
    let mut lockout = load_lockout(&store);
    let at = now();
    let right = lockout.locked_at(at).is_none() && stored.is_some_and(|s| verify_pin(pin, &s));
    let outcome = lockout.attempt(right, at);
    save_lockout(&mut store, &lockout).map_err(|e| e.to_string())?;
    Ok(outcome)
}

/// Sets a first (or new, after erasing) PIN.
fn set_pin(pin: &str, confirm: &str, m: &candour_core::messages::Messages) -> Result<(), String> {
    check_new_pin(pin, confirm).map_err(|e| e.to_string())?;
    let salt = random_bytes().ok_or_else(|| m.get("researcher.no_crypto").to_owned())?;
    let mut store = LocalStore::open().map_err(|e| e.to_string())?;
    if load_pin(&store).map_err(|e| e.to_string())?.is_some() {
        // Only erasing everything may replace a PIN.
        return Err(m.get("researcher.forgot").to_owned());
    }
    save_pin(&mut store, &hash_pin(pin, salt)).map_err(|e| e.to_string())
}

/// Erases every response and the PIN once the number of responses was typed:
/// a confirmation that names the count, and needs no word of any language.
async fn erase(
    typed: &str,
    count: usize,
    m: &candour_core::messages::Messages,
) -> Result<(), String> {
    if typed.trim() != count.to_string() {
        return Err(m.fill(
            "researcher.reset_confirm_label",
            &[("count", &count.to_string())],
        ));
    }
    erase_everything().await
}
