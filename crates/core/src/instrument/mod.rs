//! The instrument: its format, loading and checking, and the default questionnaire.

mod check;
pub mod default;
pub mod load;
pub mod model;
pub mod problem;
mod query;

pub use model::*;
