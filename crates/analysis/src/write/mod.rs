//! The analysis files written from an export: tables (wide, long and SPSS
//! CSV), the codebook, and R and SPSS syntax that read the wide table.

mod csv_write;
pub mod dataset;
mod r_syntax;
mod spss_syntax;
pub mod syntax_text;

pub use dataset::{datasets, Dataset, LONG_HEADER};
