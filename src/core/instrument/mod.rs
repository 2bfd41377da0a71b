//! The instrument: its format, loading and checking, and the default questionnaire.

pub mod model;

pub use model::*;
