//! Picking export files: a file input (keyboard and screen readers) and a
//! drop zone around it for files dragged from the desktop.

use crate::env::AppEnv;
use candour_web::file_pick::files_of;
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

/// Props of the picker.
#[derive(Properties, PartialEq)]
pub struct PickerProps {
    /// Called with the files picked or dropped, in order.
    pub on_pick: Callback<Vec<File>>,
    /// True while a job runs.
    pub disabled: bool,
}

/// The file input inside a drop zone.
#[component]
pub fn Picker(props: &PickerProps) -> Html {
    let over = use_state(|| false);
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let on_change = {
        let on_pick = props.on_pick.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = input.files().map(|l| files_of(&l)).unwrap_or_default();
            // Cleared so that picking the same file again reads it again.
            input.set_value("");
            on_pick.emit(files);
        })
    };
    let drag = |on: bool| {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens a dropped file itself.
            e.prevent_default();
            over.set(on);
        })
    };
    let on_drop = {
        let (on_pick, over, disabled) = (props.on_pick.clone(), over.clone(), props.disabled);
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if disabled {
                return;
            }
            let files = e
                .data_transfer()
                .and_then(|d| d.files())
                .map(|l| files_of(&l))
                .unwrap_or_default();
            on_pick.emit(files);
        })
    };
    html! {
        <div class={classes!("drop-zone", over.then_some("over"))}
            ondragover={drag(true)} ondragenter={drag(true)} ondragleave={drag(false)} ondrop={on_drop}>
            <label for="open-files">{ m.get("workbench.open_pick") }</label>
            <input id="open-files" type="file" class="file-input" multiple=true
                accept=".json,application/json" disabled={props.disabled} onchange={on_change} />
            <p class="drop-hint" aria-hidden="true">{
                if *over { m.get("workbench.drop_active") } else { m.get("workbench.drop_zone") }
            }</p>
        </div>
    }
}
