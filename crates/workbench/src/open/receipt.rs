//! "Download a receipt for the tablet": the proof, by record id and digest,
//! that the responses of the accepted files are on this computer, which
//! the tablet's "Delete exported responses" accepts in place of the export
//! file itself. Built by `candour_analysis::open::receipt_of`, the same
//! function the command-line tool's `receipt` verb calls.

use crate::app::Workbench;
use crate::env::AppEnv;
use crate::notice::outcome_notice;
use candour_analysis::open::{receipt_name, receipt_of};
use candour_core::messages::Messages;
use candour_web::clock::now;
use candour_web::download::download;
use yew::prelude::*;

/// Props of the receipt panel.
#[derive(Properties, PartialEq)]
pub struct ReceiptPanelProps {
    /// The workbench's state (its open files).
    pub wb: Workbench,
}

/// Writes the receipt of the accepted files and hands it to the browser;
/// the outcome in words.
fn save_receipt(wb: &Workbench, m: &Messages) -> Result<String, String> {
    let opened: Vec<_> = wb.files.iter().map(|f| (**f).clone()).collect();
    let receipt = match receipt_of(&opened, now()) {
        None => return Err(m.get("workbench.receipt_none").to_owned()),
        Some(Err(e)) => return Err(e.in_words(m)),
        Some(Ok(receipt)) => receipt,
    };
    let name = receipt_name(&receipt);
    download(&name, "application/json", receipt.to_json().as_bytes()).map_err(|e| e.in_words(m))?;
    Ok(m.fill(
        "workbench.receipt_saved",
        &[
            ("file", &name),
            ("count", &receipt.records.len().to_string()),
        ],
    ))
}

/// The receipt's explanation, button and outcome; shown once a file is
/// accepted.
#[component]
pub fn ReceiptPanel(props: &ReceiptPanelProps) -> Html {
    let status = use_state(|| None::<Result<String, String>>);
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = env.messages.clone();
    let wb = &props.wb;
    if !wb.files.iter().any(|f| f.outcome.is_ok()) {
        return html! {};
    }
    let onclick = {
        let (wb, m, status) = (wb.clone(), m.clone(), status.clone());
        Callback::from(move |_: MouseEvent| status.set(Some(save_receipt(&wb, &m))))
    };
    html! {
        <section class="receipt" aria-labelledby="receipt-heading">
            <h3 id="receipt-heading">{ m.get("workbench.receipt_heading") }</h3>
            <p>{ m.get("workbench.receipt_intro") }</p>
            <button type="button" class="button" {onclick} disabled={wb.busy()}>
                { m.get("workbench.receipt_button") }
            </button>
            { outcome_notice(&status) }
        </section>
    }
}
