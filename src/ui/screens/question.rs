//! One question per screen: where you are, the question, the answer widget,
//! what is needed if Next was refused, and Back / Next.

use crate::core::instrument::Item;
use crate::core::survey::Action;
use crate::ui::hooks::use_focus_heading::use_focus_heading;
use crate::ui::state::{action_callback, AppEnv, SurveyCtx};
use crate::ui::widgets::AnswerInput;
use yew::prelude::*;

/// Props of the question screen.
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The variable of the item shown.
    pub variable: AttrValue,
}

/// The question screen.
#[component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(props.variable.clone());
    let (Some(survey), Some(env)) = (survey, env) else {
        return html! {};
    };
    let instrument = survey.0.instrument.clone();
    let Some(item) = instrument.item(&props.variable) else {
        return html! {};
    };
    let Some(draft) = survey.0.draft.as_ref() else {
        return html! {};
    };
    let m = &env.messages;
    let locale = draft.locale.clone();
    let fallback = instrument.locale.as_str();
    let heading_id = format!("q-{}", item.variable);

    let on_change = {
        let variable = item.variable.clone();
        action_callback(&survey, move |value, now| Action::Answer {
            variable: variable.clone(),
            value,
            now,
        })
    };
    let back = action_callback(&survey, |_: MouseEvent, now| Action::Back { now });
    let next = action_callback(&survey, |_: MouseEvent, now| Action::Next { now });

    let (number, total) = survey.0.question_number().unwrap_or((1, 1));
    let section = instrument.section_of(&item.variable);
    let first_of_section =
        section.and_then(|s| s.items.first()).map(|i| &i.variable) == Some(&item.variable);
    let intro = section
        .filter(|_| first_of_section)
        .and_then(|s| s.intro.as_ref())
        .map(|t| t.get(&locale, fallback).to_owned());
    let next_label = if draft.returning_to_review {
        m.get("nav.back_to_review")
    } else {
        m.get("nav.next")
    };

    html! {
        <main class="screen question-screen">
            <div class="where">
                if let Some(section) = section {
                    <p class="section-title">{ section.title.get(&locale, fallback).to_owned() }</p>
                }
                <p id="question-counter" class="counter">
                    { m.fill("question.counter", &[("n", &number.to_string()), ("total", &total.to_string())]) }
                </p>
                <progress class="progress" max={total.to_string()} value={number.to_string()}
                    aria-labelledby="question-counter"></progress>
            </div>
            if let Some(intro) = intro {
                <p class="section-intro">{ intro }</p>
            }
            <h1 id={heading_id.clone()} ref={heading} tabindex="-1" class="question-text">
                { item.text.get(&locale, fallback).to_owned() }
            </h1>
            { help_and_glossary(item, &locale, fallback) }
            <AnswerInput
                instrument={instrument.clone()}
                variable={item.variable.clone()}
                value={draft.answers.get(&item.variable).cloned()}
                locale={locale.clone()}
                labelled_by={heading_id}
                {on_change} />
            if let Some(problem) = &survey.0.problem {
                <p class="notice warning" role="alert">{ problem.clone() }</p>
            }
            <nav class="nav-buttons" aria-label={m.get("question.progress").to_owned()}>
                <button type="button" class="button" onclick={back}>{ m.get("nav.back") }</button>
                <button type="button" class="button primary" onclick={next}>{ next_label }</button>
            </nav>
        </main>
    }
}

/// The item's help text and its hard words, each explained on tap (a
/// native `<details>`, so it needs no script and reads well aloud).
fn help_and_glossary(item: &Item, locale: &str, fallback: &str) -> Html {
    let help = item
        .help
        .as_ref()
        .map(|h| h.get(locale, fallback).to_owned());
    let words = item.glossary.iter().map(|entry| {
        html! {
            <details class="glossary">
                <summary>{ entry.term.get(locale, fallback).to_owned() }</summary>
                <p>{ entry.explanation.get(locale, fallback).to_owned() }</p>
            </details>
        }
    });
    html! {
        <>
            if let Some(help) = help {
                <p class="help">{ help }</p>
            }
            { for words }
        </>
    }
}
