//! Candour: a private, offline feedback questionnaire for clinic tablets.
pub mod core;
