//! The examples of the hooks' and services' doc comments, here so that
//! they are compiled with every build of the browser tests (doc tests do
//! not run for a WebAssembly-only crate) and cannot drift from the code.
//! Each is what the doc comment shows; where a hook needs the app's whole
//! state (`use_startup`, `use_window_lock`, `use_persistence`), the doc
//! points at its one real use in `App` instead.

use super::mount::{document, settle, Mount};
use candour_core::instrument::default::default_instrument;
use candour_core::messages::Messages;
use candour_core::read_aloud::{consent_script, Part};
use candour_tablet::hooks::use_area_lock::{use_area_lock, LockReason};
use candour_tablet::hooks::use_countdown::use_countdown;
use candour_tablet::hooks::use_flush_on_hide::use_flush_on_hide;
use candour_tablet::hooks::use_focus_heading::use_focus_heading;
use candour_tablet::hooks::use_idle::use_idle;
use candour_tablet::hooks::use_lockout_clock::use_lockout_clock;
use candour_tablet::hooks::use_offline_copy::use_offline_copy;
use candour_tablet::hooks::use_read_aloud::{use_read_aloud, ReadingNow};
use candour_tablet::hooks::use_still_shown::{use_still_shown, StillShown};
use candour_tablet::hooks::use_voices::use_voices;
use candour_tablet::services::key_derivation::derive_key;
use candour_tablet::services::records_db::RecordsDb;
use candour_tablet::services::signing_key::TabletKey;
use candour_tablet::services::storage_probe::prove_room;
use candour_web::clock::now;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::prelude::*;

/// `use_idle`: ask "Are you still there?" after 3 minutes, give up 30 s later.
#[component]
fn IdleExample() -> Html {
    let idle = use_idle(true, 180, 30, Callback::from(|()| { /* keep the draft */ }));
    match idle.asking {
        Some(left) => html! { <p>{ left }</p> },
        None => html! {},
    }
}

/// `use_countdown`: the thank-you screen's 15 seconds.
#[component]
fn CountdownExample() -> Html {
    let left = use_countdown(15, true, Callback::from(|()| { /* back to the start */ }));
    html! { <span class="countdown">{ left }</span> }
}

/// `use_area_lock`: lock the researcher area after 5 minutes untouched.
#[component]
fn AreaLockExample() -> Html {
    use_area_lock(
        true,
        300,
        Callback::from(|_why: LockReason| { /* lock the area */ }),
    );
    html! {}
}

/// `use_flush_on_hide`: save everything when the page is hidden.
#[component]
fn FlushOnHideExample() -> Html {
    use_flush_on_hide(Callback::from(|()| { /* save everything now */ }));
    html! {}
}

/// `use_focus_heading`: move focus to the heading when the question changes.
#[component]
fn FocusHeadingExample() -> Html {
    let heading = use_focus_heading("a1_confidence".to_owned());
    html! { <h1 ref={heading} tabindex="-1">{ "Question" }</h1> }
}

/// `use_lockout_clock`: how long a wrong PIN still makes staff wait.
#[component]
fn LockoutClockExample() -> Html {
    let clock = use_lockout_clock();
    clock.catch_up.emit(());
    match clock.wait_ms {
        Some(ms) => html! { <p>{ ms }</p> },
        None => html! {},
    }
}

/// `use_offline_copy`: the "Ready without network" mark.
#[component]
fn OfflineCopyExample() -> Html {
    let offline = use_offline_copy();
    html! { if offline.is_ready() { <p>{ "ready" }</p> } }
}

/// `use_voices`: no read-aloud button where the device has no voice.
#[component]
fn VoicesExample() -> Html {
    let voices = use_voices();
    html! { if !voices.is_empty() { <button>{ "read" }</button> } }
}

/// `use_read_aloud` and `ReadingNow`: a button that reads the consent
/// screen, and a tile highlighted while it is read.
#[component]
fn ReadAloudExample() -> Html {
    let instrument = default_instrument().unwrap_or_else(|_| unreachable!("the default loads"));
    let reader = use_read_aloud(consent_script(&instrument, "en", &Messages::english()));
    let reading = use_context::<ReadingNow>().unwrap_or_default();
    let class = classes!(
        "answer-tile",
        reading.is(&Part::Choice(3)).then_some("reading")
    );
    html! {
        <>
            if reader.available {
                <button onclick={reader.toggle.reform(|_| ())}>{ "read" }</button>
            }
            <div {class} />
        </>
    }
}

/// `RecordsDb`: export, then mark exported once the file is saved.
async fn records_db_example() -> Result<(), candour_core::storage::StoreError> {
    let db = RecordsDb::open().await?;
    let loaded = db.load_all(now()).await?;
    db.mark_exported(&loaded.records, now()).await?;
    prove_room(Some(&db), 40).await?; // then start the survey
    Ok(())
}

/// `TabletKey`: the tablet's signing key, made on first need.
async fn signing_key_example(
) -> Result<Vec<u8>, candour_tablet::services::signing_key::SigningError> {
    let key = TabletKey::load_or_create().await?;
    key.sign(b"the export's bytes").await
}

/// `derive_key`: the slow hash of a typed PIN, compared with the stored one.
async fn derive_key_example(stored: &candour_core::researcher::slow_hash::SlowHash) -> bool {
    let Some(derivation) = stored.derivation() else {
        return false;
    };
    match derive_key("402718", &derivation).await {
        Ok(derived) => stored.matches(&derived),
        Err(_) => false,
    }
}

/// `use_still_shown`: work that ends after its screen went away does nothing.
#[component]
fn StillShownExample(props: &StillShownProps) -> Html {
    let shown = use_still_shown();
    *props.keep.borrow_mut() = Some(shown.clone());
    html! { <p class="still-shown">{ if shown.get() { "shown" } else { "gone" } }</p> }
}

/// Where [`StillShownExample`] leaves its flag for the test to read.
#[derive(Properties, PartialEq)]
struct StillShownProps {
    keep: Rc<RefCell<Option<StillShown>>>,
}

/// Every example together, as one page would hold them.
#[component]
fn AllExamples(props: &StillShownProps) -> Html {
    html! {
        <>
            <IdleExample />
            <CountdownExample />
            <AreaLockExample />
            <FlushOnHideExample />
            <FocusHeadingExample />
            <LockoutClockExample />
            <OfflineCopyExample />
            <VoicesExample />
            <ReadAloudExample />
            <StillShownExample keep={props.keep.clone()} />
        </>
    }
}

/// The hook examples render what their doc comments say, and are removed
/// whole (timers and listeners with them). The service examples are
/// compiled only: `records_db` and `signing_key` have their own tests over
/// real IndexedDB and WebCrypto.
#[wasm_bindgen_test]
async fn the_doc_examples_compile_and_render() {
    let _compiled_only = (records_db_example, signing_key_example, derive_key_example);
    let mount = Mount::new();
    let keep = Rc::new(RefCell::new(None));
    let props = StillShownProps { keep: keep.clone() };
    let app =
        yew::Renderer::<AllExamples>::with_root_and_props(mount.element.clone(), props).render();
    settle().await;
    let heading = mount.element.query_selector("h1").ok().flatten();
    let focused = document().active_element();
    assert!(
        heading.is_some() && heading == focused,
        "the heading has focus"
    );
    assert!(mount
        .element
        .query_selector(".answer-tile")
        .ok()
        .flatten()
        .is_some());
    // No stranger's lockout, no still-there question and no offline copy in
    // a fresh test page: those examples show nothing; the one paragraph is
    // the still-shown mark.
    let paragraphs = mount.element.query_selector_all("p").map(|l| l.length());
    assert_eq!(paragraphs.ok(), Some(1));
    let shown = keep.borrow().clone().expect("the flag was handed out");
    assert!(shown.get(), "shown while mounted");
    app.destroy();
    settle().await;
    assert_eq!(mount.element.child_element_count(), 0, "removed whole");
    assert!(!shown.get(), "a task finishing now sees its screen gone");
}
