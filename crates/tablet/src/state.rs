//! The survey reducer shared through context: the core's [`Survey`] wrapped
//! for Yew, so every change goes through the pure [`Survey::apply`].

use candour_core::messages::Messages;
use candour_core::settings::Settings;
use candour_core::survey::{Action, Survey};
use candour_core::time::Timestamp;
use candour_web::clock::now;
use std::rc::Rc;
use yew::prelude::*;

/// The survey state as a Yew reducer.
#[derive(Clone, PartialEq)]
pub struct SurveyState(pub Survey);

impl Reducible for SurveyState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.apply(action);
        Rc::new(SurveyState(next))
    }
}

/// The survey handle every screen reads and dispatches to.
pub type SurveyCtx = UseReducerHandle<SurveyState>;

/// What every screen may need besides the survey: texts and settings.
#[derive(Clone, PartialEq)]
pub struct AppEnv {
    /// The app's own texts in the current locale.
    pub messages: Rc<Messages>,
    /// Device settings.
    pub settings: Rc<Settings>,
}

/// A callback that dispatches the action `make` builds from the event and
/// the current time, so components need no clone-and-closure boilerplate.
///
/// For example, [`crate::app::App`] gives up a survey nobody touches with
/// `action_callback(&survey, |(), now| Action::Abandon { now })`.
pub fn action_callback<E: 'static>(
    survey: &SurveyCtx,
    make: impl Fn(E, Timestamp) -> Action + 'static,
) -> Callback<E> {
    let dispatcher = survey.dispatcher();
    Callback::from(move |event: E| dispatcher.dispatch(make(event, now())))
}
