//! The research key on the workbench: making it once ("Create a research
//! key": the private key file and the tablet setup file), and opening it
//! to read sealed responses ("Use the research key"). The key is kept only
//! in the page's memory; nothing of it, nor any answer, is stored by the
//! browser.

mod background;
mod create;
mod questionnaire;
mod use_key;

use crate::app::Workbench;
use crate::env::AppEnv;
pub use create::CreateKey;
pub use use_key::UseKey;
use yew::prelude::*;

/// Props of the key panel.
#[derive(Properties, PartialEq)]
pub struct KeyPanelProps {
    /// The workbench's state.
    pub wb: Workbench,
}

/// The section "The research key", with both of its parts.
#[component]
pub fn KeyPanel(props: &KeyPanelProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    html! {
        <section class="panel" aria-labelledby="key-heading">
            <h2 id="key-heading">{ m.get("workbench.key_heading") }</h2>
            <p>{ m.get("workbench.key_intro") }</p>
            <UseKey wb={props.wb.clone()} />
            <CreateKey />
        </section>
    }
}

/// A status line read out when it changes: working, done or refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyStatus {
    /// Nothing to say.
    Idle,
    /// Deriving the key from the passphrase (in the key worker).
    Working(String),
    /// Done, in words.
    Done(String),
    /// Refused, in words.
    Refused(String),
}

impl KeyStatus {
    /// Whether the work is under way.
    pub fn working(&self) -> bool {
        matches!(self, KeyStatus::Working(_))
    }

    /// The status line: a live region that is always in the page, so that
    /// screen readers announce each change.
    pub fn view(&self, id: &'static str) -> Html {
        let (text, class) = match self {
            KeyStatus::Idle => (String::new(), None),
            KeyStatus::Working(t) => (t.clone(), Some("working")),
            KeyStatus::Done(t) => (t.clone(), None),
            KeyStatus::Refused(t) => (t.clone(), Some("warning")),
        };
        let shown = !text.is_empty();
        html! {
            <p {id} class={classes!(shown.then_some("notice"), class)} role="status" aria-live="polite">
                { text }
            </p>
        }
    }
}

/// A passphrase field: its label, and a password input read through
/// `input`. `autocomplete` (`new-password` or `current-password`) tells a
/// password manager whether to offer a new passphrase or the kept one.
fn passphrase_field(
    id: &'static str,
    label: &str,
    autocomplete: &'static str,
    input: &NodeRef,
    disabled: bool,
) -> Html {
    html! {
        <div class="field">
            <label for={id}>{ label.to_owned() }</label>
            <input {id} type="password" {autocomplete} ref={input.clone()} {disabled} />
        </div>
    }
}
