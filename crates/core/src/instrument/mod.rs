//! The instrument: its format, loading and checking, and the default questionnaire.

mod check;
pub mod default;
pub mod load;
pub mod model;
pub mod problem;
pub mod pseudo_translation;
mod query;
mod scale_codes;

pub use model::*;
pub use scale_codes::{FIVE_POINT_CODES, YES_NO_NOT_SURE_CODES};
