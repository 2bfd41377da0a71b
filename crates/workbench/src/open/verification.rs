//! "What verification found": the verdict across the open files, in the
//! page's language (in English the words the command-line tool prints,
//! `candour_analysis::open::integrity_words`): "complete and unaltered",
//! or every finding.

use crate::app::Files;
use crate::env::AppEnv;
use candour_analysis::open::{integrity, Opened};
use yew::prelude::*;

/// Props of the verification section.
#[derive(Properties, PartialEq)]
pub struct VerificationProps {
    /// The open files.
    pub files: Files,
}

/// The verdict, shown once a file is accepted.
#[component]
pub fn Verification(props: &VerificationProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    if !props.files.iter().any(|f| f.outcome.is_ok()) {
        return html! {};
    }
    let opened: Vec<Opened> = props.files.iter().map(|f| (**f).clone()).collect();
    let report = integrity(&opened);
    let words = report.in_words(m);
    let body = if report.complete_and_unaltered() {
        html! { <p class="notice" role="status">{ words.join(" ") }</p> }
    } else {
        let problems = report.problems().count();
        let lead = if problems > 0 {
            m.fill(
                "workbench.verify_problems",
                &[("count", &problems.to_string())],
            )
        } else {
            m.get("workbench.verify_notes").to_owned()
        };
        html! {
            <div class={classes!("notice", (problems > 0).then_some("warning"))}>
                <p role="status">{ lead }</p>
                <ul aria-labelledby="verify-heading">
                    { for words.iter().map(|w| html! { <li>{ w.clone() }</li> }) }
                </ul>
            </div>
        }
    };
    html! {
        <section class="verification" aria-labelledby="verify-heading">
            <h3 id="verify-heading">{ m.get("workbench.verify_heading") }</h3>
            { body }
        </section>
    }
}
