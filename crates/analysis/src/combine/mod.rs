//! Combining exports from several tablets: the merge rules ([`merge`]) and
//! the picked files around them ([`files`]).

pub mod files;
mod merge;

pub use files::*;
pub use merge::{merge, FileOutcome, InstrumentCount, MergeReport};
