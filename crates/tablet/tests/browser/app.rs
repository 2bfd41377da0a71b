use super::mount::{settle, Mount};
use candour_tablet::app::App;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn app_renders_the_start_screen() {
    let mount = Mount::new();
    yew::Renderer::<App>::with_root(mount.element.clone()).render();
    // Start-up opens IndexedDB first: wait for the start screen (a
    // condition, bounded), not a fixed time.
    for _ in 0..500 {
        if mount.text().contains("Start a new survey") {
            break;
        }
        settle().await;
    }
    assert!(
        mount.text().contains("Start a new survey"),
        "{}",
        mount.text()
    );
}
