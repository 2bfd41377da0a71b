//! Saves the draft and any finished record the moment the survey changes.

use crate::core::storage::{Repository, StoreError};
use crate::ui::services::local_store::LocalStore;
use crate::ui::state::SurveyCtx;
use yew::prelude::*;

/// Saves after every change of the draft or the finished record, and returns
/// the last save failure, if any, for the screen to say in words.
///
/// The finished record is written before the draft is cleared, so a crash
/// between the two leaves a draft (which recovery turns into a record), never
/// nothing.
///
/// ```ignore
/// let save_problem = use_persistence(&survey);
/// ```
#[hook]
pub fn use_persistence(survey: &SurveyCtx) -> Option<StoreError> {
    let problem = use_state(|| None::<StoreError>);
    {
        let problem = problem.clone();
        let deps = (survey.0.draft.clone(), survey.0.finished.clone());
        use_effect_with(deps, move |(draft, finished)| {
            let outcome = save(draft.as_ref(), finished.as_ref());
            if *problem != outcome.clone().err() {
                problem.set(outcome.err());
            }
        });
    }
    (*problem).clone()
}

fn save(
    draft: Option<&crate::core::survey::Draft>,
    finished: Option<&crate::core::record::ResponseRecord>,
) -> Result<(), StoreError> {
    let mut repo = Repository::new(LocalStore::open()?);
    if let Some(record) = finished {
        repo.save_record(record)?;
    }
    match draft {
        Some(draft) => repo.save_draft(draft),
        None => repo.clear_draft(),
    }
}
