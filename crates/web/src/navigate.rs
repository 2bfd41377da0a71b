//! Moving between Candour's pages (the tablet app, its staff area and the
//! workbench), which are separate HTML pages, each with its own WebAssembly.
//! The address's query (`?locale=...`) goes along, so a page opened from
//! another speaks the same language. Every address is relative, so this
//! works wherever the app is served (the root of a site or a folder).

/// The tablet app's participant page.
pub const PARTICIPANT_PAGE: &str = "./";
/// The tablet's staff area.
pub const STAFF_PAGE: &str = "staff.html";
/// The researcher's workbench.
pub const WORKBENCH_PAGE: &str = "workbench.html";

/// Opens `page` (one of the constants above) in this window, keeping the
/// current address's query. Loading a page is a fresh start: nothing of the
/// page left behind stays in memory.
pub fn go_to(page: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let query = location.search().unwrap_or_default();
    // If the browser refuses, the person stays where they are and can try
    // again; nothing is lost by staying.
    let _ = location.assign(&format!("{page}{query}"));
}
