//! "Are you still there?", over the current screen.

use crate::state::AppEnv;
use yew::prelude::*;

/// Props of the dialog.
#[derive(Properties, PartialEq)]
pub struct StillThereProps {
    /// Seconds before the draft is kept and the start screen returns.
    pub seconds_left: u32,
    /// The person is still there.
    pub on_still_here: Callback<()>,
}

/// A modal alert dialog whose one button keeps the survey going. Focus moves
/// to the button so a single tap or key answers it.
#[component]
pub fn StillThereDialog(props: &StillThereProps) -> Html {
    let env = use_context::<AppEnv>();
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with((), move |_| {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let onclick = props.on_still_here.reform(|_: MouseEvent| ());
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true"
                aria-labelledby="still-there-title" aria-describedby="still-there-text">
                <h2 id="still-there-title">{ m.get("idle.heading") }</h2>
                <p id="still-there-text">
                    { m.fill("idle.text", &[("seconds", &props.seconds_left.to_string())]) }
                </p>
                <button ref={button} type="button" class="button primary" {onclick}>
                    { m.get("idle.button") }
                </button>
            </div>
        </div>
    }
}
