//! Counts, ages, storage use and warnings.

use crate::core::messages::Messages;
use crate::core::researcher::dashboard::{
    dashboard, shown_count, RecordSummary, ShownCount, Warning,
};
use crate::core::storage::Repository;
use crate::ui::services::clock::now;
use crate::ui::services::local_store::LocalStore;
use crate::ui::state::AppEnv;
use yew::prelude::*;

/// The dashboard section.
#[component]
pub fn DashboardView() -> Html {
    let env = use_context::<AppEnv>();
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let records = match LocalStore::open()
        .map(Repository::new)
        .and_then(|mut r| r.load_records())
    {
        Ok(loaded) => loaded.records,
        Err(e) => {
            return html! {
                <p class="notice warning" role="alert">
                    { m.fill("researcher.storage_problem", &[("problem", &e.to_string())]) }
                </p>
            }
        }
    };
    let summaries: Vec<RecordSummary> = records
        .iter()
        .map(|r| RecordSummary {
            status: r.status,
            ended_at: r.ended_at,
            exported_at: r.exported_at,
        })
        .collect();
    let d = dashboard(&summaries, None, now());
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
        </section>
    }
}

/// A count as a summary may show it (1 and 2 hidden as "fewer than 3").
fn count_text(m: &Messages, n: usize) -> String {
    match shown_count(n) {
        ShownCount::Exact(n) => n.to_string(),
        ShownCount::FewerThanThree => m.get("researcher.fewer_than_3").to_owned(),
    }
}
