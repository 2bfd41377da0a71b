//! The analysis files written from an export: tables (wide, long and SPSS
//! CSV), the codebook, and R, SPSS and Stata syntax that read the wide
//! table.

mod csv_write;
pub mod dataset;
pub(crate) mod escape;
mod r_syntax;
mod spss_syntax;
mod stata_syntax;
pub mod syntax_text;

pub use dataset::{datasets, Dataset, LONG_HEADER};
