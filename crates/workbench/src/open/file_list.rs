//! The list of open files: each accepted one with its tablet, record counts
//! by status, questionnaire versions and notes; each refused one with its
//! reason. A file can be removed (and the rest combined again).

use crate::app::Workbench;
use crate::env::AppEnv;
use candour_analysis::open::{FileFacts, Opened};
use candour_core::messages::Messages;
use yew::prelude::*;

/// Props of the list.
#[derive(Properties, PartialEq)]
pub struct FileListProps {
    /// The workbench's state.
    pub wb: Workbench,
}

/// Every open file, in the order opened.
#[component]
pub fn FileList(props: &FileListProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let wb = &props.wb;
    let files = (*wb.files).clone();
    if files.is_empty() {
        return html! { <p>{ m.get("workbench.no_files") }</p> };
    }
    let rows = files.iter().enumerate().map(|(i, f)| {
        let wb = wb.clone();
        let remove = Callback::from(move |_: MouseEvent| wb.remove(Some(i)));
        html! {
            <li class={classes!(f.outcome.is_err().then_some("bad"))}>
                { describe(m, f) }
                <button type="button" class="button small" onclick={remove} disabled={props.wb.busy()}>
                    { m.fill("workbench.remove", &[("file", &f.name)]) }
                </button>
            </li>
        }
    });
    let clear = {
        let wb = wb.clone();
        Callback::from(move |_: MouseEvent| wb.remove(None))
    };
    html! {
        <>
            <h3 id="files-heading">{ m.get("workbench.files_heading") }</h3>
            <ul class="file-list" aria-labelledby="files-heading">{ for rows }</ul>
            <button type="button" class="button" onclick={clear} disabled={wb.busy()}>
                { m.get("workbench.remove_all") }
            </button>
        </>
    }
}

/// What one file holds, or why it was refused, in words.
fn describe(m: &Messages, f: &Opened) -> Html {
    match &f.outcome {
        Err(refusal) => html! {
            <p>{ m.fill("workbench.file_refused", &[("file", &f.name), ("reason", &refusal.in_words(m))]) }</p>
        },
        Ok((_, facts)) => accepted(m, f, facts),
    }
}

fn accepted(m: &Messages, f: &Opened, facts: &FileFacts) -> Html {
    let name = f.name.as_str();
    let s = facts.statuses;
    let versions: Vec<String> = facts
        .versions
        .iter()
        .map(|v| {
            m.fill(
                "workbench.file_version",
                &[
                    ("id", &v.id),
                    ("version", &v.version),
                    ("records", &v.records.to_string()),
                ],
            )
        })
        .collect();
    html! {
        <div>
            <p><strong>{ m.fill("workbench.file_accepted", &[("file", name)]) }</strong></p>
            <p>{ m.fill(
                "workbench.file_tablet",
                &[("label", &facts.device_label), ("date", &facts.exported_at.to_string())],
            ) }</p>
            <p>{ m.fill(
                "workbench.file_counts",
                &[
                    ("complete", &s.complete.to_string()),
                    ("partial", &s.partial.to_string()),
                    ("declined", &s.declined.to_string()),
                ],
            ) }</p>
            <p>{ m.fill("workbench.file_versions", &[("list", &versions.join("; "))]) }</p>
            { for facts.notes.iter().map(|n| html! { <p class="note">{ n.in_words(m) }</p> }) }
            if let Some(check) = f.check_in_words(m) {
                <p class="check">{ check }</p>
            }
        </div>
    }
}
