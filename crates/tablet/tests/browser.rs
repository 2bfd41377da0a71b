//! Browser tests (wasm-bindgen-test in headless Chromium) for components and
//! browser services. Run by scripts/test.sh with
//! `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "browser/app.rs"]
mod app;
#[path = "browser/fault_words.rs"]
mod fault_words;
#[path = "browser/hook_examples.rs"]
mod hook_examples;
#[path = "browser/key_derivation.rs"]
mod key_derivation;
#[path = "browser/mount.rs"]
mod mount;
#[path = "browser/panic_screen.rs"]
mod panic_screen;
#[path = "browser/reading.rs"]
mod reading;
#[path = "browser/records_db.rs"]
mod records_db;
#[path = "browser/signing_key.rs"]
mod signing_key;
#[path = "browser/widget_host.rs"]
mod widget_host;
#[path = "browser/widgets.rs"]
mod widgets;
#[path = "browser/widgets_v2.rs"]
mod widgets_v2;
