//! Candour's pure core: everything that can be decided without a browser,
//! shared by the tablet app, the workbench and the command-line tool.
//!
//! Nothing under this module imports `yew`, `web-sys`, `gloo` or `wasm-bindgen`,
//! so all of it is tested natively with `cargo test`.

pub mod answer;
pub mod answer_text;
pub mod condition;
mod error_words;
pub mod export;
pub mod found;
pub mod glossary;
pub mod hash;
pub mod id;
pub mod ident;
pub mod idle;
pub mod instrument;
pub mod locale;
pub mod messages;
pub mod participant_code;
pub mod pseudo;
pub mod read_aloud;
pub mod receipt;
pub mod record;
pub mod researcher;
pub mod scoring;
pub mod screen;
pub mod seal;
pub mod service_code;
pub mod settings;
pub mod storage;
pub mod survey;
pub mod text;
pub mod time;
mod typed_code;
pub mod validate;
pub mod visibility;
pub mod window_lease;

/// The app's version, stored in every record and export (one version for
/// the whole workspace).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
