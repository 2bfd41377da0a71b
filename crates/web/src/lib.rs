//! Small services over browser APIs that both Candour pages (the tablet app
//! and the workbench) use, each behind narrow functions that return `Result`
//! (never panicking on what the browser refuses). Decisions live in
//! `candour-core`; this crate only talks to the browser.
#![cfg(target_arch = "wasm32")]

pub mod clock;
pub mod download;
pub mod file_pick;
pub mod locale;
pub mod navigate;
pub mod panic_screen;
pub mod timing;
