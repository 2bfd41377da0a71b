//! Reading aloud in the browser: the speech service and the read-aloud
//! button where the device has no speech, no voices, only network voices,
//! or voices that arrive late; what the button says; and the researcher's
//! reading settings. `speechSynthesis` is replaced by a small fake for each
//! test (headless Chromium has no voices), and restored afterwards.

use super::mount::{settle, Mount};
use candour_core::messages::Messages;
use candour_core::read_aloud::{Part, Piece};
use candour_core::settings::{Settings, TextSize};
use candour_tablet::display::DisplayProvider;
use candour_tablet::hooks::use_read_aloud::use_read_aloud;
use candour_tablet::services::speech::Speech;
use candour_tablet::settings::reading::ReadingSettings;
use candour_tablet::state::AppEnv;
use candour_tablet::widgets::screen_tools::ScreenTools;
use js_sys::Function;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Lets Yew render until `done` holds (a condition, not a fixed wait: the
/// browser may need more than one turn to run the scheduler).
async fn until(mut done: impl FnMut() -> bool) {
    for _ in 0..100 {
        if done() {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
}

/// Runs a piece of JavaScript in the test page and returns its value.
fn js(code: &str) -> JsValue {
    Function::new_no_args(code)
        .call0(&JsValue::NULL)
        .expect("the script runs")
}

/// A fake `speechSynthesis` (and utterance) for as long as it is kept:
/// `voices` is a JavaScript array of voice-like objects, or `undefined` for
/// a browser without speech synthesis.
struct FakeSpeech;

impl FakeSpeech {
    fn install(voices: &str) -> Self {
        js(&format!(
            r#"
            window.__realUtterance ??= window.SpeechSynthesisUtterance;
            const voices = {voices};
            if (voices === undefined) {{
                Object.defineProperty(window, 'speechSynthesis', {{ value: undefined, configurable: true }});
                return;
            }}
            class FakeUtterance extends EventTarget {{
                constructor(text) {{ super(); this.text = text; }}
            }}
            class Fake extends EventTarget {{
                constructor() {{ super(); this.voices = voices; this.spoken = []; this.cancels = 0; }}
                get speaking() {{ return false; }}
                get pending() {{ return false; }}
                getVoices() {{ return this.voices; }}
                speak(u) {{ this.spoken.push(u.text + ' | ' + (u.voice && u.voice.name)); }}
                cancel() {{ this.cancels += 1; }}
            }}
            window.SpeechSynthesisUtterance = FakeUtterance;
            Object.defineProperty(window, 'speechSynthesis', {{ value: new Fake(), configurable: true }});
            "#
        ));
        FakeSpeech
    }

    /// What was spoken, as "text | voice".
    fn spoken(&self) -> Vec<String> {
        let list = js("return window.speechSynthesis.spoken;");
        js_sys::Array::from(&list)
            .iter()
            .filter_map(|v| v.as_string())
            .collect()
    }
}

impl Drop for FakeSpeech {
    fn drop(&mut self) {
        js("delete window.speechSynthesis; window.SpeechSynthesisUtterance = window.__realUtterance;");
    }
}

const LOCAL: &str = "[{ name: 'Local', lang: 'en-GB', localService: true, default: false }]";
const NETWORK: &str = "[{ name: 'Network', lang: 'en-US', localService: false, default: true }]";

fn env(settings: Settings) -> AppEnv {
    AppEnv {
        messages: Rc::new(Messages::english()),
        settings: Rc::new(settings),
    }
}

/// A screen with two pieces to read and its tools.
#[component]
fn Screen() -> Html {
    let reader = use_read_aloud(vec![
        Piece {
            text: "Is this clear?".into(),
            part: Part::Heading,
        },
        Piece {
            text: "Yes".into(),
            part: Part::Choice(1),
        },
    ]);
    html! { <ScreenTools {reader} /> }
}

#[component]
fn ScreenInApp() -> Html {
    html! {
        <ContextProvider<AppEnv> context={env(Settings::default())}>
            <DisplayProvider>
                <Screen />
            </DisplayProvider>
        </ContextProvider<AppEnv>>
    }
}

async fn mount_screen() -> Mount {
    let mount = Mount::new();
    yew::Renderer::<ScreenInApp>::with_root(mount.element.clone()).render();
    settle().await;
    mount
}

fn button(mount: &Mount) -> Option<HtmlElement> {
    mount
        .element
        .query_selector("#read-aloud")
        .expect("a valid selector")
        .and_then(|e| e.dyn_into().ok())
}

#[wasm_bindgen_test]
async fn without_speech_synthesis_there_is_no_button_and_nothing_breaks() {
    let _fake = FakeSpeech::install("undefined");
    assert!(Speech::get().is_none());
    let mount = mount_screen().await;
    assert!(button(&mount).is_none());
    assert!(
        mount.text().contains("Text size and colours"),
        "the rest is there"
    );
}

#[wasm_bindgen_test]
async fn without_voices_there_is_no_button_until_voices_arrive() {
    let _fake = FakeSpeech::install("[]");
    let mount = mount_screen().await;
    assert!(button(&mount).is_none(), "no voice: no button");
    js(&format!(
        "window.speechSynthesis.voices = {LOCAL}; window.speechSynthesis.dispatchEvent(new Event('voiceschanged'));"
    ));
    until(|| button(&mount).is_some()).await;
    assert!(
        button(&mount).is_some(),
        "the voice arrived: the button shows"
    );
}

#[wasm_bindgen_test]
async fn network_voices_are_never_used() {
    let _fake = FakeSpeech::install(NETWORK);
    let speech = Speech::get().expect("speech synthesis");
    assert!(speech.voices().is_empty());
    let mount = mount_screen().await;
    assert!(button(&mount).is_none());
}

#[wasm_bindgen_test]
async fn the_button_reads_each_piece_with_the_local_voice_and_then_offers_to_stop() {
    let fake = FakeSpeech::install(&format!("[...{NETWORK}, ...{LOCAL}]"));
    let mount = mount_screen().await;
    let read = button(&mount).expect("a voice: the button shows");
    assert_eq!(read.text_content().as_deref(), Some("Read aloud"));
    read.click();
    settle().await;
    assert_eq!(fake.spoken(), vec!["Is this clear? | Local", "Yes | Local"]);
    let stop = button(&mount).expect("still there");
    assert_eq!(stop.text_content().as_deref(), Some("Stop reading"));
}

#[wasm_bindgen_test]
async fn the_real_browser_speech_never_panics() {
    // Whatever this Chromium has (often no voice at all), asking is safe.
    if let Some(speech) = Speech::get() {
        let _ = speech.voices();
        speech.cancel();
    }
    let mount = mount_screen().await;
    assert!(mount.text().contains("Text size and colours"));
}

/// Every settings value `on_change` was called with.
#[derive(Clone, Default)]
struct Changes(Rc<RefCell<Vec<Settings>>>);

impl PartialEq for Changes {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
struct SettingsHostProps {
    changes: Changes,
}

#[component]
fn SettingsHost(props: &SettingsHostProps) -> Html {
    let settings = use_state(Settings::default);
    let on_change = {
        let (settings, changes) = (settings.clone(), props.changes.clone());
        Callback::from(move |next: Settings| {
            changes.0.borrow_mut().push(next.clone());
            settings.set(next);
        })
    };
    html! {
        <ContextProvider<AppEnv> context={env(Settings::default())}>
            <ReadingSettings settings={(*settings).clone()} {on_change} />
        </ContextProvider<AppEnv>>
    }
}

async fn mount_settings() -> (Mount, Changes) {
    let mount = Mount::new();
    let changes = Changes::default();
    let props = SettingsHostProps {
        changes: changes.clone(),
    };
    yew::Renderer::<SettingsHost>::with_root_and_props(mount.element.clone(), props).render();
    settle().await;
    (mount, changes)
}

fn element<T: JsCast>(mount: &Mount, selector: &str) -> T {
    mount
        .element
        .query_selector(selector)
        .expect("a valid selector")
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap_or_else(|_| panic!("{selector} is not of the expected type"))
}

/// Fires a bubbling event of `kind` at `target` (Yew listens at its root).
fn fire(target: &web_sys::EventTarget, kind: &str) {
    let event = super::mount::document()
        .create_event("Event")
        .expect("an event");
    event.init_event_with_bubbles(kind, true);
    target.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn the_reading_settings_offer_the_local_voices_and_hand_back_each_change() {
    let _fake = FakeSpeech::install(&format!("[...{NETWORK}, ...{LOCAL}]"));
    let (mount, changes) = mount_settings().await;
    let voice: HtmlSelectElement = element(&mount, "#reading-voice");
    assert_eq!(
        voice.length(),
        2,
        "the usual voice, and the one local voice"
    );
    assert!(!mount.text().contains("Network"));
    voice.set_value("Local");
    fire(&voice, "change");
    until(|| changes.0.borrow().len() == 1).await;
    assert_eq!(
        changes
            .0
            .borrow()
            .last()
            .map(|s| s.voice.clone())
            .as_deref(),
        Some("Local")
    );

    let auto: HtmlInputElement = element(&mount, "#reading-auto");
    auto.click();
    until(|| changes.0.borrow().len() == 2).await;
    let last = changes.0.borrow().last().cloned().expect("a change");
    assert!(last.auto_read);
    assert_eq!(last.voice, "Local", "the earlier change is kept");

    let rate: HtmlSelectElement = element(&mount, "#reading-rate");
    rate.set_value("1.15");
    fire(&rate, "change");
    until(|| changes.0.borrow().len() == 3).await;
    let last = changes.0.borrow().last().cloned().expect("a change");
    assert!((last.speech_rate - 1.15).abs() < 1e-6);
}

#[wasm_bindgen_test]
async fn without_a_voice_the_settings_say_so_and_still_set_the_display_defaults() {
    let _fake = FakeSpeech::install("[]");
    let (mount, changes) = mount_settings().await;
    assert!(mount
        .element
        .query_selector("#reading-no-voice")
        .expect("a valid selector")
        .is_some());
    assert!(mount
        .element
        .query_selector("#reading-voice")
        .expect("a valid selector")
        .is_none());
    let largest: HtmlInputElement = element(&mount, "#reading-size-text-largest");
    largest.click();
    settle().await;
    assert_eq!(
        changes.0.borrow().last().map(|s| s.text_size),
        Some(TextSize::Largest)
    );
}
