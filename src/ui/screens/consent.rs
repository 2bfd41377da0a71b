//! Information for the participant and the consent question.

use crate::core::survey::Action;
use crate::ui::hooks::use_focus_heading::use_focus_heading;
use crate::ui::state::{action_callback, AppEnv, SurveyCtx};
use yew::prelude::*;

/// Short information in plain words, then "Are you happy to answer?".
#[component]
pub fn ConsentScreen() -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(());
    let (Some(survey), Some(env)) = (survey, env) else {
        return html! {};
    };
    let m = &env.messages;
    let instrument = &survey.0.instrument;
    let locale = survey.0.draft.as_ref().map_or("en", |d| d.locale.as_str());
    let text = |t: &crate::core::text::Text| t.get(locale, &instrument.locale).to_owned();
    let agree = action_callback(&survey, |_: MouseEvent, now| Action::Consent {
        agreed: true,
        now,
    });
    let decline = action_callback(&survey, |_: MouseEvent, now| Action::Consent {
        agreed: false,
        now,
    });

    // One sentence a line: easier to follow for someone who reads slowly.
    let information = text(&instrument.information);
    let sentences = information
        .split_inclusive(['.', '?', '!'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| html! { <li>{ s.to_owned() }</li> });

    html! {
        <main class="screen consent-screen">
            <h1 ref={heading} tabindex="-1">{ text(&instrument.title) }</h1>
            <ul class="information">{ for sentences }</ul>
            <h2 id="consent-question">{ text(&instrument.consent) }</h2>
            <div class="choice-buttons" role="group" aria-labelledby="consent-question">
                <button type="button" class="button primary" onclick={agree}>{ m.get("consent.yes") }</button>
                <button type="button" class="button" onclick={decline}>{ m.get("consent.no") }</button>
            </div>
        </main>
    }
}
