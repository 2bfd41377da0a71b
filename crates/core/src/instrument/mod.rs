//! The instrument: its format, loading and checking, and the default questionnaire.

mod check;
pub mod default;
pub mod load;
pub mod model;
pub mod problem;
pub mod pseudo_translation;
mod query;
mod texts;

pub use model::*;
