//! The app's entry point: mounts the browser layer (WebAssembly only).

fn main() {
    #[cfg(target_arch = "wasm32")]
    candour_tablet::start();
}
