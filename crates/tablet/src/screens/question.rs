//! One question per screen: the screen's tools, where you are, the question
//! (its hard words explained on tap), the answer widget, what is needed if
//! Next was refused, and Back / Next.

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::hooks::use_read_aloud::{use_read_aloud, ReadAloud, ReadingNow};
use crate::state::{action_callback, AppEnv, SurveyCtx};
use crate::widgets::screen_tools::ScreenTools;
use crate::widgets::AnswerInput;
use candour_core::glossary::term_spans;
use candour_core::instrument::Item;
use candour_core::read_aloud::{question_script, Part, Piece};
use candour_core::survey::Action;
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
    // Indexes of the hard words whose explanation is open.
    let open = use_state(Vec::<usize>::new);
    let script = match (&survey, &env) {
        (Some(survey), Some(env)) => {
            let instrument = &survey.0.instrument;
            let locale = survey.0.draft.as_ref().map_or("", |d| d.locale.as_str());
            instrument
                .item(&props.variable)
                .map(|item| question_script(instrument, item, locale, &env.messages, &open))
        }
        _ => None,
    };
    let reader = use_read_aloud(script.unwrap_or_default());
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

    // Answering stops the reading: the person has heard enough.
    let on_change = {
        let variable = item.variable.clone();
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
    let reading = |part: Part| reader.reading.is(&part).then_some("reading");
    let glossary = Glossary {
        item,
        locale: &locale,
        fallback,
        open: &open,
        reader: &reader,
        auto_read: env.settings.auto_read,
        messages: m,
    };

    html! {
        <main class="screen question-screen">
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
            <h1 id={heading_id.clone()} ref={heading} tabindex="-1"
                class={classes!("question-text", reading(Part::Heading))}>
                { glossary.question_text() }
            </h1>
            { glossary.apart() }
            if let Some(help) = item.help.as_ref().map(|h| h.get(&locale, fallback).to_owned()) {
                <p class={classes!("help", reading(Part::Help))}>{ help }</p>
            }
            { glossary.explanations() }
            <ContextProvider<ReadingNow> context={reader.reading.clone()}>
                <AnswerInput
                    instrument={instrument.clone()}
                    variable={item.variable.clone()}
                    value={draft.answers.get(&item.variable).cloned()}
                    locale={locale.clone()}
                    labelled_by={heading_id}
                    {on_change} />
            </ContextProvider<ReadingNow>>
            if let Some(problem) = &survey.0.problem {
                <p class="notice warning" role="alert">{ problem.in_words(m) }</p>
            }
            <nav class="nav-buttons" aria-label={m.get("question.progress").to_owned()}>
                <button type="button" class="button" onclick={back}>{ m.get("nav.back") }</button>
                <button type="button" class="button primary" onclick={next}>{ next_label }</button>
            </nav>
        </main>
    }
}

/// The item's hard words: marked where they stand in the question, each a
/// button that opens its plain explanation under the question (and reads
/// it aloud when the screen reads by itself).
struct Glossary<'a> {
    item: &'a Item,
    locale: &'a str,
    fallback: &'a str,
    open: &'a UseStateHandle<Vec<usize>>,
    reader: &'a ReadAloud,
    auto_read: bool,
    messages: &'a candour_core::messages::Messages,
}

impl Glossary<'_> {
    /// The term of entry `i`, as shown.
    fn term(&self, i: usize) -> String {
        self.item
            .glossary
            .get(i)
            .map(|e| e.term.get(self.locale, self.fallback).to_owned())
            .unwrap_or_default()
    }

    /// The id of the explanation of entry `i`.
    fn explanation_id(&self, i: usize) -> String {
        format!("{}-glossary-{i}", self.item.variable)
    }

    /// A button that opens or closes entry `i`, showing `words`.
    fn button(&self, i: usize, words: String, class: &'static str) -> Html {
        let is_open = self.open.contains(&i);
        let onclick = {
            let open = self.open.clone();
            let read = self.reader.read.clone();
            let said = self.auto_read.then(|| self.piece(i));
            Callback::from(move |_: MouseEvent| {
                let mut now = (*open).clone();
                if is_open {
                    now.retain(|j| *j != i);
                } else {
                    now.push(i);
                    if let Some(piece) = said.clone() {
                        read.emit(vec![piece]);
                    }
                }
                open.set(now);
            })
        };
        html! {
            <button type="button" class={classes!("glossary-term", class)}
                aria-expanded={is_open.to_string()}
                aria-controls={self.explanation_id(i)} {onclick}>
                { words }
                if class == "in-text" {
                    { question_mark_icon() }
                }
            </button>
        }
    }

    /// What reading entry `i` aloud says.
    fn piece(&self, i: usize) -> Piece {
        let explanation = self
            .item
            .glossary
            .get(i)
            .map(|e| e.explanation.get(self.locale, self.fallback).to_owned())
            .unwrap_or_default();
        Piece {
            text: self.messages.fill(
                "read.glossary",
                &[("term", &self.term(i)), ("explanation", &explanation)],
            ),
            part: Part::Glossary(i),
        }
    }

    /// The question text, each hard word found in it a button.
    fn question_text(&self) -> Html {
        let text = self.item.text.get(self.locale, self.fallback);
        let terms: Vec<String> = (0..self.item.glossary.len())
            .map(|i| self.term(i))
            .collect();
        let refs: Vec<&str> = terms.iter().map(String::as_str).collect();
        let mut nodes = Vec::new();
        let mut at = 0;
        for span in term_spans(text, &refs) {
            nodes.push(html! { { text[at..span.range.start].to_owned() } });
            let words = text[span.range.clone()].to_owned();
            nodes.push(self.button(span.entry, words, "in-text"));
            at = span.range.end;
        }
        nodes.push(html! { { text[at..].to_owned() } });
        html! { <>{ for nodes }</> }
    }

    /// Buttons for hard words not found in the question text (e.g. a
    /// translation that words it differently), under the question.
    fn apart(&self) -> Html {
        let text = self.item.text.get(self.locale, self.fallback);
        let buttons: Vec<Html> = (0..self.item.glossary.len())
            .filter(|&i| candour_core::glossary::find_term(text, &self.term(i)).is_none())
            .map(|i| {
                let words = self
                    .messages
                    .fill("glossary.explain", &[("term", &self.term(i))]);
                self.button(i, words, "apart")
            })
            .collect();
        if buttons.is_empty() {
            return html! {};
        }
        html! { <div class="glossary-apart">{ for buttons }</div> }
    }

    /// The explanations, each present (hidden while closed) so that its
    /// button always controls an element of the page.
    fn explanations(&self) -> Html {
        let boxes = self.item.glossary.iter().enumerate().map(|(i, entry)| {
            let reading = self.reader.reading.is(&Part::Glossary(i));
            html! {
                <div id={self.explanation_id(i)} hidden={!self.open.contains(&i)}
                    class={classes!("glossary-explanation", reading.then_some("reading"))}>
                    <p class="glossary-word">{ self.term(i) }</p>
                    <p>{ entry.explanation.get(self.locale, self.fallback).to_owned() }</p>
                </div>
            }
        });
        html! { <>{ for boxes }</> }
    }
}

/// A small circled question mark after a hard word in the question: the
/// sign that tapping the word explains it. Drawn, so it needs no font; hidden
/// from screen readers, which hear the button and its expanded state.
fn question_mark_icon() -> Html {
    html! {
        <svg class="glossary-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
            <path d="M6 6.2a2 2 0 1 1 2.8 1.8c-.6.3-.8.7-.8 1.3v.4" fill="none"
                stroke="currentColor" stroke-width="1.6" stroke-linecap="round" />
            <circle cx="8" cy="12" r="1" fill="currentColor" />
        </svg>
    }
}
