//! The downloads of combined data: the JSON (conflicts included), and per
//! table (one per instrument) the formats of a device export. Each file is
//! written only when its button is pressed, so a large merge does not hold
//! every format in memory at once.

use crate::env::AppEnv;
use candour_analysis::combine::{download_name, write_download, Combined, Format, COMBINED_LABEL};
use candour_core::export::ExportFile;
use candour_core::messages::Messages;
use candour_web::download::download;
use std::rc::Rc;
use yew::prelude::*;

/// Props of the downloads.
#[derive(Properties, PartialEq)]
pub struct CombinedDownloadsProps {
    /// The merge whose combined file is downloaded.
    pub combined: Rc<Combined>,
}

/// Buttons for every download of the combined data, and what the last did.
#[component]
pub fn CombinedDownloads(props: &CombinedDownloadsProps) -> Html {
    let env = use_context::<AppEnv>();
    let status = use_state(|| None::<Result<String, String>>);
    let Some(env) = env else { return html! {} };
    let m = env.messages.clone();
    let file = &props.combined.report.combined;
    let button = |dataset: Option<usize>, format: Format, key: &str| {
        let (combined, status, messages) = (props.combined.clone(), status.clone(), m.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            status.set(Some(save(
                &combined.report.combined,
                dataset,
                format,
                &messages,
            )));
        });
        html! { <button type="button" class="button" {onclick}>{ m.get(key).to_owned() }</button> }
    };
    let datasets = candour_analysis::write::datasets(file);
    let tables = datasets.iter().enumerate().map(|(i, d)| {
        let instrument = d.instrument();
        let heading_id = format!("combined-table-{i}");
        let title = instrument
            .definition
            .title
            .get(m.locale(), &instrument.definition.locale);
        let heading = m.fill(
            "researcher.import_table",
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
        let buttons = Format::PER_DATASET
            .iter()
            .map(|&f| button(Some(i), f, format_key(f)));
        html! {
            <div class="download-group" role="group" aria-labelledby={heading_id.clone()}>
                <h4 id={heading_id}>{ heading }</h4>
                <div class="download-buttons">{ for buttons }</div>
            </div>
        }
    });
    html! {
        <div class="stack">
            <h3>{ m.get("researcher.import_downloads") }</h3>
            { button(None, Format::Json, "researcher.import_download_json") }
            { for tables }
            if let Some(outcome) = &*status {
                <p class={classes!("notice", outcome.is_err().then_some("warning"))} role="status">
                    { outcome.clone().unwrap_or_else(|e| e) }
                </p>
            }
        </div>
    }
}

/// Writes and downloads one file; the outcome in words.
fn save(
    file: &ExportFile,
    dataset: Option<usize>,
    format: Format,
    m: &Messages,
) -> Result<String, String> {
    let name = download_name(file, dataset, format, COMBINED_LABEL);
    let text = write_download(file, dataset, format, COMBINED_LABEL, m.locale())
        .map_err(|e| e.to_string())?;
    download(&name, format.mime(), text.as_bytes())?;
    Ok(m.fill("researcher.import_saved", &[("file", &name)]))
}

/// The button text of a per-table format.
fn format_key(format: Format) -> &'static str {
    match format {
        Format::Json => "researcher.import_download_json",
        Format::WideCsv => "researcher.format_wide_csv",
        Format::SpssCsv => "researcher.format_spss_csv",
        Format::LongCsv => "researcher.format_long_csv",
        Format::CodebookCsv => "researcher.format_codebook_csv",
        Format::RSyntax => "researcher.format_r_syntax",
        Format::SpssSyntax => "researcher.format_spss_syntax",
    }
}
