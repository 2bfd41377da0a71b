use super::mount::{settle, Mount};
use candour::ui::app::App;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn app_renders_the_start_screen() {
    let mount = Mount::new();
    yew::Renderer::<App>::with_root(mount.element.clone()).render();
    settle().await;
    assert!(
        mount.text().contains("Start a new survey"),
        "{}",
        mount.text()
    );
}
