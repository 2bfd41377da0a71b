//! Information for the participant and the consent question.

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_read_aloud::use_read_aloud;
use crate::state::{action_callback, AppEnv, SurveyCtx};
use crate::widgets::screen_tools::ScreenTools;
use candour_core::read_aloud::{consent_script, sentences, Part};
use candour_core::survey::Action;
use yew::prelude::*;

/// Short information in plain words, then "Are you happy to answer?". The
/// text size and colour choices start open here, so the participant sets
/// them before the first question.
#[component]
pub fn ConsentScreen() -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(());
    let locale = survey
        .as_ref()
        .and_then(|s| s.0.draft.as_ref().map(|d| d.locale.clone()))
        .unwrap_or_default();
    let script = match (&survey, &env) {
        (Some(survey), Some(env)) => consent_script(&survey.0.instrument, &locale, &env.messages),
        _ => Vec::new(),
    };
    let reader = use_read_aloud(script);
    let (Some(survey), Some(env)) = (survey, env) else {
        return html! {};
    };
    let m = &env.messages;
    let instrument = &survey.0.instrument;
    let text = |t: &candour_core::text::Text| t.get(&locale, &instrument.locale).to_owned();
    let answer = |agreed: bool| {
        let stop = reader.stop.clone();
        let dispatch = action_callback(&survey, move |(), now| Action::Consent { agreed, now });
        Callback::from(move |_: MouseEvent| {
            stop.emit(());
            dispatch.emit(());
        })
    };
    let reading = |part: Part| reader.reading.is(&part).then_some("reading");

    // One sentence a line: easier to follow for someone who reads slowly.
    let information = sentences(&text(&instrument.information))
        .into_iter()
        .enumerate()
        .map(|(i, s)| html! { <li class={classes!(reading(Part::Sentence(i)))}>{ s }</li> });

    html! {
        <main class="screen consent-screen">
            <ScreenTools reader={reader.clone()} open=true />
            <h1 ref={heading} tabindex="-1" class={classes!(reading(Part::Heading))}>
                { text(&instrument.title) }
            </h1>
            <ul class="information">{ for information }</ul>
            <h2 id="consent-question" class={classes!(reading(Part::ConsentQuestion))}>
                { text(&instrument.consent) }
            </h2>
            <div class="choice-buttons" role="group" aria-labelledby="consent-question">
                <button type="button" class={classes!("button", "primary", reading(Part::Consent(true)))}
                    onclick={answer(true)}>{ m.get("consent.yes") }</button>
                <button type="button" class={classes!("button", reading(Part::Consent(false)))}
                    onclick={answer(false)}>{ m.get("consent.no") }</button>
            </div>
        </main>
    }
}
