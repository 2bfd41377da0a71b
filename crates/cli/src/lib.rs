//! The command-line tool's library: reading the command line, running a
//! verb and the research key's handling, here so that native tests run the
//! very code `main` runs.

pub mod args;
pub mod key;
pub mod run;
