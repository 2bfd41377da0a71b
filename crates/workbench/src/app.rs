//! The workbench's root component.

use crate::env::AppEnv;
use crate::open::ImportPanel;
use candour_core::messages::Messages;
use candour_web::locale::app_locale;
use std::rc::Rc;
use yew::prelude::*;

/// The whole workbench page.
#[component]
pub fn App() -> Html {
    let env = use_memo((), |()| AppEnv {
        messages: Rc::new(Messages::for_locale(&app_locale())),
    });
    let m = &env.messages;
    html! {
        <ContextProvider<AppEnv> context={(*env).clone()}>
            <main class="screen workbench">
                <h1>{ m.get("workbench.heading") }</h1>
                <ImportPanel />
            </main>
        </ContextProvider<AppEnv>>
    }
}
