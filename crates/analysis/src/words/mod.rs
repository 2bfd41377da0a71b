//! This crate's errors and findings in the researcher's language, the
//! pattern of `candour_core`'s errors: one `in_words` each, the same
//! sentences as the English the command-line tool prints (`Display`, or
//! the `open::verification` functions), taken from the workbench's locale
//! file (`locales/workbench/en.json`).

mod errors;
mod findings;
mod verification;
