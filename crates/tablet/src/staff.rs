//! The staff page's root: the researcher area on a page of its own
//! (`staff.html`, its own WebAssembly), so the participant's page never
//! downloads the PIN gate, the export or the questionnaire checks, and a
//! reload always locks the area again.
//!
//! One staff window at a time (the lockout is counted down by the window
//! that holds the staff lock). It reads the settings, moves any finished
//! record still in the outbox into the record database (so the counts
//! include it), and never looks at a draft: a survey in progress belongs to
//! the participant's page.

use crate::app::already_open;
use crate::display::DisplayProvider;
use crate::hooks::use_window_lock::{use_window_lock, WindowState};
use crate::researcher::ResearcherArea;
use crate::services::local_store::LocalStore;
use crate::services::records_db::RecordsDb;
use crate::services::window_lock::STAFF_LOCK;
use crate::state::AppEnv;
use candour_core::messages::Messages;
use candour_core::storage::Repository;
use candour_web::clock::now;
use candour_web::locale::app_locale;
use candour_web::navigate::{go_to, PARTICIPANT_PAGE};
use std::rc::Rc;
use yew::prelude::*;

/// The whole staff page.
#[component]
pub fn StaffApp() -> Html {
    let env = use_memo((), |()| {
        let settings = LocalStore::open()
            .map(|store| Repository::new(store).load_settings())
            .unwrap_or_default();
        AppEnv {
            messages: Rc::new(Messages::for_locale(&app_locale())),
            settings: Rc::new(settings),
        }
    });
    let window = use_window_lock(STAFF_LOCK);
    let held = window.lock().is_some();
    use_effect_with(held, |&held| {
        if held {
            wasm_bindgen_futures::spawn_local(async {
                // A failure here is shown where it matters: the dashboard and
                // the export read the database themselves and say so in words.
                if let Ok(db) = RecordsDb::open().await {
                    let _ = db.flush_outbox(now()).await;
                }
            });
        }
    });
    match window {
        WindowState::Busy => return already_open(&env.messages, "window.staff_busy_text"),
        WindowState::Asking => {
            return html! {
                <main class="screen"><p role="status">{ env.messages.get("app.loading") }</p></main>
            }
        }
        WindowState::Held(_) => {}
    }
    // Leaving loads the participant's page afresh: new settings apply
    // everywhere, and nothing of the unlocked area stays in memory.
    let on_leave = Callback::from(|()| go_to(PARTICIPANT_PAGE));
    html! {
        <ContextProvider<AppEnv> context={(*env).clone()}>
            <DisplayProvider>
                <div class="app">
                    <ResearcherArea {on_leave} />
                </div>
            </DisplayProvider>
        </ContextProvider<AppEnv>>
    }
}
