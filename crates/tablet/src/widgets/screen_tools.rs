//! The tools at the top of every participant screen: "Read aloud" (where
//! the device has a voice) and the text size and colours.

use crate::display::{Display, DisplayCtx};
use crate::hooks::use_read_aloud::ReadAloud;
use crate::state::AppEnv;
use candour_core::settings::{TextSize, Theme};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`ScreenTools`].
#[derive(Properties, PartialEq)]
pub struct ScreenToolsProps {
    /// The screen's reader.
    pub reader: ReadAloud,
    /// Show the text size and colour choices open, as on the first screen a
    /// participant sees, so they choose before the first question.
    #[prop_or_default]
    pub open: bool,
}

/// "Read aloud" / "Stop reading", then the display choices.
#[component]
pub fn ScreenTools(props: &ScreenToolsProps) -> Html {
    let env = use_context::<AppEnv>();
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let reader = &props.reader;
    let onclick = reader.toggle.reform(|_: MouseEvent| ());
    html! {
        <div class="screen-tools">
            if reader.available {
                <button type="button" id="read-aloud"
                    class={classes!("button", "tool", "read-aloud", reader.speaking.then_some("speaking"))}
                    {onclick}>
                    { speaker_icon(reader.speaking) }
                    <span>{ m.get(if reader.speaking { "read.stop" } else { "read.aloud" }) }</span>
                </button>
            }
            <DisplayOptions open={props.open} />
        </div>
    }
}

/// A loudspeaker (with sound waves, or a stop square while reading), drawn
/// so it needs no font or image file; hidden from screen readers, since the
/// button's words say what it does.
fn speaker_icon(speaking: bool) -> Html {
    html! {
        <svg class="tool-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            if speaking {
                <rect x="6" y="6" width="12" height="12" rx="1.5" fill="currentColor" />
            } else {
                <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
                <path d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12" fill="none"
                    stroke="currentColor" stroke-width="2" stroke-linecap="round" />
            }
        </svg>
    }
}

/// Two letters "A", small and large, drawn as lines: the sign for text size.
fn text_size_icon() -> Html {
    html! {
        <svg class="tool-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M2 20l5-13 5 13M4 15h6M14 20l3.5-9 3.5 9M15.3 17h4.4" fill="none"
                stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

/// Props of [`DisplayOptions`].
#[derive(Properties, PartialEq)]
pub struct DisplayOptionsProps {
    /// Whether it starts open.
    #[prop_or_default]
    pub open: bool,
}

/// Text size and colours behind a native disclosure (`<details>`): compact
/// on every screen, a tap away. Each choice is a native radio whose words
/// are its name; each size's words are shown in that size.
#[component]
pub fn DisplayOptions(props: &DisplayOptionsProps) -> Html {
    let env = use_context::<AppEnv>();
    let display = use_context::<DisplayCtx>();
    let (Some(env), Some(display)) = (env, display) else {
        return html! {};
    };
    let m = &env.messages;
    let current: Display = *display;

    let sizes = TextSize::ALL.iter().map(|&size| {
        let label = m.get(size.message_key());
        let chosen = Display {
            text_size: size,
            ..current
        };
        let checked = current.text_size == size;
        display_choice("text-size", size.class(), label, checked, &display, chosen)
    });
    let themes = Theme::ALL.iter().map(|&theme| {
        let label = m.get(theme.message_key());
        let chosen = Display { theme, ..current };
        let checked = current.theme == theme;
        display_choice("theme", theme.class(), label, checked, &display, chosen)
    });
    html! {
        <details class="display-options" open={props.open}>
            <summary class="button tool">
                { text_size_icon() }
                <span>{ m.get("display.heading") }</span>
            </summary>
            <div class="display-panel">
                <fieldset class="display-group">
                    <legend>{ m.get("display.size_label") }</legend>
                    <div class="display-choices">{ for sizes }</div>
                </fieldset>
                <fieldset class="display-group">
                    <legend>{ m.get("display.theme_label") }</legend>
                    <div class="display-choices">{ for themes }</div>
                </fieldset>
            </div>
        </details>
    }
}

/// One choice of a display group: a native radio of `group` whose words
/// (`label`) are shown in the look it picks (`sample-<class>`), setting the
/// display to `chosen` when picked. Sizes and colours are chosen alike.
fn display_choice(
    group: &'static str,
    class: &'static str,
    label: &str,
    checked: bool,
    display: &DisplayCtx,
    chosen: Display,
) -> Html {
    let display = display.clone();
    let onchange = Callback::from(move |e: Event| {
        if e.target_dyn_into::<HtmlInputElement>()
            .is_none_or(|i| i.checked())
        {
            display.set(chosen);
        }
    });
    html! {
        <label class={classes!("display-choice", format!("sample-{class}"))}>
            <input type="radio" name={group} class="display-choice-input"
                value={class} {checked} {onchange} />
            <span class="display-choice-mark" aria-hidden="true"></span>
            <span class="display-choice-text">{ label.to_owned() }</span>
        </label>
    }
}
