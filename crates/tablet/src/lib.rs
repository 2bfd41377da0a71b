//! The tablet app: the participant's path and the small staff area, as two
//! pages with a WebAssembly each (bins `candour-tablet` and `candour-staff`),
//! so the participant's page carries none of the staff area's code.
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
pub mod staff;
pub mod state;
pub mod widgets;

/// The participant's page (`index.html`): installs the panic hook, asks
/// for the record database, and mounts the app on `<body>`.
pub fn start() {
    candour_web::panic_screen::install();
    let early = services::startup::EarlyOpen::begin();
    yew::Renderer::<app::App>::with_props(app::AppProps { early }).render();
}

/// The staff page (`staff.html`): installs the panic hook and mounts the
/// staff area on `<body>`.
pub fn start_staff() {
    candour_web::panic_screen::install();
    yew::Renderer::<staff::StaffApp>::new().render();
}
