//! The progress bar of a running job, with its counts and a Cancel button.

use crate::env::AppEnv;
use crate::work::{Progress, Stage};
use yew::prelude::*;

/// Props of the progress bar.
#[derive(Properties, PartialEq)]
pub struct ProgressBarProps {
    /// How far the job is.
    pub progress: Progress,
    /// Stops the job at its next step.
    pub on_cancel: Callback<()>,
}

/// A labelled `<progress>` with "N of M" and Cancel.
#[component]
pub fn ProgressBar(props: &ProgressBarProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let p = props.progress;
    let counts = [
        ("done", &(p.done + 1).min(p.total).to_string()),
        ("total", &p.total.to_string()),
    ];
    let label = match p.stage {
        Stage::Reading => m.fill(
            "workbench.progress_reading",
            &counts.map(|(k, v)| (k, v.as_str())),
        ),
        Stage::Combining => m.get("workbench.progress_combining").to_owned(),
        Stage::Writing => m.fill(
            "workbench.progress_writing",
            &counts.map(|(k, v)| (k, v.as_str())),
        ),
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="progress" role="status">
            <label for="work-progress">{ label }</label>
            <progress id="work-progress" max={p.total.max(1).to_string()} value={p.done.to_string()}>
                { format!("{} / {}", p.done, p.total) }
            </progress>
            <button type="button" class="button" onclick={cancel}>{ m.get("workbench.cancel") }</button>
        </div>
    }
}
