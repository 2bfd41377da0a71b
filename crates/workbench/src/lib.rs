//! The Candour workbench: the researcher's own page, usually on their own
//! computer, for opening, checking, combining and summarising exports and
//! writing the analysis files. Its own WebAssembly, loaded only when the
//! page is opened, so a participant never downloads it.
//!
//! Every decision is `candour-analysis`'s pipeline (open and check,
//! combine, summarise, write), the same the command-line tool runs; these
//! components only run its steps one at a time, yielding to the browser
//! between them, and draw what they return.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod env;
pub mod key;
pub mod notice;
pub mod open;
pub mod progress;
pub mod summary;
pub mod work;
pub mod write;

/// Installs the panic hook and mounts the workbench on `<body>`.
pub fn start() {
    candour_web::panic_screen::install();
    yew::Renderer::<app::App>::new().render();
}
