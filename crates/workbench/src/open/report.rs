//! What combining the open files did, in words: files combined and refused,
//! identical copies kept once, conflicting records kept apart, and mixed
//! questionnaires kept in separate tables.

use crate::env::AppEnv;
use crate::work::Shared;
use candour_analysis::combine::Combined;
use candour_core::messages::Messages;
use yew::prelude::*;

/// Props of the report.
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The combination.
    pub combined: Shared<Combined>,
}

/// The report of one combination.
#[component]
pub fn Report(props: &ReportProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let c = &props.combined;
    let report = &c.report;
    let accepted = c.accepted();
    let summary = m.fill(
        "workbench.combine_summary",
        &[
            ("accepted", &accepted.to_string()),
            ("rejected", &(c.rows.len() - accepted).to_string()),
            ("records", &report.combined.records.len().to_string()),
        ],
    );
    let duplicates = report.identical_duplicates;
    html! {
        <section class="panel" aria-labelledby="combine-heading">
            <h2 id="combine-heading">{ m.get("workbench.combine_heading") }</h2>
            <p role="status">{ summary }</p>
            if duplicates > 0 {
                <p>{ m.fill("workbench.duplicates", &[("count", &duplicates.to_string())]) }</p>
            }
            { conflicts(m, c) }
            if report.mixed_instruments() {
                <p class="notice warning">{ m.fill(
                    "workbench.mixed",
                    &[("count", &candour_analysis::write::datasets(&report.combined).len().to_string())],
                ) }</p>
            }
            if accepted == 0 {
                <p class="notice warning" role="alert">{ m.get("workbench.none_combined") }</p>
            }
        </section>
    }
}

/// Records found with different content in different files.
fn conflicts(m: &Messages, c: &Combined) -> Html {
    let conflicts = c.report.conflicts();
    if conflicts.is_empty() {
        return html! {};
    }
    let items = conflicts.iter().map(|conflict| {
        let places: Vec<String> = conflict.versions.iter().map(|v| v.files.join(", ")).collect();
        html! {
            <li>{ m.fill("workbench.conflict", &[("id", &conflict.record_id), ("files", &places.join(" / "))]) }</li>
        }
    });
    html! {
        <div class="notice warning" role="alert">
            <h3 id="conflicts-heading">{ m.fill(
                "workbench.conflicts_heading",
                &[("count", &conflicts.len().to_string())],
            ) }</h3>
            <p>{ m.get("workbench.conflicts_intro") }</p>
            <ul class="file-list" aria-labelledby="conflicts-heading">{ for items }</ul>
        </div>
    }
}
