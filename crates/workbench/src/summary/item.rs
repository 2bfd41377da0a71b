//! One item's summary: its question, n, chart and missing codes.

use super::chart::Chart;
use super::count_text;
use crate::env::AppEnv;
use candour_analysis::summary::{ItemSummary, Threshold};
use candour_core::answer::MissingCode;
use candour_core::messages::Messages;
use yew::prelude::*;

/// Props of an item's summary.
#[derive(Properties, PartialEq)]
pub struct ItemViewProps {
    /// The item's summary.
    pub item: ItemSummary,
    /// The threshold applied.
    pub threshold: u64,
}

/// An item's summary, as an article named by its variable and question.
#[component]
pub fn ItemView(props: &ItemViewProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let item = &props.item;
    let t = Threshold::new(props.threshold);
    let heading_id = format!("item-{}", item.variable);
    let missing: Vec<String> = item
        .missing
        .iter()
        .map(|mc| {
            let label = match mc.code {
                Some(code) => format!("{code} {}", missing_label(m, code, &mc.label)),
                None => m.get("workbench.missing_not_shown").to_owned(),
            };
            m.fill(
                "workbench.chart_entry",
                &[("label", &label), ("count", &count_text(m, mc.count, t))],
            )
        })
        .collect();
    html! {
        <article class="item-summary" aria-labelledby={heading_id.clone()} data-variable={item.variable.clone()}>
            <h5 id={heading_id}>{ format!("{}: {}", item.variable, item.text) }</h5>
            <p class="item-n">{ m.fill("workbench.item_n", &[("n", &count_text(m, item.n, t))]) }</p>
            <Chart item={item.clone()} threshold={props.threshold} />
            if let Some(pct) = item.endorsing {
                <p class="item-endorsing">{ m.fill("workbench.endorsing", &[("percent", &format!("{pct:.1}"))]) }</p>
            }
            <p class="item-missing">{ m.fill("workbench.missing", &[("list", &missing.join("; "))]) }</p>
        </article>
    }
}

/// The words of a missing code: -97 and -95 are never shown to a
/// participant, so they are the workbench's own words; the others are the
/// questionnaire's (what the participant saw), as the summary gives them.
fn missing_label<'a>(m: &'a Messages, code: i64, questionnaire: &'a str) -> &'a str {
    if code == MissingCode::Unanswered.code() {
        m.get("workbench.missing_unanswered")
    } else if code == MissingCode::NotReached.code() {
        m.get("workbench.missing_not_reached")
    } else {
        questionnaire
    }
}
