//! Custom hooks, one per file.

pub mod use_countdown;
pub mod use_focus_heading;
pub mod use_idle;
pub mod use_persistence;
