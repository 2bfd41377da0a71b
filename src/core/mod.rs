//! The pure core: everything that can be decided without a browser.
//!
//! Nothing under this module imports `yew`, `web-sys`, `gloo` or `wasm-bindgen`,
//! so all of it is tested natively with `cargo test`.

pub mod answer;
pub mod instrument;
pub mod text;
pub mod condition;
pub mod visibility;
