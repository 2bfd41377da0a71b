//! Counts, ages, storage use and warnings, read from the record index and
//! the browser's storage estimate (no record is decoded for this).

use crate::services::records_db::RecordsDb;
use crate::services::storage_status::{storage_status, StorageStatus};
use crate::state::AppEnv;
use candour_core::messages::Messages;
use candour_core::researcher::dashboard::{
    dashboard, shown_count, Dashboard, RecordSummary, ShownCount, StorageUse, Warning,
};
use candour_core::storage::StoreError;
use candour_web::clock::now;
use yew::prelude::*;

/// Props of the dashboard.
#[derive(Properties, PartialEq)]
pub struct DashboardProps {
    /// Changes whenever records were exported or deleted, to read again.
    #[prop_or_default]
    pub revision: u32,
}

/// What the dashboard read.
#[derive(Clone, PartialEq)]
struct Reading {
    dashboard: Dashboard,
    status: StorageStatus,
}

/// The dashboard section.
#[component]
pub fn DashboardView(props: &DashboardProps) -> Html {
    let env = use_context::<AppEnv>();
    let reading = use_state(|| None::<Result<Reading, StoreError>>);
    {
        let reading = reading.clone();
        use_effect_with(props.revision, move |_| {
            wasm_bindgen_futures::spawn_local(async move { reading.set(Some(read().await)) });
        });
    }
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let reading = match &*reading {
        None => return html! { <section class="panel"><p>{ m.get("app.loading") }</p></section> },
        Some(Err(e)) => {
            return html! {
                <p class="notice warning" role="alert">
                    { m.fill("researcher.storage_problem", &[("problem", &e.in_words(m))]) }
                </p>
            }
        }
        Some(Ok(reading)) => reading,
    };
    let d = &reading.dashboard;
    let row = |key: &str, n: usize| {
        html! {
            <div class="count-row">
                <dt>{ m.get(key).to_owned() }</dt>
                <dd>{ count_text(m, n) }</dd>
            </div>
        }
    };
    let warnings = d.warnings.iter().map(|w| {
        let text = match w {
            Warning::NotExported { days } => m.fill(
                "researcher.warn_not_exported",
                &[("days", &days.to_string())],
            ),
            Warning::StorageNearlyFull { percent } => m.fill(
                "researcher.warn_storage",
                &[("percent", &percent.to_string())],
            ),
        };
        html! { <p class="notice warning" role="alert">{ text }</p> }
    });
    html! {
        <section class="panel" aria-labelledby="dashboard-heading">
            <h2 id="dashboard-heading">{ m.get("researcher.dashboard") }</h2>
            { for warnings }
            <dl class="counts">
                { row("researcher.count_complete", d.complete) }
                { row("researcher.count_partial", d.partial) }
                { row("researcher.count_declined", d.declined) }
                { row("researcher.count_not_exported", d.not_exported) }
            </dl>
            if let Some(days) = d.oldest_not_exported_days {
                <p>{ m.fill("researcher.oldest_not_exported", &[("days", &days.to_string())]) }</p>
            }
            { storage_text(m, d) }
            { persistence_text(m, reading.status.persisted) }
        </section>
    }
}

async fn read() -> Result<Reading, StoreError> {
    let db = RecordsDb::open().await?;
    let entries = db.list(now()).await?;
    let summaries: Vec<RecordSummary> = entries
        .iter()
        .map(|e| RecordSummary {
            status: e.status,
            ended_at: e.ended_at,
            exported_at: e.exported_at,
        })
        .collect();
    let status = storage_status().await;
    let storage = status.usage_bytes.map(|used_bytes| StorageUse {
        used_bytes,
        quota_bytes: status.quota_bytes,
    });
    Ok(Reading {
        dashboard: dashboard(&summaries, storage, now()),
        status,
    })
}

/// A count as a summary may show it (1 and 2 hidden as "fewer than 3").
fn count_text(m: &Messages, n: usize) -> String {
    match shown_count(n) {
        ShownCount::Exact(n) => n.to_string(),
        ShownCount::FewerThanThree => m.get("researcher.fewer_than_3").to_owned(),
    }
}

/// Storage used, and of what quota where the browser says.
fn storage_text(m: &Messages, d: &Dashboard) -> Html {
    let Some(storage) = d.storage else {
        return html! {};
    };
    let used = megabytes(m, storage.used_bytes);
    let text = match (storage.quota_bytes, d.percent_full) {
        (Some(quota), Some(percent)) => m.fill(
            "researcher.storage_used_of",
            &[
                ("used", &used),
                ("quota", &megabytes(m, quota)),
                ("percent", &percent.to_string()),
            ],
        ),
        _ => m.fill("researcher.storage_used", &[("used", &used)]),
    };
    html! { <p>{ text }</p> }
}

/// Whether the browser promised to keep the data; a warning when it may not.
fn persistence_text(m: &Messages, persisted: Option<bool>) -> Html {
    match persisted {
        Some(true) => html! { <p>{ m.get("researcher.persisted") }</p> },
        Some(false) => {
            html! { <p class="notice warning" role="alert">{ m.get("researcher.not_persisted") }</p> }
        }
        None => html! { <p class="notice warning">{ m.get("researcher.persist_unknown") }</p> },
    }
}

/// A size in megabytes, one decimal, with the locale's unit.
fn megabytes(m: &Messages, bytes: u64) -> String {
    let n = format!("{:.1}", bytes as f64 / 1_000_000.0);
    m.fill("researcher.megabytes", &[("n", &n)])
}
