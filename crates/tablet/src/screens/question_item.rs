//! One item on a question screen: its question (hard words explained on
//! tap), help, answer widget and what it still needs. On a screen of its
//! own the question is the screen's `<h1>`; on a screen of several items
//! (a group) it is an `<h2>` under the group's heading, and what is read
//! aloud of it is marked with its variable ([`Part::Item`]).

use crate::hooks::use_read_aloud::{ReadAloud, ReadingNow};
use crate::widgets::AnswerInput;
use candour_core::answer::AnswerValue;
use candour_core::glossary::term_spans;
use candour_core::instrument::{Instrument, Item};
use candour_core::messages::Messages;
use candour_core::read_aloud::{Part, Piece};
use std::rc::Rc;
use yew::prelude::*;

/// The hard words opened on a screen: by item variable and entry index.
pub(super) type Opened = UseStateHandle<Vec<(String, usize)>>;

/// Everything one item needs from its screen.
pub(super) struct ItemView<'a> {
    /// The instrument, for the widget's shared labels.
    pub instrument: &'a Rc<Instrument>,
    /// The item.
    pub item: &'a Item,
    /// Locale of the texts shown.
    pub locale: &'a str,
    /// The app's texts.
    pub messages: &'a Messages,
    /// Hard words opened on this screen.
    pub open: &'a Opened,
    /// The screen's reader.
    pub reader: &'a ReadAloud,
    /// Whether opening a hard word reads its explanation at once.
    pub auto_read: bool,
    /// `Some(heading)` when the item has the screen to itself (its question
    /// is the `<h1>`, focused on arrival); `None` on a screen of several.
    pub alone: Option<NodeRef>,
    /// The current answer.
    pub value: Option<AnswerValue>,
    /// What the item still needs, in words, after Next was refused.
    pub problem: Option<String>,
    /// Called with the new answer.
    pub on_change: Callback<Option<AnswerValue>>,
}

impl ItemView<'_> {
    /// The id of the item's question, which names its widget.
    pub fn heading_id(&self) -> String {
        format!("q-{}", self.item.variable)
    }

    /// What is being read of this item, as its own parts.
    fn reading(&self) -> ReadingNow {
        match self.alone {
            Some(_) => self.reader.reading.clone(),
            None => self.reader.reading.within(&self.item.variable),
        }
    }

    /// The part as read aloud on this screen.
    fn part(&self, part: Part) -> Part {
        match self.alone {
            Some(_) => part,
            None => Part::Item(self.item.variable.clone(), Box::new(part)),
        }
    }

    fn glossary(&self) -> Glossary<'_> {
        Glossary { view: self }
    }

    /// The item: question, hard words, help, widget and problem.
    pub fn render(&self) -> Html {
        let fallback = self.instrument.locale.as_str();
        let reading = self.reading();
        let lit = |part: Part| reading.is(&part).then_some("reading");
        let glossary = self.glossary();
        let heading_id = self.heading_id();
        let question = match &self.alone {
            Some(heading) => html! {
                <h1 id={heading_id.clone()} ref={heading.clone()} tabindex="-1"
                    class={classes!("question-text", lit(Part::Heading))}>
                    { glossary.question_text() }
                </h1>
            },
            None => html! {
                <h2 id={heading_id.clone()}
                    class={classes!("question-text", "group-question", lit(Part::Heading))}>
                    { glossary.question_text() }
                </h2>
            },
        };
        let help = self
            .item
            .help
            .as_ref()
            .map(|h| h.get(self.locale, fallback).to_owned());
        let body = html! {
            <>
                { question }
                { glossary.apart() }
                if let Some(help) = help {
                    <p class={classes!("help", lit(Part::Help))}>{ help }</p>
                }
                { glossary.explanations() }
                <ContextProvider<ReadingNow> context={reading.clone()}>
                    <AnswerInput
                        instrument={self.instrument.clone()}
                        variable={self.item.variable.clone()}
                        value={self.value.clone()}
                        locale={self.locale.to_owned()}
                        labelled_by={heading_id.clone()}
                        on_change={self.on_change.clone()} />
                </ContextProvider<ReadingNow>>
                if let Some(problem) = &self.problem {
                    <p class="notice warning" role="alert">{ problem.clone() }</p>
                }
            </>
        };
        match self.alone {
            Some(_) => body,
            None => html! {
                <section class="group-item" id={format!("item-{}", self.item.variable)}
                    aria-labelledby={heading_id}>
                    { body }
                </section>
            },
        }
    }
}

/// The item's hard words: marked where they stand in the question, each a
/// button that opens its plain explanation under the question (and reads
/// it aloud when the screen reads by itself).
struct Glossary<'a> {
    view: &'a ItemView<'a>,
}

impl Glossary<'_> {
    fn item(&self) -> &Item {
        self.view.item
    }

    fn is_open(&self, i: usize) -> bool {
        self.view
            .open
            .iter()
            .any(|(v, j)| *v == self.item().variable && *j == i)
    }

    /// The term of entry `i`, as shown.
    fn term(&self, i: usize) -> String {
        let fallback = self.view.instrument.locale.as_str();
        self.item()
            .glossary
            .get(i)
            .map(|e| e.term.get(self.view.locale, fallback).to_owned())
            .unwrap_or_default()
    }

    /// The id of the explanation of entry `i`.
    fn explanation_id(&self, i: usize) -> String {
        format!("{}-glossary-{i}", self.item().variable)
    }

    /// A button that opens or closes entry `i`, showing `words`.
    fn button(&self, i: usize, words: String, class: &'static str) -> Html {
        let is_open = self.is_open(i);
        let onclick = {
            let open = self.view.open.clone();
            let read = self.view.reader.read.clone();
            let said = self.view.auto_read.then(|| self.piece(i));
            let variable = self.item().variable.clone();
            Callback::from(move |_: MouseEvent| {
                let mut now = (*open).clone();
                if is_open {
                    now.retain(|(v, j)| !(*v == variable && *j == i));
                } else {
                    now.push((variable.clone(), i));
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
        let fallback = self.view.instrument.locale.as_str();
        let explanation = self
            .item()
            .glossary
            .get(i)
            .map(|e| e.explanation.get(self.view.locale, fallback).to_owned())
            .unwrap_or_default();
        Piece {
            text: self.view.messages.fill(
                "read.glossary",
                &[("term", &self.term(i)), ("explanation", &explanation)],
            ),
            part: self.view.part(Part::Glossary(i)),
        }
    }

    fn text(&self) -> &str {
        self.item()
            .text
            .get(self.view.locale, &self.view.instrument.locale)
    }

    /// The question text, each hard word found in it a button.
    fn question_text(&self) -> Html {
        let text = self.text();
        let terms: Vec<String> = (0..self.item().glossary.len())
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
        let text = self.text();
        let buttons: Vec<Html> = (0..self.item().glossary.len())
            .filter(|&i| candour_core::glossary::find_term(text, &self.term(i)).is_none())
            .map(|i| {
                let words = self
                    .view
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
        let fallback = self.view.instrument.locale.as_str();
        let reading = self.view.reading();
        let boxes = self.item().glossary.iter().enumerate().map(|(i, entry)| {
            let lit = reading.is(&Part::Glossary(i));
            html! {
                <div id={self.explanation_id(i)} hidden={!self.is_open(i)}
                    class={classes!("glossary-explanation", lit.then_some("reading"))}>
                    <p class="glossary-word">{ self.term(i) }</p>
                    <p>{ entry.explanation.get(self.view.locale, fallback).to_owned() }</p>
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
