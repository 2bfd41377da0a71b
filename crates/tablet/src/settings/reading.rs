//! The researcher's settings for reading aloud and for how each survey
//! starts out looking: the voice, its speed, whether each screen is read by
//! itself, and the default text size and colours.

use crate::hooks::use_voices::use_voices;
use crate::services::speech::{Playback, Speech};
use crate::state::AppEnv;
use candour_core::locale::speech_language;
use candour_core::messages::Messages;
use candour_core::read_aloud::Piece;
use candour_core::read_aloud::{choose_voice, Part};
use candour_core::settings::{Settings, TextSize, Theme, DEFAULT_SPEECH_RATE};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Reading speeds offered, as fractions of the voice's normal speed: fine
/// enough steps to suit most listeners, few enough to choose from.
const RATES: [f32; 6] = [0.7, 0.8, DEFAULT_SPEECH_RATE, 1.0, 1.15, 1.3];

/// Props of [`ReadingSettings`].
#[derive(Properties, PartialEq)]
pub struct ReadingSettingsProps {
    /// The settings as they are.
    pub settings: Settings,
    /// Called with the whole settings, one field changed, on every change.
    pub on_change: Callback<Settings>,
}

/// The reading and display settings, as a form section. It stores nothing
/// itself: each change is handed to `on_change`. Where the device has no
/// voice of its own, it says so (participants then see no read-aloud
/// button) and still offers the display defaults.
///
/// Used by [`crate::researcher::home::reading_panel::ReadingPanel`], which
/// saves each change.
#[component]
pub fn ReadingSettings(props: &ReadingSettingsProps) -> Html {
    let env = use_context::<AppEnv>();
    let voices = use_voices();
    let trial = use_mut_ref(|| None::<Playback>);
    let m = env
        .as_ref()
        .map_or_else(|| Rc::new(Messages::english()), |e| e.messages.clone());
    let locale = m.locale().to_owned();
    let settings = &props.settings;
    // The settings as last handed back: two changes in a row, before the
    // parent renders again with the first, must not lose the first. New
    // settings from the parent replace it.
    let latest = use_mut_ref(|| settings.clone());
    let from_parent = use_mut_ref(|| settings.clone());
    if *from_parent.borrow() != *settings {
        *from_parent.borrow_mut() = settings.clone();
        *latest.borrow_mut() = settings.clone();
    }
    let update = {
        let (latest, on_change) = (latest.clone(), props.on_change.clone());
        Rc::new(move |edit: &dyn Fn(&mut Settings)| {
            let mut next = latest.borrow().clone();
            edit(&mut next);
            *latest.borrow_mut() = next.clone();
            on_change.emit(next);
        })
    };
    let change = |edit: fn(&mut Settings, String)| {
        let update = update.clone();
        move |value: String| update(&|s: &mut Settings| edit(s, value.clone()))
    };

    let on_voice = {
        let set = change(|s, v| s.voice = v);
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                set(select.value());
            }
        })
    };
    let on_rate = {
        let set = change(|s, v| s.speech_rate = v.parse().unwrap_or(DEFAULT_SPEECH_RATE));
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                set(select.value());
            }
        })
    };
    let on_auto = {
        let set = change(|s, v| s.auto_read = v == "true");
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                set(input.checked().to_string());
            }
        })
    };
    let try_voice = {
        let (m, settings, voices) = (m.clone(), settings.clone(), voices.clone());
        let locale = locale.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(speech) = Speech::get() else { return };
            let voice = choose_voice(&voices, &settings.voice, &locale).and_then(|i| voices.get(i));
            let sample = Piece {
                text: m.get("settings.reading.sample").to_owned(),
                part: Part::Body,
            };
            let lang = speech_language(&locale);
            // Keep the playback so its events stay alive until the next try.
            *trial.borrow_mut() = speech
                .speak(&[sample.text], voice, &lang, settings.speech_rate(), |_| {})
                .ok();
        })
    };

    let chosen_rate = settings.speech_rate();
    let voice_options = voices.iter().map(|v| {
        let label = m.fill(
            "settings.reading.voice_option",
            &[("name", &v.name), ("lang", &v.lang)],
        );
        html! { <option value={v.name.clone()} selected={v.name == settings.voice}>{ label }</option> }
    });
    let rate_options = RATES.iter().map(|rate| {
        let percent = (rate * 100.0).round().to_string();
        let label = m.fill("settings.reading.rate_option", &[("percent", &percent)]);
        let selected = (rate - chosen_rate).abs() < 0.01;
        html! { <option value={rate.to_string()} {selected}>{ label }</option> }
    });

    html! {
        <section class="reading-settings" aria-labelledby="reading-settings-heading">
            <h2 id="reading-settings-heading">{ m.get("settings.reading.heading") }</h2>
            if voices.is_empty() {
                <p class="notice" id="reading-no-voice">{ m.get("settings.reading.no_voice") }</p>
            } else {
                <div class="settings-field">
                    <label for="reading-voice">{ m.get("settings.reading.voice_label") }</label>
                    <select id="reading-voice" class="text-input" onchange={on_voice}>
                        <option value="" selected={settings.voice.is_empty()}>
                            { m.get("settings.reading.voice_default") }
                        </option>
                        { for voice_options }
                    </select>
                </div>
                <div class="settings-field">
                    <label for="reading-rate">{ m.get("settings.reading.rate_label") }</label>
                    <select id="reading-rate" class="text-input" onchange={on_rate}>
                        { for rate_options }
                    </select>
                </div>
                <div class="settings-field settings-check">
                    <input id="reading-auto" type="checkbox" checked={settings.auto_read}
                        aria-describedby="reading-auto-help" onchange={on_auto} />
                    <label for="reading-auto">{ m.get("settings.reading.auto_label") }</label>
                    <p id="reading-auto-help" class="help">{ m.get("settings.reading.auto_help") }</p>
                </div>
                <button type="button" class="button" onclick={try_voice}>
                    { m.get("settings.reading.try") }
                </button>
            }
            <p class="help" id="reading-display-help">{ m.get("settings.reading.display_help") }</p>
            { default_choice(
                "reading-size",
                m.get("settings.reading.size_label"),
                TextSize::ALL.iter().map(|s| (s.class(), m.get(s.message_key()).to_owned(), *s == settings.text_size)).collect(),
                {
                    let update = update.clone();
                    Callback::from(move |i: usize| {
                        update(&|s: &mut Settings| s.text_size = TextSize::ALL.get(i).copied().unwrap_or_default());
                    })
                },
            ) }
            { default_choice(
                "reading-theme",
                m.get("settings.reading.theme_label"),
                Theme::ALL.iter().map(|t| (t.class(), m.get(t.message_key()).to_owned(), *t == settings.theme)).collect(),
                {
                    let update = update.clone();
                    Callback::from(move |i: usize| {
                        update(&|s: &mut Settings| s.theme = Theme::ALL.get(i).copied().unwrap_or_default());
                    })
                },
            ) }
        </section>
    }
}

/// A group of radios for one default: `options` are (id part, words,
/// chosen); `on_pick` gets the index picked.
fn default_choice(
    name: &'static str,
    legend: &str,
    options: Vec<(&'static str, String, bool)>,
    on_pick: Callback<usize>,
) -> Html {
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, (part, words, checked))| {
            let id = format!("{name}-{part}");
            let onchange = on_pick.reform(move |_: Event| i);
            html! {
                <div class="settings-check">
                    <input type="radio" id={id.clone()} {name} {checked} {onchange} />
                    <label for={id}>{ words }</label>
                </div>
            }
        });
    html! {
        <fieldset class="settings-field settings-group">
            <legend>{ legend.to_owned() }</legend>
            { for radios }
        </fieldset>
    }
}
