//! The reading and display defaults (voice, speed, reading by itself, text
//! size, colours), saved to the device settings on every change.

use crate::services::local_store::LocalStore;
use crate::settings::reading::ReadingSettings;
use crate::state::AppEnv;
use candour_core::settings::Settings;
use candour_core::storage::{Repository, StoreError};
use yew::prelude::*;

/// The section holding [`ReadingSettings`]; a failed save is said in words.
#[component]
pub fn ReadingPanel() -> Html {
    let env = use_context::<AppEnv>();
    let settings = use_state(|| {
        LocalStore::open()
            .map(|s| Repository::new(s).load_settings())
            .unwrap_or_default()
    });
    let problem = use_state(|| None::<StoreError>);
    let Some(env) = env else {
        return html! {};
    };
    let on_change = {
        let (settings, problem) = (settings.clone(), problem.clone());
        Callback::from(move |next: Settings| {
            // Only the reading fields are taken from `next`, which was built
            // from what this panel read at mount: the rest is what is stored
            // now, perhaps changed meanwhile by the device panel.
            let saved = LocalStore::open()
                .map(Repository::new)
                .and_then(|mut repo| repo.update_settings(|now| now.with_reading_of(&next)));
            match saved {
                Ok(saved) => {
                    problem.set(None);
                    settings.set(saved);
                }
                Err(e) => {
                    problem.set(Some(e));
                    settings.set(next);
                }
            }
        })
    };
    html! {
        // The settings carry their own heading, which names the panel.
        <section class="panel" aria-labelledby="reading-settings-heading">
            <ReadingSettings settings={(*settings).clone()} {on_change} />
            if let Some(problem) = &*problem {
                <p class="notice warning" role="alert">{ problem.in_words(&env.messages) }</p>
            }
        </section>
    }
}
