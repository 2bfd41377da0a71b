//! Thank-you (or goodbye after declining), then back to the start after a
//! short countdown or a tap.

use crate::core::survey::{Action, Ending};
use crate::ui::hooks::use_countdown::use_countdown;
use crate::ui::hooks::use_focus_heading::use_focus_heading;
use crate::ui::state::{AppEnv, SurveyCtx};
use yew::prelude::*;

/// Props of the ending screen.
#[derive(Properties, PartialEq)]
pub struct EndedProps {
    /// How the survey ended.
    pub ending: Ending,
}

/// Says thank you and returns to the start, leaving nothing of the answers.
#[component]
pub fn EndedScreen(props: &EndedProps) -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(());
    let finish = {
        let dispatcher = survey.as_ref().map(|s| s.dispatcher());
        Callback::from(move |()| {
            if let Some(d) = &dispatcher {
                d.dispatch(Action::Finish);
            }
        })
    };
    let seconds = env.as_ref().map_or(15, |e| e.settings.thanks_seconds);
    let left = use_countdown(seconds, true, finish.clone());
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let (title, text) = match props.ending {
        Ending::Completed => ("ended.thanks_heading", "ended.thanks_text"),
        Ending::Declined => ("ended.declined_heading", "ended.declined_text"),
    };
    html! {
        <main class="screen ended-screen">
            <h1 ref={heading} tabindex="-1">{ m.get(title) }</h1>
            <p class="lead">{ m.get(text) }</p>
            <p>{ m.fill("ended.countdown", &[("seconds", &left.to_string())]) }</p>
            <button type="button" class="button primary" onclick={finish.reform(|_: MouseEvent| ())}>
                { m.get("ended.finish") }
            </button>
        </main>
    }
}
