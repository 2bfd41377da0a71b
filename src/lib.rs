//! Candour: a private, offline feedback questionnaire for clinic tablets.
//!
//! [`core`] holds every decision that needs no browser and is tested natively;
//! [`ui`] is the thin browser layer (Yew components and services), built only
//! for WebAssembly.

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's version, stored in every record.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
