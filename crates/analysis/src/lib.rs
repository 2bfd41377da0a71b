//! Candour's analysis side: everything the workbench and the command-line
//! tool do with exports that the tablet never does. It writes the analysis
//! files (wide, long and SPSS CSV, codebook, R, SPSS and Stata syntax),
//! combines exports from several tablets, and summarises them with
//! small-count suppression.
//!
//! Like `candour-core`, it imports nothing from the browser, so it is tested
//! natively. The tablet app does not depend on this crate, so none of it can
//! reach a participant's download.

pub mod codebook;
pub mod combine;
pub mod csv_cell;
pub mod open;
pub mod sealing;
pub mod summary;
mod words;
pub mod write;
