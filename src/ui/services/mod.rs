//! Small services over browser APIs, each behind narrow functions that
//! return `Result` (never panicking on what the browser refuses).

pub mod clock;
pub mod local_store;
pub mod startup;
