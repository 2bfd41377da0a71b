//! A question screen: the screen's tools, where you are, the section's
//! introduction, then one item with its question as the heading, or a
//! group's heading and each of its items (see [`ItemView`]), and Back /
//! Next.

use super::question_item::ItemView;
use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_read_aloud::use_read_aloud;
use crate::state::{action_callback, AppEnv, SurveyCtx};
use crate::widgets::screen_tools::ScreenTools;
use candour_core::instrument::Item;
use candour_core::read_aloud::{group_script, question_script, Part};
use candour_core::survey::Action;
use yew::prelude::*;

/// Props of the question screen.
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    /// The variable of the screen's first item (which names the screen).
    pub variable: AttrValue,
}

/// The question screen.
#[component]
pub fn QuestionScreen(props: &QuestionProps) -> Html {
    let survey = use_context::<SurveyCtx>();
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(props.variable.clone());
    // The hard words whose explanation is open, by item and index.
    let open = use_state(Vec::<(String, usize)>::new);
    let script = match (&survey, &env) {
        (Some(survey), Some(env)) => {
            let instrument = &survey.0.instrument;
            let locale = survey.0.draft.as_ref().map_or("", |d| d.locale.as_str());
            let items = survey.0.screen_items();
            let m = &env.messages;
            match items.as_slice() {
                [] => None,
                [item] if instrument.group_of(item).is_none() => {
                    let opened: Vec<usize> = open
                        .iter()
                        .filter(|(v, _)| *v == item.variable)
                        .map(|(_, i)| *i)
                        .collect();
                    Some(question_script(instrument, item, locale, m, &opened))
                }
                grouped => Some(group_script(instrument, grouped, locale, m, &open)),
            }
        }
        _ => None,
    };
    let reader = use_read_aloud(script.unwrap_or_default());
    let (Some(survey), Some(env)) = (survey, env) else {
        return html! {};
    };
    let instrument = survey.0.instrument.clone();
    let items: Vec<Item> = survey.0.screen_items().into_iter().cloned().collect();
    let Some(first) = items.first() else {
        return html! {};
    };
    let Some(draft) = survey.0.draft.as_ref() else {
        return html! {};
    };
    let m = &env.messages;
    let locale = draft.locale.clone();
    let fallback = instrument.locale.as_str();

    // Answering stops the reading: the person has heard enough.
    let on_change = |variable: String| {
        let stop = reader.stop.clone();
        let dispatch = action_callback(&survey, move |value, now| Action::Answer {
            variable: variable.clone(),
            value,
            now,
        });
        Callback::from(move |value| {
            stop.emit(());
            dispatch.emit(value);
        })
    };
    let then_stop = |action: Callback<MouseEvent>| {
        let stop = reader.stop.clone();
        Callback::from(move |e: MouseEvent| {
            stop.emit(());
            action.emit(e);
        })
    };
    let back = then_stop(action_callback(&survey, |_: MouseEvent, now| {
        Action::Back { now }
    }));
    let next = then_stop(action_callback(&survey, |_: MouseEvent, now| {
        Action::Next { now }
    }));

    let (number, total) = survey.0.question_number().unwrap_or((1, 1));
    let section = instrument.section_of(&first.variable);
    let first_of_section =
        section.and_then(|s| s.items.first()).map(|i| &i.variable) == Some(&first.variable);
    let intro = section
        .filter(|_| first_of_section)
        .and_then(|s| s.intro.as_ref())
        .map(|t| t.get(&locale, fallback).to_owned());
    let next_label = if draft.returning_to_review {
        m.get("nav.back_to_review")
    } else {
        m.get("nav.next")
    };
    let reading = |part: Part| reader.reading.is(&part).then_some("reading");
    // A group keeps its heading even when skip logic leaves one item on it:
    // its items' texts lean on the heading.
    let group = instrument.group_of(first);
    let view = |item: &Item, alone: Option<NodeRef>| {
        let problem = survey.0.problem_of(&item.variable).map(|p| p.in_words(m));
        ItemView {
            instrument: &instrument,
            item,
            locale: &locale,
            messages: m,
            open: &open,
            reader: &reader,
            auto_read: env.settings.auto_read,
            alone,
            value: draft.answers.get(&item.variable).cloned(),
            problem,
            on_change: on_change(item.variable.clone()),
        }
        .render()
    };
    let content = match group {
        None => view(first, Some(heading)),
        Some(group) => html! {
            <>
                <h1 id={format!("g-{}", group.id)} ref={heading} tabindex="-1"
                    class={classes!("group-heading", reading(Part::Heading))}>
                    { group.heading.get(&locale, fallback).to_owned() }
                </h1>
                <div class="group-items">
                    { for items.iter().map(|item| view(item, None)) }
                </div>
            </>
        },
    };

    html! {
        <main class={classes!("screen", "question-screen", group.map(|_| "group-screen"))}>
            <ScreenTools reader={reader.clone()} />
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
                <p class={classes!("section-intro", reading(Part::Intro))}>{ intro }</p>
            }
            { content }
            <nav class="nav-buttons" aria-label={m.get("question.progress").to_owned()}>
                <button type="button" class="button" onclick={back}>{ m.get("nav.back") }</button>
                <button type="button" class="button primary" onclick={next}>{ next_label }</button>
            </nav>
        </main>
    }
}
