//! What the browser can tell about this tablet, for the staff area's
//! tablet check (`candour_core::researcher::tablet_check` decides what it
//! means) and for the version line.

use crate::services::instruments;
use crate::services::local_store::LocalStore;
use crate::services::secrets::{pin_state, PinState};
use crate::services::storage_status::storage_status;
use candour_core::instrument::default::default_instrument;
use candour_core::researcher::tablet_check::{OfflineCopy, QuestionnaireInUse, TabletFacts};
use candour_core::settings::Settings;
use candour_core::storage::instruments::Chosen;
use candour_core::storage::Repository;

/// The app's version, the workspace's (the release ZIP is named by it).
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The build this page is, from its `<meta name="candour-build">` (written
/// by scripts/precache.mjs); `None` when the page has none (a development
/// build that was not assembled).
pub fn page_build() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document
        .query_selector("meta[name=\"candour-build\"]")
        .ok()??;
    meta.get_attribute("content")
        .filter(|id| id.chars().all(|c| c.is_ascii_hexdigit()) && !id.is_empty())
}

/// Whether Candour runs as an app added to the home screen: the
/// `display-mode: standalone` media query (Chrome, Android, Safari 16.4+)
/// or, on older iPads, `navigator.standalone`. `None` where neither can be
/// asked.
pub fn standalone() -> Option<bool> {
    let window = web_sys::window()?;
    let by_query = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .map(|query| query.matches());
    let by_navigator = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool());
    match (by_query, by_navigator) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (None, None) => None,
        _ => Some(false),
    }
}

/// The questionnaire new surveys use, in the app's language.
fn questionnaire(locale: &str) -> Option<QuestionnaireInUse> {
    let (instrument, own_unusable) = match instruments::chosen() {
        Chosen::Loaded(instrument) => (Some(*instrument), false),
        Chosen::Default => (default_instrument().ok(), false),
        Chosen::Unusable(_) => (default_instrument().ok(), true),
    };
    instrument.map(|i| QuestionnaireInUse {
        title: i.title.get(locale, &i.locale).to_owned(),
        version: i.version.clone(),
        own_unusable,
    })
}

/// Gathers every fact the tablet check needs, with texts in `locale`;
/// `offline` comes from the page's hook (`use_offline_copy`), which
/// follows its changes.
pub async fn gather(locale: &str, offline: OfflineCopy) -> TabletFacts {
    // Read afresh, not from the page's start: staff may have just saved them.
    let settings: Settings = LocalStore::open()
        .map(|store| Repository::new(store).load_settings())
        .unwrap_or_default();
    TabletFacts {
        pin_set: pin_state() == PinState::Set,
        device_label: settings.device_label.clone(),
        service_code: settings.service_code(),
        persisted: storage_status().await.persisted,
        offline,
        // This build seals nothing yet, so it cannot know of a key.
        research_key: research_key_loaded().await,
        questionnaire: questionnaire(locale),
        standalone: standalone(),
    }
}

/// Whether a research key is kept on this tablet; `None` when the record
/// database cannot be read (the line is then left out, never ticked).
async fn research_key_loaded() -> Option<bool> {
    let db = crate::services::records_db::RecordsDb::open().await.ok()?;
    match db.research_key().await {
        Ok(kept) => Some(kept.is_some()),
        // Kept but unreadable: not loaded, as far as sealing goes.
        Err(_) => Some(false),
    }
}
