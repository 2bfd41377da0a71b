use super::mount::{document, Mount};
use candour_web::panic_screen::{show_in, PANIC_SCREEN_ID};
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn panic_screen_replaces_the_content_with_a_calm_message_and_start_again() {
    let mount = Mount::new();
    mount.element.set_inner_html("<p>a frozen question</p>");
    show_in(&document(), &mount.element).expect("panic screen renders");

    assert!(!mount.text().contains("a frozen question"));
    let screen = document()
        .get_element_by_id(PANIC_SCREEN_ID)
        .expect("panic screen present");
    assert_eq!(screen.get_attribute("role").as_deref(), Some("alert"));
    let text = screen.text_content().unwrap_or_default();
    assert!(text.contains("Sorry, something went wrong"), "{text}");
    assert!(text.contains("Your answers so far are saved"), "{text}");
    let button = screen
        .query_selector("form button[type=submit]")
        .expect("query")
        .expect("button");
    assert_eq!(button.text_content().as_deref(), Some("Start again"));
}
