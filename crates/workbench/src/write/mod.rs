//! The analysis files: every file of the combined data (the JSON, then per
//! table each format), one button each, and "Download every file", which
//! writes them one step at a time with progress and can be cancelled. The
//! names and bytes are `candour_analysis::open::outputs`', the same the
//! command-line tool writes.

use crate::app::Workbench;
use crate::env::AppEnv;
use crate::notice::outcome_notice;
use crate::work::{report, Shared, Stage};
use candour_analysis::combine::{Combined, Format};
use candour_analysis::open::outputs::{plan, write, Planned};
use candour_core::export::ExportFile;
use candour_core::messages::Messages;
use candour_web::download::download;
use candour_web::timing::Step;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the downloads.
#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    /// The combination written.
    pub combined: Shared<Combined>,
    /// The workbench's state (its job and cancel flag).
    pub wb: Workbench,
}

/// Writes and downloads one planned file; the outcome in words.
fn save(file: &ExportFile, planned: &Planned, m: &Messages) -> Result<String, String> {
    let text = write(file, planned, m.locale()).map_err(|e| {
        m.fill(
            "workbench.not_written",
            &[("file", &planned.name), ("reason", &e.in_words(m))],
        )
    })?;
    download(&planned.name, planned.format.mime(), text.as_bytes()).map_err(|e| e.in_words(m))?;
    Ok(m.fill("workbench.saved", &[("file", &planned.name)]))
}

/// The button text of a format.
fn format_key(format: Format) -> &'static str {
    match format {
        Format::Json => "workbench.format_json",
        Format::WideCsv => "workbench.format_wide_csv",
        Format::SpssCsv => "workbench.format_spss_csv",
        Format::LongCsv => "workbench.format_long_csv",
        Format::CodebookCsv => "workbench.format_codebook_csv",
        Format::RSyntax => "workbench.format_r_syntax",
        Format::SpssSyntax => "workbench.format_spss_syntax",
        Format::StataSyntax => "workbench.format_stata_syntax",
    }
}

/// Every download of the combined data.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    let status = use_state(|| None::<Result<String, String>>);
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = env.messages.clone();
    let planned: Rc<Vec<Planned>> = Rc::new(plan(&props.combined.report.combined));
    let busy = props.wb.busy();
    let one = |p: &Planned| {
        let (combined, status, m2, p2) =
            (props.combined.clone(), status.clone(), m.clone(), p.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            status.set(Some(save(&combined.report.combined, &p2, &m2)));
        });
        html! {
            <button type="button" class="button" {onclick} disabled={busy} title={p.name.clone()}>
                { m.get(format_key(p.format)).to_owned() }
            </button>
        }
    };
    let all = {
        let (combined, status, m, planned, wb) = (
            props.combined.clone(),
            status.clone(),
            m.clone(),
            planned.clone(),
            props.wb.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if wb.busy() {
                return;
            }
            wb.cancel.reset();
            let (combined, status, m, planned, wb) = (
                combined.clone(),
                status.clone(),
                m.clone(),
                planned.clone(),
                wb.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let timing = Step::start("candour:workbench:write");
                let total = planned.len();
                let mut outcome =
                    Ok(m.fill("workbench.saved_all", &[("count", &total.to_string())]));
                for (done, p) in planned.iter().enumerate() {
                    if wb.cancel.is_cancelled() {
                        outcome = Err(m.get("workbench.cancelled").to_owned());
                        break;
                    }
                    report(&wb.job, Stage::Writing, done, total).await;
                    if let Err(e) = save(&combined.report.combined, p, &m) {
                        outcome = Err(e);
                        break;
                    }
                }
                wb.job.set(None);
                status.set(Some(outcome));
                timing.end();
            });
        })
    };
    let datasets = candour_analysis::write::datasets(&props.combined.report.combined);
    let groups = datasets.iter().enumerate().map(|(i, d)| {
        let instrument = d.instrument();
        let heading_id = format!("files-table-{i}");
        let title = instrument
            .definition
            .title
            .get(m.locale(), &instrument.definition.locale);
        let heading = m.fill(
            "workbench.table_heading",
            &[
                ("title", title),
                ("id", &instrument.id),
                ("version", &instrument.version),
                (
                    "hash",
                    instrument.hash.get(..19).unwrap_or(&instrument.hash),
                ),
                ("records", &d.records().len().to_string()),
            ],
        );
        let buttons = planned.iter().filter(|p| p.dataset == Some(i)).map(one);
        html! {
            <div class="download-group" role="group" aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>{ heading }</h3>
                <div class="download-buttons">{ for buttons }</div>
            </div>
        }
    });
    html! {
        <section class="panel" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{ m.get("workbench.downloads_heading") }</h2>
            <p>{ m.get("workbench.downloads_intro") }</p>
            <button type="button" class="button primary" onclick={all} disabled={busy}>
                { m.get("workbench.download_all") }
            </button>
            { for planned.iter().filter(|p| p.dataset.is_none()).map(one) }
            { for groups }
            { outcome_notice(&status) }
        </section>
    }
}
