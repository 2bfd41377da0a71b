//! The line under a button that says how its action went: what was saved,
//! or why not. One look and one role for every action of the workbench.

use yew::prelude::*;

/// The outcome of an action in words, if it has one: `Err` is drawn as a
/// warning. `role="status"` has screen readers say it when it appears.
pub fn outcome_notice(outcome: &Option<Result<String, String>>) -> Html {
    let Some(outcome) = outcome else {
        return html! {};
    };
    let warning = outcome.is_err().then_some("warning");
    let text = outcome.clone().unwrap_or_else(|e| e);
    html! {
        <p class={classes!("notice", warning)} role="status">{ text }</p>
    }
}
