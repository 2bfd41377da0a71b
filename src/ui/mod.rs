//! The browser layer: Yew components, hooks and small services over browser APIs.

pub mod app;
pub mod panic_screen;

/// Installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    panic_screen::install();
    yew::Renderer::<app::App>::new().render();
}
