//! The staff page's entry point (WebAssembly only): see `staff.html`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    candour_tablet::start_staff();
}
