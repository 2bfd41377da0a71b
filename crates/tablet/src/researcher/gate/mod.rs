//! The PIN gate: a first PIN (with its recovery code, shown once), the PIN
//! to unlock, a growing lockout after five wrong tries, and the recovery
//! code as the only way past a forgotten PIN. Nothing here, or anywhere in
//! the app, erases a response without the PIN or the recovery code.

pub mod fields;
mod show_code;

use crate::hooks::use_area_lock::{use_area_lock, LockReason};
use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_lockout_clock::use_lockout_clock;
use crate::hooks::use_still_shown::use_still_shown;
use crate::services::secrets::{
    pin_state, reset_with_code, set_first_pin, unlock, NewCode, Opened, PinState,
};
use crate::state::AppEnv;
use candour_core::messages::Messages;
use candour_core::researcher::lockout::Attempt;
pub use fields::pin_field;
use fields::{code_field, take};
use show_code::ShowCode;
use yew::prelude::*;

/// Props of the gate.
#[derive(Properties, PartialEq)]
pub struct GateProps {
    /// The right PIN was given (or a new one set).
    pub on_unlocked: Callback<()>,
    /// Back to the start screen.
    pub on_leave: Callback<()>,
    /// Why the area locked itself, when it did.
    #[prop_or_default]
    pub notice: Option<AttrValue>,
}

/// Which form the gate shows.
#[derive(Clone, PartialEq)]
enum Mode {
    Unlock,
    SetPin,
    Recover,
    /// A new recovery code, shown once before the area opens.
    ShowCode(NewCode),
}

/// The PIN gate.
#[component]
pub fn PinGate(props: &GateProps) -> Html {
    let env = use_context::<AppEnv>();
    let mode = use_state(|| match pin_state() {
        PinState::NotSet => Mode::SetPin,
        PinState::Set => Mode::Unlock,
    });
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    // A new recovery code on screen opens the area with one press: it locks
    // itself as the open area does. The code stays marked as not yet
    // shown, so the next right PIN shows a new one.
    let locked = use_state(|| None::<LockReason>);
    {
        let (mode, locked, message) = (mode.clone(), locked.clone(), message.clone());
        let limit = env.as_ref().map_or(
            candour_core::researcher::area_lock::DEFAULT_AREA_LOCK_SECONDS,
            |e| e.settings.area_lock_seconds,
        );
        use_area_lock(
            matches!(*mode, Mode::ShowCode(_)),
            limit,
            Callback::from(move |why: LockReason| {
                message.set(None);
                locked.set(Some(why));
                mode.set(Mode::Unlock);
            }),
        );
    }
    let clock = use_lockout_clock();
    let shown = use_still_shown();
    let heading = use_focus_heading(std::mem::discriminant(&*mode));
    let (first, second, code) = (use_node_ref(), use_node_ref(), use_node_ref());
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();

    if let Mode::ShowCode(new) = &*mode {
        let confirmed = new.clone();
        let on_done = props.on_unlocked.reform(move |()| confirmed.shown());
        return html! { <ShowCode code={AttrValue::from(new.code.clone())} {on_done} /> };
    }

    let submit = {
        let (mode, message, busy) = (mode.clone(), message.clone(), busy.clone());
        let (first, second, code, m) = (first.clone(), second.clone(), code.clone(), m.clone());
        let (on_unlocked, catch_up) = (props.on_unlocked.clone(), clock.catch_up.clone());
        let shown = shown.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *busy {
                return;
            }
            catch_up.emit(());
            let (a, b, typed_code) = (take(&first), take(&second), take(&code));
            let (mode, message, busy, m) = (mode.clone(), message.clone(), busy.clone(), m.clone());
            let (on_unlocked, catch_up) = (on_unlocked.clone(), catch_up.clone());
            let shown = shown.clone();
            let current = (*mode).clone();
            // Hashing runs off the main thread (WebCrypto): the screen
            // says "Checking…" and stays live meanwhile.
            busy.set(true);
            message.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                let said = match current {
                    Mode::Unlock => match unlock(&a).await {
                        // Checked after this gate went away (staff left, or
                        // the page changed): a right PIN opens nothing now.
                        _ if !shown.get() => return,
                        Ok(Ok(Opened::Unlocked)) => {
                            on_unlocked.emit(());
                            None
                        }
                        Ok(Ok(Opened::ShowCode(c))) => {
                            mode.set(Mode::ShowCode(c));
                            None
                        }
                        Ok(Err(attempt)) => attempt_words(&m, attempt, "researcher.wrong_pin"),
                        Err(e) => Some(e.in_words(&m)),
                    },
                    Mode::SetPin => match set_first_pin(&a, &b).await {
                        Ok(c) => {
                            mode.set(Mode::ShowCode(c));
                            None
                        }
                        Err(e) => Some(e.in_words(&m)),
                    },
                    Mode::Recover => match reset_with_code(&typed_code, &a, &b).await {
                        Ok(Ok(c)) => {
                            mode.set(Mode::ShowCode(c));
                            None
                        }
                        Ok(Err(attempt)) => attempt_words(&m, attempt, "recovery.wrong"),
                        Err(e) => Some(e.in_words(&m)),
                    },
                    Mode::ShowCode(_) => None,
                };
                message.set(said);
                // A wait begun by this try is said (and counted down) by
                // the lockout clock.
                catch_up.emit(());
                busy.set(false);
            });
        })
    };
    let switch = |to: Mode| {
        let (mode, message) = (mode.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            message.set(None);
            mode.set(to.clone());
        })
    };
    let leave = props.on_leave.reform(|_: MouseEvent| ());
    let busy_now = *busy;
    let button = |key: &str| {
        html! {
            <button type="submit" class="button primary" disabled={busy_now}>
                { if busy_now { m.get("researcher.checking") } else { m.get(key) } }
            </button>
        }
    };

    let (title, body) = match &*mode {
        Mode::Unlock => (
            m.get("researcher.heading"),
            html! {
                <>
                    { pin_field("pin", m.get("researcher.pin_label"), first.clone()) }
                    { button("researcher.unlock") }
                    <button type="button" class="button quiet" onclick={switch(Mode::Recover)}>
                        { m.get("researcher.forgot") }
                    </button>
                </>
            },
        ),
        Mode::SetPin => (
            m.get("researcher.set_heading"),
            html! {
                <>
                    <p>{ m.get("researcher.set_intro") }</p>
                    { pin_field("new-pin", m.get("researcher.new_pin"), first.clone()) }
                    { pin_field("confirm-pin", m.get("researcher.confirm_pin"), second.clone()) }
                    { button("researcher.set_button") }
                </>
            },
        ),
        Mode::Recover | Mode::ShowCode(_) => (
            m.get("recovery.heading"),
            html! {
                <>
                    <p>{ m.get("recovery.intro") }</p>
                    { code_field(m.get("recovery.code_label"), m.get("recovery.code_help"), code.clone()) }
                    { pin_field("new-pin", m.get("researcher.new_pin"), first.clone()) }
                    { pin_field("confirm-pin", m.get("researcher.confirm_pin"), second.clone()) }
                    { button("recovery.button") }
                    <p class="help">{ m.get("recovery.lost_help") }</p>
                    <button type="button" class="button quiet" onclick={switch(Mode::Unlock)}>
                        { m.get("recovery.back") }
                    </button>
                </>
            },
        ),
    };
    let lock_notice = (*locked).map(|why| match why {
        LockReason::Idle => m.fill(
            "researcher.locked_idle",
            &[(
                "minutes",
                &env.settings.area_lock_seconds.div_ceil(60).to_string(),
            )],
        ),
        LockReason::Hidden => m.get("researcher.locked_hidden").to_owned(),
    });
    let waiting = clock.wait_ms.map(|ms| {
        m.fill(
            "researcher.locked",
            &[("seconds", &ms.div_ceil(1000).to_string())],
        )
    });

    html! {
        <main class="screen researcher-gate">
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            if let Some(notice) = props.notice.as_ref().map(|n| n.to_string()).or(lock_notice) {
                <p class="notice" role="status">{ notice }</p>
            }
            <form class="stack" onsubmit={submit} novalidate=true autocomplete="off">
                { body }
                if let Some(text) = waiting.or_else(|| (*message).clone()) {
                    <p class="notice warning" role="alert">{ text }</p>
                }
            </form>
            <button type="button" class="button quiet" onclick={leave}>{ m.get("researcher.leave") }</button>
        </main>
    }
}

/// What a refused try says; a wait is said by the lockout clock itself.
fn attempt_words(m: &Messages, attempt: Attempt, wrong_key: &str) -> Option<String> {
    match attempt {
        Attempt::Wrong { left } => Some(m.fill(wrong_key, &[("left", &left.to_string())])),
        Attempt::Locked { .. } | Attempt::Unlocked => None,
    }
}
