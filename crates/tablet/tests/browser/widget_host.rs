//! A small host for answer widgets, shared by the widget tests: it keeps
//! each item's answer in `use_state` as a screen does and logs every change,
//! with helpers to find, click and type as a person would.

use super::mount::{document, settle, Mount};
use candour_core::answer::AnswerValue;
use candour_core::instrument::Instrument;
use candour_core::messages::Messages;
use candour_core::settings::Settings;
use candour_tablet::state::AppEnv;
use candour_tablet::widgets::AnswerInput;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Every value `on_change` was called with, in order.
#[derive(Clone, Default)]
pub struct Log(Rc<RefCell<Vec<Option<AnswerValue>>>>);

impl PartialEq for Log {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct HostProps {
    instrument: Rc<Instrument>,
    variables: Vec<AttrValue>,
    initial: Option<AnswerValue>,
    locale: AttrValue,
    log: Log,
    /// The app's texts, provided as the app does; `None` mounts the widget alone.
    messages: Option<Rc<Messages>>,
}

/// Holds each item's answer as a screen would, and logs every change.
#[component]
fn Widgets(props: &HostProps) -> Html {
    let values = use_state(|| vec![props.initial.clone(); props.variables.len()]);
    let widgets = props.variables.iter().enumerate().map(|(i, variable)| {
        let on_change = {
            let (values, log) = (values.clone(), props.log.clone());
            Callback::from(move |value: Option<AnswerValue>| {
                log.0.borrow_mut().push(value.clone());
                let mut next = (*values).clone();
                next[i] = value;
                values.set(next);
            })
        };
        let question = format!("{variable}-question");
        html! {
            <section>
                <h2 id={question.clone()}>{ format!("Question {variable}") }</h2>
                <AnswerInput instrument={props.instrument.clone()} variable={variable.clone()}
                    value={values[i].clone()} locale={props.locale.clone()}
                    labelled_by={question} {on_change} />
            </section>
        }
    });
    let widgets = html! { <>{ for widgets }</> };
    match &props.messages {
        Some(messages) => {
            let env = AppEnv {
                messages: messages.clone(),
                settings: Rc::new(Settings::default()),
            };
            html! { <ContextProvider<AppEnv> context={env}>{ widgets }</ContextProvider<AppEnv>> }
        }
        None => widgets,
    }
}

/// Mounted widgets and what they logged.
pub struct Host {
    /// Where they are mounted.
    pub mount: Mount,
    log: Log,
}

impl Host {
    /// The widgets of `variables` of `instrument`, in `locale`, with the
    /// app's texts when `messages` is given, each starting at `initial`.
    pub async fn new(
        instrument: Rc<Instrument>,
        variables: &[&str],
        initial: Option<AnswerValue>,
        locale: &str,
        messages: Option<Rc<Messages>>,
    ) -> Self {
        let mount = Mount::new();
        let log = Log::default();
        let props = HostProps {
            instrument,
            variables: variables
                .iter()
                .map(|v| AttrValue::from(v.to_string()))
                .collect(),
            initial,
            locale: AttrValue::from(locale.to_string()),
            log: log.clone(),
            messages,
        };
        yew::Renderer::<Widgets>::with_root_and_props(mount.element.clone(), props).render();
        settle().await;
        Host { mount, log }
    }

    /// A host over something mounted otherwise.
    pub fn from_mount(mount: Mount, log: Log) -> Self {
        Host { mount, log }
    }

    /// The element `selector` finds; fails the test when none does.
    pub fn find(&self, selector: &str) -> Element {
        self.mount
            .element
            .query_selector(selector)
            .expect("a valid selector")
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    /// Every element `selector` finds.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .mount
            .element
            .query_selector_all(selector)
            .expect("a valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.dyn_into::<Element>().ok())
            .collect()
    }

    /// The input `selector` finds.
    pub fn input(&self, selector: &str) -> HtmlInputElement {
        self.find(selector).dyn_into().expect("an input")
    }

    /// The value of the text area `selector` finds.
    pub fn input_area(&self, selector: &str) -> String {
        self.find(selector)
            .dyn_into::<HtmlTextAreaElement>()
            .expect("a text area")
            .value()
    }

    /// The text of the element `selector` finds.
    pub fn text_of(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }

    /// An attribute of the element `selector` finds.
    pub fn attr(&self, selector: &str, name: &str) -> Option<String> {
        self.find(selector).get_attribute(name)
    }

    /// Clicks the element `selector` finds, and lets Yew render.
    pub async fn click(&self, selector: &str) {
        self.find(selector)
            .dyn_into::<HtmlElement>()
            .expect("an HTML element")
            .click();
        settle().await;
    }

    /// Types `text` as the whole content of an input or text area.
    pub async fn type_into(&self, selector: &str, text: &str) {
        let element = self.find(selector);
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            input.set_value(text);
        } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
            area.set_value(text);
        }
        // Yew listens at its root, so the event must bubble.
        let event = document().create_event("Event").expect("an event");
        event.init_event_with_bubbles("input", true);
        element.dispatch_event(&event).expect("dispatched");
        settle().await;
    }

    /// Every value `on_change` was called with.
    pub fn calls(&self) -> Vec<Option<AnswerValue>> {
        self.log.0.borrow().clone()
    }

    /// The last value `on_change` was called with.
    pub fn last(&self) -> Option<AnswerValue> {
        self.calls().last().cloned().expect("on_change was called")
    }

    /// Whether the input with id `id` is checked.
    pub fn checked(&self, id: &str) -> bool {
        self.input(&format!("#{id}")).checked()
    }
}

/// Waits (polling, never a fixed sleep) until `check` holds, for at most 5 s.
pub async fn wait_for(what: &str, check: impl Fn() -> bool) {
    for _ in 0..100 {
        if check() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    panic!("timed out waiting for {what}");
}

/// A code answer.
pub fn code(c: i64) -> Option<AnswerValue> {
    Some(AnswerValue::Code(c))
}
