//! The tablet app: the participant's path and the small staff area.
//!
//! A thin browser layer: Yew components, hooks and small services over
//! browser APIs. Every decision is made by `candour-core`; this layer renders
//! state, turns events into actions, and talks to the browser. It never
//! depends on `candour-analysis`, so no analysis code reaches a participant.

#![cfg(target_arch = "wasm32")]

pub mod app;
pub mod display;
pub mod hooks;
pub mod researcher;
pub mod screens;
pub mod services;
pub mod settings;
pub mod state;
pub mod widgets;

/// Installs the panic hook, asks for the record database, and mounts the
/// app on `<body>`.
pub fn start() {
    candour_web::panic_screen::install();
    services::startup::open_early();
    yew::Renderer::<app::App>::new().render();
}
