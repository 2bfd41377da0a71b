//! The root component: takes the survey window lock, starts up, provides
//! the survey and texts, persists, watches for inactivity, and shows the
//! screen the survey is on.

use crate::display::DisplayProvider;
use crate::hooks::use_idle::use_idle;
use crate::hooks::use_persistence::use_persistence;
use crate::hooks::use_startup::use_startup;
use crate::hooks::use_window_lock::{use_window_lock, WindowState};
use crate::screens::consent::ConsentScreen;
use crate::screens::ended::EndedScreen;
use crate::screens::question::QuestionScreen;
use crate::screens::review::ReviewScreen;
use crate::screens::start::StartScreen;
use crate::screens::still_there::StillThereDialog;
use crate::services::locale::with_display_texts;
use crate::services::startup::{EarlyOpen, Startup};
use crate::services::window_lock::{WindowLock, SURVEY_LOCK};
use crate::state::{action_callback, AppEnv, SurveyState};
use candour_core::messages::Messages;
use candour_core::survey::{Action, Screen, Survey};
use candour_web::locale::app_locale;
use candour_web::navigate::{go_to, STAFF_PAGE};
use std::rc::Rc;
use yew::prelude::*;

/// Props of the whole app.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The record database asked for before the first render
    /// ([`EarlyOpen::begin`]); without one, start-up asks for it itself.
    #[prop_or_default]
    pub early: EarlyOpen,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    // One survey window at a time: nothing is read or written before this
    // window holds the lock, so a second window writes nothing.
    let window = use_window_lock(SURVEY_LOCK);
    let startup = use_startup(window.lock().is_some(), &props.early);
    let settings = startup.as_ref().map(|s| s.settings.clone());
    let env = use_memo(settings, |settings| AppEnv {
        messages: Rc::new(Messages::for_locale(&app_locale())),
        settings: Rc::new(settings.clone().unwrap_or_default()),
    });
    if window == WindowState::Busy {
        return already_open(&env.messages, "window.busy_text");
    }
    // Storage is opened asynchronously (IndexedDB): nothing can start
    // before it is known to work.
    let (Some(startup), Some(lock)) = (startup, window.lock()) else {
        return html! {
            <main class="screen"><p role="status">{ env.messages.get("app.loading") }</p></main>
        };
    };
    match &startup.survey {
        Some(survey) => html! {
            <ContextProvider<AppEnv> context={(*env).clone()}>
                <SurveyApp survey={survey.clone()} startup={startup.clone()} {lock} />
            </ContextProvider<AppEnv>>
        },
        None => html! {
            <main class="screen">
                <h1>{ env.messages.get("start.heading") }</h1>
                <p class="notice warning" role="alert">{ env.messages.get("instrument.broken") }</p>
            </main>
        },
    }
}

/// What a second window shows: that Candour is open elsewhere, in words.
/// It waits, writing nothing, and becomes the app once the other window is
/// closed.
pub fn already_open(m: &Messages, text_key: &str) -> Html {
    html! {
        <main class="screen">
            <h1>{ m.get("window.busy_heading") }</h1>
            <p class="notice warning" role="alert">{ m.get(text_key) }</p>
        </main>
    }
}

#[derive(Properties)]
struct SurveyAppProps {
    survey: Survey,
    startup: Rc<Startup>,
    lock: Rc<WindowLock>,
}

impl PartialEq for SurveyAppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.startup, &other.startup) && Rc::ptr_eq(&self.lock, &other.lock)
    }
}

/// The participant's path, once an instrument is loaded.
#[component]
fn SurveyApp(props: &SurveyAppProps) -> Html {
    let survey = use_reducer({
        let initial = props.survey.clone();
        move || SurveyState(with_display_texts(initial))
    });
    let env = use_context::<AppEnv>();
    let saving = use_persistence(
        &survey,
        props.startup.db.clone(),
        props.lock.clone(),
        props.startup.next_rev,
        props.startup.maker.clone(),
    );
    let save_problem = saving.problem.clone();
    let settings = env.as_ref().map(|e| e.settings.clone()).unwrap_or_default();
    let in_survey = survey.0.draft.is_some();
    let on_abandon = action_callback(&survey, |(), now| Action::Abandon { now });
    let idle = use_idle(
        in_survey,
        settings.idle_seconds,
        settings.still_there_seconds,
        on_abandon,
    );
    {
        // Tell the offline worker the app is at rest, so a waiting new build
        // may take over now rather than in the middle of someone's survey.
        let at_rest = survey.0.screen() == Screen::Start;
        use_effect_with(at_rest, |&at_rest| {
            if at_rest {
                if let (Some(window), Ok(event)) =
                    (web_sys::window(), web_sys::Event::new("candour:at-rest"))
                {
                    let _ = window.dispatch_event(&event);
                }
            }
        });
    }
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    if saving.window_lost {
        return already_open(m, "window.lost");
    }

    // A failed save blocks new surveys too: none may start pretending to save.
    let storage_problem = props
        .startup
        .storage_problem
        .as_ref()
        .or(save_problem.as_ref())
        .map(|e| AttrValue::from(e.for_staff(m)));
    let notices: Vec<String> = props
        .startup
        .instrument_problem
        .as_ref()
        .map(|p| {
            m.fill(
                "researcher.instrument_fallback",
                &[("reason", &p.in_words(m))],
            )
        })
        .into_iter()
        .chain(
            props
                .startup
                .kept_partial
                .then(|| m.get("start.saved_partial").to_owned()),
        )
        .collect();
    let notice = (!notices.is_empty()).then(|| AttrValue::from(notices.join(" ")));

    let screen = match survey.0.screen() {
        Screen::Start => {
            // Discreet: small and last, for staff and researchers, not a
            // participant's eye; the PIN keeps everyone else out. The area
            // is a page of its own, so its code never loads here.
            let open = Callback::from(|_: MouseEvent| go_to(STAFF_PAGE));
            html! {
                <>
                    <StartScreen blocked={storage_problem} {notice} db={props.startup.db.clone()} />
                    <footer class="screen researcher-entry">
                        <button type="button" class="button quiet small" onclick={open}>
                            { m.get("researcher.open") }
                        </button>
                    </footer>
                </>
            }
        }
        Screen::Consent => html! { <ConsentScreen /> },
        Screen::Question(item) => {
            html! { <QuestionScreen key={item.variable.clone()} variable={item.variable.clone()} /> }
        }
        Screen::Review => html! { <ReviewScreen /> },
        Screen::Ended(ending) => html! { <EndedScreen {ending} /> },
    };
    let asking = idle.asking.filter(|_| in_survey);

    html! {
        <ContextProvider<crate::state::SurveyCtx> context={survey.clone()}>
            <DisplayProvider>
                <div class="app" inert={asking.is_some()}>
                    if let Some(problem) = &save_problem {
                        <p class="notice warning save-problem" role="alert">
                            { problem.for_participant(m) }
                        </p>
                    }
                    { screen }
                </div>
                if let Some(seconds_left) = asking {
                    <StillThereDialog {seconds_left} on_still_here={idle.still_here.clone()} />
                }
            </DisplayProvider>
        </ContextProvider<crate::state::SurveyCtx>>
    }
}
