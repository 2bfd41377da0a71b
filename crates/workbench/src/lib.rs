//! The Candour workbench: the researcher's own page, usually on their own
//! computer, for opening, checking, combining and summarising exports and
//! writing the analysis files. Its own WebAssembly, loaded only when the
//! page is opened, so a participant never downloads it.
#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod env;
pub mod open;

/// Installs the panic hook and mounts the workbench on `<body>`.
pub fn start() {
    candour_web::panic_screen::install();
    yew::Renderer::<app::App>::new().render();
}
