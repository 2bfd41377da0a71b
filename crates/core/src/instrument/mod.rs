//! The instrument: its format, loading and checking, and the default questionnaire.

mod check;
pub mod default;
pub mod load;
pub mod model;
pub mod problem;
pub mod pseudo_translation;
mod query;
mod scale_codes;
pub mod texts;

pub use model::*;
pub use scale_codes::{FIVE_POINT_CODES, YES_NO_NOT_SURE_CODES};

/// Builds a small instrument file around test sections, for the tests of
/// every module (one header, so a new required field is added once).
#[cfg(test)]
pub(crate) use check::tests::with_sections;
