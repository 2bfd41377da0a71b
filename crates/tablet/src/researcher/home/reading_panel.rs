//! The reading and display defaults (voice, speed, reading by itself, text
//! size, colours), saved to the device settings on every change.

use crate::services::local_store::LocalStore;
use crate::settings::reading::ReadingSettings;
use crate::state::AppEnv;
use candour_core::settings::Settings;
use candour_core::storage::Repository;
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
    let problem = use_state(|| None::<String>);
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let on_change = {
        let (settings, problem) = (settings.clone(), problem.clone());
        Callback::from(move |next: Settings| {
            let saved = LocalStore::open()
                .map(Repository::new)
                .and_then(|mut repo| repo.save_settings(&next));
            problem.set(saved.err().map(|e| e.to_string()));
            settings.set(next);
        })
    };
    html! {
        <section class="panel" aria-labelledby="reading-heading">
            <h2 id="reading-heading">{ m.get("researcher.reading_heading") }</h2>
            <ReadingSettings settings={(*settings).clone()} {on_change} />
            if let Some(problem) = &*problem {
                <p class="notice warning" role="alert">{ problem.clone() }</p>
            }
        </section>
    }
}
