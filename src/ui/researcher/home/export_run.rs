//! What the export panel's buttons do: build every export file from the
//! stored records, hand each to the browser as a download, then mark the
//! records exported; count the exported ones; save the quarantine.

use crate::core::export::{build_export, export_file_name, select_records, Selection};
use crate::core::instrument::Instrument;
use crate::core::messages::Messages;
use crate::core::time::Timestamp;
use crate::ui::services::clock::now;
use crate::ui::services::download::download;
use crate::ui::services::records_db::RecordsDb;
use crate::ui::services::timing::Step;

/// Every instrument records on this device may have been answered on.
fn instruments() -> Vec<Instrument> {
    crate::ui::services::instruments::known_instruments()
}

/// Builds every export file, downloads them, then marks the records exported.
/// Each step is left in the performance timeline (`candour:export:*`) for
/// the benchmark; the whole as `candour:export:total`.
pub async fn export_now(selection: Selection, label: &str, m: &Messages) -> Result<String, String> {
    let total = Step::start("candour:export:total");
    let read = Step::start("candour:export:read");
    let db = RecordsDb::open().await.map_err(|e| e.to_string())?;
    let at = now();
    let loaded = db.load_all(at).await.map_err(|e| e.to_string())?;
    read.end();
    let chosen = select_records(&loaded.records, selection);
    if chosen.is_empty() {
        return Ok(m.get("researcher.export_nothing").to_owned());
    }
    let model = Step::start("candour:export:model");
    let instruments = instruments();
    let refs: Vec<&Instrument> = instruments.iter().collect();
    let file = build_export(&chosen, &refs, label, at).map_err(|e| e.to_string())?;
    model.end();
    let mut names = Vec::new();
    let mut save = |ext: &str, mime: &str, body: String| -> Result<(), String> {
        let name = export_file_name(label, at, chosen.len(), ext);
        download(&name, mime, body.as_bytes())?;
        names.push(name);
        Ok(())
    };
    let step = Step::start("candour:export:json");
    save(
        "json",
        "application/json",
        file.to_json().map_err(|e| e.to_string())?,
    )?;
    step.end();
    let datasets = file.datasets();
    for (i, dataset) in datasets.iter().enumerate() {
        // Several instrument versions never share a table: one set each.
        let tag = if datasets.len() > 1 {
            format!("v{}.", i + 1)
        } else {
            String::new()
        };
        let wide = export_file_name(label, at, chosen.len(), &format!("{tag}wide.csv"));
        let spss_csv = export_file_name(label, at, chosen.len(), &format!("{tag}spss.csv"));
        let csv = "text/csv;charset=utf-8";
        let step = Step::start("candour:export:wide.csv");
        save(
            &format!("{tag}wide.csv"),
            csv,
            dataset.wide_csv().map_err(|e| e.to_string())?,
        )?;
        step.end();
        let step = Step::start("candour:export:spss.csv");
        save(
            &format!("{tag}spss.csv"),
            csv,
            dataset.wide_csv_for_spss().map_err(|e| e.to_string())?,
        )?;
        step.end();
        let step = Step::start("candour:export:long.csv");
        save(
            &format!("{tag}long.csv"),
            csv,
            dataset.long_csv().map_err(|e| e.to_string())?,
        )?;
        step.end();
        let step = Step::start("candour:export:codebook+syntax");
        save(
            &format!("{tag}codebook.csv"),
            csv,
            dataset.codebook_csv("en"),
        )?;
        save(
            &format!("{tag}R"),
            "text/plain;charset=utf-8",
            dataset.r_syntax(&wide, "en").map_err(|e| e.to_string())?,
        )?;
        save(
            &format!("{tag}sps"),
            "text/plain;charset=utf-8",
            dataset
                .spss_syntax(&spss_csv, "en")
                .map_err(|e| e.to_string())?,
        )?;
        step.end();
    }
    let step = Step::start("candour:export:mark");
    let marked = db
        .mark_exported(&chosen, at)
        .await
        .map_err(|e| e.to_string())?;
    step.end();
    total.end();
    Ok(m.fill(
        "researcher.exported",
        &[
            ("count", &chosen.len().to_string()),
            ("files", &names.len().to_string()),
            ("marked", &marked.to_string()),
        ],
    ))
}

/// How many stored records were exported (and may be deleted).
pub async fn exported_count() -> Result<usize, String> {
    let db = RecordsDb::open().await.map_err(|e| e.to_string())?;
    let entries = db.list(now()).await.map_err(|e| e.to_string())?;
    Ok(entries.iter().filter(|e| e.exported_at.is_some()).count())
}

/// Downloads every quarantined value, raw, for inspection.
pub async fn download_quarantine(m: &Messages) -> Result<String, String> {
    let db = RecordsDb::open().await.map_err(|e| e.to_string())?;
    let kept = db.quarantined().await.map_err(|e| e.to_string())?;
    if kept.is_empty() {
        return Ok(m.get("researcher.quarantine_none").to_owned());
    }
    let body = serde_json::to_string_pretty(&kept).map_err(|e| e.to_string())?;
    let at: Timestamp = now();
    download(
        &export_file_name("unreadable", at, kept.len(), "json"),
        "application/json",
        body.as_bytes(),
    )?;
    Ok(m.fill(
        "researcher.quarantine_saved",
        &[("count", &kept.len().to_string())],
    ))
}
