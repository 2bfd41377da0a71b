//! Thank-you (or goodbye after declining), then back to the start after a
//! short countdown or a tap.

use crate::hooks::use_countdown::use_countdown;
use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_read_aloud::use_read_aloud;
use crate::state::{AppEnv, SurveyCtx};
use crate::widgets::screen_tools::ScreenTools;
use candour_core::read_aloud::{ended_script, ending_keys, Part};
use candour_core::survey::{Action, Ending};
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
    let script = env
        .as_ref()
        .map(|e| ended_script(props.ending, &e.messages))
        .unwrap_or_default();
    let reader = use_read_aloud(script);
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let (title, text) = ending_keys(props.ending);
    let reading = |part: Part| reader.reading.is(&part).then_some("reading");
    html! {
        <main class="screen ended-screen">
            <ScreenTools reader={reader.clone()} />
            <h1 ref={heading} tabindex="-1" class={classes!(reading(Part::Heading))}>{ m.get(title) }</h1>
            <p class={classes!("lead", reading(Part::Body))}>{ m.get(text) }</p>
            <p>{ m.fill("ended.countdown", &[("seconds", &left.to_string())]) }</p>
            <button type="button" class="button primary" onclick={finish.reform(|_: MouseEvent| ())}>
                { m.get("ended.finish") }
            </button>
        </main>
    }
}
