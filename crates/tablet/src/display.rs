//! How the participant's screens look and which language they speak: the
//! text size and colours a participant chose, and the survey's locale, put
//! on the page's root element (`<html class="text-large theme-contrast"
//! lang="ar" dir="rtl">`) where the stylesheet and assistive technology
//! read them.

use crate::state::{AppEnv, SurveyCtx};
use candour_core::locale;
use candour_core::messages::Messages;
use candour_core::settings::{TextSize, Theme};
use candour_web::locale::mark_page_language;
use std::rc::Rc;
use yew::prelude::*;

/// The participant's display choices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display {
    /// The text size.
    pub text_size: TextSize,
    /// The colours.
    pub theme: Theme,
}

/// The display choices, shared through context: read them, or `set` new ones.
pub type DisplayCtx = UseStateHandle<Display>;

/// Props of [`DisplayProvider`].
#[derive(Properties, PartialEq)]
pub struct DisplayProviderProps {
    /// The screens.
    pub children: Html,
}

/// Holds the participant's display choices and applies them, with the
/// survey's language and direction, to the page's root element. Each new
/// survey starts from the researcher's defaults, never from the last
/// participant's choice.
///
/// Inside a survey, the app's texts follow the survey's own locale (the one
/// its record stores), so a survey resumed after a reload keeps speaking
/// its language.
#[component]
pub fn DisplayProvider(props: &DisplayProviderProps) -> Html {
    let env = use_context::<AppEnv>();
    let survey = use_context::<SurveyCtx>();
    let defaults = env.as_ref().map_or_else(Display::default, |e| Display {
        text_size: e.settings.text_size,
        theme: e.settings.theme,
    });
    let display = use_state_eq(|| defaults);
    let draft_id = survey
        .as_ref()
        .and_then(|s| s.0.draft.as_ref().map(|d| d.id.clone()));
    {
        let display = display.clone();
        use_effect_with((draft_id, defaults), move |(_, defaults)| {
            display.set(*defaults);
        });
    }

    let app_locale = env.as_ref().map_or_else(
        || locale::DEFAULT_LOCALE.to_owned(),
        |e| e.messages.locale().to_owned(),
    );
    let shown_locale = survey
        .as_ref()
        .and_then(|s| s.0.draft.as_ref().map(|d| d.locale.clone()))
        .unwrap_or(app_locale);
    let env = use_memo((env, shown_locale.clone()), |(env, shown)| {
        env.clone().map(|env| {
            if env.messages.locale() == shown {
                env
            } else {
                AppEnv {
                    messages: Rc::new(Messages::for_locale(shown)),
                    ..env
                }
            }
        })
    });

    use_effect_with((*display, shown_locale), |(display, shown)| {
        apply_to_root(display, shown);
    });

    let children = props.children.clone();
    let inner = match (*env).clone() {
        Some(env) => {
            html! { <ContextProvider<AppEnv> context={env}>{ children }</ContextProvider<AppEnv>> }
        }
        None => children,
    };
    html! {
        <ContextProvider<DisplayCtx> context={display}>{ inner }</ContextProvider<DisplayCtx>>
    }
}

/// Puts the display classes, `lang` and `dir` on `<html>` (the last two
/// through [`mark_page_language`], as the workbench does). Classes of
/// others on the root are kept; only this module's own are replaced.
fn apply_to_root(display: &Display, locale_code: &str) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let ours = |class: &str| class.starts_with("text-") || class.starts_with("theme-");
    let mut classes: Vec<String> = root
        .get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|c| !ours(c))
        .map(str::to_owned)
        .collect();
    classes.push(display.text_size.class().to_owned());
    classes.push(display.theme.class().to_owned());
    // Nothing more to do if the browser refuses: the page keeps its look.
    let _ = root.set_attribute("class", &classes.join(" "));
    mark_page_language(locale_code);
}
