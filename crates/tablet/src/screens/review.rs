//! Every answer, each with a way to change it, then Submit.

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_read_aloud::use_read_aloud;
use crate::state::{action_callback, AppEnv, SurveyCtx};
use crate::widgets::screen_tools::ScreenTools;
use candour_core::answer_text::describe_answer;
use candour_core::read_aloud::{review_script, Part};
use candour_core::survey::Action;
use candour_core::visibility::visible_items;
use yew::prelude::*;

/// The review screen.
#[component]
pub fn ReviewScreen() -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(());
    let script = match (&survey, &env) {
        (Some(survey), Some(env)) => survey.0.draft.as_ref().map(|draft| {
            review_script(
                &survey.0.instrument,
                &draft.answers,
                &draft.locale,
                &env.messages,
            )
        }),
        _ => None,
    };
    let reader = use_read_aloud(script.unwrap_or_default());
    let (Some(survey), Some(env)) = (survey, env) else {
        return html! {};
    };
    let Some(draft) = survey.0.draft.as_ref() else {
        return html! {};
    };
    let m = &env.messages;
    let instrument = &survey.0.instrument;
    let locale = draft.locale.as_str();
    let fallback = instrument.locale.as_str();
    let change = action_callback(&survey, |variable: String, now| Action::Change {
        variable,
        now,
    });
    let back = action_callback(&survey, |_: MouseEvent, now| Action::Back { now });
    let submit = action_callback(&survey, |_: MouseEvent, now| Action::Submit { now });

    let read_now = |part: Part| reader.reading.is(&part).then_some("reading");
    // Items shown in a group are listed under the group's heading, which
    // their short texts lean on ("See your family" under "how hard is it").
    let mut group_now = None;
    let rows = visible_items(instrument, &draft.answers)
        .into_iter()
        .map(|item| {
            let group = instrument.group_of(item);
            let heading = group.filter(|g| Some(&g.id) != group_now).map(|g| {
                let reading = reader.reading.is(&Part::ReviewGroup(g.id.clone()));
                html! {
                    <li class={classes!("review-group", reading.then_some("reading"))}>
                        <h2 class="review-group-heading">
                            { g.heading.get(locale, fallback).to_owned() }
                        </h2>
                    </li>
                }
            });
            group_now = group.map(|g| &g.id);
            let question = item.text.get(locale, fallback).to_owned();
            let answer = describe_answer(
                instrument,
                item,
                draft.answers.get(&item.variable),
                locale,
                m,
            );
            let label = m.fill("review.change_label", &[("question", &question)]);
            let variable = item.variable.clone();
            let reading = reader.reading.is(&Part::Review(variable.clone()));
            let onclick = change.reform(move |_: MouseEvent| variable.clone());
            html! {
                <>
                { heading.unwrap_or_default() }
                <li class={classes!("review-row", group.map(|_| "in-group"), reading.then_some("reading"))}>
                    <p class="review-question">{ question }</p>
                    <p class={classes!("review-answer", answer.is_none().then_some("none"))}>
                        { answer.unwrap_or_else(|| m.get("review.no_answer").to_owned()) }
                    </p>
                    <button type="button" class="button quiet" aria-label={label} {onclick}>
                        { m.get("review.change") }
                    </button>
                </li>
                </>
            }
        });

    html! {
        <main class="screen review-screen">
            <ScreenTools reader={reader.clone()} />
            <h1 ref={heading} tabindex="-1" class={classes!(read_now(Part::Heading))}>
                { m.get("review.heading") }
            </h1>
            <p class={classes!(read_now(Part::Intro))}>{ m.get("review.intro") }</p>
            <ul class="review-list">{ for rows }</ul>
            <nav class="nav-buttons" aria-label={m.get("review.heading").to_owned()}>
                <button type="button" class="button" onclick={back}>{ m.get("nav.back") }</button>
                <button type="button" class="button primary" onclick={submit}>{ m.get("review.submit") }</button>
            </nav>
        </main>
    }
}
