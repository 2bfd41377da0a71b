//! What combining the picked exports did, in words: each file accepted or
//! rejected (with the reason), identical duplicates kept once, conflicting
//! records kept apart, and mixed instruments kept as separate tables; then
//! the downloads of the combined data.

use super::downloads::CombinedDownloads;
use crate::env::AppEnv;
use candour_analysis::combine::{Combined, FileRow};
use candour_core::messages::Messages;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the report.
#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    /// The merge and every file's outcome.
    pub combined: Rc<Combined>,
}

/// The report of one merge.
#[component]
pub fn ImportReport(props: &ImportReportProps) -> Html {
    let env = use_context::<AppEnv>();
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let c = &props.combined;
    let report = &c.report;
    let accepted = c.accepted();
    let summary = m.fill(
        "researcher.import_summary",
        &[
            ("accepted", &accepted.to_string()),
            ("rejected", &(c.rows.len() - accepted).to_string()),
            ("records", &report.combined.records.len().to_string()),
        ],
    );
    let rows = c.rows.iter().map(|row| file_row(m, row));
    let duplicates = report.identical_duplicates;
    html! {
        <div class="import-report">
            <p role="status">{ summary }</p>
            <h3 id="import-files-heading">{ m.get("researcher.import_files") }</h3>
            <ul class="file-list" aria-labelledby="import-files-heading">{ for rows }</ul>
            if duplicates > 0 {
                <p>{ m.fill("researcher.import_duplicates", &[("count", &duplicates.to_string())]) }</p>
            }
            { conflicts(m, c) }
            if report.mixed_instruments() {
                <p class="notice warning">{ m.fill(
                    "researcher.import_mixed",
                    &[("count", &candour_analysis::write::datasets(&report.combined).len().to_string())],
                ) }</p>
            }
            if accepted > 0 {
                <CombinedDownloads combined={c.clone()} />
            } else {
                <p class="notice warning" role="alert">{ m.get("researcher.import_none") }</p>
            }
        </div>
    }
}

/// One file's line: accepted with its records, or rejected with why.
fn file_row(m: &Messages, row: &FileRow) -> Html {
    match row {
        FileRow::Accepted { file, records } => html! {
            <li>{ m.fill(
                "researcher.import_accepted",
                &[("file", file), ("records", &records.to_string())],
            ) }</li>
        },
        FileRow::Rejected { file, reason } => html! {
            <li class="bad">{ m.fill(
                "researcher.import_rejected",
                &[("file", file), ("reason", reason)],
            ) }</li>
        },
    }
}

/// Records found with different content in different files: every version
/// is kept in the combined JSON and none goes into a table.
fn conflicts(m: &Messages, c: &Combined) -> Html {
    let conflicts = c.report.conflicts();
    if conflicts.is_empty() {
        return html! {};
    }
    let items = conflicts.iter().map(|conflict| {
        let places: Vec<String> = conflict
            .versions
            .iter()
            .map(|v| v.files.join(", "))
            .collect();
        html! {
            <li>{ m.fill(
                "researcher.import_conflict",
                &[("id", &conflict.record_id), ("files", &places.join(" / "))],
            ) }</li>
        }
    });
    html! {
        <div class="notice warning" role="alert">
            <h3 id="import-conflicts-heading">{ m.fill(
                "researcher.import_conflicts_heading",
                &[("count", &conflicts.len().to_string())],
            ) }</h3>
            <p>{ m.get("researcher.import_conflicts_intro") }</p>
            <ul class="file-list" aria-labelledby="import-conflicts-heading">{ for items }</ul>
        </div>
    }
}
