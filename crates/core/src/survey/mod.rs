//! The participant's path through a survey, as pure state and actions: the
//! browser layer wraps [`Survey::apply`] in a Yew reducer and persists what
//! it produces.

pub mod action;
pub mod draft;
mod navigate;
pub mod reach;
pub mod state;

pub use action::Action;
pub use draft::{Draft, Position};
pub use state::{Ending, Problem, Screen, Survey};
