//! The workbench's entry point (WebAssembly only).

fn main() {
    #[cfg(target_arch = "wasm32")]
    candour_workbench::start();
}
