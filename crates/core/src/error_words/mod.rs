//! The core's errors in the reader's language: the same sentences as their
//! English `Display` (which the command-line tool, logs and tests use), but
//! taken from the locale files, so that a researcher or member of staff
//! never reads English on a page shown in another language. The pattern is
//! [`crate::validate::AnswerError::in_words`]'s: one `in_words` per error.
//!
//! What an error carries that is not a sentence (a file name, a record id,
//! a parser's or the browser's own words about a fault) is put into the
//! sentence as it came.

mod export;
mod found;
mod import;
mod instrument;
mod setup;
mod storage;
