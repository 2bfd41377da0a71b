//! Opening export files: pick them, see what each holds, combine them and
//! download the combined data in every analysis format.

mod downloads;
mod panel;
mod report;

pub use panel::ImportPanel;
