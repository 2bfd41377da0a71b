//! The browser layer: Yew components, hooks and small services over browser
//! APIs. Every decision is made by the pure core; this layer renders state,
//! turns events into actions, and talks to the browser.

pub mod app;
pub mod display;
pub mod hooks;
pub mod panic_screen;
pub mod researcher;
pub mod screens;
pub mod services;
pub mod settings;
pub mod state;
pub mod widgets;

/// Installs the panic hook, asks for the record database, and mounts the
/// app on `<body>`.
pub fn start() {
    panic_screen::install();
    services::startup::open_early();
    yew::Renderer::<app::App>::new().render();
}
