//! The recovery code, shown once.

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::state::AppEnv;
use yew::prelude::*;

/// Props of [`ShowCode`].
#[derive(Properties, PartialEq)]
pub struct ShowCodeProps {
    /// The code, as it is written down.
    pub code: AttrValue,
    /// The code was written down: go on.
    pub on_done: Callback<()>,
}

/// Shows a new recovery code, once: it is stored only as a slow hash, so it
/// can never be shown again.
#[component]
pub fn ShowCode(props: &ShowCodeProps) -> Html {
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(props.code.clone());
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let done = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <main class="screen researcher-gate">
            <h1 ref={heading} tabindex="-1">{ m.get("recovery.show_heading") }</h1>
            <p>{ m.get("recovery.show_intro") }</p>
            <p class="recovery-label">{ m.get("recovery.show_label") }</p>
            <p class="recovery-code">{ props.code.clone() }</p>
            <button type="button" class="button primary" onclick={done}>{ m.get("recovery.written") }</button>
        </main>
    }
}
