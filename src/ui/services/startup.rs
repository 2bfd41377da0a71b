//! What the app finds when it starts: the instrument, the settings, whether
//! storage works, and a draft to resume or keep.

use crate::core::instrument::default::default_instrument;
use crate::core::settings::Settings;
use crate::core::storage::{recover_draft, Recovery, Repository, StoreError};
use crate::core::survey::{Action, Survey};
use crate::ui::services::clock::now;
use crate::ui::services::local_store::LocalStore;
use std::rc::Rc;

/// The state the app starts in.
pub struct Startup {
    /// The survey state (resumed when a recent draft was found).
    pub survey: Option<Survey>,
    /// Device settings.
    pub settings: Settings,
    /// Why storage cannot be used, if it cannot.
    pub storage_problem: Option<StoreError>,
    /// True when an abandoned draft was just kept as a partial record.
    pub kept_partial: bool,
}

/// Loads everything the first screen needs. Never panics: each failure is
/// carried to the screen that says it in words.
pub fn start_up() -> Startup {
    let survey = default_instrument()
        .ok()
        .map(|instrument| Survey::new(Rc::new(instrument)));
    let mut startup = Startup {
        survey,
        settings: Settings::default(),
        storage_problem: None,
        kept_partial: false,
    };
    let store = match LocalStore::open() {
        Ok(store) => store,
        Err(e) => {
            startup.storage_problem = Some(e);
            return startup;
        }
    };
    let mut repo = Repository::new(store);
    startup.settings = repo.load_settings();
    if let Some(survey) = startup.survey.as_mut() {
        let instrument = survey.instrument.clone();
        match recover_draft(&mut repo, &instrument, &startup.settings, now()) {
            Ok(Recovery::Resume(draft)) => survey.apply(Action::Resume(draft)),
            Ok(Recovery::KeptAsPartial(_)) => startup.kept_partial = true,
            Ok(Recovery::Nothing | Recovery::Discarded) => {}
            Err(e) => startup.storage_problem = Some(e),
        }
    }
    startup
}
